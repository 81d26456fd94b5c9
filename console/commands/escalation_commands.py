"""``eward escalate``, ``eward escalations``, ``eward escalation ack|note|resolve|visit|delivery``,
``eward directory [set-municipality|set-contact]`` (the municipal contact directory)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.course_commands import read_json
from console.services.core.uow import unit_of_work
from console.timeutil import format_local


def register(add: Callable[..., Any]) -> None:
    p = add("escalate", _escalate, help="log a call from a municipal nurse (R-CONTACT routing)")
    p.add_argument("file", help="escalation JSON file, or - for standard input")

    p = add("escalations", _escalations, help="the escalation inbox")
    p.add_argument("--open", action="store_true", help="only open ones")
    p.add_argument("--overdue", action="store_true", help="only open ones past a target")

    p = add("escalation", _escalation, help="acknowledge, note, resolve, or create a visit/delivery")
    p.add_argument("action", choices=["ack", "note", "resolve", "visit", "delivery"])
    p.add_argument("escalation_id", type=int)
    p.add_argument("--action", dest="resolve_action",
                   choices=["advice_given", "regimen_changed", "mbe_visit_created",
                            "delivery_created", "readmitted", "no_action_needed"])
    p.add_argument("--note", default="")
    p.add_argument("--version", type=int,
                   help="the escalation version the change is based on (stale: exit 3)")

    register_directory(add)


def _escalate(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.escalations.document import parse_escalation
    from console.services.escalations.escalations import log_escalation

    data = parse_escalation(read_json(args.file, "escalation"))
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = log_escalation(session, data)
    payload = {"escalation_id": row.id, "routed_to": row.routed_to,
               "ack_due_at": row.ack_clock.due_at, "resolve_due_at": row.resolve_clock.due_at}
    ctx.emit(payload, f"Escalation {row.id} routed to the {row.routed_to.replace('_', '-')}; "
             f"acknowledge by {format_local(row.ack_clock.due_at)}, resolve by "
             f"{format_local(row.resolve_clock.due_at)}.")
    return 0


def _row_json(row: Any) -> dict[str, Any]:
    data = asdict(row)
    data["overdue"] = row.overdue
    return data


def _escalations(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.escalations.escalations import list_escalations

    rows = ctx.read(list_escalations, open_only=args.open, overdue_only=args.overdue)
    ctx.emit([_row_json(r) for r in rows], "\n".join(
        f"{r.id:>5} {r.severity:8} {r.category:20} {r.routed_to:9} ack {r.ack_clock.state:5} "
        f"resolve {r.resolve_clock.state:5} {r.patient}" for r in rows) or "No escalations.")
    return 0


def _escalation(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import ResolveAction
    from console.services.escalations import escalations as esc

    with unit_of_work(ctx.database(), ctx.user) as session:
        if args.action == "ack":
            row = esc.acknowledge(session, args.escalation_id, expected_version=args.version)
        elif args.action == "note":
            row = esc.add_note(session, args.escalation_id, args.note,
                               expected_version=args.version)
        elif args.action == "visit":
            esc.create_support_visit(session, args.escalation_id)
            row = esc.get_escalation(session, args.escalation_id)
        elif args.action == "delivery":
            esc.create_delivery_for(session, args.escalation_id)
            row = esc.get_escalation(session, args.escalation_id)
        else:
            action = ResolveAction(args.resolve_action) if args.resolve_action else None
            row = esc.resolve(session, args.escalation_id, action=action, note=args.note,
                              expected_version=args.version)
    ctx.emit(_row_json(row), f"Escalation {row.id}: {args.action} done.")
    return 0


# -- the municipal contact directory (issue 7) ----------------------------------------------------

def register_directory(add: Callable[..., Any]) -> None:
    p = add("directory", _directory,
            help="the municipal contact directory; set-municipality / set-contact (admin only)")
    p.add_argument("--municipality", help="only this municipality")
    sub = p.add_subparsers(dest="directory_action", metavar="ACTION")

    q = _nested(sub, "set-municipality", help="a municipality's main number and 4x/day agreement")
    q.add_argument("name", help="the municipality, e.g. Sorø")
    q.add_argument("--phone", help="main number (an empty value clears it)")
    q.add_argument("--four-daily", choices=["yes", "no"],
                   help="has it agreed to 4 municipal administrations a day (R-FREQ)?")
    q.add_argument("--version", type=int, help="the municipality version the change is based on")

    q = _nested(sub, "set-contact", help="add a contact (no ID) or change one")
    q.add_argument("contact_id", nargs="?", type=int, help="the contact to change; none adds one")
    q.add_argument("--municipality", dest="contact_municipality")
    q.add_argument("--team", help="acute_team, home_nursing or other")
    q.add_argument("--name")
    q.add_argument("--phone")
    q.add_argument("--hours", help='free text, e.g. "24/7" or "07-23"')
    q.add_argument("--note")
    state = q.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_false", default=None,
                       help="retire the contact (it stays in the history)")
    state.add_argument("--active", dest="active", action="store_true", help="bring it back")
    q.add_argument("--version", type=int, help="the contact version the change is based on")


def _nested(sub: Any, name: str, **kw: Any) -> argparse.ArgumentParser:
    """A nested action that, like every command, takes the global options after it too."""
    q: argparse.ArgumentParser = sub.add_parser(name, **kw)
    q.add_argument("--database", metavar="URL", default=argparse.SUPPRESS)
    q.add_argument("--user", metavar="INITIALS", default=argparse.SUPPRESS)
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    return q


def _directory(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.escalations import directory

    if args.directory_action == "set-municipality":
        with unit_of_work(ctx.database(), ctx.user) as session:
            entry = directory.update_municipality(
                session, args.name, phone=args.phone,
                four_daily_agreement=None if args.four_daily is None else args.four_daily == "yes",
                expected_version=args.version)
        ctx.emit(asdict(entry), _municipality_text(entry))
        return 0
    if args.directory_action == "set-contact":
        with unit_of_work(ctx.database(), ctx.user) as session:
            old = directory.get_contact(session, args.contact_id) if args.contact_id else None

            def given(value: Any, field: str) -> Any:
                return value if value is not None or old is None else getattr(old, field)

            contact = directory.save_contact(
                session, args.contact_id,
                municipality=given(args.contact_municipality, "municipality") or "",
                team=given(args.team, "team") or "", name=given(args.name, "name") or "",
                phone=given(args.phone, "phone") or "", hours=given(args.hours, "hours"),
                note=given(args.note, "note"),
                active=given(args.active, "active") if old else args.active is not False,
                expected_version=args.version)
        ctx.emit(asdict(contact), f"Contact {contact.id}: " + _contact_text(contact))
        return 0
    entries = (ctx.read(directory.list_directory) if args.municipality is None
               else [ctx.read(directory.get_municipality, args.municipality)])
    ctx.emit_rows(entries, _municipality_text)
    return 0


def _contact_text(c: Any) -> str:
    state = "" if c.active else " (inactive)"
    return f"{c.name} [{c.team}] {c.phone} {c.hours or ''}{state}".rstrip()


def _municipality_text(e: Any) -> str:
    lines = [f"{e.name} ({e.main_town}) main {e.phone or '-'}, 4x/day "
             f"{'yes' if e.four_daily_agreement else 'no'}, version {e.version}"]
    lines += [f"  #{c.id:<4} {_contact_text(c)}" for c in e.contacts]
    return "\n".join(lines)
