"""Shared fixtures: a fresh database per test on SQLite and (when configured) PostgreSQL.

PostgreSQL: set ``EWARD_TEST_PG_URL`` to a server URL (e.g. postgresql://postgres@127.0.0.1/postgres).
Each test session creates its own database on that server, migrates it once, and every test
starts from truncated tables with the reference data re-seeded. Unset, PostgreSQL tests skip
with a visible reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.db import Database
from console.models import Base
from console.services.core.reference_data import ensure_reference_data
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from tests import cpr_watch
from tests.cpr_watch import (  # noqa: F401  (hooks: the whole suite is watched for CPRs)
    pytest_runtest_setup,
    pytest_sessionfinish,
    pytest_sessionstart,
)

PG_ENV = "EWARD_TEST_PG_URL"
PG_SKIP_REASON = f"PostgreSQL tests need {PG_ENV} (e.g. postgresql://postgres@127.0.0.1/postgres)"


class MemoryKeyring(KeyringBackend):
    """Tests never touch a real keyring (style.md practice 10)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated_user_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("EWARD_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("EWARD_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("EWARD_DATABASE_URL", raising=False)
    monkeypatch.delenv("EWARD_USER", raising=False)
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture(scope="session", autouse=True)
def _scenario_dates_are_admissible() -> Iterator[None]:
    """Most tests replay a ward on fixed dates (``tests/factories.referral``: 23 Nov 2026), which
    R-ADMIT-TIME's window around the wall clock (3 days by default) would refuse on any other
    day. Their databases are seeded with a window wide enough; the tests of the window itself
    (``tests/test_time_plausibility.py``) store the shipped value in their database."""
    from console.services.core.settings_store import DEFAULTS

    with pytest.MonkeyPatch.context() as patch:
        for key in ("admission_past_days", "admission_future_days"):
            patch.setitem(DEFAULTS, key, ("36500", DEFAULTS[key][1]))
        yield


def pg_server_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A database of this test session's own on the configured PostgreSQL server."""
    server = pg_server_url()
    if not server:
        if os.environ.get("EWARD_REQUIRE_PG"):
            pytest.fail(f"EWARD_REQUIRE_PG is set but {PG_ENV} is not", pytrace=False)
        pytest.skip(PG_SKIP_REASON)
    name = f"eward_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(server).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_migrated(pg_database_url: str) -> str:
    db = open_ward(pg_database_url)
    db.dispose()
    return pg_database_url


def _truncate_all(db: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        # The append-only guard refuses TRUNCATE of the audit trail even for the owner; the
        # test server's superuser sets it aside for this transaction only.
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    with unit_of_work(db, "system") as session:
        ensure_reference_data(session)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'eward.sqlite'}"


@pytest.fixture
def pg_url(_pg_migrated: str) -> str:
    """The session's PostgreSQL database, emptied and re-seeded with reference data."""
    db = open_ward(_pg_migrated, migrate=False)
    try:
        _truncate_all(db)
    finally:
        db.dispose()
    return _pg_migrated


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eward.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_ward(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    database = open_ward(sqlite_url)
    yield database
    database.dispose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly how many PostgreSQL tests ran, so a CI log shows they were not skipped."""
    counts: dict[str, int] = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if "postgresql" in getattr(report, "nodeid", "") or "pg" in getattr(report, "keywords", {}):
                counts[outcome] = counts.get(outcome, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none collected"
    terminalreporter.write_line(f"PostgreSQL tests: {summary}")
    cpr_watch.report(terminalreporter)
