"""``eward rounds``, ``eward round prepare|sign|addendum``, ``eward lab add``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.parsing import add_day_option, ward_day
from console.services.core.uow import unit_of_work
from console.services.course.referral import parse_datetime


def register(add: Callable[..., Any]) -> None:
    p = add("rounds", _rounds, help="the day's ward rounds (generated when missing)")
    add_day_option(p)
    p.add_argument("--pdf", type=Path, help="also write the printable round list (A4 PDF) here")

    p = add("round", _round, help="prepare, sign or add an addendum to a round")
    p.add_argument("action", choices=["prepare", "sign", "addendum"])
    p.add_argument("round_id", type=int)
    p.add_argument("--decision", choices=["continue", "adjust", "oral_switch", "readmit",
                                          "discharge"])
    p.add_argument("--note", help="sign: added beneath the plan (what is written stays); "
                                  "prepare: points to discuss; addendum: its text")
    p.add_argument("--crp-other-day-reason", help="R-CRP3: why CRP is measured another day")
    p.add_argument("--version", type=int, help="the round version the change is based on")

    p = add("lab", _lab, help="add a lab result")
    p.add_argument("action", choices=["add"])
    p.add_argument("admission_id", type=int)
    p.add_argument("--crp", type=float, help="CRP in mg/L (the short form)")
    p.add_argument("--analysis", help="the analysis (issue 19): crp, sodium, potassium, "
                                      "creatinine, egfr, leukocytes, s_vancomycin, s_gentamicin, "
                                      "blood_culture, urine_stix")
    p.add_argument("--value", help="the result, e.g. 138, '3,9 mmol/L', positive, 'leukocytes, "
                                   "nitrite'")
    p.add_argument("--place", choices=["poct", "laboratory"],
                   help="analysed at the bedside (poct) or in the laboratory")
    p.add_argument("--taken-at", required=True, help="ISO date-time with offset")


def _rounds(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.rounds.rounds import round_list_for_print, rounds_of_day

    day = ward_day(args)
    with unit_of_work(ctx.database(), ctx.user or "system") as session:
        # A PDF names every patient on the list: the print is logged for each (§ 42 a).
        listing = (round_list_for_print if args.pdf is not None else rounds_of_day)(session, day)
    rows = [asdict(r) for r in listing.rows]
    if args.pdf is not None:
        from console.i18n.runtime import ensure_document_application
        from console.private_files import make_private
        from console.views.rounds.round_list_print import write_round_list_pdf

        ensure_document_application()  # the list in the console's language (issue 20)
        write_round_list_pdf(listing, args.pdf)
        make_private(args.pdf)
    head = (f"{day}: {len(listing.rows)} rounds (sign one with: eward round sign ROUND "
            "--decision …)")
    ctx.emit(rows, "\n".join([head, *(
        f"{r.sort_order + 1:>3}. round {r.round_id:<6} {r.patient:28} day {r.day_of_course:>2} "
        f"{r.status:8} "
        f"CRP {r.latest_crp if r.latest_crp is not None else '-':>5}  {', '.join(r.flags)}"
        for r in listing.rows)]) if listing.rows else f"No rounds on {day}.")
    return 0


def _round(args: argparse.Namespace, ctx: Any) -> int:
    from console.models import RoundDecision
    from console.services.core.errors import InvalidInput
    from console.services.rounds.rounds import add_addendum, prepare_round, sign_round

    with unit_of_work(ctx.database(), ctx.user) as session:
        if args.action == "prepare":
            prepare_round(session, args.round_id, prep_notes=args.note or "",
                          expected_version=args.version)
        elif args.action == "addendum":
            add_addendum(session, args.round_id, args.note or "")
        else:
            if not args.decision:
                raise InvalidInput("--decision", "Give the round's decision.")
            sign_round(session, args.round_id, decision=RoundDecision(args.decision),
                       add_to_plan=args.note,
                       crp_other_day_reason=args.crp_other_day_reason,
                       expected_version=args.version)
    ctx.emit({"round_id": args.round_id, "action": args.action},
             f"Round {args.round_id}: {args.action} done.")
    return 0


def _lab(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.rounds.rounds import add_lab_result

    if args.analysis is not None or args.crp is None:
        return _lab_analysis(args, ctx)
    with unit_of_work(ctx.database(), ctx.user) as session:
        lab_id = add_lab_result(session, args.admission_id, crp=args.crp,
                                taken_at=parse_datetime(args.taken_at, "--taken-at"))
    ctx.emit({"lab_result_id": lab_id, "admission_id": args.admission_id, "crp": args.crp},
             f"CRP {args.crp} mg/L recorded.")
    return 0


def _lab_analysis(args: argparse.Namespace, ctx: Any) -> int:
    """``eward lab add ADMISSION --analysis A --value V --taken-at T`` (issue 19)."""
    from dataclasses import asdict

    from console.commands.context import UsageError
    from console.services.course.labs import record_lab_result

    if args.analysis is None or (args.value is None and args.crp is None):
        raise UsageError("Give --analysis and --value (or --crp for a CRP).", "--analysis")
    value = args.value if args.value is not None else str(args.crp)
    with unit_of_work(ctx.database(), ctx.user) as session:
        entry = record_lab_result(session, args.admission_id, analysis=args.analysis,
                                  value=value, place=args.place,
                                  taken_at=parse_datetime(args.taken_at, "--taken-at"))
    shown = entry.reading or f"{entry.value:g} {entry.unit}"
    flag = " (outside the reference interval " + entry.reference + ")" \
        if entry.out_of_interval else ""
    ctx.emit(asdict(entry), f"{entry.analysis} {shown} recorded{flag}.")
    return 0
