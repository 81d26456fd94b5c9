"""Escalations: R-CONTACT routing at the edges, clocks, actions, links, concurrent acknowledge."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest

from console.db import Database
from console.models import (
    Delivery,
    EscalationCategory,
    ResolveAction,
    RoutedTo,
    Severity,
    Visit,
)
from console.services.core.errors import Conflict, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.referral import parse_referral
from console.services.course.visits import list_visits
from console.services.escalations.escalations import (
    EscalationInput,
    acknowledge,
    escalation_counts,
    list_escalations,
    log_escalation,
    resolve,
)
from console.services.escalations.rules import clock, route
from console.timeutil import LOCAL_TZ
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral

NURSE_FROM, NURSE_UNTIL = time(7, 30), time(19, 30)


def at(day: str, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=LOCAL_TZ)


@pytest.mark.parametrize(("when", "expected"), [
    (at("2026-11-23", "07:29"), RoutedTo.E_DOCTOR),
    (at("2026-11-23", "07:30"), RoutedTo.E_NURSE),
    (at("2026-11-23", "19:29"), RoutedTo.E_NURSE),
    (at("2026-11-23", "19:30"), RoutedTo.E_DOCTOR),
    (at("2026-11-23", "19:31"), RoutedTo.E_DOCTOR),
    (at("2026-11-23", "03:00"), RoutedTo.E_DOCTOR),  # night
    (at("2026-11-22", "11:00"), RoutedTo.E_NURSE),  # Sunday: the e-nurse works all week
    (at("2026-03-29", "07:30"), RoutedTo.E_NURSE),  # spring DST day, local time counts
    (at("2026-10-25", "07:29"), RoutedTo.E_DOCTOR),  # autumn DST day
    (at("2026-10-25", "19:29"), RoutedTo.E_NURSE),
])
def test_R_CONTACT_nurse_questions_follow_the_e_nurse_hours(when: datetime, expected: RoutedTo) -> None:
    assert route(EscalationCategory.MISSING_MEDICINE, when, NURSE_FROM, NURSE_UNTIL) is expected


@pytest.mark.parametrize("category", [EscalationCategory.CLINICAL_WORSENING,
                                      EscalationCategory.COMPLICATION,
                                      EscalationCategory.IV_ACCESS_PROBLEM])
def test_R_CONTACT_clinical_calls_go_to_the_doctor_at_any_hour(category: EscalationCategory) -> None:
    for hhmm in ("03:00", "10:00", "19:00", "23:59"):
        assert route(category, at("2026-11-23", hhmm), NURSE_FROM, NURSE_UNTIL) is RoutedTo.E_DOCTOR


def test_clock_states() -> None:
    start = at("2026-11-23", "10:00")
    assert clock(start, 15, None, start + timedelta(minutes=5)).state == "ok"
    assert clock(start, 15, None, start + timedelta(minutes=12)).state == "amber"
    red = clock(start, 15, None, start + timedelta(minutes=20))
    assert (red.state, red.minutes_left) == ("red", -5)
    assert clock(start, 15, start + timedelta(minutes=10), start + timedelta(hours=3)).state == "met"
    assert clock(start, 15, start + timedelta(minutes=30), start + timedelta(hours=3)).state == "late"


def test_clock_across_dst_counts_real_minutes() -> None:
    start = at("2026-03-29", "01:30")  # 120 min later is 04:30 local (02:00-03:00 does not exist)
    assert clock(start, 120, None, start).due_at.astimezone(LOCAL_TZ).hour == 4


@pytest.fixture
def ward(db: Database) -> tuple[Database, AdmissionResult]:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(date(2026, 11, 2), planned_end="2026-12-30",
                                               **{"regimen.0.days": 50})))
    return db, adm


def _log(db: Database, adm: AdmissionResult, **kw: object) -> int:
    data = {"category": EscalationCategory.MISSING_MEDICINE, "severity": Severity.URGENT,
                "caller_name": "Hjemmesygeplejerske Mette", "caller_phone": "57 87 00 00",
                "admission_id": adm.admission_id,
                "received_at": datetime.now(LOCAL_TZ) - timedelta(minutes=1),
                "text": "Pip/Tazo finished"}
    data.update(kw)
    with unit_of_work(db, NURSE) as s:
        return log_escalation(s, EscalationInput(**data)).id  # type: ignore[arg-type]


def test_route_override_needs_reason(ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    with pytest.raises(RuleViolation) as err:
        _log(db, adm, category=EscalationCategory.CLINICAL_WORSENING, routed_to=RoutedTo.E_NURSE)
    assert (err.value.rule_id, err.value.field) == ("R-CONTACT", "routed_to")
    esc_id = _log(db, adm, category=EscalationCategory.CLINICAL_WORSENING,
                  routed_to=RoutedTo.E_NURSE, route_override_reason="Doctor asked nurse to call back")
    with read_only(db) as s:
        row = next(r for r in list_escalations(s) if r.id == esc_id)
    assert (row.routed_to, row.route_override_reason) == ("e_nurse", "Doctor asked nurse to call back")


def test_resolve_requires_action_and_note(ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    esc_id = _log(db, adm)
    with pytest.raises(RuleViolation) as err, unit_of_work(db, NURSE) as s:
        resolve(s, esc_id, action=None, note="done")
    assert (err.value.rule_id, err.value.field) == ("R-ESC-ACTION", "action")
    with pytest.raises(RuleViolation, match="why"), unit_of_work(db, NURSE) as s:
        resolve(s, esc_id, action=ResolveAction.NO_ACTION_NEEDED, note=" ")
    with unit_of_work(db, NURSE) as s:
        row = resolve(s, esc_id, action=ResolveAction.ADVICE_GIVEN, note="Use the spare vial")
    assert row.resolution_action == "advice_given"
    assert row.acknowledged_at is not None


def test_R_MBE_SUPPORT_visit_created_lands_in_dispatch_tray_linked_both_ways(
        ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    esc_id = _log(db, adm, category=EscalationCategory.MBE_SUPPORT, severity=Severity.TODAY,
                  text="No nurse with PICC competence tonight")
    with unit_of_work(db, NURSE) as s:
        row = resolve(s, esc_id, action=ResolveAction.MBE_VISIT_CREATED, note="MBE takes tonight")
    assert row.visit_id is not None
    with read_only(db) as s:
        visit = s.get(Visit, row.visit_id)
        assert visit is not None
        assert (visit.kind.value, visit.provider.value, visit.shift_car_id) == ("support", "mbe", None)
        assert f"escalation {esc_id}" in (visit.note or "")
        today = [v for v in list_visits(s, datetime.now(LOCAL_TZ).date()) if v.id == visit.id]
    assert today  # in today's list, unassigned: the dispatcher's tray


def test_delivery_created_is_linked(ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    esc_id = _log(db, adm)
    with unit_of_work(db, NURSE) as s:
        row = resolve(s, esc_id, action=ResolveAction.DELIVERY_CREATED, note="Courier today")
    with read_only(db) as s:
        delivery = s.get(Delivery, row.delivery_id)
        assert delivery is not None
        assert delivery.status.value == "requested"
        assert delivery.admission_id == adm.admission_id


def test_inbox_sorted_by_urgency_and_counts(ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    now = datetime.now(LOCAL_TZ)
    routine = _log(db, adm, severity=Severity.ROUTINE, received_at=now - timedelta(minutes=2))
    urgent_late = _log(db, adm, severity=Severity.URGENT, received_at=now - timedelta(minutes=30))
    today = _log(db, adm, severity=Severity.TODAY, received_at=now - timedelta(minutes=5))
    with read_only(db) as s:
        rows = list_escalations(s, open_only=True)
        counts = escalation_counts(s)
        overdue = list_escalations(s, overdue_only=True)
    assert [r.id for r in rows] == [urgent_late, today, routine]
    assert rows[0].ack_clock.state == "red"
    assert [r.id for r in overdue] == [urgent_late]
    assert (counts.open, counts.overdue, counts.urgent_unacknowledged) == (3, 1, 1)


def test_acknowledge_twice_tells_who(ward: tuple[Database, AdmissionResult]) -> None:
    db, adm = ward
    esc_id = _log(db, adm)
    with unit_of_work(db, NURSE) as s:
        acknowledge(s, esc_id)
    with pytest.raises(Conflict, match=f"changed by {NURSE}"), unit_of_work(db, DOCTOR) as s:
        acknowledge(s, esc_id)


def test_acknowledging_again_oneself_changes_nothing(ward: tuple[Database, AdmissionResult]
                                                     ) -> None:
    """Issue 20: a repeated acknowledge by the same person is a no-op, not a conflict with
    oneself; the first time stands."""
    db, adm = ward
    esc_id = _log(db, adm)
    with unit_of_work(db, NURSE) as s:
        first = acknowledge(s, esc_id)
    with unit_of_work(db, NURSE) as s:
        again = acknowledge(s, esc_id)
    assert (again.acknowledged_at, again.acknowledged_by, again.version) == (
        first.acknowledged_at, first.acknowledged_by, first.version)


@pytest.mark.pg
def test_two_desks_acknowledge_at_once_one_wins(pg_url: str) -> None:
    desks = [open_ward(pg_url) for _ in range(2)]
    add_ward_staff(desks[0])
    with unit_of_work(desks[0], DOCTOR) as s:
        adm = admit(s, parse_referral(referral(date(2026, 11, 2), planned_end="2026-12-30",
                                               **{"regimen.0.days": 50})))
    esc_id = _log(desks[0], adm)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def ack(db: Database, user: str) -> None:
        try:
            with unit_of_work(db, user) as s:
                barrier.wait()
                acknowledge(s, esc_id)
            outcomes[user] = "won"
        except Conflict as exc:
            outcomes[user] = f"conflict: {exc.who}"

    pairs = zip(desks, (NURSE, DOCTOR), strict=True)
    threads = [threading.Thread(target=ack, args=(d, u)) for d, u in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes.values())[0].startswith("conflict: ")
    winner = next(u for u, o in outcomes.items() if o == "won")
    loser = next(u for u, o in outcomes.items() if o != "won")
    assert outcomes[loser] == f"conflict: {winner}"
    for d in desks:
        d.dispose()
