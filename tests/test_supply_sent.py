"""R-SUPPLY (issue 14): the supply actually sent with the patient is entered at admission
(doses per regimen line); the stock projection and the first delivery start from it instead
of always assuming the configured 7 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, Regimen
from console.services.core.errors import RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.logistics.stock import project_stock
from tests.factories import DOCTOR, add_ward_staff, referral

DAY = date(2026, 11, 23)
LONG = {"regimen.0.days": 10, "planned_end": (DAY + timedelta(days=9)).isoformat()}


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    return db


def _admit(db: Database, **changes: object) -> tuple[int, int, object]:
    with unit_of_work(db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(DAY, **LONG, **changes)))
    with read_only(db) as s:
        reg = s.scalars(select(Regimen).where(Regimen.admission_id == result.admission_id)).one()
        delivery = s.scalars(select(Delivery).where(
            Delivery.admission_id == result.admission_id)).one()
        (line,) = project_stock(s, [result.admission_id])
        return reg.doses_sent, line.on_hand, delivery.due_by


def test_r_supply_the_doses_sent_drive_the_stock_and_the_first_delivery(ward: Database) -> None:
    default_sent, default_on_hand, default_due = _admit(ward)
    assert default_sent == default_on_hand == 7 * 3  # the configured week
    sent, on_hand, due = _admit(ward, **{"patient.cpr": "020250-1234",
                                         "regimen.0.doses_sent": 6})
    assert (sent, on_hand) == (6, 6)  # two days' worth sent: the projection starts there
    assert due < default_due  # and the delivery comes before it runs out
    assert (default_due - due).days == 5


def test_r_supply_doses_sent_are_within_the_course(ward: Database) -> None:
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(RuleViolation) as err:
        admit(s, parse_referral(referral(DAY, **LONG, **{"regimen.0.doses_sent": 31})))
    assert (err.value.rule_id, err.value.field) == ("R-SUPPLY", "regimen[0].doses_sent")
