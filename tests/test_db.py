"""Database layer: URL resolution, start-up failures in one sentence, migrations on both backends."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from console import db as dbmod
from console.db import (
    CorruptDatabase,
    DatabaseUnavailable,
    SchemaTooNew,
    UnsupportedDatabaseUrl,
    open_database,
    resolve_database_url,
)
from console.models import Base, Car, MbeBase, Municipality
from console.services.core.uow import read_only
from console.settings import UserSettings, save_user_settings


def test_url_resolution_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_database_url(None).startswith("sqlite:///")
    assert resolve_database_url(None).endswith("eward.sqlite")
    save_user_settings(UserSettings(database_url="sqlite:///from-settings.sqlite"))
    assert resolve_database_url(None) == "sqlite:///from-settings.sqlite"
    monkeypatch.setenv("EWARD_DATABASE_URL", "sqlite:///from-env.sqlite")
    assert resolve_database_url(None) == "sqlite:///from-env.sqlite"
    assert resolve_database_url("sqlite:///from-cli.sqlite") == "sqlite:///from-cli.sqlite"


def test_default_sqlite_file_lives_in_user_data_dir(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("EWARD_DATA_DIR", str(tmp_path / "data"))
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'data' / 'eward.sqlite'}"


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "not a url", "oracle://a/b"])
def test_unknown_scheme_is_one_clear_sentence(url: str) -> None:
    with pytest.raises(UnsupportedDatabaseUrl, match="sqlite:///PATH or postgresql://"):
        open_database(url)


def test_postgres_url_uses_psycopg3() -> None:
    assert dbmod.normalise_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    assert dbmod.normalise_url("postgres://u@h/d").drivername == "postgresql+psycopg"


def test_unreachable_postgres_is_explained_without_touching_anything() -> None:
    with pytest.raises(DatabaseUnavailable, match="Cannot reach the PostgreSQL database"):
        open_database("postgresql://nobody@127.0.0.1:1/nowhere")


def test_corrupt_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    garbage = b"this is not a database file at all " * 200
    path.write_bytes(garbage)
    with pytest.raises(CorruptDatabase, match=r"not a usable eWard database|damaged"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == garbage


def test_sqlite_pragmas(sqlite_db: dbmod.Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == dbmod.SQLITE_BUSY_TIMEOUT_MS


def test_sqlite_writers_begin_immediate(sqlite_db: dbmod.Database, sqlite_url: str) -> None:
    """A write session takes the write lock at BEGIN, so another writer waits (then times out)."""
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite_db.session(write=True) as session:
        session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE happens here
        other = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
        session.rollback()
    with sqlite_db.session(write=False) as session:
        session.execute(text("SELECT 1"))  # a reader does not block writers
        other = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


def test_migrated_schema_equals_models_and_downgrades(db: dbmod.Database) -> None:
    """`alembic check` in a test: the migrations produce exactly the models, on both backends."""
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    assert dbmod.current_revision(db) == dbmod.head_revision(db)
    dbmod.downgrade(db, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    dbmod.upgrade(db)
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())


def test_a_current_ward_opens_without_alembic_and_a_stale_one_is_not_skipped(
        db: dbmod.Database, db_url: str) -> None:
    """Issue 17: a desk's start skips alembic when the database is at the head the migration
    files name (about 0.1 s); at any other revision alembic runs as before."""
    import subprocess
    import sys

    assert dbmod.head_from_files() == dbmod.head_revision(db)
    probe = ("import sys; from console.services.core.ward import open_ward; "
             f"open_ward({db_url!r}).dispose(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
    head = dbmod.head_revision(db)
    with db.engine.begin() as conn:  # as if the last migration had not run
        conn.execute(text("UPDATE alembic_version SET version_num = :v"),
                      {"v": "0000-not-a-revision"})
    assert not dbmod._already_current(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    assert dbmod._already_current(db)


def test_reference_data_seeded_once(db: dbmod.Database) -> None:
    from console.services.core.reference_data import ensure_reference_data
    from console.services.core.uow import unit_of_work

    with unit_of_work(db, "system") as session:
        ensure_reference_data(session)  # a second time: nothing new
    with read_only(db) as session:
        munis = session.query(Municipality).all()
        assert len(munis) == 17
        assert {m.name for m in munis if m.four_daily_agreement} == {"Næstved", "Holbæk"}
        assert sorted(b.name for b in session.query(MbeBase)) == ["Holbæk", "Nykøbing F.", "Næstved"]
        assert session.query(Car).count() == 12


def test_schema_newer_than_code_is_refused(sqlite_db: dbmod.Database, sqlite_url: str) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    sqlite_db.dispose()
    with pytest.raises(SchemaTooNew, match="newer than this eWard Console knows"):
        open_database(sqlite_url)
    with pytest.raises(SchemaTooNew):
        open_database(sqlite_url, migrate=False)


def test_resources_and_migrations_ship_as_package_data() -> None:
    from importlib.resources import files

    assert "Næstved" in files("resources.reference").joinpath(
        "sjaelland_municipalities.csv").read_text(encoding="utf-8")
    assert files("migrations").joinpath("env.py").is_file()
    assert any(p.name.endswith(".py") and p.name[0].isdigit()
               for p in files("migrations").joinpath("versions").iterdir())


@pytest.mark.slow
def test_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(root)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("eward_console-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/reference/sjaelland_municipalities.csv" in names
    assert "migrations/env.py" in names
    assert "migrations/script.py.mako" in names
    assert any(n.startswith("migrations/versions/2026_") for n in names)
    assert "console/cli.py" in names
