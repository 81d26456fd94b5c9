"""Issue 21: two ward databases on one server stay apart; passwords never travel in plain text.

Roles are server-wide. The reviewer's finding: with fixed names (``ew_abe``, ``eward_staff``)
a nurse of ward A opened ward B's database, and ``user add`` in one ward reset the password and
roles of the same initials in the other. These tests put two ward databases on the test server,
each with its own qualified roles and logins, and probe them as ``psql`` would.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.dbnames import RolesError, group_role, initials_of_login, login_name, ward_key
from console.dbroles import apply_roles, ensure_login, ward_role_names
from console.models import Role
from console.scram import scram_verifier
from console.services.core.staff import save_staff
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from tests.pg_ward import Ward, server_or_skip, ward_database

pytestmark = pytest.mark.pg

SUFFIX = uuid.uuid4().hex[:4].upper()
NURSE = f"N{SUFFIX}"
DOCTOR = f"D{SUFFIX}"


@pytest.fixture(scope="module")
def wards() -> Iterator[tuple[Ward, Ward]]:
    people = {NURSE: Role.E_NURSE, DOCTOR: Role.E_DOCTOR}
    with ward_database(people, prefix="eward_a") as a, ward_database(people, prefix="eward_b") as b:
        yield a, b


def test_ward_names_are_qualified_and_never_shared() -> None:
    assert ward_key("eward_ward_a") == "eward_ward_a"
    assert ward_key("Ward-A") != ward_key("ward_a")  # lossy names get a digest
    assert len(ward_key("x" * 80)) <= 24
    assert ward_key("x" * 80) != ward_key("x" * 81)
    assert login_name("ABE", "ward_a") == "ew_ward_a_abe"
    assert group_role("ward_a", "e_nurse") == "eward_ward_a_e_nurse"
    assert initials_of_login("ew_ward_a_abe", "ward_a") == "ABE"
    assert initials_of_login("ew_ward_a_abe", "ward_b") is None  # another ward's login
    assert initials_of_login("ew_abe", "ward_a") is None  # an earlier, cluster-wide login
    with pytest.raises(RolesError):
        login_name("A B", "ward_a")


def test_a_login_of_one_ward_cannot_open_the_other(wards: tuple[Ward, Ward]) -> None:
    a, b = wards
    assert a.login(NURSE) != b.login(NURSE)
    with a.connect(NURSE) as conn:  # her own ward opens
        assert conn.execute("SELECT count(*) FROM patient").fetchone() is not None
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(**b.dsn, user=a.login(NURSE)).close()
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(**a.dsn, user=b.login(DOCTOR)).close()


def test_nobody_but_the_wards_staff_may_connect(wards: tuple[Ward, Ward]) -> None:
    a, _b = wards
    with a.owner() as conn:
        public = conn.execute(
            "SELECT has_database_privilege('public', current_database(), 'CONNECT')").fetchone()
    assert public == (False,)


def test_user_add_in_one_ward_leaves_the_other_wards_login_alone(
        wards: tuple[Ward, Ward]) -> None:
    a, b = wards
    with a.owner() as conn:
        before = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (a.login(NURSE),)).fetchone()
    db = open_ward(b.owner_url, migrate=False)
    try:
        with unit_of_work(db, "system") as session:
            save_staff(session, NURSE, name="Other nurse", roles=[Role.E_DOCTOR])
            ensure_login(session.connection(), NURSE, [Role.E_DOCTOR], password="another")
    finally:
        db.dispose()
    with a.owner() as conn:
        after = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                             (a.login(NURSE),)).fetchone()
        held = {r for (r,) in conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s", (a.login(NURSE),))}
    assert after == before
    assert held == {group_role(a.name, "staff"), group_role(a.name, "e_nurse")}


def test_a_role_of_another_database_is_refused_not_taken_over(wards: tuple[Ward, Ward]) -> None:
    a, b = wards
    squatter = login_name("ZQ", b.name)
    with a.owner(autocommit=True) as conn:  # a role of b's name that says it is a's
        conn.execute(f'CREATE ROLE "{squatter}" LOGIN')
        conn.execute(f"COMMENT ON ROLE \"{squatter}\" IS 'eWard ward database {a.name}'")
    db = open_ward(b.owner_url, migrate=False)
    try:
        with pytest.raises(RolesError, match="belongs to"), \
                unit_of_work(db, "system") as session:
            ensure_login(session.connection(), "ZQ", [Role.E_NURSE], password="x")
    finally:
        db.dispose()
        with a.owner(autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{squatter}"')


def test_a_password_reaches_the_server_only_as_a_scram_verifier(
        wards: tuple[Ward, Ward]) -> None:
    """The verifier computed here is the one PostgreSQL computes for the same salt, ASCII or
    not (SASLprep), so the plaintext never needs to be in a statement or the server log."""
    a, _b = wards
    probe = f"eward_scram_{uuid.uuid4().hex[:6]}"
    with a.owner(autocommit=True) as conn:
        try:
            for password in ("s3cret pass", "Søren ½ Ⅸ", "ﬁle\u00a0tab"):
                conn.execute(f"CREATE ROLE \"{probe}\" PASSWORD '{password}'")
                stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                                      (probe,)).fetchone()
                conn.execute(f'DROP ROLE "{probe}"')
                assert stored is not None
                iterations, salt = str(stored[0]).split("$")[1].split(":")
                ours = scram_verifier(password, salt=base64.b64decode(salt),
                                      iterations=int(iterations))
                assert ours == stored[0], password
        finally:
            conn.execute(f'DROP ROLE IF EXISTS "{probe}"')
        # ensure_login stored exactly such a verifier for the ward's nurse
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (a.login(NURSE),)).fetchone()
    assert stored is not None
    assert str(stored[0]).startswith("SCRAM-SHA-256$4096:")


def test_earlier_cluster_wide_logins_move_to_the_wards_names() -> None:
    """An installation of an earlier version: ``ew_<initials>`` in ``eward_staff``. ``db roles``
    gives the ward's staff their qualified login (same password), and the old names lose every
    right in this database."""
    server = server_or_skip()
    initials = f"M{SUFFIX}"
    legacy = f"ew_{initials.lower()}"
    admin = create_engine(make_url(server).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    name = f"eward_legacy_{uuid.uuid4().hex[:8]}"
    created: list[str] = []
    try:
        with admin.connect() as conn:
            for group in ("eward_staff", "eward_e_nurse"):
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                {"r": group}).first() is None:
                    conn.execute(text(f'CREATE ROLE "{group}" NOLOGIN'))
                    created.append(group)
            conn.execute(text(f"CREATE ROLE \"{legacy}\" LOGIN PASSWORD 'old secret' "
                              "IN ROLE eward_staff, eward_e_nurse"))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{name}" TO eward_staff'))
            old_verifier = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE "
                                             "rolname = :r"), {"r": legacy}).scalar_one()
        owner_url = make_url(server).set(database=name).render_as_string(hide_password=False)
        db = open_ward(owner_url)
        try:
            with unit_of_work(db, "system") as session:
                save_staff(session, initials, name="Moved Nurse", roles=[Role.E_NURSE])
            with db.engine.begin() as conn:
                report = apply_roles(conn)
        finally:
            db.dispose()
        new = login_name(initials, name)
        assert report.moved_logins == (new,)
        assert report.without_password == ()
        url = make_url(owner_url)
        dsn = {"host": url.host or "127.0.0.1", "port": str(url.port or 5432), "dbname": name}
        with psycopg.connect(**dsn, user="postgres") as conn:
            moved = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                                 (new,)).fetchone()
            assert moved == (old_verifier,)
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(**dsn, user=legacy).close()
        with psycopg.connect(**dsn, user=new) as conn:
            assert conn.execute("SELECT count(*) FROM visit").fetchone() is not None
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("UPDATE regimen SET dose = 'x'")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for role in (*ward_role_names(conn, name), legacy):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            for group in created:
                conn.execute(text(f'DROP ROLE IF EXISTS "{group}"'))
        admin.dispose()
