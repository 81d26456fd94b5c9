"""``eward access list|place ADMISSION`` (the IV access lifecycle, R-ACCESS)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.context import UsageError
from console.commands.parsing import parse_day
from console.services.core.uow import read_only, unit_of_work
from console.services.course.referral import parse_datetime
from console.timeutil import format_local
from console.vocabulary import IvAccess


def register(add: Callable[..., Any]) -> None:
    p = add("access", _access, help="a course's IV accesses, or a new one placed (R-ACCESS)")
    p.add_argument("action", choices=["list", "place"])
    p.add_argument("admission_id", type=int)
    p.add_argument("--kind", choices=[k.value for k in IvAccess], help="the new access (place)")
    p.add_argument("--placed-at", help="when it was placed (ISO date-time with offset)")
    p.add_argument("--by", help="who placed it (initials, MBE base, ward)")
    p.add_argument("--remove-by", help="planned removal YYYY-MM-DD")
    p.add_argument("--reason", help="why the current access is replaced (blocked, lost…)")
    p.add_argument("--version", type=int,
                   help="the current access's version the change is based on (stale: exit 3)")


def _access(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.iv_access import access_history, place_access

    if args.action == "list":
        with read_only(ctx.database(), ctx.user) as session:
            rows = access_history(session, args.admission_id)
        ctx.emit([asdict(r) for r in rows], "\n".join(
            f"{r.kind:8} {format_local(r.placed_at, '%d/%m %H:%M')} by {r.placed_by or '-'}; "
            f"remove by {r.remove_by or '-'}; "
            + (f"ended {format_local(r.ended_at, '%d/%m %H:%M')}: {r.end_reason}"
               if r.ended_at else "current") for r in rows))
        return 0
    if not args.kind or not args.placed_at:
        raise UsageError("Give --kind and --placed-at for the new access.", "--kind")
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = place_access(session, args.admission_id, kind=IvAccess(args.kind),
                           placed_at=parse_datetime(args.placed_at, "--placed-at"),
                           placed_by=args.by, remove_by=parse_day(args.remove_by, "--remove-by"),
                           reason=args.reason, expected_version=args.version)
    ctx.emit(asdict(row), f"New {row.kind} recorded; the regimen and the handover use it.")
    return 0
