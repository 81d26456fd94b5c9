"""A ward database of its own on the test PostgreSQL server, with roles and logins (issue 21).

Roles are server-wide, so each such ward gets a fresh database, its own qualified group roles
and logins (``console.dbnames``), and everything is dropped afterwards: the database, then every
role whose comment names it. The other PostgreSQL tests' database is never touched.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.dbroles import apply_roles, drop_ward_roles, ensure_login, login_name
from console.models import Role
from console.services.core.staff import save_staff
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from tests.conftest import PG_ENV, PG_SKIP_REASON, pg_server_url

PASSWORD = "secret"


@dataclass(frozen=True)
class Ward:
    name: str  # the database
    owner_url: str
    dsn: dict[str, str]  # psycopg connection parameters without the user

    def login(self, initials: str) -> str:
        return login_name(initials, self.name)

    def connect(self, initials: str, password: str = PASSWORD
                ) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(**self.dsn, user=self.login(initials), password=password)

    def owner(self, **kw: object) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(**self.dsn, user="postgres", **kw)  # type: ignore[arg-type]

    def url_for(self, initials: str, password: str = PASSWORD) -> str:
        return make_url(self.owner_url).set(username=self.login(initials),
                                            password=password).render_as_string(
            hide_password=False)


def server_or_skip() -> str:
    server = pg_server_url()
    if not server:
        if os.environ.get("EWARD_REQUIRE_PG"):
            pytest.fail(f"EWARD_REQUIRE_PG is set but {PG_ENV} is not", pytrace=False)
        pytest.skip(PG_SKIP_REASON)
    return server


@contextlib.contextmanager
def ward_database(people: Mapping[str, Role], prefix: str = "eward_ward") -> Iterator[Ward]:
    """A migrated ward database with roles applied and one login per person."""
    server = server_or_skip()
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(server).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    owner_url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        db = open_ward(owner_url)
        try:
            with db.engine.begin() as conn:
                apply_roles(conn)
            with unit_of_work(db, "system") as session:
                for initials, role in people.items():
                    save_staff(session, initials, name=f"Test {role.value}", roles=[role])
                    ensure_login(session.connection(), initials, [role], password=PASSWORD)
        finally:
            db.dispose()
        url = make_url(owner_url)
        dsn = {"host": url.host or "127.0.0.1", "port": str(url.port or 5432), "dbname": name}
        yield Ward(name, owner_url, dsn)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            drop_ward_roles(conn, name)
        admin.dispose()
