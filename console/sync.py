"""The change watcher: tells this desk which tables other desks (or this one) have changed.

Every write leaves ``change_log`` rows in its own transaction (the audit trigger, ``console.db_triggers``);
on PostgreSQL it also sends ``NOTIFY eward_change`` with a JSON list of the changed tables, which
the server delivers only when that transaction commits.

- **PostgreSQL**: a dedicated psycopg 3 connection (autocommit) in the watcher thread runs
  ``LISTEN eward_change``; notifications arriving within ``COALESCE_SECONDS`` of each other become
  one callback. A cheap ``max(change_log.id)`` poll every ``poll_interval`` catches anything a lost
  notification would otherwise hide.
- **SQLite**: no notifications exist, so the thread polls ``max(change_log.id)`` every
  ``poll_interval`` on its own ``sqlite3`` connection and, when it grows, reads the distinct table
  names of the new rows.

The watcher starts at the newest change at start (no replay of history). It never crashes: a
lost connection is reported once through ``on_status(False, sentence)``, retried with backoff
(0.5 s doubling to 10 s), reported as recovered with ``on_status(True, sentence)`` and followed by
one ``on_change`` naming the tables changed meanwhile, so open screens reload.

Callbacks run in the watcher thread; a GUI wraps them in a Qt signal. Nothing here logs or passes
on patient data: only table names and change-log ids. No Qt in this module (import contract).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from console.change_events import ChangedRow, ChangeEvent
from console.db import normalise_url
from console.redact import where_it_broke
from console.sync_feeds import MAX_ROWS_PER_EVENT, Feed, PostgresFeed, SqliteFeed

log = logging.getLogger(__name__)

WAIT_SLICE_SECONDS = 0.2  # longest uninterrupted wait, so stop() is prompt
BACKOFF_FIRST_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 10.0
# PostgreSQL assigns change_log ids from a sequence at INSERT, not at COMMIT, so a transaction
# still open while we read max(id) can commit later with a smaller id. Its NOTIFY covers it in
# normal operation; after a reconnect we look back this many ids to cover it too (a few extra
# table names only cause an extra reload).
PG_RECOVERY_LOOKBACK_IDS = 200



ChangeCallback = Callable[[ChangeEvent], None]
StatusCallback = Callable[[bool, str], None]
def _reason(exc: BaseException) -> str:
    """The first line of an error, short, for a status sentence (no SQL parameters in it)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160].rstrip(" .")


class ChangeWatcher:
    """Watch the shared database's change feed in a daemon thread.

    ``on_change(tables)`` is called (in the watcher thread) with the names of the tables changed
    since the last call; ``on_status(healthy, sentence)`` when watching starts, stops working or
    recovers. After ``on_status(True, …)`` following a failure, ``on_change`` names the tables
    changed while the watcher was blind.
    """

    def __init__(
        self,
        database_url: str,
        on_change: ChangeCallback,
        *,
        poll_interval: float = 1.0,
        on_status: StatusCallback | None = None,
    ) -> None:
        self._url = normalise_url(database_url)
        self._on_change = on_change
        self._on_status = on_status
        self._poll_interval = max(0.05, poll_interval)
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._thread: threading.Thread | None = None
        self._healthy = False
        self._reported: bool | None = None  # last health reported through on_status
        self._last_id: int | None = None  # newest change_log id already reported
        self._seen: set[int] = set()  # ids reported within the look-back window (PostgreSQL)
        self._lookback = PG_RECOVERY_LOOKBACK_IDS if self.backend == "postgresql" else 0
        self._backoff = BACKOFF_FIRST_SECONDS

    # -- public -----------------------------------------------------------------------------

    @property
    def backend(self) -> str:
        return self._url.get_backend_name()

    @property
    def healthy(self) -> bool:
        """Whether the last attempt to watch the change feed succeeded."""
        return self._healthy

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the daemon thread (no-op if it is already running). Does not block."""
        if self.running:
            return
        self._stop.clear()
        self._watching.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"eward-change-watcher-{self.backend}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop and join the thread, waiting at most ``timeout`` s; safe to call repeatedly."""
        self._stop.set()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return
        thread.join(timeout)
        if thread.is_alive():
            log.warning("change watcher did not stop within %.1f s; leaving the daemon thread",
                        timeout)
        else:
            self._thread = None

    def wait_until_watching(self, timeout: float | None = None) -> bool:
        """Block until the watcher has its start position (for tests and scripts, not the GUI)."""
        return self._watching.wait(timeout)

    # -- thread -----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.backend == "postgresql":
                    self._watch_postgres()
                else:
                    self._watch_sqlite()
            except Exception as exc:  # never let the thread die; report and retry
                self._went_blind(exc)
                if self._stop.wait(self._backoff):
                    break
                self._backoff = min(self._backoff * 2, BACKOFF_MAX_SECONDS)

    def _watch_sqlite(self) -> None:
        feed = SqliteFeed(self._url)
        try:
            self._connected(feed)
            while not self._stop.wait(self._poll_interval):
                self._catch_up(feed)
        finally:
            feed.close()

    def _watch_postgres(self) -> None:
        feed = PostgresFeed(self._url)
        try:
            self._connected(feed, lookback=PG_RECOVERY_LOOKBACK_IDS)
            next_poll = time.monotonic() + self._poll_interval
            while not self._stop.is_set():
                wait = min(WAIT_SLICE_SECONDS, max(0.0, next_poll - time.monotonic()))
                tables = feed.wait_for_tables(wait)
                if self._stop.is_set():
                    break
                if tables is not None:
                    # The payload names the tables; the catch-up moves our position past the
                    # rows it covers so the fallback poll does not report them again.
                    self._catch_up(feed, also=tables)
                    next_poll = time.monotonic() + self._poll_interval
                elif time.monotonic() >= next_poll:
                    self._catch_up(feed)
                    next_poll = time.monotonic() + self._poll_interval
        finally:
            feed.close()

    def _connected(self, feed: Feed, *, lookback: int = 0) -> None:
        """First successful read on a new connection: take the start position or catch up."""
        newest = feed.max_id()
        recovered = self._reported is False
        self._healthy = True
        self._backoff = BACKOFF_FIRST_SECONDS
        if self._last_id is None:
            self._last_id = newest  # start at the newest change: no replay of history
            if self._lookback:  # what the look-back window already holds is history too
                self._seen = {i for i, _row in feed.rows_between(
                    max(0, newest - self._lookback), newest)}
            self._report(True, "Watching the shared database for changes from other desks.")
        else:
            if recovered:
                self._report(True, "Contact with the database is back; screens are reloading.")
            since = max(0, self._last_id - lookback)
            self._catch_up(feed, newest=newest, since=since)
        self._watching.set()

    def _catch_up(
        self,
        feed: Feed,
        *,
        also: set[str] | None = None,
        newest: int | None = None,
        since: int | None = None,
    ) -> None:
        """Report the change_log rows newer than our position (and the tables in ``also``).

        On PostgreSQL an id is taken at INSERT and becomes visible at COMMIT, so a transaction
        can commit after a newer one was read; the last ``PG_RECOVERY_LOOKBACK_IDS`` ids are
        therefore read again and the ones already reported are skipped.
        """
        newest = feed.max_id() if newest is None else newest
        last = self._last_id or 0
        self._healthy = True
        if newest < last:
            # The change log went backwards: database restored or rebuilt. Reload everything
            # it mentions rather than show stale screens.
            log.info("change_log restarted (newest id %d < %d); reloading", newest, last)
            self._last_id = newest
            self._seen.clear()
            tables = feed.tables_between(0, newest) | set(also or ())
            if tables:
                self._emit(ChangeEvent(frozenset(tables)))
            return
        start = max(0, last - self._lookback if since is None else min(since, last))
        found = [(i, row) for i, row in feed.rows_between(start, newest) if i not in self._seen]
        complete = since is None  # after a blind spell, screens reload whole
        if len(found) > MAX_ROWS_PER_EVENT:
            tables = feed.tables_between(start, newest)
            rows: tuple[ChangedRow, ...] = ()
            complete = False
        else:
            rows = tuple(row for _i, row in found)
            tables = {row.table for row in rows}
        if also and not also <= tables:  # committed before our look-back window
            tables |= also
            complete = False
        self._last_id = max(newest, last)
        if self._lookback:
            self._seen.update(i for i, _row in found)
            floor = self._last_id - self._lookback
            self._seen = {i for i in self._seen if i > floor}
        if tables:
            self._emit(ChangeEvent(frozenset(tables), rows if complete else (), complete))

    def _emit(self, event: ChangeEvent) -> None:
        if self._stop.is_set():
            return
        try:
            self._on_change(event)
        except Exception as exc:  # its type and frames only: a message may carry patient data
            log.error("change callback failed (tables: %s): %s", ", ".join(sorted(event.tables)),
                      where_it_broke(exc))

    def _went_blind(self, exc: BaseException) -> None:
        self._healthy = False
        if self._stop.is_set():
            return
        what = ("the shared PostgreSQL database" if self.backend == "postgresql"
                else "the database file")
        log.warning("change watcher: %s: %s", type(exc).__name__, _reason(exc))
        self._report(
            False,
            f"Lost contact with {what} ({_reason(exc)}); changes from other desks are not "
            "shown until it is back, retrying.",
        )

    def _report(self, healthy: bool, sentence: str) -> None:
        if self._reported is healthy or self._on_status is None:
            self._reported = healthy
            return
        self._reported = healthy
        try:
            self._on_status(healthy, sentence)
        except Exception as exc:
            log.error("status callback failed: %s", where_it_broke(exc))
