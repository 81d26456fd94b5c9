"""Time ``console.services.course.census.load_census`` on a large ward and on the demo-size ward.

Builds a fresh SQLite file (and, with ``--pg SERVER_URL``, a throw-away PostgreSQL database) with
``--patients`` admitted patients and ``--visits`` visits (plus regimens, CRP results,
escalations, deliveries), then times ``load_census(session, today)`` ``--repeat`` times, each in
its own read-only session as a screen reload does. The demo-size ward (40 patients, same visits
per patient) is measured in the same run so the ratio between the two is comparable.

    .venv/bin/python -m bench.census_load --pg postgresql://postgres@127.0.0.1/postgres

Prints one JSON document (machine, sizes, median/p90/min in ms) and then a table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    WardSize,
    load_ward,
    machine,
    open_fresh,
    postgres_database,
    sqlite_database,
    time_calls,
)
from console.services.core.uow import read_only
from console.services.course.census import load_census
from console.timeutil import today_local

DEMO_PATIENTS = 40


def measure(url: str, size: WardSize, repeat: int) -> dict[str, Any]:
    db = open_fresh(url)
    try:
        day = today_local()
        started = time.perf_counter()
        counts = load_ward(db, size, day)
        load_s = time.perf_counter() - started

        rows = 0

        def reload() -> None:
            nonlocal rows
            with read_only(db, "bench") as session:
                rows = load_census(session, day).admitted

        timing = time_calls(reload, repeat)
        if rows != size.patients:
            raise SystemExit(f"census shows {rows} patients, expected {size.patients}")
        return {"backend": db.backend, "patients": size.patients, "visits": counts.visits,
                "rows": rows, "counts": asdict(counts), "bulk_load_s": round(load_s, 2),
                "samples_ms": [round(s, 2) for s in timing.samples_ms], **timing.as_dict()}
    finally:
        db.dispose()


def run(args: argparse.Namespace) -> dict[str, Any]:
    big = WardSize(args.patients, args.visits)
    per_patient = max(1, args.visits // max(1, args.patients))
    demo = WardSize(DEMO_PATIENTS, DEMO_PATIENTS * per_patient)
    results: list[dict[str, Any]] = []
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    if args.pg:
        backends.append(("postgresql", args.pg))
    for backend, server in backends:
        for size in (demo, big):
            print(f"{backend}: {size.label} …", file=sys.stderr, flush=True)
            if server is None:
                with sqlite_database(args.keep) as url:
                    results.append(measure(url, size, args.repeat))
            else:
                with postgres_database(server, args.keep) as url:
                    results.append(measure(url, size, args.repeat))
    ratios = {}
    for backend, _ in backends:
        small, large = (r for r in results if r["backend"] == backend)
        ratios[backend] = round(large["median_ms"] / small["median_ms"], 1)
    return {"benchmark": "census_load", "machine": machine(), "repeat": args.repeat,
            "results": results, "median_ratio_big_over_demo": ratios}


def print_table(report: dict[str, Any]) -> None:
    print()
    print(f"{'backend':<11} {'patients':>8} {'visits':>8} {'median ms':>10} {'p90 ms':>8} "
          f"{'min ms':>8}")
    for r in report["results"]:
        print(f"{r['backend']:<11} {r['patients']:>8,} {r['visits']:>8,} {r['median_ms']:>10.1f} "
              f"{r['p90_ms']:>8.1f} {r['min_ms']:>8.1f}")
    for backend, ratio in report["median_ratio_big_over_demo"].items():
        print(f"{backend}: large ward median is {ratio}× the demo ward's")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--patients", type=int, default=1_000)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--pg", metavar="SERVER_URL",
                        help="also measure PostgreSQL in a throw-away database on this server")
    parser.add_argument("--keep", action="store_true",
                        help="keep the SQLite files / PostgreSQL databases for inspection")
    args = parser.parse_args(argv)
    if args.patients < 1 or args.visits < 0 or args.repeat < 1:
        parser.error("--patients and --repeat must be positive, --visits not negative")
    report = run(args)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
