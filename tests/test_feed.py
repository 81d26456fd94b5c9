"""Unit of work: data, audit event and change-feed row commit together; versions catch stale edits."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import AuditEvent, ChangeLog, Municipality, Setting
from console.services.core.errors import Conflict
from console.services.core.uow import check_version, read_only, unit_of_work


def _count(db: Database, model: type) -> int:
    with read_only(db) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_write_brings_audit_and_change_feed_in_same_transaction(db: Database) -> None:
    feed_before, audit_before = _count(db, ChangeLog), _count(db, AuditEvent)
    with unit_of_work(db, "ABC") as s:
        muni = s.scalar(select(Municipality).where(Municipality.name == "Sorø"))
        assert muni is not None
        muni.phone = "57 87 60 00"
    assert _count(db, ChangeLog) == feed_before + 1
    assert _count(db, AuditEvent) == audit_before + 1
    with read_only(db) as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event is not None
        assert (event.user, event.table_name, event.action) == ("ABC", "municipality", "update")
        assert json.loads(event.after or "{}")["phone"] == "57 87 60 00"
        assert json.loads(event.before or "{}")["phone"] is None
        muni = s.scalar(select(Municipality).where(Municipality.name == "Sorø"))
        assert muni is not None
        assert (muni.updated_by, muni.version) == ("ABC", 2)
        assert muni.updated_at is not None
        assert muni.updated_at.tzinfo is not None


def test_rollback_leaves_neither_data_nor_audit(db: Database) -> None:
    feed_before, audit_before = _count(db, ChangeLog), _count(db, AuditEvent)
    with pytest.raises(RuntimeError), unit_of_work(db, "ABC") as s:
        s.add(Setting(key="experiment", value="1"))
        s.flush()  # the hook has written its rows inside the transaction...
        raise RuntimeError("the action fails half way")
    assert (_count(db, ChangeLog), _count(db, AuditEvent)) == (feed_before, audit_before)
    with read_only(db) as s:
        assert s.get(Setting, "experiment") is None


def test_stale_edit_is_a_conflict_naming_who_and_when(db: Database) -> None:
    with read_only(db) as s:
        loaded = s.scalar(select(Municipality).where(Municipality.name == "Køge"))
        assert loaded is not None
        version_seen = loaded.version
    with unit_of_work(db, "DEF") as s:  # another desk saves first
        other = s.scalar(select(Municipality).where(Municipality.name == "Køge"))
        assert other is not None
        other.phone = "56 67 67 67"
    with pytest.raises(Conflict, match="changed by DEF at") as err, unit_of_work(db, "ABC") as s:
        mine = s.scalar(select(Municipality).where(Municipality.name == "Køge"))
        assert mine is not None
        check_version(mine, version_seen, "municipality")
        mine.phone = "overwrite"
    assert err.value.who == "DEF"
    with read_only(db) as s:
        assert s.scalar(select(Municipality.phone).where(Municipality.name == "Køge")) == "56 67 67 67"


def test_concurrent_flush_of_stale_row_becomes_conflict(db: Database) -> None:
    """Two sessions load version 1; the second UPDATE ... WHERE version = 1 matches no row."""
    first = db.session(write=False)
    row = first.scalar(select(Municipality).where(Municipality.name == "Lejre"))
    assert row is not None
    first.expunge(row)
    first.close()
    with unit_of_work(db, "DEF") as s:
        fresh = s.scalar(select(Municipality).where(Municipality.name == "Lejre"))
        assert fresh is not None
        fresh.phone = "46 46 46 46"
    with pytest.raises(Conflict), unit_of_work(db, "ABC") as s:
        stale = s.merge(row, load=False)
        stale.phone = "stale write"
    with read_only(db) as s:
        assert s.scalar(select(Municipality.phone).where(Municipality.name == "Lejre")) == "46 46 46 46"


def test_an_insert_is_audited_with_its_row_id(sqlite_db: Database) -> None:
    with unit_of_work(sqlite_db, "ADM") as session:
        session.add(Setting(key="feed_test", value="1", description="test"))
    with unit_of_work(sqlite_db, "ADM", write=False) as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "setting",
                                                         AuditEvent.action == "insert")).all()
        feed = session.scalars(select(ChangeLog).where(ChangeLog.table_name == "setting",
                                                       ChangeLog.action == "insert")).all()
    assert "feed_test" in [a.row_id for a in audit]
    assert "feed_test" in [c.row_id for c in feed]
    assert "?" not in {a.row_id for a in audit} | {c.row_id for c in feed}
