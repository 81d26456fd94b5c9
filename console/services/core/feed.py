"""The flush hook: audit events and change-feed rows written in the same transaction.

Every flush that inserts, updates or deletes mapped rows also writes
- one ``change_log`` row per changed row (other desks watch its newest id), and
- one ``audit_event`` per changed row with the before/after of the changed columns,
and on PostgreSQL a ``NOTIFY eward_change`` whose payload names the changed tables (delivered
by the server only when the transaction commits).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from console.models.audit import AccessEvent, AuditEvent, ChangeLog
from console.models.base import Versioned
from console.services.core.uow import acting_user
from console.timeutil import now_utc

if TYPE_CHECKING:
    from console.db import Database

NOTIFY_CHANNEL = "eward_change"
UNAUDITED = {ChangeLog.__tablename__, AuditEvent.__tablename__, AccessEvent.__tablename__}


def install(db: Database) -> None:
    db.add_session_hook("before_flush", _stamp_versioned)
    db.add_session_hook("after_flush", _write_feed)


def _stamp_versioned(session: Session, _ctx: UOWTransaction, _instances: Any) -> None:
    now = now_utc()
    user = acting_user(session)
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Versioned) and (obj in session.new or session.is_modified(obj)):
            obj.updated_at = now
            obj.updated_by = user


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def _row_changes(obj: Any, action: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if action == "insert":
            after[attr.key] = _jsonable(getattr(obj, attr.key))
        elif action == "delete":
            before[attr.key] = _jsonable(hist.unchanged[0] if hist.unchanged else
                                         (hist.deleted[0] if hist.deleted else None))
        elif hist.has_changes():
            before[attr.key] = _jsonable(hist.deleted[0] if hist.deleted else None)
            after[attr.key] = _jsonable(hist.added[0] if hist.added else None)
    return (before or None, after or None)


def _admission_of(obj: Any) -> int | None:
    table = obj.__table__.name
    if table == "admission":
        return int(obj.id)
    value = getattr(obj, "admission_id", None)
    return int(value) if value is not None else None


def _write_feed(session: Session, _ctx: UOWTransaction) -> None:
    now = now_utc()
    user = acting_user(session)
    changes: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    tables: set[str] = set()
    for action, objs in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objs:
            table = getattr(obj, "__tablename__", None)
            if table is None or table in UNAUDITED:
                continue
            before, after = _row_changes(obj, action)
            if action == "update" and before is None and after is None:
                continue
            state = inspect(obj)
            # New rows have no identity key until the flush ends, but their primary key is set.
            identity = state.identity or state.mapper.primary_key_from_instance(obj)
            row_id = ",".join(str(k) for k in identity) if identity and None not in identity \
                else "?"
            tables.add(table)
            changes.append(
                {"at": now, "table_name": table, "row_id": row_id, "action": action, "user": user}
            )
            audits.append(
                {
                    "at": now,
                    "user": user,
                    "table_name": table,
                    "row_id": row_id,
                    "action": action,
                    "admission_id": _admission_of(obj),
                    "before": json.dumps(before, ensure_ascii=False) if before else None,
                    "after": json.dumps(after, ensure_ascii=False) if after else None,
                }
            )
    if not changes:
        return
    conn = session.connection()
    conn.execute(insert(ChangeLog), changes)
    conn.execute(insert(AuditEvent), audits)
    if conn.dialect.name == "postgresql":
        payload = json.dumps(sorted(tables))[:7900]
        conn.execute(select(func.pg_notify(NOTIFY_CHANNEL, payload)))
