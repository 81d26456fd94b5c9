"""Open a ward's database ready for work: migrated, with the reference data a ward needs.

``console.db.open_database`` is the bare database; every front end (the GUI, the CLI, the
screenshot command) opens a ward through ``open_ward``.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session

from console.db import Database, explain_failure, open_database
from console.services.core.reference_data import ensure_reference_data
from console.services.core.uow import unit_of_work


def open_ward(raw_url: str, *, migrate: bool = True) -> Database:
    """Open, check and (by default) migrate the database and seed missing reference data.

    Every failure a person can meet is a ``DatabaseError`` with one sentence.
    """
    db = open_database(raw_url, migrate=migrate)
    if not migrate:
        return db
    try:
        with unit_of_work(db, user="system") as session:
            ensure_reference_data(session)
    except SADatabaseError as exc:
        db.dispose()
        raise explain_failure(db, exc) from None
    return db


def ping(session: Session) -> int:
    """The cheapest question the database can answer (the reconnect probe asks it)."""
    return int(session.execute(text("SELECT 1")).scalar_one())
