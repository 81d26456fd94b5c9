"""A course after admission: registering visits (R-REGISTER), regimen changes, discharge
(R-DISCHARGE), the record with R-HANDOVER and its access log."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import (
    AccessEvent,
    Admission,
    Delivery,
    DischargeOutcome,
    LabResult,
    NoticeState,
    Visit,
    VisitStatus,
)
from console.services.core.errors import Conflict, Forbidden, InvalidInput, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.census import load_census
from console.services.course.course import change_regimen, discharge
from console.services.course.record import load_record, read_record
from console.services.course.referral import parse_referral
from console.services.course.visits import register_visit_done, register_visit_missed
from console.services.messaging.agreement import set_notice_state
from console.timeutil import today_local
from tests.factories import DISPATCHER, DOCTOR, NURSE, add_ward_staff, referral

DAY = date(2026, 11, 2)  # in the past: visits can be registered as done


@pytest.fixture
def course(db: Database) -> tuple[Database, AdmissionResult]:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(DAY, planned_end="2026-11-15",
                                                  **{"regimen.0.days": 14})))
    return db, result


def _visit(db: Database, admission_id: int, kind: str, nth: int = 0) -> Visit:
    with read_only(db) as s:
        visits = s.scalars(select(Visit).where(Visit.admission_id == admission_id,
                                               Visit.kind == kind).order_by(Visit.window_start))
        return list(visits)[nth]


def test_R_REGISTER_done_records_time_who_observations_and_crp(
        course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    sample = _visit(db, adm.admission_id, "blood_sample")
    at = sample.window_start
    with unit_of_work(db, NURSE) as s:
        row = register_visit_done(s, sample.id, performed_at=at, minutes=15,
                                  performed_by="Hjemmeplejen Sorø", observations="Afebrile",
                                  crp=62.0, expected_version=sample.version)
    assert (row.status, row.minutes_spent, row.performed_by) == ("done", 15, "Hjemmeplejen Sorø")
    with read_only(db) as s:
        lab = s.scalar(select(LabResult).where(LabResult.visit_id == sample.id))
        assert lab is not None
        assert (lab.analysis, lab.value, lab.recorded_by) == ("crp", 62.0, NURSE)


def test_R_REGISTER_missed_needs_reason_and_cannot_register_twice(
        course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    dose = _visit(db, adm.admission_id, "iv_dose")
    with pytest.raises(InvalidInput, match="why"), unit_of_work(db, NURSE) as s:
        register_visit_missed(s, dose.id, reason="  ")
    with unit_of_work(db, NURSE) as s:
        row = register_visit_missed(s, dose.id, reason="Patient not at home")
    assert row.status == "missed"
    with pytest.raises(RuleViolation, match="already missed"), unit_of_work(db, NURSE) as s:
        register_visit_done(s, dose.id, performed_at=dose.window_start, minutes=20)


def test_register_done_with_stale_version_is_a_conflict(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    dose = _visit(db, adm.admission_id, "iv_dose")
    with unit_of_work(db, NURSE) as s:
        register_visit_done(s, dose.id, performed_at=dose.window_start, minutes=20)
    with pytest.raises(Conflict, match=f"changed by {NURSE}"), unit_of_work(db, DISPATCHER) as s:
        register_visit_done(s, dose.id, performed_at=dose.window_start, minutes=25,
                            expected_version=dose.version)


def test_registering_needs_a_ward_role(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    dose = _visit(db, adm.admission_id, "iv_dose")
    with pytest.raises(Forbidden), unit_of_work(db, "NOBODY") as s:
        register_visit_done(s, dose.id, performed_at=dose.window_start, minutes=20)


def test_R_DISCHARGE_cancels_remaining_visits_and_deliveries_in_one_transaction(
        course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    at = datetime.fromisoformat("2026-11-06T12:00:00+01:00")
    with unit_of_work(db, DOCTOR) as s:
        result = discharge(s, adm.admission_id, outcome=DischargeOutcome.ORAL_SWITCH,
                           epikrise_sent=True, municipality_informed=True, at=at)
    assert result.visits_cancelled > 0
    assert result.deliveries_cancelled == 1
    with read_only(db) as s:
        a = s.get(Admission, adm.admission_id)
        assert a is not None
        assert (a.status.value, a.discharge_outcome) == ("discharged", DischargeOutcome.ORAL_SWITCH)
        assert a.epikrise_sent_at == at
        assert a.municipality_informed_at == at
        left = s.scalar(select(func.count()).select_from(Visit).where(
            Visit.admission_id == adm.admission_id, Visit.status == VisitStatus.PLANNED,
            Visit.window_end > at))
        assert left == 0
        kept = s.scalar(select(func.count()).select_from(Visit).where(
            Visit.admission_id == adm.admission_id, Visit.status == VisitStatus.PLANNED))
        assert kept  # the past stays as it was
        assert s.scalar(select(Delivery.status).where(Delivery.admission_id == adm.admission_id)
                        ).value == "cancelled"
    with pytest.raises(RuleViolation, match="already discharged"), unit_of_work(db, DOCTOR) as s:
        discharge(s, adm.admission_id, outcome=DischargeOutcome.OTHER, epikrise_sent=False,
                  municipality_informed=False, at=at)


def test_R_DISCHARGE_a_patient_discharged_today_leaves_todays_census(db: Database) -> None:
    """R-DISCHARGE / R-CAPACITY (issue 20): discharged this morning, the patient is off today's
    census and no longer counts as admitted; yesterday's census still has them."""
    add_ward_staff(db)
    yesterday = today_local() - timedelta(days=1)
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(yesterday)))
    with read_only(db) as s:
        before = load_census(s)
    assert [r.admission_id for r in before.rows] == [adm.admission_id]
    with unit_of_work(db, DOCTOR) as s:
        discharge(s, adm.admission_id, outcome=DischargeOutcome.COMPLETED, epikrise_sent=True,
                  municipality_informed=True)
    with read_only(db) as s:
        today, past = load_census(s), load_census(s, yesterday)
    assert (today.rows, today.admitted) == ((), 0)
    assert [r.admission_id for r in past.rows] == [adm.admission_id]


def test_R_DISCHARGE_only_by_doctor(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    with pytest.raises(Forbidden), unit_of_work(db, NURSE) as s:
        discharge(s, adm.admission_id, outcome=DischargeOutcome.COMPLETED, epikrise_sent=True,
                  municipality_informed=True)


def test_regimen_change_regenerates_future_visits_only(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    with read_only(db) as s:
        reg_id = s.scalar(select(func.min(Visit.regimen_id)).where(
            Visit.admission_id == adm.admission_id))
        before = {v.id: (v.status, v.window_start) for v in s.scalars(
            select(Visit).where(Visit.regimen_id == reg_id))}
    cut = datetime.fromisoformat("2026-11-05T00:00:00+01:00")
    with unit_of_work(db, DOCTOR) as s:
        result = change_regimen(s, reg_id, effective_from=cut, doses_per_day=2,
                                dose_times=[time(8), time(20)],
                                end_date=date(2026, 11, 10), now=cut)  # the scenario's clock
    with read_only(db) as s:
        after = list(s.scalars(select(Visit).where(Visit.regimen_id == reg_id,
                                                   Visit.status == VisitStatus.PLANNED)))
    past = {vid: v for vid, v in before.items() if v[1] < cut}
    assert all(any(a.id == vid for a in after) for vid in past)  # untouched
    future = [a for a in after if a.window_start >= cut]
    assert len(future) == 2 * 6  # 5-10 Nov, twice a day
    assert result.visits_planned == 12
    assert result.visits_cancelled == len([v for v in before.values() if v[1] >= cut])


def test_regimen_change_checks_R_FREQ_and_R_PUMP(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    with read_only(db) as s:
        reg_id = s.scalar(select(func.min(Visit.regimen_id)).where(
            Visit.admission_id == adm.admission_id))
    with pytest.raises(RuleViolation) as err, unit_of_work(db, DOCTOR) as s:
        change_regimen(s, reg_id, effective_from=datetime.fromisoformat("2026-11-05T00:00+01:00"),
                       doses_per_day=4, now=datetime.fromisoformat("2026-11-05T00:00+01:00"))
    assert err.value.rule_id == "R-FREQ"  # Sorø has no 4x agreement


def test_record_has_everything_and_logs_the_access(course: tuple[Database, AdmissionResult]) -> None:
    db, adm = course
    with unit_of_work(db, NURSE) as s:
        record = load_record(s, adm.admission_id)
    assert record.name == "Test Testesen"
    assert record.cpr_masked == "010150-XXXX"
    assert record.responsible_doctor == "Dorthe Læge"
    assert record.regimens[0].drug == "Piperacillin/Tazobactam"
    assert record.visits[0].kind == "first_visit"
    assert record.deliveries
    assert record.handover_missing == ("hospital notification (advis)",)  # issue 16: awaited
    with unit_of_work(db, NURSE) as s:
        set_notice_state(s, adm.admission_id, NoticeState.CONFIRMED_BY_PHONE)
        assert read_record(s, adm.admission_id).handover_missing == ()
    with read_only(db) as s:
        event = s.scalar(select(AccessEvent).order_by(AccessEvent.id.desc()))
        assert event is not None
        assert (event.user, event.admission_id, event.purpose) == (NURSE, adm.admission_id, "view")


def test_R_HANDOVER_lists_what_is_missing(db: Database) -> None:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(DAY, condition="other",
                                               medication_list_updated=False)))
    with unit_of_work(db, NURSE) as s:
        record = load_record(s, adm.admission_id)
    assert record.handover_missing == ("diagnosis / reason for admission", "updated medication list",
                                       "hospital notification (advis)")
