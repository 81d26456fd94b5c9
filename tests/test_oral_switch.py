"""Issue 14: round decisions follow through. Signing "switch to tablets" cancels nothing by
itself; the discharge the doctor then confirms (R-DISCHARGE, outcome oral_switch) ends the IV
visits from the next due one and the open deliveries, and says until when the medicine goes
with the patient: the first coming weekday (R-EPIKRISE, seed 004)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, DeliveryStatus, RoundDecision, Visit, VisitStatus
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.course import discharge, first_coming_weekday
from console.services.course.referral import parse_referral
from console.services.rounds.rounds import (
    RoundNote,
    add_lab_result,
    ensure_rounds,
    list_rounds,
    sign_round,
)
from console.vocabulary import DischargeOutcome
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral

START = date(2026, 11, 2)  # a Monday
DAY3 = START + timedelta(days=2)
SWITCH_AT = datetime.fromisoformat("2026-11-04T12:00:00+01:00")


def _statuses(db: Database, admission_id: int) -> tuple[dict[int, str], list[str]]:
    with read_only(db) as s:
        visits = {v.id: v.status.value for v in s.scalars(
            select(Visit).where(Visit.admission_id == admission_id))}
        deliveries = [d.status.value for d in s.scalars(
            select(Delivery).where(Delivery.admission_id == admission_id))]
    return visits, deliveries


def test_oral_switch_cancels_iv_visits_and_deliveries_only_after_the_discharge_is_confirmed(
        db: Database) -> None:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(START, **{
            "regimen.0.days": 12, "planned_end": (START + timedelta(days=11)).isoformat()})))
    adm = result.admission_id
    with unit_of_work(db, NURSE) as s:
        add_lab_result(s, adm, crp=40.0, taken_at=datetime.fromisoformat("2026-11-04T08:00+01:00"))
        ensure_rounds(s, DAY3)
        (row,) = list_rounds(s, DAY3).rows
    visits_before, deliveries_before = _statuses(db, adm)
    assert "requested" in deliveries_before  # R-SUPPLY: the delivery after the first week
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, row.round_id, decision=RoundDecision.ORAL_SWITCH,
                   note=RoundNote(assessment="CRP falling", plan="Switch to tablets"))
    assert _statuses(db, adm) == (visits_before, deliveries_before)  # nothing without confirming

    with unit_of_work(db, DOCTOR) as s:
        done = discharge(s, adm, outcome=DischargeOutcome.ORAL_SWITCH, epikrise_sent=True,
                         municipality_informed=True, at=SWITCH_AT)
    visits_after, deliveries_after = _statuses(db, adm)
    with read_only(db) as s:
        ends = {v.id: v.window_end for v in s.scalars(select(Visit).where(Visit.admission_id == adm))}
    future = [i for i, end in ends.items() if end > SWITCH_AT and visits_before[i] == "planned"]
    past = [i for i, end in ends.items() if end <= SWITCH_AT]
    assert future
    assert all(visits_after[i] == VisitStatus.CANCELLED.value for i in future)
    assert all(visits_after[i] == visits_before[i] for i in past)  # history stays as it was
    assert done.visits_cancelled == len(future)
    assert deliveries_after == [DeliveryStatus.CANCELLED.value] * len(deliveries_before)
    assert done.outcome == "oral_switch"
    assert done.medicine_until == date(2026, 11, 5)  # Wednesday → Thursday


@pytest.mark.parametrize(("day", "until"), [
    (date(2026, 11, 6), date(2026, 11, 9)),  # Friday → Monday
    (date(2026, 11, 7), date(2026, 11, 9)),  # Saturday → Monday
    (date(2026, 11, 8), date(2026, 11, 9)),  # Sunday → Monday
    (date(2026, 11, 9), date(2026, 11, 10)),  # Monday → Tuesday
])
def test_r_epikrise_medicine_until_the_first_coming_weekday(day: date, until: date) -> None:
    assert first_coming_weekday(day) == until
