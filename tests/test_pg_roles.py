"""Issue 8: PostgreSQL enforces the roles even for someone who bypasses the console.

Each person has their own login (``ew_<initials>``) in the group roles of their console roles.
These tests connect with psycopg as each login, as ``psql`` would, and try what the role must not
do: the database refuses every attempt. They also prove the append-only audit and access log,
row-level security on them, the audit backstop for direct writes, and that the console itself
works through a person's own login. The roles get a database of their own (the triggers they
install must not change the other PostgreSQL tests' database).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from console.dbroles import GROUP_ROLES, apply_roles, ensure_login, login_name
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
from tests.conftest import PG_ENV, PG_SKIP_REASON, pg_server_url
from tests.factories import referral

pytestmark = pytest.mark.pg

SUFFIX = uuid.uuid4().hex[:4].upper()
PEOPLE = {  # initials → role; unique per run (logins are cluster-wide)
    f"D{SUFFIX}": Role.E_DOCTOR,
    f"N{SUFFIX}": Role.E_NURSE,
    f"X{SUFFIX}": Role.DISPATCHER,
    f"L{SUFFIX}": Role.LOGISTICS,
    f"A{SUFFIX}": Role.ADMIN,
}
DOC, NUR, DIS, LOG, ADM = PEOPLE


def _initials(role: Role) -> str:
    return next(i for i, r in PEOPLE.items() if r is role)


@dataclass(frozen=True)
class Ward:
    owner_url: str
    dsn: dict[str, str]  # psycopg connection parameters without the user
    admission_id: int
    visit_id: int
    regimen_id: int
    delivery_id: int

    def connect(self, initials: str) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(**self.dsn, user=login_name(initials))

    def url_for(self, initials: str) -> str:
        return make_url(self.owner_url).set(username=login_name(initials)).render_as_string(
            hide_password=False)


@pytest.fixture(scope="module")
def ward() -> Iterator[Ward]:
    server = pg_server_url()
    if not server:
        if os.environ.get("EWARD_REQUIRE_PG"):  # CI insists, as the other PostgreSQL tests do
            pytest.fail(f"EWARD_REQUIRE_PG is set but {PG_ENV} is not", pytrace=False)
        pytest.skip(PG_SKIP_REASON)
    name = f"eward_roles_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(server).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    owner_url = make_url(server).set(database=name).render_as_string(hide_password=False)
    db = open_ward(owner_url)
    try:
        with db.engine.begin() as conn:
            first = apply_roles(conn)
            again = apply_roles(conn)  # idempotent
        assert first == again
        with unit_of_work(db, "system") as session:
            for initials, role in PEOPLE.items():
                save_staff(session, initials, name=f"Test {role.value}", roles=[role])
                ensure_login(session.connection(), initials, [role], password="secret")
        day = date.today()
        doc = referral(day, responsible_doctor=DOC)
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
        url = make_url(owner_url)
        dsn = {"host": url.host or "127.0.0.1", "port": str(url.port or 5432), "dbname": name}
        yield Ward(owner_url, dsn, result.admission_id, visit.id, regimen_id, delivery_id)
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for initials in PEOPLE:
                conn.execute(text(f'DROP ROLE IF EXISTS "{login_name(initials)}"'))
        admin.dispose()


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
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        for initials, role in PEOPLE.items():
            held = {r for (r,) in conn.execute(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
                (login_name(initials),))}
            assert held == {"eward_staff", GROUP_ROLES[role]}


def test_only_a_doctor_changes_a_regimen(ward: Ward) -> None:
    sql = "UPDATE regimen SET dose = '5 g' WHERE id = %s"
    for who in (NUR, DIS, LOG, ADM):
        assert "permission denied for table regimen" in refused(ward, who, sql, ward.regimen_id)
    allowed(ward, DOC, sql, ward.regimen_id)


def test_only_a_doctor_admits_or_discharges(ward: Ward) -> None:
    sql = "UPDATE admission SET discharge_outcome = 'completed' WHERE id = %s"
    for who in (NUR, DIS, LOG, ADM):
        assert "permission denied" in refused(ward, who, sql, ward.admission_id)
    allowed(ward, DOC, sql, ward.admission_id)
    refused(ward, NUR, "INSERT INTO patient (cpr, name, address, municipality_id, lat, lon, "
                       "location_approximate, version, updated_at) "
                       "VALUES ('010150-1111', 'X', 'Y', 1, 55, 11, true, 1, now())")


def test_only_a_doctor_signs_a_round(ward: Ward) -> None:
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        round_id = conn.execute(
            "INSERT INTO ward_round (admission_id, round_date, sort_order, status, version, "
            "updated_at) VALUES (%s, current_date, 0, 'planned', 1, now()) RETURNING id",
            (ward.admission_id,)).fetchone()[0]  # type: ignore[index]
    sign = "UPDATE ward_round SET signed_by = %s, status = 'signed' WHERE id = %s"
    assert "permission denied" in refused(ward, NUR, sign, NUR, round_id)
    # The nurse prepares: her columns only.
    allowed(ward, NUR, "UPDATE ward_round SET prep_notes = 'appetite', status = 'ready', "
                       "version = version + 1 WHERE id = %s", round_id)
    allowed(ward, DOC, sign, DOC, round_id)


def test_a_dispatcher_moves_visits_between_cars_but_never_replans_them(ward: Ward) -> None:
    allowed(ward, DIS, "UPDATE visit SET pinned = true, route_order = 1, version = version + 1 "
                       "WHERE id = %s", ward.visit_id)
    allowed(ward, DIS, "UPDATE visit SET status = 'done' WHERE id = %s", ward.visit_id)
    assert "permission denied" in refused(
        ward, DIS, "UPDATE visit SET window_start = now() WHERE id = %s", ward.visit_id)
    assert "permission denied" in refused(
        ward, LOG, "UPDATE visit SET status = 'done' WHERE id = %s", ward.visit_id)
    assert "permission denied" in refused(
        ward, NUR, "UPDATE visit SET shift_car_id = NULL WHERE id = %s", ward.visit_id)
    allowed(ward, NUR, "UPDATE visit SET status = 'done', minutes_spent = 20 WHERE id = %s",
            ward.visit_id)


def test_logistics_changes_deliveries_only(ward: Ward) -> None:
    allowed(ward, LOG, "UPDATE delivery SET status = 'packed' WHERE id = %s", ward.delivery_id)
    refused(ward, LOG, "UPDATE visit SET status = 'missed' WHERE id = %s", ward.visit_id)
    refused(ward, DIS, "UPDATE delivery SET contents = 'x' WHERE id = %s", ward.delivery_id)


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
    with psycopg.connect(**ward.dsn, user="postgres") as conn:  # even the owner
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE audit_event SET \"user\" = 'X'")
        conn.rollback()
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            conn.execute("DELETE FROM access_event")


def test_only_an_admin_reads_the_audit_trail(ward: Ward) -> None:
    for who in (DOC, NUR, DIS, LOG):
        refused(ward, who, "SELECT \"user\", before, after FROM audit_event")
        refused(ward, who, "SELECT \"user\", patient_id FROM access_event")
    with ward.connect(ADM) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0  # type: ignore[index]


def test_row_level_security_nobody_writes_in_someone_elses_name(ward: Ward) -> None:
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        patient_id = conn.execute("SELECT patient_id FROM admission WHERE id = %s",
                                  (ward.admission_id,)).fetchone()[0]  # type: ignore[index]
    insert = ("INSERT INTO access_event (at, \"user\", patient_id, purpose) "
              "VALUES (now(), %s, %s, 'view')")
    message = refused(ward, NUR, insert, DOC, patient_id)
    assert "row-level security" in message
    allowed(ward, NUR, insert, NUR, patient_id)


def test_a_direct_write_is_audited_by_the_backstop_with_the_login_as_the_person(
        ward: Ward) -> None:
    with ward.connect(DOC) as conn:
        conn.execute("UPDATE regimen SET dose = '4.5 g' WHERE id = %s", (ward.regimen_id,))
        conn.commit()
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        rows = conn.execute(
            "SELECT \"user\", action, after FROM audit_event WHERE table_name = 'regimen' "
            "AND row_id = %s AND action = 'update' ORDER BY id DESC", (str(ward.regimen_id),)
        ).fetchall()
    assert rows
    assert rows[0][0] == DOC
    assert '"dose": "4.5 g"' in str(rows[0][2])


def test_the_console_works_through_a_persons_login_and_audits_once(ward: Ward) -> None:
    db = open_ward(ward.url_for(NUR))
    try:
        with unit_of_work(db, NUR) as session:
            visit_id = session.scalars(select(Visit.id).where(
                Visit.admission_id == ward.admission_id, Visit.status == VisitStatus.PLANNED,
                Visit.id != ward.visit_id).order_by(Visit.id)).first()
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


def test_the_database_refuses_what_gets_past_the_service(ward: Ward) -> None:
    from sqlalchemy.exc import ProgrammingError

    from console.services.core.errors import database_refusal

    db = open_ward(ward.url_for(NUR))
    try:
        with pytest.raises(ProgrammingError) as info, unit_of_work(db, NUR) as session:
            session.execute(text("UPDATE regimen SET dose = 'x' WHERE id = :i"),
                            {"i": ward.regimen_id})
        sentence = database_refusal(info.value)
        assert sentence is not None
        assert sentence.startswith("The database refused this (permission denied for table "
                                   "regimen)")
        with unit_of_work(db, NUR, write=False) as session:
            assert session.scalar(select(func.count()).select_from(Visit)) > 0
    finally:
        db.dispose()


def test_only_the_retention_purge_deletes_old_access_rows(ward: Ward) -> None:
    from datetime import datetime

    from console.services.core.audit_log import purge_expired_access_log

    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        patient_id = conn.execute("SELECT patient_id FROM admission WHERE id = %s",
                                  (ward.admission_id,)).fetchone()[0]  # type: ignore[index]
        conn.execute("INSERT INTO access_event (at, \"user\", patient_id, purpose) VALUES "
                     "('2015-01-01T10:00:00Z', %s, %s, 'view'), (now(), %s, %s, 'view')",
                     (NUR, patient_id, NUR, patient_id))
        conn.commit()
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("TRUNCATE access_event")
    owner = open_ward(ward.owner_url, migrate=False)
    try:
        with unit_of_work(owner, "system") as session:
            purged = purge_expired_access_log(session, now=datetime.fromisoformat(
                "2026-12-01T12:00:00+00:00"))
    finally:
        owner.dispose()
    assert purged == 1
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        years = conn.execute("SELECT min(extract(year from at)) FROM access_event").fetchone()
    assert years is not None
    assert years[0] >= 2026


def test_cli_db_roles_and_user_add_with_a_password(ward: Ward, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from console.cli import main

    assert main(["--database", ward.owner_url, "db", "roles", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["roles"]) == {"eward_staff", *GROUP_ROLES.values()}
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
        assert added["login"] == login_name(initials)
        assert sorted(added["roles"]) == ["dispatcher", "e_nurse"]
        with psycopg.connect(**ward.dsn, user="postgres") as conn:
            held = {r for (r,) in conn.execute(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
                (login_name(initials),))}
        assert held == {"eward_staff", "eward_e_nurse", "eward_dispatcher"}
        # A nurse may not add staff once an admin exists.
        code = main(["--database", ward.owner_url, "--user", NUR, "user", "add", "ZZ",
                     "--name", "Zed", "--role", "admin", "--json"])
        assert code == 2
        assert json.loads(capsys.readouterr().out)["error"]["code"] == "FORBIDDEN"
    finally:
        with psycopg.connect(**ward.dsn, user="postgres", autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{login_name(initials)}"')
            conn.execute(f'DROP ROLE IF EXISTS "{login_name(initials)}"')


def test_sign_in_connects_as_the_persons_own_login(ward: Ward, qtbot: object) -> None:
    from console.views.sign_in.dialogs import SignInDialog

    server = make_url(ward.owner_url).set(username=None).render_as_string(hide_password=False)
    dialog = SignInDialog(server, opener=open_ward, initials=NUR)
    dialog.password_edit.setText("secret")
    dialog.sign_in()
    qtbot.waitUntil(lambda: dialog.database is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert dialog.database is not None
    try:
        assert dialog.database.url.username == login_name(NUR)
        with unit_of_work(dialog.database, NUR, write=False) as session:
            assert session.execute(text("SELECT session_user")).scalar_one() == login_name(NUR)
    finally:
        dialog.database.dispose()


def test_a_console_insert_is_audited_once(ward: Ward) -> None:
    from console.services.rounds.rounds import add_lab_result

    db = open_ward(ward.url_for(NUR))
    try:
        with unit_of_work(db, NUR) as session:
            add_lab_result(session, ward.admission_id, crp=42.0, taken_at=now_utc())
    finally:
        db.dispose()
    with psycopg.connect(**ward.dsn, user="postgres") as conn:
        rows = conn.execute(
            "SELECT row_id, \"user\" FROM audit_event WHERE table_name = 'lab_result' "
            "AND action = 'insert'").fetchall()
    assert len(rows) == 1  # the console's own row; the backstop found it
    assert rows[0][0] != "?"
    assert rows[0][1] == NUR
