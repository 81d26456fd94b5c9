"""The demo ward's past ward rounds: signed, so today's list shows only decisions really due.

Without them every course past its CRP day would look undecided (R-CRP3). The demo signs a
round for each earlier day of a course as the e-doctor would: "continue" before the CRP day,
and on or after it only when a CRP result of the CRP day or later is on file (the same gate
``rounds.sign_round`` applies). A course whose CRP is missing keeps its decision due.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, LabResult, WardRound
from console.timeutil import local_date, utc_at
from console.vocabulary import RegimenKind, RoundDecision, RoundStatus

ROUND_TIME = time(9, 0)
_NOTES = ("Har det bedre, spiser og drikker.", "Afebril i nat; IV-adgang rolig.",
          "Træt, men i bedring; pårørende til stede.", "Ingen nye gener; mobiliseres.")


def seed_past_rounds(session: Session, rng: random.Random, day: date,
                     admissions: Sequence[Admission], doctors: Sequence[str],
                     nurses: Sequence[str], *, now: datetime | None = None) -> int:
    """Signed rounds for every day of each course before ``day`` (and before its discharge);
    with ``now`` (the demo seeded during its day) also today's whose slot has passed."""
    crp_days: dict[int, list[date]] = {}
    for adm_id, taken_at in session.execute(
            select(LabResult.admission_id, LabResult.taken_at)
            .where(LabResult.admission_id.in_([a.id for a in admissions]),
                   LabResult.analysis == "crp")):
        crp_days.setdefault(adm_id, []).append(local_date(taken_at))
    added = 0
    for adm in admissions:
        if adm.admitted_at is None:
            continue
        first = local_date(adm.admitted_at)
        last = local_date(adm.discharged_at) if adm.discharged_at is not None else day
        crp_date = first + timedelta(days=adm.crp_day - 1)
        antibiotic = any(r.kind is RegimenKind.ANTIBIOTIC for r in adm.regimens)
        on_file = crp_days.get(adm.id, [])
        when = first
        while when < min(day, last) or (now is not None and when == day == last):
            if antibiotic and when >= crp_date and not any(crp_date <= d <= when for d in on_file):
                break  # R-CRP3: no CRP on file, so the demo leaves the decision due
            doctor = rng.choice(doctors)
            planned = utc_at(when, ROUND_TIME) + timedelta(minutes=10 * (adm.id % 30))
            if when == day and (now is None or planned + timedelta(minutes=12) > now):
                break  # today's round still ahead (or in progress)
            session.add(WardRound(
                admission_id=adm.id, round_date=when, planned_at=planned, sort_order=adm.id,
                status=RoundStatus.SIGNED, doctor=doctor, nurse=rng.choice(nurses),
                participants="patient,e_nurse", subjective=rng.choice(_NOTES),
                plan="Behandlingen fortsætter som planlagt.", decision=RoundDecision.CONTINUE,
                signed_by=doctor, signed_at=planned + timedelta(minutes=12)))
            added += 1
            when += timedelta(days=1)
    return added
