"""Issues 8 and 21: PostgreSQL enforces the roles even for someone who bypasses the console.

Each person has their own login of the ward's database (``ew_<ward>_<initials>``) in the ward's
group roles of their console roles. These tests connect with psycopg as each login, as ``psql``
would, and try what the role must not do: the database refuses every attempt. They also prove
the append-only audit and access log, row-level security on them, that the audit trail is
written by the database for direct writes, and that the console itself works through a
person's own login. The ward gets a database of its own (``tests/pg_ward.py``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from psycopg import errors
from sqlalchemy import func, select, text

from console.dbroles import group_roles
from console.models import AuditEvent, Role, Visit, VisitStatus
from console.services.core.errors import Forbidden
from console.services.core.staff import save_staff
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.course.visits import register_visit_done
from console.services.logistics.deliveries import create_delivery
from console.services.logistics.packing import PackLine
from console.timeutil import now_utc
from tests.factories import referral
from tests.pg_ward import Ward, ward_database

pytestmark = pytest.mark.pg

SUFFIX = uuid.uuid4().hex[:4].upper()
PEOPLE = {  # initials → role
    f"D{SUFFIX}": Role.E_DOCTOR,
    f"N{SUFFIX}": Role.E_NURSE,
    f"X{SUFFIX}": Role.DISPATCHER,
    f"L{SUFFIX}": Role.LOGISTICS,
    f"A{SUFFIX}": Role.ADMIN,
}
DOC, NUR, DIS, LOG, ADM = PEOPLE


@dataclass(frozen=True)
class Course:
    admission_id: int
    visit_id: int
    regimen_id: int
    delivery_id: int


@pytest.fixture(scope="module")
def ward() -> Iterator[Ward]:
    with ward_database(PEOPLE, prefix="eward_roles") as ward:
        yield ward


@pytest.fixture(scope="module")
def course(ward: Ward) -> Course:
    db = open_ward(ward.owner_url, migrate=False)
    try:
        doc = referral(date.today() - timedelta(days=1), responsible_doctor=DOC)  # before now
        doc["consent"]["informed_by"] = DOC
        with unit_of_work(db, DOC) as session:
            result = admit(session, parse_referral(doc))
        with unit_of_work(db, "system") as session:
            visit = session.scalars(select(Visit).where(
                Visit.admission_id == result.admission_id,
                Visit.status == VisitStatus.PLANNED).order_by(Visit.id)).first()
            assert visit is not None
            regimen_id = session.execute(text(
                "SELECT id FROM regimen WHERE admission_id = :a"),
                {"a": result.admission_id}).scalar_one()
        with unit_of_work(db, DOC) as session:
            delivery_id = create_delivery(session, result.admission_id,
                                          due_by=now_utc() + timedelta(days=1),
                                          items=[PackLine(None, "sharps box", 1)])
        return Course(result.admission_id, visit.id, regimen_id, delivery_id)
    finally:
        db.dispose()


def refused(ward: Ward, initials: str, sql: str, *params: object) -> str:
    """Run ``sql`` as the person; return the database's refusal (the test fails if it ran)."""
    with ward.connect(initials) as conn, pytest.raises(errors.InsufficientPrivilege) as info:
        conn.execute(sql.encode(), params or None)  # type: ignore[arg-type]
        conn.commit()
    return str(info.value)


def allowed(ward: Ward, initials: str, sql: str, *params: object) -> None:
    with ward.connect(initials) as conn:
        conn.execute(sql.encode(), params or None)  # type: ignore[arg-type]
        conn.rollback()  # proved it may; leave the data as it was


def test_every_group_role_exists_and_each_login_holds_exactly_its_own(ward: Ward) -> None:
    groups = group_roles(ward.name)
    assert all(name.startswith("eward_eward_roles_") for name in groups.values())
    with ward.owner() as conn:
        for initials, role in PEOPLE.items():
            held = {r for (r,) in conn.execute(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
                (ward.login(initials),))}
            assert held == {groups[None], groups[role]}


def test_only_a_doctor_changes_a_regimen(ward: Ward, course: Course) -> None:
    sql = "UPDATE regimen SET dose = '5 g' WHERE id = %s"
    for who in (NUR, DIS, LOG, ADM):
        assert "permission denied for table regimen" in refused(ward, who, sql, course.regimen_id)
    allowed(ward, DOC, sql, course.regimen_id)


def test_only_a_doctor_admits_or_discharges(ward: Ward, course: Course) -> None:
    sql = "UPDATE admission SET discharge_outcome = 'completed' WHERE id = %s"
    for who in (NUR, DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, sql, course.admission_id)
    allowed(ward, DOC, sql, course.admission_id)
    refused(ward, NUR, "INSERT INTO patient (cpr, name, address, municipality_id, lat, lon, "
                       "location_approximate, version, updated_at) "
                       "VALUES ('010150-1111', 'X', 'Y', 1, 55, 11, true, 1, now())")


def _new_round(ward: Ward, course: Course, days_ahead: int) -> int:
    with ward.owner() as conn:
        row = conn.execute(
            "INSERT INTO ward_round (admission_id, round_date, sort_order, status, version, "
            "updated_at) VALUES (%s, current_date + %s, 0, 'planned', 1, now()) RETURNING id",
            (course.admission_id, days_ahead)).fetchone()
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def test_only_a_doctor_signs_a_round_and_the_signer_is_the_login(ward: Ward,
                                                                  course: Course) -> None:
    """R-SIGNED in the database: no column a client fills decides who signed."""
    round_id = _new_round(ward, course, 10)
    # The nurse may not set the signer (no column grant) …
    assert "permission denied" in refused(
        ward, NUR, "UPDATE ward_round SET signed_by = %s, status = 'signed' WHERE id = %s",
        DOC, round_id)
    # … nor the signed state, though 'status' is one of her columns (she marks rounds ready).
    assert "only an e-doctor signs" in refused(
        ward, NUR, "UPDATE ward_round SET status = 'signed' WHERE id = %s", round_id)
    # She may not insert a round already carrying a doctor's signature either.
    assert "signer only when a doctor signs" in refused(
        ward, NUR, "INSERT INTO ward_round (admission_id, round_date, sort_order, status, "
                   "signed_by, signed_at, version, updated_at) VALUES (%s, current_date + 11, 0, "
                   "'planned', %s, now(), 1, now())", course.admission_id, DOC)
    assert "only an e-doctor signs" in refused(
        ward, NUR, "INSERT INTO ward_round (admission_id, round_date, sort_order, status, "
                   "version, updated_at) VALUES (%s, current_date + 12, 0, 'signed', 1, now())",
        course.admission_id)
    # The nurse prepares: her columns only.
    allowed(ward, NUR, "UPDATE ward_round SET prep_notes = 'appetite', status = 'ready', "
                       "version = version + 1 WHERE id = %s", round_id)
    # The doctor signs; the signer is her login whatever the statement says.
    with ward.connect(DOC) as conn:
        conn.execute("UPDATE ward_round SET assessment = 'better', status = 'signed', "
                     "signed_by = %s, signed_at = '2001-01-01T00:00Z' WHERE id = %s",
                     (NUR, round_id))
        conn.commit()
    with ward.owner() as conn:
        signed = conn.execute("SELECT signed_by, signed_at > now() - interval '1 hour' "
                              "FROM ward_round WHERE id = %s", (round_id,)).fetchone()
    assert signed == (DOC, True)
    # Signed is read-only for everyone (an addendum instead); its place in the list may move.
    assert "read-only" in refused(
        ward, DOC, "UPDATE ward_round SET assessment = 'changed' WHERE id = %s", round_id)
    assert "read-only" in refused(
        ward, NUR, "UPDATE ward_round SET status = 'ready' WHERE id = %s", round_id)
    allowed(ward, NUR, "UPDATE ward_round SET sort_order = 3 WHERE id = %s", round_id)


def test_an_addendum_is_written_in_the_sessions_own_name(ward: Ward, course: Course) -> None:
    round_id = _new_round(ward, course, 13)
    with ward.connect(NUR) as conn:
        conn.execute("INSERT INTO round_addendum (round_id, text, written_by, written_at) "
                     "VALUES (%s, 'called back', %s, '2001-01-01T00:00Z')", (round_id, DOC))
        conn.commit()
    with ward.owner() as conn:
        row = conn.execute("SELECT written_by, written_at > now() - interval '1 hour' "
                           "FROM round_addendum WHERE round_id = %s", (round_id,)).fetchone()
    assert row == (NUR, True)


def test_a_dispatcher_moves_visits_between_cars_but_never_replans_them(ward: Ward, course: Course) -> None:
    allowed(ward, DIS, "UPDATE visit SET pinned = true, route_order = 1, version = version + 1 "
                       "WHERE id = %s", course.visit_id)
    allowed(ward, DIS, "UPDATE visit SET status = 'done' WHERE id = %s", course.visit_id)
    assert "permission denied" in refused(
        ward, DIS, "UPDATE visit SET window_start = now() WHERE id = %s", course.visit_id)
    assert "permission denied" in refused(
        ward, LOG, "UPDATE visit SET status = 'done' WHERE id = %s", course.visit_id)
    assert "permission denied" in refused(
        ward, NUR, "UPDATE visit SET shift_car_id = NULL WHERE id = %s", course.visit_id)
    allowed(ward, NUR, "UPDATE visit SET status = 'done', minutes_spent = 20 WHERE id = %s",
            course.visit_id)


def test_logistics_changes_deliveries_only(ward: Ward, course: Course) -> None:
    allowed(ward, LOG, "UPDATE delivery SET status = 'packed' WHERE id = %s", course.delivery_id)
    refused(ward, LOG, "UPDATE visit SET status = 'missed' WHERE id = %s", course.visit_id)
    refused(ward, DIS, "UPDATE delivery SET contents = 'x' WHERE id = %s", course.delivery_id)


def test_reference_data_and_staff_are_for_an_admin(ward: Ward) -> None:
    for who in (DOC, NUR, DIS, LOG):
        refused(ward, who, "UPDATE municipality SET four_daily_agreement = true")
        refused(ward, who, "INSERT INTO staff_role (staff_id, role) VALUES (1, 'admin')")
        refused(ward, who, "UPDATE setting SET value = '99' WHERE key = 'capacity'")
    allowed(ward, ADM, "UPDATE setting SET value = '32' WHERE key = 'capacity'")


def test_audit_and_access_log_are_append_only_for_everyone(ward: Ward) -> None:
    for who in PEOPLE:
        refused(ward, who, "UPDATE audit_event SET \"user\" = 'X'")
        refused(ward, who, "DELETE FROM access_event")
    with ward.owner() as conn:  # even the owner
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE audit_event SET \"user\" = 'X'")
        conn.rollback()
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            conn.execute("DELETE FROM access_event")


def test_only_an_admin_reads_the_audit_trail(ward: Ward) -> None:
    for who in (DOC, NUR, DIS, LOG):
        refused(ward, who, "SELECT \"user\", before, after FROM audit_event")
    with ward.connect(ADM) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0  # type: ignore[index]


def test_a_person_reads_only_their_own_access_rows(ward: Ward, course: Course) -> None:
    with ward.connect(NUR) as conn:
        conn.execute("SELECT eward_log_access(%s, %s, 'view', NULL, NULL, false, NULL)",
                     (_patient(ward, course), course.admission_id))
        conn.commit()
    with ward.connect(DOC) as conn:
        conn.execute("SELECT eward_log_access(%s, %s, 'view', NULL, NULL, false, NULL)",
                     (_patient(ward, course), course.admission_id))
        conn.commit()
        users = {u for (u,) in conn.execute("SELECT \"user\" FROM access_event")}
    assert users == {DOC}


def _patient(ward: Ward, course: Course) -> int:
    with ward.owner() as conn:
        row = conn.execute("SELECT patient_id FROM admission WHERE id = %s",
                           (course.admission_id,)).fetchone()
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def test_nobody_writes_the_access_log_but_the_databases_own_function(ward: Ward,
                                                                      course: Course) -> None:
    patient_id = _patient(ward, course)
    insert = ("INSERT INTO access_event (at, \"user\", patient_id, purpose) "
              "VALUES (now(), %s, %s, 'view')")
    for who in PEOPLE:
        assert "permission denied for table access_event" in refused(
            ward, who, insert, who, patient_id)
    # The function stamps the person and the time itself.
    with ward.connect(NUR) as conn:
        new_id = conn.execute("SELECT eward_log_access(%s, %s, 'emergency', 'e_nurse', "
                              "'the GP called about an old course', false, now())",
                              (patient_id, course.admission_id)).fetchone()
        conn.commit()
    assert new_id is not None
    with ward.owner() as conn:
        row = conn.execute("SELECT \"user\", flagged, at > now() - interval '1 hour' "
                           "FROM access_event WHERE id = %s", (new_id[0],)).fetchone()
    assert row == (NUR, True, True)  # break-the-glass is always flagged
    with ward.connect(NUR) as conn, pytest.raises(errors.CheckViolation, match="needs a reason"):
        conn.execute("SELECT eward_log_access(%s, %s, 'emergency', NULL, ' ', false, now())",
                     (patient_id, course.admission_id))


def test_forged_audit_rows_are_refused_and_the_real_change_is_audited(ward: Ward,
                                                                      course: Course) -> None:
    """The reviewer's forgery: an invented, back-dated audit row, then a dose change in the
    same transaction. The insert is refused (no login may write the audit trail), so the
    transaction dies; the change alone is audited by the database with before and after."""
    with ward.connect(DOC) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("INSERT INTO audit_event (at, \"user\", table_name, row_id, action, after) "
                     "VALUES ('2020-01-01', %s, 'regimen', %s, 'update', '{\"dose\": \"1 g\"}')",
                     (NUR, str(course.regimen_id)))
    with ward.connect(DOC) as conn:
        before = conn.execute("SELECT dose FROM regimen WHERE id = %s",
                              (course.regimen_id,)).fetchone()
        conn.execute("SELECT set_config('eward.user', %s, true)", (NUR,))  # not believed
        conn.execute("UPDATE regimen SET dose = '20 g' WHERE id = %s", (course.regimen_id,))
        conn.commit()
    assert before is not None
    with ward.owner() as conn:
        row = conn.execute(
            "SELECT \"user\", before, after, at > now() - interval '1 hour' FROM audit_event "
            "WHERE table_name = 'regimen' AND row_id = %s AND action = 'update' "
            "ORDER BY id DESC LIMIT 1", (str(course.regimen_id),)).fetchone()
    assert row is not None
    assert row[0] == DOC
    assert f'"dose": "{before[0]}"' in str(row[1])
    assert '"dose": "20 g"' in str(row[2])
    assert row[3] is True


def test_a_direct_write_is_audited_by_the_database_with_the_login_as_the_person(
        ward: Ward, course: Course) -> None:
    with ward.connect(DOC) as conn:
        conn.execute("UPDATE regimen SET dose = '4.5 g' WHERE id = %s", (course.regimen_id,))
        conn.commit()
    with ward.owner() as conn:
        rows = conn.execute(
            "SELECT \"user\", action, after FROM audit_event WHERE table_name = 'regimen' "
            "AND row_id = %s AND action = 'update' ORDER BY id DESC", (str(course.regimen_id),)
        ).fetchall()
    assert rows
    assert rows[0][0] == DOC
    assert '"dose": "4.5 g"' in str(rows[0][2])


def test_the_console_works_through_a_persons_login_and_audits_once(ward: Ward, course: Course) -> None:
    db = open_ward(ward.url_for(NUR))
    try:
        with unit_of_work(db, NUR) as session:
            visit_id = session.scalars(select(Visit.id).where(
                Visit.admission_id == course.admission_id, Visit.status == VisitStatus.PLANNED,
                Visit.id != course.visit_id).order_by(Visit.id)).first()
            assert visit_id is not None
            register_visit_done(session, visit_id, performed_at=now_utc(), minutes=25,
                                observations="calm")
        owner = open_ward(ward.owner_url, migrate=False)
        try:
            with unit_of_work(owner, "system", write=False) as session:
                audits = session.scalars(select(AuditEvent).where(
                    AuditEvent.table_name == "visit", AuditEvent.row_id == str(visit_id),
                    AuditEvent.action == "update")).all()
        finally:
            owner.dispose()
        assert [a.user for a in audits] == [NUR]  # the console's row; no backstop duplicate
        # The service refuses first, with its own sentence.
        with pytest.raises(Forbidden, match="needs the role admin"), \
                unit_of_work(db, NUR) as session:
            save_staff(session, NUR, name="x", roles=[Role.ADMIN])
    finally:
        db.dispose()


def test_the_database_refuses_what_gets_past_the_service(ward: Ward, course: Course) -> None:
    from sqlalchemy.exc import ProgrammingError

    from console.services.core.errors import database_refusal

    db = open_ward(ward.url_for(NUR))
    try:
        with pytest.raises(ProgrammingError) as info, unit_of_work(db, NUR) as session:
            session.execute(text("UPDATE regimen SET dose = 'x' WHERE id = :i"),
                            {"i": course.regimen_id})
        sentence = database_refusal(info.value)
        assert sentence is not None
        assert sentence.startswith("The database refused this (permission denied for table "
                                   "regimen)")
        with unit_of_work(db, NUR, write=False) as session:
            assert session.scalar(select(func.count()).select_from(Visit)) > 0
    finally:
        db.dispose()


def test_only_the_retention_purge_deletes_old_access_rows(ward: Ward, course: Course) -> None:
    """Any admin may purge, never anything younger than three years (EHDS art. 9); nobody
    else deletes, the owner included; the purge leaves an audit row."""
    from datetime import datetime

    from console.services.core.access_governance import purge_expired_access_log

    patient_id = _patient(ward, course)
    with ward.owner() as conn:
        conn.execute("SET LOCAL session_replication_role = replica")  # an old row, planted
        conn.execute("INSERT INTO access_event (at, \"user\", patient_id, purpose) VALUES "
                     "('2015-01-01T10:00:00Z', %s, %s, 'view'), "
                     "(now() - interval '2 years', %s, %s, 'view')",
                     (NUR, patient_id, NUR, patient_id))
        conn.commit()
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("TRUNCATE access_event CASCADE")
    assert "permission denied for function" in refused(
        ward, NUR, "SELECT eward_purge_access_log(now() - interval '10 years')")
    assert "at least 3 years" in refused(
        ward, ADM, "SELECT eward_purge_access_log(now() - interval '1 year')")
    db = open_ward(ward.url_for(ADM), migrate=False)
    try:
        with unit_of_work(db, ADM) as session:
            purged = purge_expired_access_log(session, now=datetime.fromisoformat(
                "2026-12-01T12:00:00+00:00"))
    finally:
        db.dispose()
    assert purged == 1
    with ward.owner() as conn:
        oldest = conn.execute("SELECT min(at) > now() - interval '3 years' FROM access_event"
                              ).fetchone()
        audit = conn.execute("SELECT \"user\", after FROM audit_event WHERE action = 'purge'"
                             ).fetchall()
    assert oldest == (True,)  # the two-year-old row stays
    assert audit == [(ADM, '{"deleted" : 1}')]


def test_cli_db_roles_and_user_add_with_a_password(ward: Ward, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from console.cli import main

    assert main(["--database", ward.owner_url, "db", "roles", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    groups = group_roles(ward.name)
    assert set(report["roles"]) == set(groups.values())
    assert "visit" in report["audited_tables"]
    assert "audit_event" not in report["audited_tables"]
    initials = f"Q{SUFFIX}"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret pass\n"))
    try:
        code = main(["--database", ward.owner_url, "--user", ADM, "user", "add", initials,
                     "--name", "Quinn Nurse", "--role", "e_nurse", "--role", "dispatcher",
                     "--password-stdin", "--json"])
        out = capsys.readouterr().out
        assert code == 0, out
        assert "s3cret" not in out
        added = json.loads(out)
        assert added["login"] == ward.login(initials)
        assert sorted(added["roles"]) == ["dispatcher", "e_nurse"]
        with ward.owner() as conn:
            held = {r for (r,) in conn.execute(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
                (ward.login(initials),))}
        assert held == {groups[None], groups[Role.E_NURSE], groups[Role.DISPATCHER]}
        # A nurse may not add staff once an admin exists.
        code = main(["--database", ward.owner_url, "--user", NUR, "user", "add", "ZZ",
                     "--name", "Zed", "--role", "admin", "--json"])
        assert code == 2
        assert json.loads(capsys.readouterr().out)["error"]["code"] == "FORBIDDEN"
    finally:
        with ward.owner(autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{ward.login(initials)}"')
            conn.execute(f'DROP ROLE IF EXISTS "{ward.login(initials)}"')


def test_sign_in_connects_as_the_persons_own_login(ward: Ward, qtbot: object) -> None:
    from sqlalchemy.engine import make_url

    from console.views.sign_in.dialogs import SignInDialog

    server = make_url(ward.owner_url).set(username=None).render_as_string(hide_password=False)
    dialog = SignInDialog(server, opener=open_ward, initials=NUR)
    dialog.password_edit.setText("secret")
    dialog.sign_in()
    qtbot.waitUntil(lambda: dialog.database is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert dialog.database is not None
    try:
        assert dialog.database.url.username == ward.login(NUR)
        with unit_of_work(dialog.database, NUR, write=False) as session:
            assert session.execute(text("SELECT session_user")).scalar_one() == ward.login(NUR)
    finally:
        dialog.database.dispose()


def test_a_console_insert_is_audited_once(ward: Ward, course: Course) -> None:
    from console.services.rounds.rounds import add_lab_result

    db = open_ward(ward.url_for(NUR))
    try:
        with unit_of_work(db, NUR) as session:
            add_lab_result(session, course.admission_id, crp=42.0, taken_at=now_utc())
    finally:
        db.dispose()
    with ward.owner() as conn:
        rows = conn.execute(
            "SELECT row_id, \"user\" FROM audit_event WHERE table_name = 'lab_result' "
            "AND action = 'insert'").fetchall()
    assert len(rows) == 1  # the console's own row; the backstop found it
    assert rows[0][0] != "?"
    assert rows[0][1] == NUR


# What only the schema owner can do, and so what no ward login can: the owner's power, stated
# in docs/safety/hazard-log.md (HAZ-16) with its control (a separate owner login, its use
# logged). Each is tried as every ward login and must be refused by PostgreSQL.
OWNER_ONLY = {
    "drop the audit trigger": "DROP TRIGGER eward_audit ON regimen",
    "disable the signing guard": "ALTER TABLE ward_round DISABLE TRIGGER eward_round_guard",
    "disable the append-only guard": "ALTER TABLE audit_event DISABLE TRIGGER eward_append_only",
    "replace the audit function": "CREATE OR REPLACE FUNCTION eward_audit() RETURNS trigger "
                                  "LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
    "switch triggers off for a session": "SET session_replication_role = replica",
    "truncate the audit trail": "TRUNCATE audit_event CASCADE",
    "drop the access log": "DROP TABLE access_event CASCADE",
    "turn row-level security off": "ALTER TABLE access_event DISABLE ROW LEVEL SECURITY",
    "create a login": "CREATE ROLE eward_intruder LOGIN",
}


@pytest.mark.parametrize("operation", sorted(OWNER_ONLY))
def test_owner_only_operations_are_refused_to_every_ward_login(ward: Ward,
                                                               operation: str) -> None:
    for who in PEOPLE:
        refused(ward, who, OWNER_ONLY[operation])


def test_no_login_can_give_itself_another_role(ward: Ward) -> None:
    groups = group_roles(ward.name)
    for who, role in PEOPLE.items():
        for other in (r for r in Role if r is not role):
            refused(ward, who, f'GRANT "{groups[other]}" TO "{ward.login(who)}"')


def test_messages_are_written_by_nurses_and_doctors_parties_by_an_admin(ward: Ward,
                                                                        course: Course) -> None:
    """Issue 16 (R-MESSAGE, R-ACCEPT): the grants of migration 0010's tables."""
    message = ("INSERT INTO message (admission_id, direction, kind, state, created_at, "
               "duplicates, version) VALUES (%s, 'out', 'care_communication', 'drafted', now(), "
               "0, 1)")
    agreement = "UPDATE course_agreement SET accepted_by = 'Sorø' WHERE admission_id = %s"
    for who in (DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, message, course.admission_id)
        assert "permission denied" in refused(ward, who, agreement, course.admission_id)
    for who in (DOC, NUR):
        allowed(ward, who, message, course.admission_id)
        allowed(ward, who, agreement, course.admission_id)
        allowed(ward, who, "DELETE FROM message WHERE state = 'drafted'")  # a discarded draft
    attachment = ("INSERT INTO message_attachment (message_id, identifier, title, filename, "
                  "content_type, data, size, created_at) SELECT id, 'u', 't', 't.pdf', "
                  "'application/pdf', '', 0, now() FROM message LIMIT 1")
    for who in (DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, attachment)
    # R-MESSAGE: what was sent or received stays; only a draft is deleted, with its files.
    with ward.owner() as conn:
        sent = conn.execute(
            "INSERT INTO message (admission_id, direction, kind, state, created_at, raw, "
            "duplicates, version) VALUES (%s, 'in', 'care_communication', 'received', now(), "
            "'e30=', 0, 1) RETURNING id", (course.admission_id,)).fetchone()[0]
        conn.execute("INSERT INTO message_attachment (message_id, identifier, title, filename, "
                     "content_type, data, size, created_at) VALUES (%s, 'u', 't', 't.png', "
                     "'image/png', 'iVBO', 3, now())", (sent,))
        conn.commit()
    for who in (DOC, NUR):
        assert "only a draft is ever deleted" in refused(
            ward, who, "DELETE FROM message WHERE id = %s", sent)
        assert "kept as it was received" in refused(
            ward, who, "UPDATE message SET raw = 'e30K' WHERE id = %s", sent)
        assert "only a draft's are removed" in refused(
            ward, who, "DELETE FROM message_attachment WHERE message_id = %s", sent)
        allowed(ward, who, "UPDATE message SET state = 'answered' WHERE id = %s", sent)
    party = ("INSERT INTO message_party (kind, name, sor, active, version) "
             "VALUES ('gp', 'Lægehuset', '325421000016001', true, 1)")
    for who in (DOC, NUR, DIS, LOG):
        assert "permission denied" in refused(ward, who, party)
    allowed(ward, ADM, party)


def test_referrals_are_decided_by_a_doctor_and_taken_in_by_a_nurse(ward: Ward) -> None:
    """Issue 19 (R-ELIGIBLE): the grants of migration 0013's referral table."""
    add = ("INSERT INTO referral (source, received_at, document, status, version) "
           "VALUES ('gp', now(), '{}', 'referred', 1)")
    for who in (DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, add)
    for who in (DOC, NUR):
        allowed(ward, who, add)
    with ward.owner() as conn:
        conn.execute(add.encode())
        conn.commit()
    decide = ("UPDATE referral SET status = 'declined', decline_reason = 'full', "
              "decided_at = now() WHERE status = 'referred'")
    for who in (NUR, DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, decide)
    allowed(ward, DOC, decide)
    for who in PEOPLE:
        allowed(ward, who, "SELECT count(*) FROM referral")


def test_a_nurse_records_a_new_iv_access_and_carries_it_into_the_regimen_only(
        ward: Ward, course: Course) -> None:
    """Issue 19 (R-ACCESS): the grants of migration 0015's iv_access table."""
    place = ("INSERT INTO iv_access (admission_id, kind, placed_at, version) "
             "VALUES (%s, 'pvk', now(), 1)")
    for who in (DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, place, course.admission_id)
    for who in (DOC, NUR):
        allowed(ward, who, place, course.admission_id)
    carry = "UPDATE regimen SET iv_access = 'pvk', iv_access_remove_by = NULL WHERE id = %s"
    allowed(ward, NUR, carry, course.regimen_id)
    for who in (DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, carry, course.regimen_id)
