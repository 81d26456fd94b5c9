"""``eward shifts``, ``eward plan``, ``eward assign``: the MBE dispatcher's jobs from a script.

Instants in JSON are ISO 8601 UTC (as everywhere in the CLI); the text output shows local time.
Errors follow ``console/cli.py``: a broken rule (an infeasible assignment, R-SHIFT, R-VISIT-LEN…)
exits 2 with the reason, a stale version exits 3.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.parsing import add_day_option, parse_day, ward_day
from console.services.core.uow import read_only, unit_of_work
from console.services.course.referral import parse_datetime
from console.timeutil import format_local, now_utc, today_local


def register(add: Callable[..., Any]) -> None:
    p = add("shifts", _shifts, help="MBE bases, shifts, cars, crews and service state of a day")
    add_day_option(p)

    p = add("plan", _plan, help="plan the day's MBE visits onto cars (PyVRP) and save the plan")
    add_day_option(p)
    p.add_argument("--base", help="only this base's cars and visits (e.g. Holbæk)")
    p.add_argument("--shift", choices=["day", "evening"], help="only this shift")
    p.add_argument("--time-limit", type=float, default=3.0, help="seconds of search (default 3)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--iterations", type=int, default=None,
                   help="search iterations, the budget; the time limit caps it (default: "
                        "400 per second of the time limit); the same seed and iterations give "
                        "the same plan")
    p.add_argument("--dry-run", action="store_true", help="show the plan, do not save it")
    p.add_argument("--now", help="plan from this moment (ISO with offset; default: now when "
                                 "--date is today): no car leaves and no visit starts before it")

    p = add("assign", _assign, help="put an MBE visit on a car (exit 2 with the reason if it cannot)")
    p.add_argument("visit_id", type=int)
    p.add_argument("--car", required=True, help="call sign, e.g. HOL-1")
    add_day_option(p, "ward day of the car's shift (default: the visit's day)")
    p.add_argument("--pin", action="store_true", help="pin it: the planner keeps it on this car")
    p.add_argument("--version", type=int, help="the visit version the change is based on")


def _shifts(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch.routes import list_shifts

    day = ward_day(args)
    shifts = ctx.read(list_shifts, day)
    bases: dict[str, list[dict[str, Any]]] = {}
    for s in shifts:
        bases.setdefault(s.base, []).append({
            "shift_id": s.shift_id, "kind": s.kind, "starts_at": s.starts_at, "ends_at": s.ends_at,
            "cars": [asdict(c) for c in s.cars]})
    payload = {"date": day, "bases": [{"base": name, "shifts": rows} for name, rows in bases.items()]}
    lines = []
    for s in shifts:
        lines.append(f"{s.base} {s.kind} {format_local(s.starts_at)}–{format_local(s.ends_at)}")
        lines += [f"  {c.call_sign:7} {'in service' if c.in_service else 'OUT':10} "
                  f"{c.planned_visits:>2} visits  {c.crew or '-'}" for c in s.cars]
    ctx.emit(payload, "\n".join(lines) or f"No MBE shifts on {day}.")
    return 0


def _plan(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch.planner import propose_plan, save_plan

    day = ward_day(args)
    db = ctx.database()
    # Plan in a reader (no write lock held during the search); the save re-checks every version.
    with read_only(db, ctx.user) as session:
        now = parse_datetime(args.now, "--now") if args.now else (
            now_utc() if day == today_local() else None)
        proposal = propose_plan(session, day, base=args.base, shift=args.shift,
                                time_limit=args.time_limit, seed=args.seed,
                                iterations=args.iterations, now=now)
    saved = None
    if not args.dry_run:
        with unit_of_work(db, ctx.user) as session:
            saved = save_plan(session, proposal)
    payload = {
        "date": day,
        "routes": [{"car": r.car, "base": r.base, "shift": r.shift,
                    "stops": [{"visit_id": s.visit_id, "patient": s.patient, "eta": s.eta,
                               "window_start": s.window_start,
                               "window_end": s.window_end, "service_minutes": s.service_minutes}
                              for s in r.stops],
                    "driving_minutes": r.driving_minutes, "distance_km": r.distance_km}
                   for r in proposal.routes],
        "unassigned": [{"visit_id": u.visit_id, "reason": u.reason} for u in proposal.unassigned],
        "objective": proposal.objective,
        "seed": proposal.seed, "iteration_budget": proposal.iteration_budget,
        "iterations": proposal.iterations, "capped": proposal.capped,
        "saved": saved is not None,
        "to_tray": list(saved.to_tray) if saved else [],
    }
    lines = [f"{day}: {proposal.placed} visits on {sum(1 for r in proposal.routes if r.stops)} cars, "
             f"{proposal.driving_minutes} min driving (seed {proposal.seed}, {proposal.iterations} "
             f"of {proposal.iteration_budget} iterations"
             + (", stopped by the time limit)" if proposal.capped else ")")
             + ("" if saved else " (not saved)")]
    for r in proposal.routes:
        if r.stops:
            # a person acts on names: each stop with its patient, the visit id to assign it by
            lines.append(f"{r.car} {r.shift} ({r.driving_minutes} min, {r.distance_km} km):")
            lines += [f"  {format_local(s.eta)} {s.patient} (visit #{s.visit_id}, window "
                      f"{format_local(s.window_start)}–{format_local(s.window_end)})"
                      for s in r.stops]
    lines += [f"unassigned #{u.visit_id}: {u.reason}" for u in proposal.unassigned]
    ctx.emit(payload, "\n".join(lines))
    return 0


def _assign(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch.board import assign_visit_to_car

    route = ctx.write(assign_visit_to_car, args.visit_id, args.car, day=parse_day(args.date),
                      pin=args.pin, expected_version=args.version)
    ctx.emit(asdict(route), f"{route.call_sign} {route.shift}: " + ", ".join(
        f"{format_local(s.eta)} #{s.visit_id}" for s in route.stops)
        + f" (back {format_local(route.returns_at)}, {route.driving_minutes} min driving)")
    return 0
