"""Census: time from a reload to painted rows, and from another desk's one-row change to the
repainted row, at several ward sizes on both databases (issue 17).

``census_load.py`` times the service alone; this times what a person sees. A ``CensusScreen``
(1400×900, offscreen Qt) runs on a synthetic ward (``_common.load_ward``, 100 visits per
patient by default). Each sample:

- **full**: ``screen.reload()`` → the worker loads the census → the model is set → the window
  is repainted (``repaint()``, synchronous) — wall time until the paint returns;
- **one row**: a change event naming one admission's rows, as the change feed delivers when
  another desk edits one patient → the census reloads only that row → repainted. The work this
  does should not grow with the ward.

Both kinds alternate, on each size, in one run; medians and the ratio to the smallest ward.

    .venv/bin/python -m bench.census_paint [--sizes 100,1000,5000] [--repeat 9]
        [--pg postgresql://postgres@127.0.0.1/postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench._common import (
    WardSize,
    load_ward,
    machine,
    open_fresh,
    postgres_database,
    sqlite_database,
)
from bench._qt import run_until
from console.change_events import ChangedRow, ChangeEvent
from console.services.core.operations import Runner
from console.timeutil import today_local
from console.views.census.screen import CensusScreen
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker

VISITS_PER_PATIENT = 100


def _wait(done: list[bool], timeout_s: float = 60.0) -> None:
    if not run_until(lambda: bool(done), timeout_s):  # in the event loop, never a spin
        raise SystemExit("the census did not load within a minute")


def _sample(screen: CensusScreen, start: Any) -> float:
    done: list[bool] = []
    screen.loaded.connect(lambda: done.append(True))
    started = time.perf_counter()
    start()
    _wait(done)
    screen.window().repaint()
    elapsed = (time.perf_counter() - started) * 1000
    screen.loaded.disconnect()
    return elapsed


def measure(url: str, patients: int, repeat: int, settings_dir: Path) -> dict[str, Any]:
    db = open_fresh(url)
    worker: Worker | None = None
    try:
        day = today_local()
        load_ward(db, WardSize(patients, patients * VISITS_PER_PATIENT), day)
        worker = Worker(Runner(db, "BENCH"))
        settings = QSettings(str(settings_dir / "ui.ini"), QSettings.Format.IniFormat)
        changes = ChangeBridge()
        context = ScreenContext(runner=worker.runner, user="BENCH", worker=worker,
                                changes=changes, settings=settings)
        screen = CensusScreen(context, day)
        screen.resize(1400, 900)
        screen.show()
        _sample(screen, screen.reload)  # warm-up: first load, caches
        rows = screen.model.rowCount()
        if rows != patients:
            raise SystemExit(f"census shows {rows} patients, expected {patients}")
        some = screen.model.row_at(rows // 2).admission_id
        event = ChangeEvent(frozenset({"visit"}), (ChangedRow("visit", "1", some),),
                            complete=True)
        full, one = [], []
        for _ in range(repeat):
            full.append(_sample(screen, screen.reload))
            one.append(_sample(screen, lambda: changes.changed.emit(event)))
        screen.close()
        return {"backend": db.backend, "patients": patients, "rows": rows,
                "full_median_ms": round(statistics.median(full), 1),
                "one_row_median_ms": round(statistics.median(one), 1),
                "full_samples_ms": [round(s, 1) for s in full],
                "one_row_samples_ms": [round(s, 1) for s in one]}
    finally:
        if worker is not None:
            worker.shutdown()
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--pg", help="a PostgreSQL server URL that may CREATE DATABASE")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sizes = [int(s) for s in args.sizes.split(",")]
    results: list[dict[str, Any]] = []
    backends: list[tuple[str, Any]] = [("sqlite", sqlite_database)]
    if args.pg:
        backends.append(("postgresql", lambda: postgres_database(args.pg)))
    for name, make in backends:
        for patients in sizes:
            print(f"{name}: {patients} patients", file=sys.stderr)
            database: AbstractContextManager[str] = make()
            with database as url, tempfile.TemporaryDirectory() as settings_dir:
                results.append(measure(url, patients, args.repeat, Path(settings_dir)))
    smallest = {r["backend"]: r for r in results if r["patients"] == min(sizes)}
    for r in results:
        base = smallest[r["backend"]]
        r["full_ratio_to_smallest"] = round(r["full_median_ms"] / base["full_median_ms"], 2)
        r["one_row_ratio_to_smallest"] = round(r["one_row_median_ms"]
                                               / base["one_row_median_ms"], 2)
    print(json.dumps({"machine": machine(), "repeat": args.repeat,
                      "visits_per_patient": VISITS_PER_PATIENT, "results": results}, indent=1))
    print(f"{'backend':<11}{'patients':>9}{'full ms':>9}{'one row ms':>12}{'ratios':>14}")
    for r in results:
        print(f"{r['backend']:<11}{r['patients']:>9}{r['full_median_ms']:>9}"
              f"{r['one_row_median_ms']:>12}  {r['full_ratio_to_smallest']}/"
              f"{r['one_row_ratio_to_smallest']}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
