"""The change log as each backend reads it, on a connection owned by the change watcher's thread.

SQLite: the standard library driver in autocommit (no lingering snapshot), polled. PostgreSQL:
psycopg 3 in autocommit that ``LISTEN``s on the audit trigger's channel, with TCP keepalives so
a dead server or network shows within seconds. Each reads the change log's rows between two ids
(``rows_between``), or only their tables when there are too many.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import URL

from console import db_triggers
from console.change_events import ChangedRow

NOTIFY_CHANNEL = db_triggers.NOTIFY_CHANNEL
COALESCE_SECONDS = 0.05  # notifications this close together become one wake-up
CONNECT_TIMEOUT_SECONDS = 3  # PostgreSQL connect; bounds how long a reconnect can block
SQLITE_BUSY_TIMEOUT_SECONDS = 2.0
MAX_ROWS_PER_EVENT = 2_000  # more changed rows than this: the event names tables only


_ROWS_SQL = ("SELECT id, table_name, row_id, admission_id FROM change_log "
             "WHERE id > {p} AND id <= {p} ORDER BY id LIMIT {limit}")
_TABLES_SQL = "SELECT DISTINCT table_name FROM change_log WHERE id > {p} AND id <= {p}"


class Feed(Protocol):
    """One backend's view of the change feed, on a connection owned by the watcher thread."""

    def max_id(self) -> int: ...

    def tables_between(self, after: int, up_to: int) -> set[str]: ...

    def rows_between(self, after: int, up_to: int) -> list[tuple[int, ChangedRow]]: ...

    def close(self) -> None: ...


def _changed_rows(rows: list[Any]) -> list[tuple[int, ChangedRow]]:
    return [(int(r[0]), ChangedRow(str(r[1]), str(r[2]), None if r[3] is None else int(r[3])))
            for r in rows]


class _ChangeLogReader:
    """The change log's queries, on either driver's DB-API connection (``_param`` is its
    placeholder: ``?`` for sqlite3, ``%s`` for psycopg)."""

    _conn: Any
    _param: str

    def max_id(self) -> int:
        row = self._conn.execute("SELECT max(id) FROM change_log").fetchone()
        return int(row[0] or 0) if row else 0

    def tables_between(self, after: int, up_to: int) -> set[str]:
        sql = _TABLES_SQL.format(p=self._param)
        rows = self._conn.execute(sql, (after, up_to)).fetchall()
        return {str(r[0]) for r in rows}

    def rows_between(self, after: int, up_to: int) -> list[tuple[int, ChangedRow]]:
        sql = _ROWS_SQL.format(p=self._param, limit=MAX_ROWS_PER_EVENT + 1)
        return _changed_rows(self._conn.execute(sql, (after, up_to)).fetchall())

    def close(self) -> None:
        self._conn.close()


class SqliteFeed(_ChangeLogReader):
    """Reads ``change_log`` with the standard library driver (autocommit: no lingering snapshot)."""

    _param = "?"

    def __init__(self, url: URL) -> None:
        database = url.database or ""
        if not database or database == ":memory:":
            raise sqlite3.OperationalError("an in-memory SQLite database cannot be shared")
        uri = url.query.get("uri") in ("true", "1")
        # mode=rw: never create an empty file where the desk expects its database.
        target = database if uri else Path(database).expanduser().resolve().as_uri() + "?mode=rw"
        self._conn = sqlite3.connect(
            target,
            uri=True,
            timeout=SQLITE_BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )



class PostgresFeed(_ChangeLogReader):
    """A psycopg 3 autocommit connection that LISTENs on the change channel."""

    _param = "%s"

    def __init__(self, url: URL) -> None:
        import psycopg

        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn = psycopg.connect(
            conninfo,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            application_name="eward-change-watcher",
            # Notice a dead server or network within seconds, not hours.
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=3,
        )
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def wait_for_tables(self, timeout: float) -> set[str] | None:
        """Wait up to ``timeout`` s for notifications; ``None`` if none came.

        After the first one, keep collecting for ``COALESCE_SECONDS`` so a burst of commits
        becomes a single callback.
        """
        got = False
        tables: set[str] = set()
        for notify in self._conn.notifies(timeout=timeout, stop_after=1):
            got = True
            tables |= _parse_payload(notify.payload)
        if not got:
            return None
        for notify in self._conn.notifies(timeout=COALESCE_SECONDS):
            tables |= _parse_payload(notify.payload)
        return tables


def _parse_payload(payload: str) -> set[str]:
    """The table a NOTIFY names (the audit trigger sends the table name; a JSON list of names
    is read too). The change-log catch-up that follows every notification finds the rows."""
    try:
        value = json.loads(payload)
    except ValueError:
        return {payload} if payload.isidentifier() else set()
    if not isinstance(value, list):
        return set()
    return {str(v) for v in value if isinstance(v, str)}


