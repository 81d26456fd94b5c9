"""Every write is audited and fed by one mechanism: the database's own trigger (issue 13).

- Every ward table has its audit trigger, on both databases.
- Bulk statements (Core insert/update/delete, the day's rounds generated with one INSERT) leave
  one change-log row and one audit row per row, with the acting person and the admission.
- Walking the service write paths on a fresh demo ward (the seed, then one call of each kind a
  desk makes), the audit trail reconstructs every table exactly: replaying the audit events row
  by row gives the rows the tables hold. A write that bypassed the audit would break that.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, delete, func, insert, select, text, update

from console import db_triggers
from console.db import Database
from console.models import (
    Admission,
    AuditEvent,
    ChangeLog,
    Delivery,
    DeliveryStatus,
    Escalation,
    Municipality,
    RoundDecision,
    Setting,
    ShiftCar,
    Visit,
    VisitStatus,
    WardRound,
)
from console.services.core.uow import read_only, unit_of_work
from console.services.course import course, visits
from console.services.demo.seed import seed_demo
from console.services.dispatch import board
from console.services.escalations import escalations
from console.services.escalations.escalations import EscalationInput
from console.services.logistics import deliveries
from console.services.logistics.packing import PackLine
from console.services.rounds import rounds
from console.services.rounds.rounds import RoundNote
from console.timeutil import local_datetime, now_utc, today_local
from console.vocabulary import EscalationCategory, ResolveAction, Severity


def _so_far(day: date, at: time) -> datetime:
    """``at`` on ``day``, or a minute ago when that is still to come (the suite runs at any hour)."""
    return min(local_datetime(day, at), now_utc() - timedelta(minutes=1))

def _count(db: Database, model: type, **where: Any) -> int:
    with read_only(db) as s:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return int(s.scalar(query) or 0)


def test_every_ward_table_has_its_audit_trigger(db: Database) -> None:
    with db.engine.connect() as conn:
        shapes = db_triggers.audited_shapes(conn)
        assert {s.name for s in shapes} >= {"patient", "admission", "visit", "ward_round",
                                             "delivery", "escalation", "setting", "staff"}
        assert db_triggers.audit_triggers_in_sync(conn)


def test_a_bulk_insert_update_and_delete_are_each_audited_row_by_row(db: Database) -> None:
    before = _count(db, AuditEvent, table_name="setting")
    with unit_of_work(db, "ADM") as s:
        s.execute(insert(Setting), [{"key": f"bulk.{n}", "value": str(n), "description": "t"}
                                    for n in range(3)])
        s.execute(update(Setting).where(Setting.key.like("bulk.%")).values(value="changed"))
        s.execute(delete(Setting).where(Setting.key == "bulk.0"))
    with read_only(db) as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.row_id, AuditEvent.user,
                                  AuditEvent.after).where(AuditEvent.table_name == "setting")
                           .order_by(AuditEvent.id).offset(before)).all()
        feed = s.scalars(select(ChangeLog.row_id).where(ChangeLog.table_name == "setting",
                                                        ChangeLog.row_id.like("bulk.%"))).all()
    assert [(a, r) for a, r, _u, _after in events] == [
        ("insert", "bulk.0"), ("insert", "bulk.1"), ("insert", "bulk.2"),
        ("update", "bulk.0"), ("update", "bulk.1"), ("update", "bulk.2"), ("delete", "bulk.0")]
    assert {u for _a, _r, u, _after in events} == {"ADM"}
    assert json.loads(events[3][3]) == {"value": "changed"}  # only the changed columns
    assert len(feed) == 7


def test_the_days_rounds_insert_leaves_change_log_and_audit_rows(demo: Database) -> None:
    day = today_local()
    with unit_of_work(demo, "ABE") as s:
        s.execute(delete(WardRound).where(WardRound.round_date == day))
    feed_before, audit_before = _count(demo, ChangeLog), _count(demo, AuditEvent)
    with unit_of_work(demo, "ABE") as s:
        created = rounds.ensure_rounds(s, day)
    assert created > 0
    assert _count(demo, ChangeLog) - feed_before == created
    assert _count(demo, AuditEvent) - audit_before == created
    with read_only(demo) as s:
        events = s.execute(select(AuditEvent.user, AuditEvent.admission_id)
                           .where(AuditEvent.table_name == "ward_round",
                                  AuditEvent.action == "insert")
                           .order_by(AuditEvent.id.desc()).limit(created)).all()
    assert {user for user, _adm in events} == {"ABE"}
    assert None not in {adm for _user, adm in events}


# -- the service write paths on a demo ward ---------------------------------------------------


@pytest.fixture
def demo(db: Database) -> Database:
    with unit_of_work(db, "system") as s:
        seed_demo(s, day=today_local(), seed=3)
    return db


def _first(db: Database, query: Any) -> Any:
    with read_only(db) as s:
        return s.execute(query if hasattr(query, "text") else query.limit(1)).first()


def _walk_service_write_paths(db: Database) -> list[str]:
    """One call of each kind of write a desk makes; returns what was done, for the message."""
    done: list[str] = []
    day = today_local()

    def run(user: str, label: str, fn: Any, *args: Any, **kwargs: Any) -> None:
        with unit_of_work(db, user) as s:
            fn(s, *args, **kwargs)
        done.append(label)

    with unit_of_work(db, "system") as s:
        doctor = s.scalar(text("SELECT s.initials FROM staff s JOIN staff_role r ON r.staff_id = "
                               "s.id WHERE r.role = 'e_doctor' ORDER BY s.initials"))
        nurse = s.scalar(text("SELECT s.initials FROM staff s JOIN staff_role r ON r.staff_id = "
                              "s.id WHERE r.role = 'e_nurse' ORDER BY s.initials"))
        dispatcher = s.scalar(text("SELECT s.initials FROM staff s JOIN staff_role r ON "
                                   "r.staff_id = s.id WHERE r.role = 'dispatcher' "
                                   "ORDER BY s.initials"))
        rounds.ensure_rounds(s, day)
    # A visit of a patient admitted over an hour ago, done at 08:00 or a minute ago if earlier:
    # never in the future nor before the admission, at any hour the test runs.
    visit = _first(db, select(Visit.id, Visit.version).join(Admission).where(
        Visit.status == VisitStatus.PLANNED, Visit.provider == "municipality",
        Admission.admitted_at < now_utc() - timedelta(hours=1))
        .order_by(Visit.window_start))
    run(nurse, "visit done", visits.register_visit_done, visit.id,
        performed_at=_so_far(day, time(8, 0)), minutes=20, performed_by=nurse,
        observations="ok", crp=None, expected_version=visit.version)
    round_row = _first(db, select(WardRound.id, WardRound.version, WardRound.admission_id)
                       .where(WardRound.round_date == day, WardRound.status != "signed"))
    run(nurse, "round prepared", rounds.prepare_round, round_row.id, prep_notes="ready",
        expected_version=round_row.version)
    run(doctor, "round note", rounds.save_round_note, round_row.id,
        RoundNote(participants="patient", subjective="s", objective="o", assessment="a",
                  plan="p"))
    run(doctor, "CRP", rounds.add_lab_result, round_row.admission_id, crp=40.0,
        taken_at=_so_far(day, time(7, 0)))
    run(doctor, "round signed", rounds.sign_round, round_row.id,
        decision=RoundDecision.CONTINUE, note=RoundNote(plan="continue"),
        crp_other_day_reason="audit test")
    regimen = _first(db, text("SELECT r.id, r.version FROM regimen r JOIN admission a ON "
                              "a.id = r.admission_id WHERE a.status = 'admitted' ORDER BY r.id"))
    run(doctor, "regimen changed", course.change_regimen, regimen.id,
        effective_from=local_datetime(day + timedelta(days=1), time(6, 0)),
        dose=None, doses_per_day=None, dose_times=None, end_date=None,
        expected_version=regimen.version)
    escalation = EscalationInput(category=EscalationCategory.OTHER, severity=Severity.ROUTINE,
                                 caller_name="Test Caller", caller_phone=None,
                                 admission_id=round_row.admission_id, municipality=None,
                                 received_at=datetime.now().astimezone(), text="a question",
                                 routed_to=None, route_override_reason=None)
    with unit_of_work(db, nurse) as s:
        logged = escalations.log_escalation(s, escalation)
    done.append("escalation logged")
    run(nurse, "escalation acknowledged", escalations.acknowledge, logged.id)
    run(nurse, "escalation resolved", escalations.resolve, logged.id,
        action=ResolveAction.ADVICE_GIVEN, note="answered")
    with unit_of_work(db, nurse) as s:
        delivery_id = deliveries.create_delivery(
            s, round_row.admission_id, items=[PackLine(None, "Infusion sets", 2)])
    done.append("delivery ordered")
    version = _first(db, select(Delivery.version).where(Delivery.id == delivery_id)).version
    run(nurse, "delivery packed", deliveries.set_status, delivery_id, DeliveryStatus.PACKED,
        expected_version=version)
    car = _first(db, select(ShiftCar.id, ShiftCar.version).order_by(ShiftCar.id))
    run(dispatcher, "crew", board.set_crew, car.id, "A. Crew / B. Crew",
        expected_version=car.version)
    muni = _first(db, select(Municipality.name, Municipality.version).order_by(Municipality.id))
    with unit_of_work(db, "system") as s:
        admin = s.scalar(text("SELECT s.initials FROM staff s JOIN staff_role r ON r.staff_id = "
                              "s.id WHERE r.role = 'admin' ORDER BY s.initials"))
    from console.services.escalations import directory

    run(admin, "municipality phone", directory.update_municipality, muni.name,
        phone="55 55 55 55", expected_version=muni.version)
    _walk_referral_paths(db, run, doctor, nurse)
    from console.services.course import iv_access
    from console.vocabulary import IvAccess

    # a course admitted over an hour ago: just after midnight the demo's day is still ahead
    settled = _first(db, select(Admission.id).where(
        Admission.status == "admitted", Admission.admitted_at < now_utc() - timedelta(hours=1))
        .order_by(Admission.id)).id
    run(nurse, "IV access replaced", iv_access.place_access, settled,
        kind=IvAccess.PVK, placed_at=now_utc() - timedelta(minutes=1), placed_by="MBE",
        remove_by=None, reason="blocked")  # R-ACCESS
    from console.services.course import orders

    run(nurse, "MBE task ordered", orders.order_task, round_row.admission_id, "blood_culture",
        window_start=now_utc() + timedelta(minutes=10), note="two sets")  # R-MBE-TASKS
    return done


def _walk_referral_paths(db: Database, run: Any, doctor: str, nurse: str) -> None:
    """Issue 19: a referral taken in, assessed (R-ELIGIBLE), declined; another admitted."""
    from console.services.course import referrals
    from console.services.course.eligibility import ELIGIBILITY_KEYS
    from console.vocabulary import ReferralSource
    from tests.factories import referral

    ids: list[int] = []
    for cpr in ("010150-1234", "020250-2345"):
        run(nurse, "referral added", lambda s, cpr=cpr: ids.append(referrals.add_referral(
            s, ReferralSource.GP, referral(today_local() - timedelta(days=1),
                                           **{"patient.cpr": cpr, "responsible_doctor": doctor,
                                              "consent.informed_by": doctor})).id))
    run(doctor, "referral assessed", referrals.assess_referral, ids[0],
        judgement=dict.fromkeys(ELIGIBILITY_KEYS, True), referrer_call="ok",
        municipality_call="ok")
    run(doctor, "referral admitted", referrals.admit_referral, ids[0])
    run(doctor, "referral declined", referrals.decline_referral, ids[1], reason="not stable")


def _current_rows(conn: Connection, shape: db_triggers.TableShape) -> dict[str, dict[str, Any]]:
    """Each row as the audit trigger encodes it (json_object on SQLite, to_jsonb on PG)."""
    pk = shape.primary_key
    if conn.dialect.name == "sqlite":
        obj = "json_object(" + ", ".join(f"'{c}', \"{c}\"" for c in shape.columns) + ")"
        rows = conn.exec_driver_sql(f'SELECT {obj} FROM "{shape.name}"').all()
    else:
        rows = conn.exec_driver_sql(f'SELECT to_jsonb(t)::text FROM "{shape.name}" t').all()
    out = {}
    for (encoded,) in rows:
        row = json.loads(encoded)
        out[",".join(str(row[c]) for c in pk)] = row
    return out


def _replayed_rows(conn: Connection, table: str) -> dict[str, dict[str, Any]]:
    replay: dict[str, dict[str, Any]] = {}
    for action, row_id, after in conn.execute(
            select(AuditEvent.action, AuditEvent.row_id, AuditEvent.after)
            .where(AuditEvent.table_name == table).order_by(AuditEvent.id)):
        if action == "insert":
            replay[row_id] = json.loads(after)
        elif action == "update":
            replay[row_id].update(json.loads(after))
        else:
            replay.pop(row_id, None)
    return replay


def test_the_audit_trail_reconstructs_every_table_after_every_service_write_path(
        demo: Database) -> None:
    done = _walk_service_write_paths(demo)
    with demo.engine.connect() as conn:
        for shape in db_triggers.audited_shapes(conn):
            current = _current_rows(conn, shape)
            replayed = _replayed_rows(conn, shape.name)
            # Row keys (a row's id) equal; and every value the audit holds is the row's value.
            assert replayed.keys() == current.keys(), (shape.name, done)
            for row_id, row in current.items():
                assert replayed[row_id] == {k: row[k] for k in replayed[row_id]}, (
                    shape.name, row_id)
    assert len(done) == 20  # every path above ran


def test_a_change_made_outside_the_console_is_audited_too(db: Database) -> None:
    """psql, a script, a bulk repair: the database audits it; the person is whoever the
    transaction says (the login on PostgreSQL, nobody on a raw SQLite connection)."""
    with db.engine.begin() as conn:
        conn.execute(update(Municipality).where(Municipality.name == "Sorø")
                     .values(phone="11 11 11 11"))
    with read_only(db) as s:
        event = s.execute(select(AuditEvent.action, AuditEvent.after)
                          .where(AuditEvent.table_name == "municipality")
                          .order_by(AuditEvent.id.desc())).first()
    assert event is not None
    assert event.action == "update"
    assert json.loads(event.after)["phone"] == "11 11 11 11"


def test_a_rolled_back_write_leaves_no_audit_and_no_feed(db: Database) -> None:
    feed, audit = _count(db, ChangeLog), _count(db, AuditEvent)
    with pytest.raises(RuntimeError), unit_of_work(db, "ADM") as s:
        s.execute(update(Municipality).values(phone="0"))
        raise RuntimeError("changed my mind")
    assert (_count(db, ChangeLog), _count(db, AuditEvent)) == (feed, audit)


def test_escalation_events_name_their_admission(demo: Database) -> None:
    """The change feed carries the admission a changed row belongs to (the screens reload that
    admission's rows only)."""
    row = _first(demo, select(Escalation.id, Escalation.admission_id)
                 .where(Escalation.admission_id.is_not(None)))
    with unit_of_work(demo, "ABE") as s:
        s.execute(update(Escalation).where(Escalation.id == row.id).values(text="changed"))
    with read_only(demo) as s:
        fed = s.execute(select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.admission_id)
                        .order_by(ChangeLog.id.desc())).first()
    assert tuple(fed) == ("escalation", str(row.id), row.admission_id)


def test_days_are_dates(demo: Database) -> None:  # a guard for the walk's date arithmetic
    assert isinstance(today_local(), date)
