"""Time the console's own planner on a realistic MBE day: ~120 visits, 3 bases × 2 shifts × 4 cars.

Builds a throw-away SQLite ward: the demo seed (``console.services.demo.seed``) for the day, every car
put in service, plus synthetic MBE visits (dose windows, first visits, blood samples) for new
patients spread over the 17 municipalities until the day holds ``--visits`` planned MBE visits,
all in the tray. Then, for each ``--seeds`` seed, it calls
``console.services.dispatch.planner.propose_plan`` as the GUI does (a read-only session, the whole call
timed) with a short limit (``--short``, the GUI's default 3 s) and a long one (``--long``; use
60 for the record), and reports:

- ``setup_s``: loading the day and the travel matrices (wall time of the call minus
  ``PlanProposal.seconds``, which covers building the PyVRP model and the search);
- ``first_feasible_s``: search time to PyVRP's first feasible solution (trivially ~0 here: every
  visit is optional, so an empty plan is already feasible);
- ``complete_s``: wall time from the call to the first plan that places as many visits as the
  long run's final plan ("a first plan the dispatcher can use");
- ``placed`` and ``driving_min`` of the short and the long plan, and the short plan's driving
  time over the long plan's.

Medians over the seeds are printed last. Nothing here runs in ``make test``.

    .venv/bin/python -m bench.plan_day --seeds 3 --short 3 --long 60
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date
from datetime import time as clock_time
from importlib.metadata import version
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, update

from bench._common import machine, sqlite_database
from console.db import Database
from console.models import (
    Admission,
    AdmissionStatus,
    Condition,
    Municipality,
    Patient,
    Provider,
    ShiftCar,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.demo import data as demo_data
from console.services.demo.seed import seed_demo
from console.services.dispatch.planner import PlanProgress, PlanProposal, propose_plan
from console.services.dispatch.routes import mbe_visits
from console.timeutil import utc_at

DAY = date(2026, 11, 24)  # a Tuesday
DOSE_TIMES = (8, 8, 12, 14, 16, 16, 20, 21)  # local hours; windows are ±60 min inside 07-23


def build_day(db: Database, visits: int, seed: int = 7) -> int:
    """Demo ward + synthetic MBE visits until ``visits`` planned ones open on DAY; returns the count."""
    rng = random.Random(seed)
    with unit_of_work(db, "system") as s:
        seed_demo(s, day=DAY, seed=1)
        s.execute(update(ShiftCar).values(in_service=True))
        s.execute(update(Visit).where(Visit.provider == Provider.MBE).values(
            shift_car_id=None, route_order=None, eta=None, pinned=False))
    with unit_of_work(db, "system") as s:
        have = len([v for v in mbe_visits(s, DAY) if v.status == VisitStatus.PLANNED.value])
        munis = list(s.scalars(select(Municipality).order_by(Municipality.name)))
        weights = [demo_data.MUNICIPALITY_FACTS.get(m.name, ("", 20))[1] for m in munis]
        for n in range(max(0, visits - have)):
            muni = rng.choices(munis, weights=weights)[0]
            patient = Patient(cpr=f"3112{n // 1000:02d}-9{n % 1000:03d}", name=f"Bench Patient {n}",
                              address=f"Benchvej {n}", municipality=muni,
                              lat=muni.lat + rng.uniform(-0.06, 0.06),
                              lon=muni.lon + rng.uniform(-0.1, 0.1), location_approximate=False)
            adm = Admission(patient=patient, status=AdmissionStatus.ADMITTED,
                            condition=Condition.PNEUMONIA, provider=Provider.MBE)
            kind = rng.choices((VisitKind.IV_DOSE, VisitKind.FIRST_VISIT, VisitKind.BLOOD_SAMPLE),
                               weights=(70, 15, 15))[0]
            if kind is VisitKind.IV_DOSE:
                hour = rng.choice(DOSE_TIMES)
                lo, hi = max(7 * 60, hour * 60 - 60), min(23 * 60, hour * 60 + 60)
                minutes = rng.randint(20, 35)
            elif kind is VisitKind.FIRST_VISIT:
                lo = rng.randrange(8 * 60, 18 * 60, 15)
                hi, minutes = lo + 180, rng.randint(35, 50)
            else:
                lo, hi, minutes = 8 * 60, 11 * 60, rng.randint(15, 20)
            s.add(Visit(admission=adm, kind=kind, provider=Provider.MBE,
                        window_start=utc_at(DAY, clock_time(lo // 60, lo % 60)),
                        window_end=utc_at(DAY, clock_time(hi // 60, hi % 60)),
                        service_minutes=minutes, status=VisitStatus.PLANNED))
        s.flush()
        return len([v for v in mbe_visits(s, DAY) if v.status == VisitStatus.PLANNED.value])


UNBOUNDED = 10**12  # iterations: the time limit alone ends the search ("at 2 s", "at 60 s")


def timed_plan(db: Database, time_limit: float,
               seed: int) -> tuple[PlanProposal, float, list[tuple[float, int]]]:
    """One planning call as the GUI makes it, but with the time limit as the whole budget;
    returns the plan, wall seconds and (wall seconds since the call, visits placed) at every
    improvement."""
    trace: list[tuple[float, int]] = []
    started = time.perf_counter()

    def progress(p: PlanProgress) -> None:
        trace.append((time.perf_counter() - started, p.placed))

    with read_only(db) as s:
        proposal = propose_plan(s, DAY, time_limit=time_limit, seed=seed, iterations=UNBOUNDED,
                                on_progress=progress)
    return proposal, time.perf_counter() - started, trace


def run(visits: int, seeds: int, short: float, long: float) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    with sqlite_database() as url:
        db = open_ward(url)
        try:
            total = build_day(db, visits)
            print(f"{total} planned MBE visits on {DAY}", file=sys.stderr)
            for seed in range(1, seeds + 1):
                best, long_wall, _ = timed_plan(db, long, seed)
                quick, quick_wall, trace = timed_plan(db, short, seed)
                complete = next((t for t, placed in trace if placed >= best.placed), None)
                rows.append({
                    "seed": seed,
                    "setup_s": round(quick_wall - quick.seconds, 3),
                    "first_feasible_s": quick.first_feasible_seconds,
                    "complete_s": None if complete is None else round(complete, 3),
                    "short_placed": quick.placed, "long_placed": best.placed,
                    "short_driving_min": quick.driving_minutes, "long_driving_min": best.driving_minutes,
                    # Placed counts first: driving is only compared between plans placing as many.
                    "same_placed": quick.placed == best.placed,
                    "short_over_long": round(quick.driving_minutes / best.driving_minutes, 4)
                    if best.driving_minutes and quick.placed == best.placed else None,
                    "short_cars": sum(1 for r in quick.routes if r.stops),
                    "iterations_short": quick.iterations, "iterations_long": best.iterations,
                    "unplaceable": len([u for u in best.unassigned if "no room" not in u.reason]),
                    "no_room": len([u for u in best.unassigned if "no room" in u.reason]),
                    "cars_used": sum(1 for r in best.routes if r.stops),
                    "unplaced_reasons": sorted({u.reason for u in best.unassigned}),
                    "long_wall_s": round(long_wall, 2),
                })
                print(json.dumps(rows[-1]), file=sys.stderr)
        finally:
            db.dispose()

    def median(key: str) -> float | None:
        values = [r[key] for r in rows if r[key] is not None]
        return round(statistics.median(values), 3) if values else None

    keys = ("setup_s", "first_feasible_s", "complete_s", "short_placed", "long_placed",
            "short_driving_min", "long_driving_min", "short_over_long", "unplaceable", "no_room",
            "cars_used", "short_cars")
    return {"machine": machine() | {"pyvrp": version("pyvrp")}, "day": DAY.isoformat(),
            "visits": total, "short_s": short, "long_s": long, "runs": rows,
            "median": {k: median(k) for k in keys}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--visits", type=int, default=120, help="planned MBE visits (default 120)")
    parser.add_argument("--seeds", type=int, default=3, help="solver seeds (default 3)")
    parser.add_argument("--short", type=float, default=3.0, help="short time limit, s (default 3)")
    parser.add_argument("--long", type=float, default=15.0,
                        help="long time limit, s (default 15; 60 for the record)")
    args = parser.parse_args(argv)
    report = run(args.visits, args.seeds, args.short, args.long)
    print(json.dumps(report, indent=2))
    m = report["median"]
    print(f"\n{report['visits']} visits, medians over {args.seeds} seeds: setup {m['setup_s']} s, "
          f"complete plan after {m['complete_s']} s; placed {m['short_placed']} ({args.short:g} s) vs "
          f"{m['long_placed']} ({args.long:g} s); driving {m['short_driving_min']} vs "
          f"{m['long_driving_min']} min (ratio {m['short_over_long']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
