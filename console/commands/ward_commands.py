"""``eward staff``, ``eward seed``, ``eward census``, ``eward screenshot``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.commands.parsing import add_day_option, parse_day, parse_size, ward_day
from console.services.core.uow import read_only, unit_of_work
from console.timeutil import format_local
from console.views.registry import DIALOGS, SCREEN_KEYS

# Every registered screen, then the dialogs pictured filled with an example (views/registry.py).
SCREENS = (*SCREEN_KEYS, *DIALOGS)


def register(add: Callable[..., Any]) -> None:
    add("staff", _staff, help="staff with initials, name and roles")

    p = add("seed", _seed, help="fill the database with a deterministic demo ward")
    p.add_argument("--demo", action="store_true", required=True, help="the demo ward")
    add_day_option(p)
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    p = add("census", _census, help="today's admitted patients with capacity")
    add_day_option(p)

    p = add("screenshot", _screenshot, help="render a screen to PNG (offscreen)")
    p.add_argument("view", choices=SCREENS)
    p.add_argument("--out", required=True, type=Path)
    add_day_option(p)
    p.add_argument("--size", default="1400x900")
    p.add_argument("--admission", type=int, help="patient screen: the admission whose record to show")
    p.add_argument("--select-first", action="store_true",
                   help="select the first row of the screen's list (opens its detail panel)")

    p = add("screenshots", _screenshots,
            help="render every registered screen as the user guide pictures it (make screenshots)")
    p.add_argument("--out", required=True, type=Path, help="the folder for the PNGs")
    add_day_option(p)
    p.add_argument("--size", default="1400x900")
    p.add_argument("--prefix", default="",
                   help="before each file name, e.g. 'da-' for the Danish set (EWARD_LANGUAGE=da)")


def _staff(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.core.staff import list_staff

    with read_only(ctx.database()) as session:
        rows = list_staff(session)
    payload = [{"initials": r.initials, "name": r.name, "roles": list(r.roles)} for r in rows]
    text = "\n".join(f"{r.initials:6} {r.name:30} {', '.join(r.roles)}" for r in rows)
    ctx.emit(payload, text or "No staff yet: run 'eward seed --demo' or add users.")
    return 0


def _seed(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.demo.seed import seed_demo

    day = ward_day(args)
    with unit_of_work(ctx.database(), ctx.user or "system") as session:
        summary = seed_demo(session, day=day, seed=args.seed)
    ctx.emit(summary, "Demo ward for {day}: {admitted} admitted, {visits} visits.".format(
        day=day, admitted=summary.get("admitted"), visits=summary.get("visits")))
    return 0


def _census(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.census import load_census

    with read_only(ctx.database(), ctx.user) as session:
        snap = load_census(session, parse_day(args.date))
    patients = [asdict(r) for r in snap.rows]
    payload = {"date": snap.day, "capacity": snap.capacity, "admitted": snap.admitted,
               "over_capacity": snap.over_capacity,
               "referrals_waiting": snap.referrals_waiting, "patients": patients}
    lines = [f"{snap.day}: {snap.admitted} / {snap.capacity} admitted"
             + (" (over capacity)" if snap.over_capacity else "")
             + f"; referrals waiting: {snap.referrals_waiting}"]
    lines += [f"{r.name:28} {r.cpr_masked} {r.municipality:13} day {r.day_of_course:>2} "
              f"next {format_local(r.next_visit_at) or '-':5} {r.treatment_detail}"
              for r in snap.rows]
    ctx.emit(payload, "\n".join(lines))
    return 0


def _screenshot(args: argparse.Namespace, ctx: Any) -> int:
    from console.screenshot import render_screen

    size = parse_size(args.size)
    day = parse_day(args.date)
    if args.out.suffix.lower() != ".png":
        raise UsageError("The screenshot is written as PNG: give --out FILE.png.", "--out")
    render_screen(args.view, args.out, database_url=ctx.database_url, user=ctx.user,
                  day=day, size=size, admission_id=args.admission,
                  select_first=args.select_first)
    ctx.emit({"view": args.view, "out": str(args.out)}, f"Wrote {args.out}")
    return 0


def _screenshots(args: argparse.Namespace, ctx: Any) -> int:
    """Each registered screen (and dialog) as its registry entry pictures it, one PNG each."""
    from console.screenshot import render_screen
    from console.views.registry import SCREENS as REGISTERED

    size, day = parse_size(args.size), parse_day(args.date)
    written = []
    for entry in REGISTERED:
        out = args.out / f"{args.prefix}{entry.key}.png"
        render_screen(entry.key, out, database_url=ctx.database_url, user=ctx.user, day=day,
                      size=size, admission_id=entry.picture.admission,
                      select_first=entry.picture.select_first)
        written.append(str(out))
    for name in DIALOGS:
        out = args.out / f"{args.prefix}{name}.png"
        render_screen(name, out, database_url=ctx.database_url, user=ctx.user, day=day,
                      size=size)
        written.append(str(out))
    ctx.emit({"written": written}, "\n".join(f"Wrote {path}" for path in written))
    return 0
