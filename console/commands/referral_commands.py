"""``eward referrals``, ``eward referral add|assess|decide`` (the referral queue, R-ELIGIBLE)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.context import UsageError
from console.commands.course_commands import read_json
from console.services.core.uow import read_only, unit_of_work
from console.services.course.eligibility import ELIGIBILITY_KEYS
from console.timeutil import format_local
from console.vocabulary import ReferralSource


def register(add: Callable[..., Any]) -> None:
    p = add("referrals", _referrals, help="the referral queue (waiting for the e-doctor)")
    p.add_argument("--all", action="store_true", help="decided referrals too")

    p = add("referral", _referral,
            help="take a referral in, record the eligibility judgement, admit or decline")
    p.add_argument("action", choices=["add", "assess", "decide"])
    p.add_argument("target", help="add: the referral JSON file (or -); assess/decide: its id")
    p.add_argument("--source", choices=[s.value for s in ReferralSource],
                   help="who refers (add)")
    p.add_argument("--referrer", help="the referring department or practice (add; default: the "
                                      "document's referred_by)")
    p.add_argument("--yes", action="append", default=[], choices=ELIGIBILITY_KEYS,
                   metavar="ITEM", help="an eligibility item judged yes (assess; repeat)")
    p.add_argument("--no", action="append", default=[], choices=ELIGIBILITY_KEYS,
                   metavar="ITEM", help="an eligibility item judged no (assess; repeat)")
    p.add_argument("--referrer-call", help="the talk with the referrer (assess)")
    p.add_argument("--municipality-call", help="the talk with the municipality (assess)")
    decision = p.add_mutually_exclusive_group()
    decision.add_argument("--admit", action="store_true", help="admit from the referral (decide)")
    decision.add_argument("--decline", action="store_true", help="decline (decide; --reason)")
    p.add_argument("--reason", help="why the referral is declined")
    p.add_argument("--version", type=int,
                   help="the referral version the change is based on (stale: exit 3)")


def _referrals(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.referrals import list_referrals

    with read_only(ctx.database(), ctx.user) as session:
        queue = list_referrals(session, include_decided=args.all)
    lines = [f"{queue.waiting} referral(s) waiting; {queue.admitted} / {queue.capacity} "
             "admitted"]
    lines += [f"{r.id:>5} {format_local(r.received_at, '%d/%m %H:%M')} {r.status:9} "
              f"{r.source:16} {r.patient_name:26} {r.cpr_masked} {r.municipality}"
              for r in queue.rows]
    ctx.emit(asdict(queue), "\n".join(lines))
    return 0


def _id(target: str) -> int:
    try:
        return int(target)
    except ValueError:
        raise UsageError(f"'{target}' is not a referral id: give the number from "
                         "`eward referrals`.", "id") from None


def _referral(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course import referrals

    if args.action == "add":
        if not args.source:
            raise UsageError("Say who refers: --source "
                             f"{'|'.join(s.value for s in ReferralSource)}.", "--source")
        document = read_json(args.target)
        with unit_of_work(ctx.database(), ctx.user) as session:
            row = referrals.add_referral(session, ReferralSource(args.source), document,
                                         referrer=args.referrer)
        ctx.emit(asdict(row), f"Referral {row.id} is waiting for the e-doctor.")
        return 0
    referral_id = _id(args.target)
    if args.action == "assess":
        both = set(args.yes) & set(args.no)
        if both:
            raise UsageError(f"'{sorted(both)[0]}' cannot be judged both yes and no.", "--no")
        judgement = dict.fromkeys(args.yes, True) | dict.fromkeys(args.no, False)
        with unit_of_work(ctx.database(), ctx.user) as session:
            row = referrals.assess_referral(
                session, referral_id, judgement=judgement, referrer_call=args.referrer_call,
                municipality_call=args.municipality_call, expected_version=args.version)
        ctx.emit(asdict(row), f"Referral {row.id}: judgement recorded.")
        return 0
    if not (args.admit or args.decline):
        raise UsageError("Decide with --admit or --decline --reason TEXT.", "--admit")
    with unit_of_work(ctx.database(), ctx.user) as session:
        if args.admit:
            decision = referrals.admit_referral(session, referral_id,
                                                expected_version=args.version)
        else:
            decision = referrals.decline_referral(session, referral_id, reason=args.reason,
                                                  expected_version=args.version)
    text = (f"Referral {decision.referral_id} admitted as admission {decision.admission_id}."
            if decision.admission_id else f"Referral {decision.referral_id} declined.")
    ctx.emit(asdict(decision), text + "".join(f"\nwarning: {w}" for w in decision.warnings))
    return 0
