"""``eward stock``, ``eward deliveries``, ``eward delivery create|status|propose``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.parsing import DAY_HELP, add_day_option, ward_day
from console.services.core.uow import read_only, unit_of_work
from console.services.course.referral import parse_datetime
from console.timeutil import format_local


def register(add: Callable[..., Any]) -> None:
    p = add("stock", _stock, help="home stock per admission and regimen line (R-SUPPLY)")
    add_day_option(p, DAY_HELP + ": its admitted patients")

    p = add("deliveries", _deliveries, help="deliveries due on a day (and open older ones)")
    add_day_option(p)

    p = add("delivery", _delivery, help="create a delivery, move its status, or propose them")
    p.add_argument("action", choices=["create", "status", "propose", "mbe"],
                   help="mbe: hand the delivery to an MBE car (a stop in the dispatch tray)")
    p.add_argument("id", type=int, nargs="?", help="admission id (create) or delivery id (status)")
    p.add_argument("status", nargs="?", choices=["packed", "out", "delivered", "failed",
                                                 "cancelled", "requested"])
    p.add_argument("--due", help="due by (ISO date-time with offset); default: before run-out")
    p.add_argument("--reason", help="why a delivery failed")
    p.add_argument("--courier", help="who takes it")
    p.add_argument("--version", type=int, help="the delivery version the change is based on")
    p.add_argument("--accept", action="store_true", help="with propose: create the proposals")
    p.add_argument("--item", action="append", metavar='"QUANTITY ITEM"',
                   help='with create: what to send, e.g. --item "1 sharps box" (repeatable); '
                        "default: packed from the stock projection (R-SUPPLY, R-IVBOX)")


def _stock(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.census import load_census
    from console.services.logistics.stock import project_stock

    day = ward_day(args)
    with read_only(ctx.database(), ctx.user) as session:
        census = load_census(session, day)
        lines = project_stock(session, [r.admission_id for r in census.rows])
    names = {r.admission_id: r.name for r in census.rows}
    payload = [asdict(line) | {"patient": names.get(line.admission_id)} for line in lines]
    ctx.emit(payload, "\n".join(
        f"{names.get(line.admission_id, ''):28} {line.drug:26} on hand {line.on_hand:>3}  "
        f"remaining {line.doses_remaining:>3}  runs out "
        f"{format_local(line.runs_out_at, '%d/%m %H:%M') or 'covered':11} next delivery "
        f"{format_local(line.next_delivery_at, '%d/%m %H:%M') or '-'}" for line in lines))
    return 0


def _deliveries(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.logistics.deliveries import deliveries_for_day

    ctx.emit_rows(ctx.read(deliveries_for_day, ward_day(args)), lambda r: (
        f"{r.id:>5} {format_local(r.due_by, '%d/%m %H:%M')} {r.status:10} {r.patient:28} "
        f"{r.municipality}"), "No deliveries.")
    return 0


def _pack_line(text: str) -> Any:
    """``"2 NaCl flushes"`` → a packing line of 2 × "NaCl flushes"."""
    from console.commands.context import UsageError
    from console.services.logistics.packing import PackLine

    quantity, _, item = text.strip().partition(" ")
    if not quantity.isdigit() or not 0 < int(quantity) <= 999 or not item.strip():
        raise UsageError(f'Write each item as "QUANTITY ITEM", e.g. "2 NaCl flushes" (got '
                         f'"{text}").', "--item")
    return PackLine(None, item.strip(), int(quantity))


def _delivery(args: argparse.Namespace, ctx: Any) -> int:
    from console.commands.context import UsageError
    from console.models import DeliveryStatus
    from console.services.logistics import deliveries as logistics

    with unit_of_work(ctx.database(), ctx.user) as session:
        if args.action == "propose":
            proposals = logistics.propose_deliveries(session)
            created = logistics.accept_proposals(session, proposals) if args.accept else []
            payload: Any = {"proposals": [asdict(p) for p in proposals], "created": created}
            text = "\n".join([f"{len(proposals)} proposed deliveries (R-SUPPLY)" + (
                f", {len(created)} created: {', '.join(map(str, created))}" if created else
                "; --accept creates them"), *(
                f"  {p.patient:28} runs out {format_local(p.runs_out_at, '%d/%m %H:%M')}  due "
                f"{format_local(p.due_by, '%d/%m %H:%M')}  "
                + ", ".join(f"{i.quantity} {i.item}" for i in p.items) for p in proposals)])
        elif args.id is None:
            raise UsageError("Give the admission id (create) or delivery id (status).", "id")
        elif args.action == "mbe":
            from console.services.logistics.handover import hand_to_mbe

            visit_id = hand_to_mbe(session, args.id, expected_version=args.version)
            row = logistics.list_deliveries(session, logistics.Delivery.id == args.id)[0]
            payload = asdict(row)
            text = f"Delivery {row.id} goes with the MBE: visit {visit_id} is in the dispatch tray."
        elif args.action == "create":
            due = parse_datetime(args.due, "--due") if args.due else None
            items = [_pack_line(text) for text in args.item] if args.item else None
            delivery_id = logistics.create_delivery(session, args.id, due_by=due, items=items)
            row = logistics.list_deliveries(session, logistics.Delivery.id == delivery_id)[0]
            payload, text = asdict(row), f"Delivery {delivery_id} requested."
        else:
            if args.status is None:
                raise UsageError("Give the new status.", "status")
            row, follow_up = logistics.set_status(
                session, args.id, DeliveryStatus(args.status), reason=args.reason,
                courier=args.courier, expected_version=args.version)
            payload = asdict(row) | {"follow_up_delivery_id": follow_up}
            text = f"Delivery {row.id} is {row.status}." + (
                f" Follow-up delivery {follow_up} requested." if follow_up else "")
    ctx.emit(payload, text)
    return 0
