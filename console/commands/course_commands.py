"""``eward admit``, ``visits``, ``visit done|missed``, ``discharge``, ``regimen change``, ``patient``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.commands.parsing import add_day_option, parse_day, ward_day
from console.services.core.uow import unit_of_work
from console.services.course.referral import parse_datetime
from console.services.course.task_records import TaskRecord
from console.timeutil import format_local
from console.vocabulary import IvAccess


def register(add: Callable[..., Any]) -> None:
    p = add("admit", _admit, help="admit a referred patient from a referral document (JSON)")
    p.add_argument("file", help="referral JSON file, or - for standard input")

    p = add("visits", _visits, help="all visits of a ward day")
    add_day_option(p)

    p = add("visit", _visit, help="register a visit as done or missed (R-REGISTER)")
    p.add_argument("action", choices=["done", "missed"])
    p.add_argument("visit_id", type=int)
    # the values are checked by one schema each (services/course/change_input.py), so a bad
    # one is exit 2 naming the option in JSON, never argparse's usage text
    p.add_argument("--at", help="when it was done (ISO date-time with offset)")
    p.add_argument("--minutes", help="time spent with the patient")
    p.add_argument("--crp", help="CRP value (mg/L) when ordered")
    p.add_argument("--note", help="observations")
    p.add_argument("--by", help="who performed it (default: the acting user)")
    p.add_argument("--reason", help="why it was missed")
    p.add_argument("--version", help="the visit version the change is based on")
    p.add_argument("--result", action="append", default=[], metavar="ANALYSIS=VALUE",
                   help="an ordered MBE task's lab result, e.g. s_vancomycin=14 (repeatable; "
                        "R-MBE-TASKS)")
    p.add_argument("--access", choices=[k.value for k in IvAccess],
                   help="a PVK placement task: the access placed (R-ACCESS)")
    p.add_argument("--remove-by", help="the new access's planned removal YYYY-MM-DD")

    p = add("discharge", _discharge, help="discharge an admission (R-DISCHARGE)")
    p.add_argument("admission_id", type=int)
    p.add_argument("--outcome", required=True,
                   choices=["completed", "oral_switch", "readmitted", "other"])
    p.add_argument("--epikrise-sent", action="store_true",
                   help="the epikrise was sent from the EPR (outside the console)")
    p.add_argument("--epikrise-reason",
                   help="why no epikrise is sent (R-EPIKRISE; the eHospital keeps the "
                        "treatment responsibility)")
    p.add_argument("--municipality-informed", action="store_true")
    p.add_argument("--at", help="discharge time (ISO, default now)")
    p.add_argument("--version", type=int,
                   help="the admission version the discharge is based on (stale: exit 3)")

    p = add("regimen", _regimen, help="change a running regimen line")
    p.add_argument("action", choices=["change"])
    p.add_argument("regimen_id", type=int)
    p.add_argument("--from", dest="effective_from", required=True,
                   help="ISO date-time from which the change applies")
    p.add_argument("--dose", help="amount and unit, e.g. 2 g (R-DOSE)")
    p.add_argument("--doses-per-day")
    p.add_argument("--dose-times", help="e.g. 08:00,16:00,22:00")
    p.add_argument("--end-date")
    p.add_argument("--version", help="the regimen version the change is based on (stale: exit 3)")

    p = add("schema", _schema, help="the JSON Schema of an input document (admit, escalate)")
    p.add_argument("document", choices=sorted(DOCUMENTS))

    p = add("patient", _patient, help="a patient's record (logs the access)")
    p.add_argument("admission_id", type=int)
    p.add_argument("--reason", help="the purpose, when you have no current role for the "
                                    "patient (break-the-glass: logged and flagged for review)")


# The input documents the commands read, by name: ``eward schema NAME`` prints the JSON Schema.
DOCUMENTS = {"referral": ("console.services.course.referral", "ReferralDoc"),
             "escalation": ("console.services.escalations.document", "EscalationDoc"),
             "regimen-change": ("console.services.course.change_input", "RegimenChangeOptions"),
             "visit-done": ("console.services.course.change_input", "VisitDoneOptions"),
             "visit-missed": ("console.services.course.change_input", "VisitMissedOptions")}


def _schema(args: argparse.Namespace, ctx: Any) -> int:
    import importlib

    module, name = DOCUMENTS[args.document]
    model = getattr(importlib.import_module(module), name)
    schema = model.model_json_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def read_json(source: str, document: str = "referral") -> Any:
    """The JSON document in ``source`` (a file or - for standard input), UTF-8 only: a file in
    another encoding (Latin-1) is refused in one sentence, never guessed (issue 15)."""
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise UsageError(f"Cannot read {source}: {exc.strerror}.", "file") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"The {document} is not UTF-8 text (byte {exc.start + 1} is not "
                         "UTF-8): save it as UTF-8 and try again.", "file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"The {document} is not valid JSON (line {exc.lineno}: {exc.msg}).",
                         "file") from None
    except RecursionError:
        raise UsageError(f"The {document} is nested too deeply to be a {document}.",
                         "file") from None


def _admit(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.admissions import admit
    from console.services.course.referral import parse_referral

    referral = parse_referral(read_json(args.file))
    with unit_of_work(ctx.database(), ctx.user) as session:
        result = admit(session, referral)
    payload = asdict(result)
    ctx.emit(payload, f"Admitted as admission {result.admission_id} with {len(result.visits)} "
             f"visits planned." + "".join(f"\nwarning: {w}" for w in result.warnings))
    return 0


def _visits(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.visits import list_visits

    ctx.emit_rows(ctx.read(list_visits, ward_day(args)), lambda r: (
        f"{r.id:>6} {format_local(r.window_start)}-{format_local(r.window_end)} {r.kind:12} "
        f"{r.provider:12} {r.shown_status:9} {r.car or '':6} {r.patient}"))
    return 0


def _visit(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.change_input import parse_visit_done, parse_visit_missed
    from console.services.course.visits import register_visit_done, register_visit_missed
    from console.timeutil import now_utc

    if args.action == "done":
        done = parse_visit_done({"--at": args.at, "--minutes": args.minutes, "--crp": args.crp,
                                 "--note": args.note, "--by": args.by, "--version": args.version})
        with unit_of_work(ctx.database(), ctx.user) as session:
            row = register_visit_done(session, args.visit_id, performed_at=done.at or now_utc(),
                                      minutes=done.minutes, performed_by=done.by,
                                      observations=done.note, crp=done.crp,
                                      task_record=_task_record(args),
                                      expected_version=done.version)
    else:
        missed = parse_visit_missed({"--reason": args.reason, "--version": args.version})
        with unit_of_work(ctx.database(), ctx.user) as session:
            row = register_visit_missed(session, args.visit_id, reason=missed.reason,
                                        expected_version=missed.version)
    ctx.emit(asdict(row), f"Visit {row.id} registered as {row.status}.")
    return 0


def _task_record(args: argparse.Namespace) -> TaskRecord | None:
    """``--result A=V`` / ``--access`` / ``--remove-by`` as the task's record (None: none given)."""
    if not args.result and not args.access:
        return None
    results: dict[str, str] = {}
    for item in args.result:
        code, sep, value = item.partition("=")
        if not sep or not code.strip():
            raise UsageError(f"'{item}' is not ANALYSIS=VALUE, e.g. s_vancomycin=14.", "--result")
        results[code.strip().lower()] = value
    return TaskRecord(results, IvAccess(args.access) if args.access else None,
                      parse_day(args.remove_by, "--remove-by"))


def _discharge(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import DischargeOutcome
    from console.services.course.course import discharge

    at = parse_datetime(args.at, "--at") if args.at else None
    with unit_of_work(ctx.database(), ctx.user) as session:
        result = discharge(session, args.admission_id, outcome=DischargeOutcome(args.outcome),
                           epikrise_sent=args.epikrise_sent,
                           municipality_informed=args.municipality_informed, at=at,
                           expected_version=args.version,
                           epikrise_missing_reason=args.epikrise_reason)
    holder = "the GP" if result.responsibility == "gp" else "the eHospital"
    ctx.emit(asdict(result), f"Admission {result.admission_id} discharged ({result.outcome}); "
             f"{result.visits_cancelled} visits and {result.deliveries_cancelled} deliveries "
             f"cancelled. Treatment responsibility: {holder} ({result.responsibility_reason}).")
    return 0


def _regimen(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.change_input import parse_regimen_change
    from console.services.course.course import change_regimen

    change = parse_regimen_change({
        "--from": args.effective_from, "--dose": args.dose, "--doses-per-day": args.doses_per_day,
        "--dose-times": args.dose_times, "--end-date": args.end_date, "--version": args.version})
    with unit_of_work(ctx.database(), ctx.user) as session:
        result = change_regimen(
            session, args.regimen_id, effective_from=change.effective_from, dose=change.dose,
            doses_per_day=change.doses_per_day, dose_times=change.dose_times,
            end_date=change.end_date, expected_version=change.version)
    ctx.emit(asdict(result), f"Regimen {result.regimen_id} changed: {result.visits_cancelled} "
             f"future visits replaced by {result.visits_planned}.")
    return 0


def _patient(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.record import load_record

    with unit_of_work(ctx.database(), ctx.user) as session:  # writes the access_event
        record = load_record(session, args.admission_id, reason=args.reason)
    payload = asdict(record)
    ctx.emit(payload, f"{record.name} ({record.cpr_masked}), {record.municipality}, day "
             f"{record.day_of_course}; missing for handover: "
             f"{', '.join(record.handover_missing) or 'nothing'}")
    return 0
