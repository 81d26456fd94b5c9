"""Sync latency: a commit on desk A to the changed row painted on desk B (issue 17).

Desk B is what a person runs: a census screen fed by the change watcher (``console.sync``,
LISTEN/NOTIFY on PostgreSQL, a poll every second on SQLite, as ``console.app`` starts it) through
the change bridge, loading on the worker. Desk A is a second connection to the same database that
records a CRP result for one patient (a change the census shows) and commits. Each sample is the
wall time from A's commit returning to B's census having reloaded that row and repainted. The
samples are spaced at random (0.2–1.2 s) so they fall on every phase of the SQLite poll.

    .venv/bin/python -m bench.sync_latency [--samples 30] [--pg postgresql://postgres@127.0.0.1/postgres]

Output: JSON with every sample and p50/p95 per backend, then a table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench._common import machine, postgres_database, sqlite_database
from bench._qt import run_for, run_until
from console.services.core.operations import Runner
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from console.services.demo.seed import seed_demo
from console.services.rounds.rounds import add_lab_result
from console.sync import ChangeWatcher
from console.timeutil import now_utc, today_local
from console.views.census.screen import CensusScreen
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker

NURSE = "LDA"  # an e-nurse of the demo ward


def _pump(seconds: float) -> None:
    run_for(seconds)  # the event loop, asleep between events (bench/_qt.py)


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * int(q * 100) // 100) - 1)]


def measure(url: str, samples: int, rnd: random.Random) -> dict[str, Any]:
    desk_a = open_ward(url)
    desk_b = open_ward(url)
    day = today_local()
    with unit_of_work(desk_a, "system") as session:
        seed_demo(session, day=day, seed=1)
    changes = ChangeBridge()
    watcher = ChangeWatcher(url, changes.on_change, on_status=changes.on_status)
    worker = Worker(Runner(desk_b, NURSE))
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        context = ScreenContext(runner=worker.runner, user=NURSE, worker=worker,
                                changes=changes, settings=settings)
        screen = CensusScreen(context, day)
        screen.resize(1400, 900)
        screen.show()
        watcher.start()
        watcher.wait_until_watching(10)
        loaded: list[float] = []
        screen.loaded.connect(lambda: loaded.append(time.perf_counter()))
        screen.reload()
        _pump(1.5)
        ids = [screen.model.row_at(r).admission_id for r in range(screen.model.rowCount())]
        taken: list[float] = []
        try:
            for _ in range(samples):
                _pump(rnd.uniform(0.2, 1.2))
                loaded.clear()
                with unit_of_work(desk_a, NURSE) as session:
                    add_lab_result(session, rnd.choice(ids), crp=rnd.uniform(5, 150),
                                   taken_at=now_utc())
                committed = time.perf_counter()
                if not run_until(lambda: bool(loaded), 10):
                    raise SystemExit("desk B did not see the change within 10 s")
                screen.window().repaint()
                taken.append((time.perf_counter() - committed) * 1000)
        finally:
            watcher.stop()
            worker.shutdown()
            screen.close()
            desk_a.dispose()
            desk_b.dispose()
    return {"backend": desk_b.backend, "samples_ms": [round(s, 1) for s in taken],
            "p50_ms": round(statistics.median(taken), 1),
            "p95_ms": round(_percentile(taken, 0.95), 1), "max_ms": round(max(taken), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--pg", help="a PostgreSQL server URL that may CREATE DATABASE")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rnd = random.Random(7)
    results = []
    with sqlite_database() as url:
        print("sqlite", file=sys.stderr)
        results.append(measure(url, args.samples, rnd))
    if args.pg:
        with postgres_database(args.pg) as url:
            print("postgresql", file=sys.stderr)
            results.append(measure(url, args.samples, rnd))
    print(json.dumps({"machine": machine(), "samples": args.samples, "results": results},
                     indent=1))
    print(f"{'backend':<11}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for r in results:
        print(f"{r['backend']:<11}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
