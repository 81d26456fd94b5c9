"""A ward's message list at any size (issue 16, issue 17): the list never asks by a list of
every message id. SQLite caps the values one statement binds (999 before SQLite 3.32, 32,766
since; builds differ), so a list of ids breaks a ward that grew past the cap on some desks."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event, insert

from console.db import Database
from console.models import Message
from console.services.core.uow import read_only, unit_of_work
from console.services.messaging.reads import list_messages
from console.timeutil import now_utc
from console.vocabulary import MessageDirection, MessageKind, MessageState

CAP = 999  # SQLite's old default, set on the test's connections: the same break, sooner


def test_the_message_list_reads_more_messages_than_sqlite_binds_values(
        sqlite_db: Database) -> None:
    def capped(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, CAP)

    sqlite_db.engine.dispose()
    event.listen(sqlite_db.engine, "connect", capped)
    count = CAP + 200
    now = now_utc()
    with unit_of_work(sqlite_db, "system") as s:
        for start in range(0, count, 50):  # in batches under the cap
            s.execute(insert(Message), [
                {"direction": MessageDirection.IN, "kind": MessageKind.CARE_COMMUNICATION,
                 "state": MessageState.RECEIVED, "created_at": now, "text": f"Spørgsmål {n}",
                 "duplicates": 0} for n in range(start, min(start + 50, count))])
    with read_only(sqlite_db) as s:
        rows = list_messages(s)
    assert len(rows) == count
    assert all(r.needs_attention for r in rows)  # on no course: a person matches them
