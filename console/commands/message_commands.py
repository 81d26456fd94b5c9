"""``eward messages``, ``eward message draft|care-plan|epikrise|reply|forward|send|resend|receive|
import|export|attachment|accept|refuse|notice|escalate|match|party`` (issue 16: MedCom messages; the same
services as the screens)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.services.core.uow import unit_of_work
from console.timeutil import format_local

ACTIONS = ["draft", "care-plan", "epikrise", "reply", "forward", "send", "resend", "receive", "import",
           "export", "attachment", "accept", "refuse", "notice", "escalate", "match", "party"]


def register(add: Callable[..., Any]) -> None:
    p = add("messages", _messages, help="MedCom messages of the ward or a course, with their state")
    p.add_argument("--admission", type=int, help="only this course's thread")
    p.add_argument("--state", help="drafted, sent, acknowledged, rejected, failed, received, "
                                   "answered or overdue (sent, no acknowledgement in time)")
    p.add_argument("--acks", action="store_true", help="include the acknowledgements we sent")

    p = add("message", _message, help="draft, send, receive and export MedCom messages")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("target", nargs="?", help="admission id (draft, care-plan, epikrise, accept, refuse), "
                   "message id (reply, send, resend, export), attachment id (attachment: "
                   "'eward messages' lists them as #id), file or folder (import)")
    p.add_argument("--to", choices=["municipality", "gp"], default="municipality")
    p.add_argument("--category", default="carecoordination", help="MedCom category code")
    p.add_argument("--topic", help="required for category 'other'")
    p.add_argument("--text", help="the message text")
    p.add_argument("--attach", action="append", default=[], metavar="FILE",
                   help="draft: a PDF, PNG, JPEG or GIF file to send with it (repeatable)")
    p.add_argument("--reason", help="care-plan: why the plan is updated; refuse: why the "
                                    "municipality refuses the course (R-ACCEPT)")
    p.add_argument("--by", help="accept: who at the municipality accepted (by phone)")
    p.add_argument("--state", dest="notice_state",
                   choices=["expected", "received", "confirmed_by_phone", "not_applicable"],
                   help="notice: the course's hospital notification (advis) state")
    p.add_argument("--out", help="export, attachment: the file to write (the export is logged)")
    p.add_argument("--admission", type=int, dest="match_admission",
                   help="match: the course a received message belongs to")
    p.add_argument("--esc-category", default="other", help="escalate: the escalation category")
    p.add_argument("--severity", default="today", choices=["urgent", "today", "routine"],
                   help="escalate: how urgent")
    p.add_argument("--xml", action="store_true", help="export as XML (default JSON)")
    p.add_argument("--version", type=int, help="the message version the change is based on")
    p.add_argument("--kind", choices=["hospital", "municipality", "gp"], help="party: kind")
    p.add_argument("--name", help="party: name")
    p.add_argument("--sor", help="party: SOR id")
    p.add_argument("--ean", help="party: EAN location number")
    p.add_argument("--municipality", help="party: the municipality a municipal unit serves")


def _int(value: str | None, what: str) -> int:
    if value is None or not value.isdigit():
        raise UsageError(f"Give the {what} id.", "target")
    return int(value)


def _messages(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.reads import list_messages

    rows = ctx.read(list_messages, admission_id=args.admission, state=args.state,
                    with_acks=args.acks)
    ctx.emit_rows(rows, lambda r: (
        f"{r.id:>6} {format_local(r.created_at, '%Y-%m-%d %H:%M')} {r.direction:3} "
        f"{r.kind:22} {('OVERDUE' if r.overdue else r.state):12} {r.topic or '':24} "
        f"{r.party or ''}{_files(r.attachments)}"))
    return 0


def _files(refs: tuple[Any, ...]) -> str:
    return "  [" + ", ".join(f"#{a.id} {a.filename}" for a in refs) + "]" if refs else ""


def _message(args: argparse.Namespace, ctx: Any) -> int:
    handler = _HANDLERS[args.action]
    return handler(args, ctx)


def _draft(args: argparse.Namespace, ctx: Any) -> int:
    from console.medcom import Category
    from console.models import PartyKind
    from console.services.messaging.outbox import Draft, attach_file, draft_message

    if not args.text:
        raise UsageError("Give --text: the message text.", "--text")
    try:
        category = Category(args.category)
    except ValueError:
        raise UsageError(f"Unknown category '{args.category}'.", "--category") from None
    files = [_read_attachment(Path(name)) for name in args.attach]
    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = draft_message(session, _int(args.target, "admission"), Draft(
            to=PartyKind(args.to), category=category, text=args.text, topic=args.topic))
        for filename, content_type, data in files:
            attach_file(session, message_id, filename=filename, content_type=content_type,
                        data=data)
    ctx.emit({"message_id": message_id}, f"Drafted message {message_id}; review and send it.")
    return 0


def _read_attachment(path: Path) -> tuple[str, str, bytes]:
    from console.services.messaging.outbox import content_type_of

    content_type = content_type_of(path.name)  # R-MESSAGE-ATTACHMENT, before reading
    try:
        return path.name, content_type, path.read_bytes()
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.", "--attach") from None


def _care_plan(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.careplan import draft_care_plan

    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = draft_care_plan(session, _int(args.target, "admission"), reason=args.reason)
    ctx.emit({"message_id": message_id}, f"Drafted the care plan as message {message_id}.")
    return 0


def _epikrise(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.careplan import draft_epikrise

    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = draft_epikrise(session, _int(args.target, "admission"), text=args.text or "")
    ctx.emit({"message_id": message_id}, f"Drafted the epikrise as message {message_id}.")
    return 0


def _reply(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.outbox import draft_reply

    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = draft_reply(session, _int(args.target, "message"), text=args.text or "")
    ctx.emit({"message_id": message_id}, f"Drafted reply {message_id}; review and send it.")
    return 0


def _forward(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import PartyKind
    from console.services.messaging.outbox import draft_forward

    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = draft_forward(session, _int(args.target, "message"), to=PartyKind(args.to),
                                   text=args.text or "")
    ctx.emit({"message_id": message_id}, f"Drafted forward {message_id}; review and send it.")
    return 0


def _send(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging import outbox
    from console.services.messaging.reads import read_message

    fn = outbox.send_message if args.action == "send" else outbox.resend_message
    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = fn(session, _int(args.target, "message"), expected_version=args.version)
        row = read_message(session, message_id)
    ctx.emit(asdict(row), f"Message {row.id} {row.state} (send {row.sends}).")
    return 0 if row.state != "failed" else 1


def _receive(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.inbox import receive_from_mailbox

    with unit_of_work(ctx.database(), ctx.user) as session:
        results = receive_from_mailbox(session)
    ctx.emit([asdict(r) for r in results], f"{len(results)} message(s) received.")
    return 0


def _import(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.inbox import import_message

    if not args.target:
        raise UsageError("Give the file or folder to import.", "target")
    where = Path(args.target)
    files = sorted(p for p in where.iterdir() if p.is_file()) if where.is_dir() else [where]
    results = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"Cannot read {path}: {exc.strerror}.", "target") from None
        with unit_of_work(ctx.database(), ctx.user) as session:
            results.append({"file": path.name, **asdict(import_message(session, data))})
    ctx.emit(results, "\n".join(
        f"{r['file']}: {r['kind']} -> message {r['message_id']}"
        f"{' (duplicate)' if r['duplicate'] else ''}"
        f"{'' if r['admission_id'] else ' (no course matched)'}" for r in results))
    return 0


def _export(args: argparse.Namespace, ctx: Any) -> int:
    from console.medcom import Format, detect_format, json_to_xml, xml_to_json
    from console.services.messaging.files import message_file

    out = _out(args)
    with unit_of_work(ctx.database(), ctx.user) as session:  # the export is logged
        data = message_file(session, _int(args.target, "message")).data
    fmt = detect_format(data)
    if args.xml and fmt is Format.JSON:
        data = json_to_xml(data)
    elif not args.xml and fmt is Format.XML:
        data = xml_to_json(data)
    return _write(ctx, out, data)


def _attachment(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.files import attachment_file

    out = _out(args)
    with unit_of_work(ctx.database(), ctx.user) as session:  # the export is logged
        data = attachment_file(session, _int(args.target, "attachment")).data
    return _write(ctx, out, data)


def _out(args: argparse.Namespace) -> Path:
    if not args.out:
        raise UsageError("Give --out: the file to write.", "--out")
    return Path(args.out)


def _write(ctx: Any, out: Path, data: bytes) -> int:
    from console.private_files import make_private

    try:
        out.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"Cannot write {out}: {exc.strerror}.", "--out") from None
    make_private(out)  # patient data: the owner's only (issue 21)
    ctx.emit({"file": str(out), "bytes": len(data)}, f"Wrote {out}.")
    return 0


def _accept(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.agreement import record_acceptance

    if not args.by:
        raise UsageError("Give --by: who at the municipality accepted the course.", "--by")
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = record_acceptance(session, _int(args.target, "admission"), accepted_by=args.by,
                                expected_version=args.version)
    ctx.emit(asdict(row), f"Course {row.admission_id} accepted by {row.accepted_by} (phone).")
    return 0


def _refuse(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.agreement import record_refusal

    with unit_of_work(ctx.database(), ctx.user) as session:
        row = record_refusal(session, _int(args.target, "admission"), reason=args.reason or "",
                             expected_version=args.version)
    ctx.emit(asdict(row), f"Course {row.admission_id} refused by the municipality: "
                          f"{row.refused_reason}.")
    return 0


def _notice(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import NoticeState
    from console.services.messaging.agreement import set_notice_state

    if not args.notice_state:
        raise UsageError("Give --state.", "--state")
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = set_notice_state(session, _int(args.target, "admission"),
                               NoticeState(args.notice_state), expected_version=args.version)
    ctx.emit(asdict(row), f"Course {row.admission_id}: notice {row.notice_state}.")
    return 0


def _escalate(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import EscalationCategory, Severity
    from console.services.escalations.from_message import escalate_message

    try:
        category = EscalationCategory(args.esc_category)
    except ValueError:
        raise UsageError(f"Unknown escalation category '{args.esc_category}'.",
                         "--esc-category") from None
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = escalate_message(session, _int(args.target, "message"), category=category,
                               severity=Severity(args.severity))
    ctx.emit(asdict(row), f"Escalation {row.id} logged, routed to {row.routed_to}.")
    return 0


def _match(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.messaging.inbox import match_to_course

    if args.match_admission is None:
        raise UsageError("Give --admission: the course the message belongs to.", "--admission")
    with unit_of_work(ctx.database(), ctx.user) as session:
        message_id = match_to_course(session, _int(args.target, "message"), args.match_admission,
                                     expected_version=args.version)
    ctx.emit({"message_id": message_id, "admission_id": args.match_admission},
             f"Message {message_id} is now on course {args.match_admission}.")
    return 0


def _party(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import PartyKind
    from console.services.messaging.parties import save_party

    if not (args.kind and args.name and args.sor):
        raise UsageError("Give --kind, --name and --sor.", "--sor")
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = save_party(session, kind=PartyKind(args.kind), name=args.name, sor=args.sor,
                         ean=args.ean, municipality=args.municipality,
                         party_id=int(args.target) if args.target else None,
                         expected_version=args.version)
    ctx.emit(asdict(row), f"Party {row.id}: {row.name} (SOR {row.sor}).")
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace, Any], int]] = {
    "draft": _draft, "care-plan": _care_plan, "epikrise": _epikrise, "reply": _reply,
    "forward": _forward,
    "send": _send, "resend": _send, "receive": _receive, "import": _import, "export": _export,
    "attachment": _attachment,
    "accept": _accept, "refuse": _refuse, "notice": _notice, "escalate": _escalate, "match": _match,
    "party": _party,
}
