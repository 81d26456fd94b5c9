"""R-SUPPLY: "runs out within 48 h and no delivery planned" (the logistics screen's red list)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from console.db import Database
from console.models import Admission, AdmissionStatus, DeliveryStatus, Role
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.referral import parse_referral
from console.services.logistics.deliveries import (
    AtRiskRow,
    at_risk_without_delivery,
    create_delivery,
    load_logistics_day,
    set_status,
)
from console.timeutil import LOCAL_TZ
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral

LOGI = "LOG"
START = date(2026, 11, 2)
RUNS_OUT = datetime(2026, 11, 9, 14, 0, tzinfo=LOCAL_TZ)  # 3 a day, 21 sent, admitted 2 Nov 10:00
NOW = RUNS_OUT - timedelta(hours=26)


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    add_staff(db, LOGI, Role.LOGISTICS)
    return db


def _admit(db: Database, **kw: object) -> AdmissionResult:
    with unit_of_work(db, DOCTOR) as s:
        return admit(s, parse_referral(referral(START, planned_end="2026-11-15", **{
            "regimen.0.days": 14, **kw})))


def _cancel_supply_delivery(db: Database, result: AdmissionResult) -> None:
    assert result.delivery_id is not None
    with unit_of_work(db, LOGI) as s:
        set_status(s, result.delivery_id, DeliveryStatus.CANCELLED)


def _at_risk(db: Database, now: datetime = NOW) -> list[AtRiskRow]:
    with read_only(db) as s:
        return at_risk_without_delivery(s, now)


def test_R_SUPPLY_planned_delivery_before_run_out_is_not_at_risk(ward: Database) -> None:
    _admit(ward)  # the admission plans its R-SUPPLY delivery for day 7 at noon
    assert _at_risk(ward) == []


def test_R_SUPPLY_runs_out_within_48_h_without_delivery_is_at_risk(ward: Database) -> None:
    result = _admit(ward)
    _cancel_supply_delivery(ward, result)
    (row,) = _at_risk(ward)
    assert row.admission_id == result.admission_id
    assert (row.patient, row.municipality, row.phone) == ("Test Testesen", "Sorø", "20 30 40 50")
    assert row.address == "Testvej 1, 4700 Næstved"
    assert row.medicine == ("Piperacillin/Tazobactam 4 g",)
    assert row.runs_out_at == RUNS_OUT
    assert row.hours_left == pytest.approx(26)
    assert row.next_delivery_at is None


def test_R_SUPPLY_more_than_48_h_ahead_is_not_yet_red(ward: Database) -> None:
    _cancel_supply_delivery(ward, _admit(ward))
    assert _at_risk(ward, RUNS_OUT - timedelta(hours=48, minutes=1)) == []
    assert len(_at_risk(ward, RUNS_OUT - timedelta(hours=48))) == 1


def test_R_SUPPLY_already_run_out_stays_red(ward: Database) -> None:
    _cancel_supply_delivery(ward, _admit(ward))
    (row,) = _at_risk(ward, RUNS_OUT + timedelta(hours=3))
    assert row.hours_left == pytest.approx(-3)


def test_R_SUPPLY_delivery_due_after_the_run_out_does_not_count(ward: Database) -> None:
    result = _admit(ward)
    _cancel_supply_delivery(ward, result)
    late = RUNS_OUT + timedelta(hours=6)
    with unit_of_work(ward, LOGI) as s:
        create_delivery(s, result.admission_id, due_by=late)
    (row,) = _at_risk(ward)
    assert row.next_delivery_at == late
    with unit_of_work(ward, LOGI) as s:
        create_delivery(s, result.admission_id, due_by=RUNS_OUT - timedelta(hours=12))
    assert _at_risk(ward) == []


def test_R_SUPPLY_delivered_stock_and_discharge_clear_the_red_row(ward: Database) -> None:
    result = _admit(ward)
    assert result.delivery_id is not None
    with unit_of_work(ward, LOGI) as s:
        for status in (DeliveryStatus.PACKED, DeliveryStatus.OUT, DeliveryStatus.DELIVERED):
            set_status(s, result.delivery_id, status)
    assert _at_risk(ward) == []  # the rest of the course is at home now
    other = _admit(ward, **{"patient.cpr": "020250-1234", "patient.name": "Anne Anden"})
    _cancel_supply_delivery(ward, other)
    assert [r.patient for r in _at_risk(ward)] == ["Anne Anden"]
    with unit_of_work(ward, "system") as s:
        adm = s.get(Admission, other.admission_id)
        assert adm is not None
        adm.status = AdmissionStatus.DISCHARGED
    assert _at_risk(ward) == []


def test_soonest_run_out_first(ward: Database) -> None:
    first = _admit(ward)
    second = _admit(ward, **{"patient.cpr": "020250-1234", "patient.name": "Anne Anden",
                             "regimen.0.doses_per_day": 2, "regimen.0.dose_times": ["08:00",
                                                                                    "20:00"]})
    _cancel_supply_delivery(ward, first)
    _cancel_supply_delivery(ward, second)
    rows = _at_risk(ward, RUNS_OUT + timedelta(hours=1))
    assert {r.admission_id for r in rows} == {first.admission_id, second.admission_id}
    assert rows[0].runs_out_at != rows[1].runs_out_at
    assert rows[0].runs_out_at < rows[1].runs_out_at


def test_logistics_day_gives_deliveries_run_outs_and_the_red_list(ward: Database) -> None:
    result = _admit(ward)
    other = _admit(ward, **{"patient.cpr": "020250-1234", "patient.name": "Anne Anden"})
    _cancel_supply_delivery(ward, other)
    with read_only(ward) as s:
        day = load_logistics_day(s, RUNS_OUT.date() - timedelta(days=1), NOW)
    # both R-SUPPLY deliveries fall due that day; the cancelled one is listed as such
    assert {d.id: d.status for d in day.deliveries} == {result.delivery_id: "requested",
                                                        other.delivery_id: "cancelled"}
    assert day.runs_out[result.admission_id] == RUNS_OUT
    assert day.runs_out[other.admission_id] == RUNS_OUT
    assert [r.admission_id for r in day.at_risk] == [other.admission_id]
    assert day.now == NOW
