"""Engines and sessions for SQLite (embedded default) and PostgreSQL (shared), plus migrations.

URL resolution: ``--database URL`` > ``EWARD_DATABASE_URL`` > user settings > SQLite file in the
user data directory. Every failure a person can meet at start (unknown scheme, unreachable server,
schema newer than the code, a corrupt file) becomes a ``DatabaseError`` with one clear sentence.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from console import db_deadline, db_guards, db_triggers
from console import settings as user_settings
from console.db_revisions import head_from_files, migrations_dir, revisions_in_files
from console.models.base import USER_KEY, postgresql_partial_indexes

SQLITE_BUSY_TIMEOUT_MS = 10_000
# The server ends any statement of a console connection after this long (migrations lift it).
STATEMENT_TIMEOUT_MS = 60_000
PG_MIGRATION_LOCK = 0x65_57_61_72_64  # advisory lock key: "eWard"
WRITE_KEY = "eward_write"  # session.info: opened for writing (a unit of work)
_ACTING = "eward_acting"  # connection-record info key (SQLite): who the audit trigger names


class DatabaseError(Exception):
    """A database problem explained in one sentence for a person (no traceback)."""


class UnsupportedDatabaseUrl(DatabaseError):
    pass


class DatabaseUnavailable(DatabaseError):
    """The database did not answer. ``save_state`` says what that means for a write:
    ``"read"`` (nothing to save), ``"not_saved"`` (lost before COMMIT: nothing was changed) or
    ``"unknown"`` (lost during COMMIT: nobody can tell); None when it is not known."""

    def __init__(self, message: str, *, save_state: str | None = None) -> None:
        super().__init__(message)
        self.save_state = save_state


class SchemaTooNew(DatabaseError):
    pass


class CorruptDatabase(DatabaseError):
    pass


def default_sqlite_url() -> str:
    path = user_settings.data_dir() / "eward.sqlite"
    return f"sqlite:///{path}"


def resolve_database_url(cli_url: str | None = None) -> str:
    """``--database`` > ``EWARD_DATABASE_URL`` > user settings > default SQLite file."""
    for candidate in (
        cli_url,
        os.environ.get(user_settings.ENV_DATABASE_URL),
        user_settings.load_user_settings().database_url,
    ):
        if candidate:
            return candidate
    return default_sqlite_url()


def normalise_url(raw: str) -> URL:
    """Parse a URL and pin PostgreSQL to psycopg 3; refuse anything else with a clear sentence."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise UnsupportedDatabaseUrl(
            f"'{raw}' is not a database URL: use sqlite:///PATH or postgresql://USER@HOST/DB."
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        return url.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    raise UnsupportedDatabaseUrl(
        f"Database URL scheme '{url.drivername}' is not supported: "
        "use sqlite:///PATH or postgresql://USER@HOST/DB."
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        # Let SQLAlchemy's "begin" hook own transactions (pysqlite's own BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()
        # The audit trigger's person (console.db_triggers): the current unit of work's.
        acting: dict[str, str | None] = {USER_KEY: None}
        record.info[_ACTING] = acting
        dbapi_conn.create_function(db_triggers.SQLITE_USER_FUNCTION, 0,
                                   lambda: acting[USER_KEY])

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        acting = record.info.get(_ACTING)
        if acting is not None:
            acting[USER_KEY] = None  # a connection back in the pool acts for nobody

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: two desks never both read-then-write and
        # deadlock on upgrade (SQLITE_BUSY mid-transaction). Readers stay deferred.
        immediate = conn.get_execution_options().get("eward_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """One database: its engine and the session factories for reading and writing."""

    url: URL
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def session(self, *, write: bool = False) -> Session:
        session = (self._write if write else self._read)()
        session.info[WRITE_KEY] = write
        return session

    def add_session_hook(self, name: str, fn: Callable[..., Any]) -> None:
        for factory in (self._read, self._write):
            event.listen(factory, name, fn)

    def dispose(self) -> None:
        self.engine.dispose()


def _announce_acting_user(db: Database) -> None:
    """Tell the database whose unit of work a transaction is, for its audit trigger.

    PostgreSQL: ``eward.user`` for this transaction only (a login's own name wins over it in
    the trigger, so a login cannot act in someone else's name). SQLite: the connection's
    ``eward_user()`` function answers with it.
    """

    def after_begin(session: Session, _transaction: Any, connection: Any) -> None:
        user = session.info.get(USER_KEY)
        if db.backend == "sqlite":
            acting = connection.info.get(_ACTING)
            if acting is not None:
                acting[USER_KEY] = user
        elif user and session.info.get(WRITE_KEY):
            connection.execute(text("SELECT set_config(:k, :v, true)"),
                               {"k": db_triggers.USER_SETTING, "v": user})

    db.add_session_hook("after_begin", after_begin)


def create_database(raw_url: str, **engine_kw: Any) -> Database:
    """Build engine + session factories. Does not connect; see ``open_database``."""
    url = normalise_url(raw_url)
    kw: dict[str, Any] = {"hide_parameters": True, "future": True}
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kw["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        # A partition is an outage (issue 21): keepalives probe idle connections, a TCP user
        # timeout ends a send nobody acknowledges, the server ends a statement after
        # STATEMENT_TIMEOUT_MS, and the screens' operations have a client-side deadline
        # (console.db_deadline, which also pings on checkout in place of pool_pre_ping).
        kw["pool_pre_ping"] = False
        kw["connect_args"] = {
            "connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
            "keepalives_interval": 3, "keepalives_count": 3, "tcp_user_timeout": 15_000,
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        }
    kw.update(engine_kw)
    engine = create_engine(url, **kw)
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    else:
        db_deadline.instrument(engine)
        postgresql_partial_indexes()  # the dialect is loaded now (console.models.base)
    write_engine = engine.execution_options(eward_write=True)
    read = sessionmaker(bind=engine, expire_on_commit=False)
    write = sessionmaker(bind=write_engine, expire_on_commit=False)
    db = Database(url=url, engine=engine, _read=read, _write=write)
    _announce_acting_user(db)
    return db


def check_connection(db: Database) -> None:
    """Connect once and translate the usual failures into one sentence each."""
    try:
        with db.engine.connect() as conn:
            if db.backend == "sqlite":
                row = conn.exec_driver_sql("PRAGMA quick_check").scalar()
                if row != "ok":
                    raise CorruptDatabase(
                        f"The database file {db.url.database} is damaged ({row}); "
                        "restore it from a backup."
                    )
            else:
                conn.execute(text("SELECT 1"))
    except SADatabaseError as exc:
        raise explain_failure(db, exc) from None


def explain_failure(db: Database, exc: SADatabaseError) -> DatabaseError:
    """One sentence for a failure to open or use the database (no parameters, no CPR)."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    if db.backend == "sqlite":
        if "not a database" in detail or "malformed" in detail:
            return CorruptDatabase(
                f"The file {db.url.database} is not a usable eWard database ({detail}); "
                "restore it from a backup or point --database elsewhere."
            )
        return DatabaseUnavailable(f"Cannot open the database file {db.url.database}: {detail}.")
    if isinstance(exc, OperationalError):
        return DatabaseUnavailable(
            f"Cannot reach the PostgreSQL database at {db.display_url}: {detail}. "
            "Check that the server is running and the URL is right."
        )
    return DatabaseUnavailable(f"The database at {db.display_url} refused us: {detail}.")


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False))
    return cfg


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def check_schema_not_newer(db: Database) -> None:
    current = current_revision(db)
    if current is None or current in revisions_in_files()[0]:
        return  # known without loading alembic's scripts (about 40 ms a call; issue 17)
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(alembic_config(db))
    try:
        script.get_revision(current)
    except CommandError:
        raise SchemaTooNew(
            f"The database is at schema revision {current}, newer than this eWard Console "
            "knows; upgrade the console before using this database."
        ) from None


_UPGRADE_LOCK = threading.Lock()  # alembic's command API keeps global state: one at a time


def upgrade(db: Database, revision: str = "head") -> None:
    """Apply migrations (serialised across desks on PostgreSQL by an advisory lock, and within
    one process by a lock: two threads opening a ward at once broke alembic's context)."""
    with _UPGRADE_LOCK:
        _upgrade(db, revision)


def _already_current(db: Database) -> bool:
    """The database is at the migrations' head with its triggers and guards in place: nothing
    for alembic to do (issue 17: a desk's start skips loading it)."""
    head = head_from_files()
    if head is None:
        return False
    try:
        with db.engine.connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            if current != [head] or not db_triggers.audit_triggers_in_sync(conn):
                return False
            return db.backend != "postgresql" or db_guards.guards_present(conn)
    except SADatabaseError:  # a new database: no version table yet
        return False


def _upgrade(db: Database, revision: str) -> None:
    if revision == "head" and _already_current(db):
        return
    from alembic import command

    check_schema_not_newer(db)
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        if db.backend == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            conn.execute(text("SET LOCAL statement_timeout = 0"))  # a migration takes its time
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if revision == "head" and not db_triggers.audit_triggers_in_sync(conn):
            db_triggers.sync_audit_triggers(conn)  # with the guards (PostgreSQL)
        elif revision == "head" and db.backend == "postgresql" and \
                not db_guards.guards_present(conn):
            db_guards.install_guards(conn)


def downgrade(db: Database, revision: str = "base") -> None:
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def open_database(raw_url: str, *, migrate: bool = True) -> Database:
    """Create, connect, check and (by default) migrate; every failure is a ``DatabaseError``.

    The services' ``open_ward`` adds the reference data a ward needs; this is the bare database.
    """
    db = create_database(raw_url)
    try:
        check_connection(db)
        if migrate:
            upgrade(db)
        else:
            check_schema_not_newer(db)
    except SADatabaseError as exc:
        db.dispose()
        raise explain_failure(db, exc) from None
    except DatabaseError:
        db.dispose()
        raise
    return db
