"""GUI-thread stall while the census and the dashboard load: as the console does it, against
doing the same on the GUI thread.

A QTimer ticks every 5 ms on the GUI thread; the longest gap between ticks while a reload is in
flight is the stall a person would feel (a frozen window). The census service is slowed by an
injected sleep (the "network hop"); the baseline does the same load synchronously on the GUI
thread, as a naive view would. The dashboard (issue 17) is measured from its reload to every
chart of the visible tab drawn, against drawing the same charts on the GUI thread as it used to
(matplotlib on the GUI thread); since 2026-12-06 the charts are drawn by a helper process. The
visit board and the dispatch board are measured from reload to repaint with every read slowed
by the largest delay. Each measure goes on for ``SETTLE_MS`` after the screen reports done, so
work a screen defers to later turns of the event loop counts too. Each screen is the only window
shown while it is measured (the census is hidden once its measures are done). Reports the median and the
maximum of the longest gap over N reloads as JSON.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_stall.py [--reloads 5] [--delays 50,200,500]
        [--patients 1000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from bench._qt import run_for, run_until
from console.db import Database
from console.services.core.operations import Runner
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course import census as census_service
from console.services.course.census import CensusSnapshot
from console.timeutil import today_local
from console.views.census.screen import CensusScreen
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker

TICK_MS = 5
SETTLE_MS = 250  # measured on after a screen says it is done (deferred column sizing)


def seed(db: Database, day: date) -> None:
    from console.services.demo.seed import seed_demo

    with unit_of_work(db, "system") as session:
        seed_demo(session, day=day, seed=1)


def slow_census(delay_s: float) -> Callable[..., CensusSnapshot]:
    real = census_service.load_census

    def load(session: Session, day: date | None = None) -> CensusSnapshot:
        time.sleep(delay_s)
        return real(session, day)

    return load


def slow_reads(runner: Runner, delay_s: float) -> None:
    """Every read of ``runner`` waits ``delay_s`` first: a slow network hop to the database."""
    real = runner.run

    def run(operation: Callable[..., object], *, write: bool = False,
            deadline: float | None = None) -> object:
        if not write:
            time.sleep(delay_s)
        return real(operation, write=write, deadline=deadline)

    runner.run = run  # type: ignore[method-assign,assignment]


class GcPauses:
    """The longest garbage-collector pause (any thread) since ``reset``, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def reset(self) -> None:
        self.longest_ms = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.longest_ms = max(self.longest_ms, (time.perf_counter() - self._started) * 1000)


class StallMeter:
    """Longest gap between GUI-thread timer ticks while ``measure`` runs, and the longest
    garbage-collector pause within it (``gc_pauses``)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0
        self.gc = GcPauses()
        self.gc_pauses: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def measure(self, start: Callable[[], None], done: Callable[[], bool]) -> int:
        self.longest = 0
        self.gc.reset()
        started: list[bool] = []

        def begin() -> None:
            start()
            started.append(True)

        self.clock.start()
        self.timer.start()
        QTimer.singleShot(0, begin)
        if not run_until(lambda: bool(started) and done(), 300, poll_ms=5):
            raise SystemExit("the screen did not finish loading within 5 minutes")
        run_for(SETTLE_MS / 1000)  # what the screen left for later turns of the loop
        self._tick()  # the gap up to the end counts too
        self.timer.stop()
        self.gc_pauses.append(round(self.gc.longest_ms, 1))
        return self.longest


def run(reloads: int, delays_ms: list[int], patients: int = 0) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    day = today_local()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_ward(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        if patients:  # a synthetic ward of that size, 100 visits per patient
            from bench._common import WardSize, load_ward

            load_ward(db, WardSize(patients, patients * 100), day)
        else:
            seed(db, day)
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        worker = Worker(Runner(db, "BENCH"))
        context = ScreenContext(runner=worker.runner, user="BENCH", worker=worker,
                                changes=ChangeBridge(), settings=settings)
        screen = CensusScreen(context, day)
        screen.resize(1200, 800)
        screen.show()
        from console.views.common.gc_policy import (
            IdleCollector,
            freeze_startup_objects,
            nothing_in_flight,
        )

        freeze_startup_objects()  # as the console does once its window is up
        collector = IdleCollector(nothing_in_flight(worker))  # full collections between loads
        meter = StallMeter()
        results: dict[str, object] = {}
        real = census_service.load_census
        try:
            for delay in delays_ms:
                census_service.load_census = slow_census(delay / 1000)  # type: ignore[assignment]
                background, synchronous = [], []
                for _ in range(reloads):
                    background.append(meter.measure(screen.reload, worker.is_idle))
                    finished: list[bool] = []

                    def load_on_gui_thread(finished: list[bool] = finished) -> None:
                        with read_only(db) as session:
                            snapshot = census_service.load_census(session, day)
                        screen._on_loaded(snapshot)
                        finished.append(True)

                    synchronous.append(meter.measure(load_on_gui_thread, lambda f=finished: bool(f)))
                results[f"census {delay}ms"] = {
                    "worker_longest_gap_ms": statistics.median(background),
                    "worker_max_gap_ms": max(background),
                    "worker_samples_ms": background,
                    "synchronous_longest_gap_ms": statistics.median(synchronous),
                }
            census_service.load_census = real  # type: ignore[assignment]
            # One screen shown at a time, as in the console's window: a census window left up
            # beside the next screen's lost the activation to it and repainted (palette
            # Active → Inactive: 30-250 ms for 1,000 patients) inside that screen's first
            # measure (2026-12-06 evening: the dashboard's 135-213 ms first load was mostly it).
            screen.hide()
            results["dashboard"] = dashboard_stall(context, day, meter, reloads)
            slow_reads(worker.runner, max(delays_ms) / 1000)
            results["visit board"] = screen_stall(context, day, meter, reloads, "visits")
            results["dispatch board"] = screen_stall(context, day, meter, reloads, "dispatch")
            started = time.perf_counter()
            gc.collect()  # what the idle collection costs once all three screens have loaded
            results["idle_full_collection_ms"] = round((time.perf_counter() - started) * 1000, 1)
            results["idle_collections"] = collector.collections
            collector.stop()
        finally:
            census_service.load_census = real  # type: ignore[assignment]
            worker.shutdown()
            screen.close()
            db.dispose()
        del app
    return {"reloads": reloads, "tick_ms": TICK_MS, "rows": screen.model.rowCount(),
            "longest_gc_pause_ms_per_measure": meter.gc_pauses,
            "median_longest_gui_gap": results}


def screen_stall(context: ScreenContext, day: date, meter: StallMeter, reloads: int,
                 key: str) -> dict[str, float]:
    """Reload of a registered screen (the dispatch board) to its repaint, through the worker."""
    from console.views.registry import entry

    screen = entry(key).create(context, day)
    screen.resize(1400, 900)
    screen.show()
    samples = []
    try:
        for _ in range(reloads):
            done: list[bool] = []
            screen.loaded.connect(lambda d=done: d.append(True))

            def finished(d: list[bool] = done) -> bool:
                if d and context.worker.is_idle():
                    screen.repaint()
                    return True
                return False

            samples.append(meter.measure(screen.reload, finished))
            screen.loaded.disconnect()
    finally:
        screen.close()
    return {"worker_longest_gap_ms": statistics.median(samples),
            "worker_max_gap_ms": max(samples), "worker_samples_ms": samples}


def dashboard_stall(context: ScreenContext, day: date, meter: StallMeter,
                    reloads: int) -> dict[str, float]:
    """Reload to the visible tab's charts drawn: in the background, and on the GUI thread."""
    from console.services.monitoring.dashboard import DashboardFigures
    from console.views.dashboard.charts import PAGES
    from console.views.dashboard.render import render_chart
    from console.views.dashboard.screen import DashboardScreen

    screen = DashboardScreen(context, day)
    screen.resize(1400, 900)
    screen.show()
    panels = [screen.panels[k] for k in PAGES[0][2]]
    background, synchronous = [], []
    try:
        for _ in range(reloads):
            for panel in panels:
                panel._drawn_at = None  # force a fresh drawing

            def drawn() -> bool:
                return (context.worker.is_idle() and screen.background.is_idle()
                        and all(p.is_drawn for p in panels))

            background.append(meter.measure(screen.reload, drawn))
            figures = screen.figures
            assert figures is not None

            def draw_on_gui_thread(done: list[bool], figures: DashboardFigures = figures) -> None:
                for panel in panels:
                    size = panel.canvas.size()
                    render_chart(panel.spec.key, figures, panel.option, size.width(),
                                 size.height())
                done.append(True)

            done: list[bool] = []
            synchronous.append(meter.measure(lambda d=done: draw_on_gui_thread(d),
                                             lambda d=done: bool(d)))
    finally:
        screen.background.wait()
        screen.close()
    return {"background_longest_gap_ms": statistics.median(background),
            "background_max_gap_ms": max(background),
            "gui_thread_longest_gap_ms": statistics.median(synchronous),
            "charts": len(panels), "background_samples_ms": background}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reloads", type=int, default=5)
    parser.add_argument("--delays", default="50,200,500", help="injected delays in ms")
    parser.add_argument("--patients", type=int, default=0,
                        help="a synthetic ward of this many patients (default: the demo ward)")
    args = parser.parse_args()
    delays = [int(d) for d in args.delays.split(",")]
    print(json.dumps(run(args.reloads, delays, args.patients), indent=2))


if __name__ == "__main__":
    main()
