"""One unit of work = one transaction (design rule 3).

The service entry point opens it; data functions take the session and never commit. The data
change, its audit events and its change-feed rows commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.models.base import Versioned
from console.services.core import text_guard  # noqa: F401  (installs the flush guard)
from console.services.core.errors import Conflict, NotFound

if TYPE_CHECKING:
    from console.db import Database

USER_KEY = "eward_user"
M = TypeVar("M")


@contextmanager
def unit_of_work(db: Database, user: str | None, *, write: bool = True) -> Iterator[Session]:
    """Yield a session; commit on success, roll back on any exception.

    ``write=True`` takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE) so a read-check-write
    sequence cannot be interleaved by another desk.
    """
    session = db.session(write=write)
    session.info[USER_KEY] = user
    try:
        yield session
        if write:
            session.commit()
        # A reader's transaction ends with close() below, which releases the connection without
        # expiring what was loaded (rollback() would expire it).
    except StaleDataError:
        session.rollback()
        raise Conflict("record", None, None) from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_only(db: Database, user: str | None = None) -> Iterator[Session]:
    with unit_of_work(db, user, write=False) as session:
        yield session


def acting_user(session: Session) -> str | None:
    user = session.info.get(USER_KEY)
    return user if isinstance(user, str) else None


def check_version(row: Versioned, expected: int | None, what: str) -> None:
    """Refuse an edit based on an older version of the row (design rule 5).

    The Conflict carries what the other person changed (from the audit trail: one update per
    version since ``expected``), so the screen can show their values beside the person's own.
    """
    if expected is not None and row.version != expected:
        raise Conflict(what, row.updated_by, row.updated_at,
                       changes_since(row, max(row.version - expected, 0)))


def get_existing(session: Session, model: type[M], row_id: int, what: str, *,
                 lock: bool = False) -> M:
    """The ``model`` row with id ``row_id``, else ``NotFound(what, row_id)`` ("No visit with id
    12."); ``lock`` reads it FOR UPDATE, held to the end of the unit of work."""
    row = session.get(model, row_id, with_for_update=lock)
    if row is None:
        raise NotFound(what, row_id)
    return row


_STAMPS = frozenset({"version", "updated_at", "updated_by"})


def changes_since(row: Versioned, updates: int) -> tuple[tuple[str, object, object], ...]:
    """The columns the last ``updates`` audited updates of ``row`` changed: (name, old, new)."""
    import json

    from sqlalchemy import inspect, select
    from sqlalchemy.orm import object_session

    from console.models.audit import AuditEvent

    session = object_session(row)
    identity = inspect(row).identity
    if session is None or not identity or updates <= 0:
        return ()
    events = session.execute(
        select(AuditEvent.before, AuditEvent.after)
        .where(AuditEvent.table_name == getattr(row, "__tablename__", ""),
               AuditEvent.row_id == ",".join(str(k) for k in identity),
               AuditEvent.action == "update")
        .order_by(AuditEvent.id.desc()).limit(updates)).all()
    first: dict[str, object] = {}
    last: dict[str, object] = {}
    for before, after in reversed(events):
        old, new = json.loads(before or "{}"), json.loads(after or "{}")
        for key, value in new.items():
            if key not in _STAMPS:
                first.setdefault(key, old.get(key))
                last[key] = value
    return tuple((key, first[key], last[key]) for key in last)
