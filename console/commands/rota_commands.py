"""``eward rota`` and ``eward shift``: the MBE rota and the dispatcher's shifts on a real database.

``eward rota`` lists how many cars each base normally staffs per shift; ``eward rota set`` (admin)
changes it. ``eward shift week`` creates a week of shifts from the rota, ``shift add`` one shift,
``shift car`` puts another car on a shift, ``shift staff`` names a car's crew, ``shift service``
takes a car out of (or back into) service with a reason, ``shift copy-week`` copies a week with
its crews. A broken rule (R-SHIFT) exits 2 with the reason, a stale version exits 3.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.commands.parsing import add_day_option, parse_day, ward_day
from console.services.core.uow import unit_of_work
from console.timeutil import format_local


def register(add: Callable[..., Any]) -> None:
    p = add("rota", _rota, help="the MBE rota: cars each base normally staffs per shift (R-SHIFT)")
    p.add_argument("action", nargs="?", choices=["list", "set"], default="list")
    p.add_argument("base", nargs="?", help="set: the base, e.g. Holbæk")
    p.add_argument("kind", nargs="?", choices=["day", "evening"], help="set: the shift kind")
    p.add_argument("cars", nargs="?", type=int, help="set: the normal number of cars")
    p.add_argument("--version", type=int, help="set: the rota row's version the change is based on")

    p = add("shift", _shift, help="create and staff MBE shifts: week, add, car, staff, service, "
                                  "copy-week")
    p.add_argument("action", choices=["week", "add", "car", "staff", "service", "copy-week"])
    p.add_argument("target", nargs="?",
                   help="add: the base; car, staff, service: the car's call sign (e.g. HOL-1)")
    add_day_option(p, "ward day YYYY-MM-DD (default today; week: its first day)")
    p.add_argument("--days", type=int, default=7, help="week: how many days (default 7)")
    p.add_argument("--base", help="week: only this base")
    p.add_argument("--kind", choices=["day", "evening"], help="the shift (add, car, staff, service)")
    p.add_argument("--cars", help="add: call signs, comma-separated (default: the rota's)")
    p.add_argument("--crew", help="car, staff: who drives, e.g. \"Anne Holm / Per Dahl\"")
    p.add_argument("--out", action="store_true", help="service: take the car out of service")
    p.add_argument("--in", dest="back_in", action="store_true", help="service: back into service")
    p.add_argument("--reason", help="service --out: why the car is off the road")
    p.add_argument("--from", dest="from_day", help="copy-week: first day of the week to copy")
    p.add_argument("--to", help="copy-week: first day of the new week (default: 7 days later)")
    p.add_argument("--version", type=int, help="the car's version the change is based on")

    p = add("route-sheet", _route_sheet, help="a car's route sheet for the crew (logged as a print)")
    p.add_argument("car", help="the car's call sign, e.g. NAE-1")
    add_day_option(p)
    p.add_argument("--kind", choices=["day", "evening"], required=True, help="the shift")
    p.add_argument("--pdf", type=Path, help="also write the printable route sheet (A4 PDF) here, "
                                            "in the console's language")


def _rota(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch.rota import list_rota, set_rota_cars

    if args.action == "set":
        if not args.base or not args.kind or args.cars is None:
            raise UsageError("rota set needs BASE KIND CARS, e.g. 'rota set Holbæk day 3'.", "cars")
        ctx.write(set_rota_cars, args.base, args.kind, args.cars, args.version)
    rows = ctx.read(list_rota)
    ctx.emit({"rota": [asdict(r) for r in rows]}, "\n".join(
        f"{r.base:14} {r.kind:8} {r.cars} of {r.active_cars} cars" for r in rows) or "No rota.")
    return 0


def _shift(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch import board, rota

    day = ward_day(args)
    db = ctx.database()
    with unit_of_work(db, ctx.user) as session:
        if args.action == "week":
            made = rota.create_shifts(session, day, args.days, base=args.base)
            shifts, note = made.created, f" ({made.already_there} already there)"
        elif args.action == "copy-week":
            source = parse_day(args.from_day)
            if source is None:
                raise UsageError("copy-week needs --from YYYY-MM-DD.", "--from")
            target = parse_day(args.to) or source + timedelta(days=rota.WEEK_DAYS)
            made = rota.copy_week(session, source, target)
            shifts, note = made.created, f" ({made.already_there} already there)"
        elif args.action == "add":
            cars = tuple(c for c in (args.cars or "").split(",") if c.strip())
            shifts, note = (rota.add_shift(session, _target(args), day, _kind(args), cars),), ""
        else:
            shifts, note = (_car_action(session, args, day, rota, board),), ""
    ctx.emit({"shifts": [asdict(s) for s in shifts]}, "\n".join(
        [f"{len(shifts)} shifts{note}"] + [
            f"{s.shift_date} {s.base} {s.kind} {format_local(s.starts_at)}–"
            f"{format_local(s.ends_at)}: " + ", ".join(
                c.call_sign + ("" if c.in_service else " OUT") + (f" ({c.crew})" if c.crew else "")
                for c in s.cars) for s in shifts]))
    return 0


def _route_sheet(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.dispatch.rota import find_shift_car
    from console.services.dispatch.route_sheets import route_sheet_for_print

    day = ward_day(args)
    with unit_of_work(ctx.database(), ctx.user) as session:  # the print is logged (access log)
        car_id, _ = find_shift_car(session, args.car, day, args.kind)
        sheet = route_sheet_for_print(session, car_id)
    if args.pdf is not None:
        from console.commands.print_commands import write_pdf
        from console.views.dispatch.route_sheet import write_route_sheet_pdf

        write_pdf(write_route_sheet_pdf, sheet, args.pdf)
    lines = [f"{sheet.call_sign} {sheet.base} {sheet.shift} {sheet.shift_date} "
             f"{format_local(sheet.starts_at)}–{format_local(sheet.ends_at)}  crew: "
             f"{sheet.crew or '-'}"]
    lines += [f"{s.order or '-':>2} {format_local(s.eta) if s.eta else '--:--'} {s.kind:12} "
              f"{s.patient}, {s.address} ({s.phone or 'no phone'}) {s.drug or ''}".rstrip()
              for s in sheet.stops]
    lines.append(f"back {format_local(sheet.returns_at)}, {sheet.driving_minutes} min driving; "
                 f"eHospital {sheet.contact_phone}")
    if args.pdf is not None:
        lines.append(f"Wrote {args.pdf}")
    ctx.emit(asdict(sheet) | {"pdf": str(args.pdf) if args.pdf else None}, "\n".join(lines))
    return 0


def _car_action(session: Any, args: argparse.Namespace, day: Any, rota: Any, board: Any) -> Any:
    """car / staff / service: the shift is found by the car's call sign, the day and the kind."""
    kind = _kind(args)
    if args.action == "car":
        shift_id = rota.shift_for_car(session, _target(args), day, kind)
        return rota.add_car_to_shift(session, shift_id, _target(args), args.crew)
    car_id, version = rota.find_shift_car(session, _target(args), day, kind)
    expected = args.version if args.version is not None else version
    if args.action == "staff":
        board.set_crew(session, car_id, args.crew, expected_version=expected)
    else:
        if args.out == args.back_in:
            raise UsageError("service needs --out (with --reason) or --in.", "--out")
        if args.out and not (args.reason or "").strip():
            raise UsageError("Say why the car is out of service: --reason.", "--reason")
        board.set_car_in_service(session, car_id, args.back_in, expected, reason=args.reason)
    return next(s for s in rota.list_shifts(session, day) if any(c.shift_car_id == car_id
                                                                 for c in s.cars))


def _target(args: argparse.Namespace) -> str:
    if not args.target:
        raise UsageError(f"shift {args.action} needs a base or a car's call sign.", "target")
    return str(args.target)


def _kind(args: argparse.Namespace) -> str:
    if not args.kind:
        raise UsageError(f"shift {args.action} needs --kind day or --kind evening.", "--kind")
    return str(args.kind)
