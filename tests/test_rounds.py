"""Ward rounds: generation exactly once, R-CRP3 gate, signing by role, immutability, order."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import RoundDecision, WardRound
from console.services.core.errors import Forbidden, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.referral import parse_referral
from console.services.rounds.rounds import (
    FLAG_CRP_DECISION,
    FLAG_CRP_DECISION_OVERDUE,
    FLAG_CRP_OVERDUE,
    RoundNote,
    add_addendum,
    add_lab_result,
    ensure_rounds,
    list_rounds,
    prepare_round,
    reorder_rounds,
    save_round_note,
    sign_round,
)
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral

START = date(2026, 11, 2)
DAY3 = START + timedelta(days=2)


@pytest.fixture
def ward(db: Database) -> tuple[Database, list[AdmissionResult]]:
    add_ward_staff(db)
    results = []
    with unit_of_work(db, DOCTOR) as s:
        results.append(admit(s, parse_referral(referral(START))))  # antibiotic, day 3 on DAY3
        results.append(admit(s, parse_referral(referral(DAY3, **{
            "patient.cpr": "020250-1234", "patient.name": "Anna Andersen"}))))  # new on DAY3
        results.append(admit(s, parse_referral(referral(START, condition="dehydration", **{
            "patient.cpr": "030350-1234", "patient.name": "Bent Fluid",
            "regimen.0.kind": "fluid", "regimen.0.drug": "NaCl 0.9 %",
            "regimen.0.dose": "1000 ml"}))))
    return db, results


def _rounds(db: Database, day: date = DAY3) -> list:  # type: ignore[type-arg]
    with unit_of_work(db, NURSE) as s:
        ensure_rounds(s, day)
        return list(list_rounds(s, day).rows)


def test_rounds_generated_once_per_admitted_patient(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    rows = _rounds(db)
    assert len(rows) == 3
    again = _rounds(db)
    assert [r.round_id for r in again] == [r.round_id for r in rows]
    with read_only(db) as s:
        assert s.scalar(select(func.count()).select_from(WardRound)) == 3


def test_default_order_new_then_day3_decision_then_rest(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    rows = _rounds(db)
    assert [r.patient for r in rows] == ["Anna Andersen", "Test Testesen", "Bent Fluid"]
    assert FLAG_CRP_DECISION in rows[1].flags
    assert "CRP missing" in rows[1].flags
    assert rows[1].crp_due


def test_R_CRP3_day3_round_blocked_without_crp(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    day3 = next(r for r in _rounds(db) if r.patient == "Test Testesen")
    with pytest.raises(RuleViolation) as err, unit_of_work(db, DOCTOR) as s:
        sign_round(s, day3.round_id, decision=RoundDecision.CONTINUE,
                   note=RoundNote(assessment="Better", plan="Continue IV"))
    assert (err.value.rule_id, err.value.field) == ("R-CRP3", "crp")
    with read_only(db) as s:
        w = s.get(WardRound, day3.round_id)
        assert w is not None
        assert w.status.value == "planned"


def test_R_CRP3_day3_round_signed_with_crp(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, results = ward
    day3 = next(r for r in _rounds(db) if r.patient == "Test Testesen")
    with unit_of_work(db, NURSE) as s:
        add_lab_result(s, results[0].admission_id, crp=48.0,
                       taken_at=datetime.fromisoformat("2026-11-04T08:30:00+01:00"))
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, day3.round_id, decision=RoundDecision.ORAL_SWITCH,
                   note=RoundNote(assessment="CRP falling", plan="Switch to tablets"))
    row = next(r for r in _rounds(db) if r.patient == "Test Testesen")
    assert (row.status, row.decision, row.signed_by) == ("signed", "oral_switch", DOCTOR)
    assert row.latest_crp == 48.0
    assert FLAG_CRP_DECISION not in row.flags


def test_R_CRP3_day3_round_signed_with_reason_for_another_day(
        ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    day3 = next(r for r in _rounds(db) if r.patient == "Test Testesen")
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, day3.round_id, decision=RoundDecision.CONTINUE,
                   note=RoundNote(plan="Continue"), crp_other_day_reason="Sample haemolysed; day 4")
    row = next(r for r in _rounds(db) if r.patient == "Test Testesen")
    assert row.crp_other_day_reason == "Sample haemolysed; day 4"


def test_fluid_course_round_needs_no_crp(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    fluid = next(r for r in _rounds(db) if r.patient == "Bent Fluid")
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, fluid.round_id, decision=RoundDecision.CONTINUE, note=RoundNote(plan="ok"))


def test_signing_is_for_doctors_only(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    fluid = next(r for r in _rounds(db) if r.patient == "Bent Fluid")
    with pytest.raises(Forbidden, match="e-doctor"), unit_of_work(db, NURSE) as s:
        sign_round(s, fluid.round_id, decision=RoundDecision.CONTINUE, note=RoundNote(plan="x"))


def test_signed_round_is_read_only_addendum_allowed(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    fluid = next(r for r in _rounds(db) if r.patient == "Bent Fluid")
    with unit_of_work(db, NURSE) as s:
        prepare_round(s, fluid.round_id, prep_notes="Ask about appetite")
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, fluid.round_id, decision=RoundDecision.CONTINUE, note=RoundNote(plan="ok"))
    with pytest.raises(RuleViolation, match="read-only") as err, unit_of_work(db, DOCTOR) as s:
        save_round_note(s, fluid.round_id, RoundNote(plan="changed my mind"))
    assert err.value.rule_id == "R-SIGNED"
    with pytest.raises(RuleViolation), unit_of_work(db, DOCTOR) as s:
        sign_round(s, fluid.round_id, decision=RoundDecision.DISCHARGE, note=RoundNote(plan="x"))
    with unit_of_work(db, NURSE) as s:
        add_addendum(s, fluid.round_id, "Relatives called: eating well")
    row = next(r for r in _rounds(db) if r.patient == "Bent Fluid")
    assert (row.plan, row.decision, row.prep_notes) == ("ok", "continue", "Ask about appetite")


def test_order_survives_reload(ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    rows = _rounds(db)
    wanted = [rows[2].round_id, rows[0].round_id, rows[1].round_id]
    with unit_of_work(db, DOCTOR) as s:
        reorder_rounds(s, DAY3, wanted)
    assert [r.round_id for r in _rounds(db)] == wanted


@pytest.mark.pg
def test_two_desks_generating_at_once_create_each_round_once(pg_url: str) -> None:
    desks = [open_ward(pg_url) for _ in range(2)]
    add_ward_staff(desks[0])
    with unit_of_work(desks[0], DOCTOR) as s:
        for i in range(8):
            admit(s, parse_referral(referral(START, **{"patient.cpr": f"01015{i}-1234"})))
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def generate(db: Database) -> None:
        try:
            with unit_of_work(db, NURSE) as s:
                barrier.wait()
                ensure_rounds(s, DAY3)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=generate, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    with read_only(desks[0]) as s:
        counts = s.execute(select(WardRound.admission_id, func.count())
                           .group_by(WardRound.admission_id)).all()
    assert len(counts) == 8
    assert all(n == 1 for _, n in counts)
    for d in desks:
        d.dispose()


# --- R-CRP3 (clarified, issue 14): the gate holds from the CRP day until decided ---------------

DAY4, DAY7 = DAY3 + timedelta(days=1), DAY3 + timedelta(days=4)


def _sign(db: Database, round_id: int, reason: str | None = None) -> None:
    with unit_of_work(db, DOCTOR) as s:
        sign_round(s, round_id, decision=RoundDecision.CONTINUE,
                   note=RoundNote(assessment="Stable", plan="Continue IV"),
                   crp_other_day_reason=reason)


def _course_round(db: Database, day: date):  # type: ignore[no-untyped-def]
    return next(r for r in _rounds(db, day) if r.patient == "Test Testesen")


@pytest.mark.parametrize("day", [DAY3, DAY4, DAY7], ids=["day3", "day4", "day7"])
def test_R_CRP3_gate_holds_from_the_crp_day_without_crp_or_reason(
        ward: tuple[Database, list[AdmissionResult]], day: date) -> None:
    db, _ = ward
    row = _course_round(db, day)
    with pytest.raises(RuleViolation) as err:
        _sign(db, row.round_id)
    assert (err.value.rule_id, err.value.field) == ("R-CRP3", "crp")
    if day == DAY3:
        assert FLAG_CRP_DECISION in row.flags
        assert FLAG_CRP_OVERDUE not in row.flags
    else:  # past the CRP day: the flag says overdue, not "decision due"
        assert FLAG_CRP_OVERDUE in row.flags
        assert FLAG_CRP_DECISION not in row.flags
        assert "days ago" in str(err.value)
    assert "CRP missing" in row.flags


@pytest.mark.parametrize("day", [DAY4, DAY7], ids=["day4", "day7"])
def test_R_CRP3_gate_opens_with_a_crp_taken_since_the_crp_day(
        ward: tuple[Database, list[AdmissionResult]], day: date) -> None:
    db, results = ward
    with unit_of_work(db, NURSE) as s:  # a CRP before the CRP day does not count
        add_lab_result(s, results[0].admission_id, crp=120.0,
                       taken_at=datetime.fromisoformat("2026-11-03T08:30:00+01:00"))
    with pytest.raises(RuleViolation):
        _sign(db, _course_round(db, day).round_id)
    with unit_of_work(db, NURSE) as s:
        add_lab_result(s, results[0].admission_id, crp=48.0,
                       taken_at=datetime.fromisoformat("2026-11-05T08:30:00+01:00"))  # day 4
    row = _course_round(db, day)
    assert FLAG_CRP_OVERDUE not in row.flags
    # a CRP is there; past the CRP day the decision is late, not "CRP day 3: decision due"
    assert FLAG_CRP_DECISION not in row.flags
    assert FLAG_CRP_DECISION_OVERDUE in row.flags
    assert (row.latest_crp, row.latest_crp_at) == (
        48.0, datetime.fromisoformat("2026-11-05T08:30:00+01:00"))
    _sign(db, row.round_id)
    assert _course_round(db, day).status == "signed"


def test_R_CRP3_gate_opens_with_a_reason_and_stays_open_after(
        ward: tuple[Database, list[AdmissionResult]]) -> None:
    db, _ = ward
    _sign(db, _course_round(db, DAY4).round_id, reason="Sample haemolysed; CRP on day 5")
    row = _course_round(db, DAY7)  # the reason is recorded for the course
    assert FLAG_CRP_OVERDUE not in row.flags
    _sign(db, row.round_id)
    assert _course_round(db, DAY7).status == "signed"


def test_cli_rounds_shows_the_round_id_round_sign_needs(
        ward: tuple[Database, list[AdmissionResult]], db_url: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 20: ``eward rounds`` hid the ids that ``eward round sign ROUND`` takes."""
    from console.cli import main

    assert main(["--database", db_url, "--user", NURSE, "rounds", "--date", DAY3.isoformat()]) == 0
    text = capsys.readouterr().out
    db, _ = ward
    rows = _rounds(db)
    assert rows
    assert all(f"round {r.round_id} " in text for r in rows)
    assert "eward round sign ROUND" in text
