"""The change watcher (console.sync): desk B hears what desk A commits, on both backends.

Two ``open_ward`` calls on one URL are two desks. Latencies are measured from just before
desk A's commit to desk B's callback and asserted against the design's budget: 1 s on
PostgreSQL (LISTEN/NOTIFY), 2 s on SQLite (1 s polling).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from console import sync
from console.change_events import ChangeEvent
from console.db import Database
from console.models import ChangeLog, Setting, Staff
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from console.sync import ChangeWatcher
from console.timeutil import now_utc

LATENCY_BUDGET = {"sqlite": 2.0, "postgresql": 1.0}


class Recorder:
    """Collects on_change / on_status calls from the watcher thread; waits with Events."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.changes: list[tuple[float, frozenset[str]]] = []
        self.events: list[ChangeEvent] = []
        self.statuses: list[tuple[float, bool, str]] = []
        self._change_waiters: list[tuple[str, threading.Event]] = []
        self._status_waiters: list[tuple[bool, threading.Event]] = []

    def on_change(self, change: ChangeEvent) -> None:
        at = time.perf_counter()
        tables = change.tables
        with self._lock:
            self.events.append(change)
            self.changes.append((at, tables))
            for table, event in self._change_waiters:
                if table in tables:
                    event.set()

    def on_status(self, healthy: bool, sentence: str) -> None:
        at = time.perf_counter()
        with self._lock:
            self.statuses.append((at, healthy, sentence))
            for wanted, event in self._status_waiters:
                if wanted is healthy:
                    event.set()

    def expect_change(self, table: str) -> threading.Event:
        event = threading.Event()
        with self._lock:
            if any(table in tables for _, tables in self.changes):
                event.set()
            self._change_waiters.append((table, event))
        return event

    def expect_status(self, healthy: bool) -> threading.Event:
        """An Event set by the *next* status report equal to ``healthy``."""
        event = threading.Event()
        with self._lock:
            self._status_waiters.append((healthy, event))
        return event

    def clear(self) -> None:
        with self._lock:
            self.changes.clear()
            self.events.clear()

    def first_change_with(self, table: str) -> float:
        with self._lock:
            return next(at for at, tables in self.changes if table in tables)

    def all_tables(self) -> set[str]:
        with self._lock:
            return set().union(*(tables for _, tables in self.changes))


WatcherFactory = Callable[..., tuple[ChangeWatcher, Recorder]]


@pytest.fixture
def make_watcher() -> Iterator[WatcherFactory]:
    """Start watchers that are always stopped at teardown, even when a test fails."""
    started: list[ChangeWatcher] = []

    def factory(url: str, *, poll_interval: float = 1.0) -> tuple[ChangeWatcher, Recorder]:
        recorder = Recorder()
        watcher = ChangeWatcher(url, recorder.on_change, poll_interval=poll_interval,
                                on_status=recorder.on_status)
        started.append(watcher)
        watcher.start()
        assert watcher.wait_until_watching(5.0), recorder.statuses
        assert watcher.healthy
        return watcher, recorder

    yield factory
    for watcher in started:
        watcher.stop()


@pytest.fixture
def desks(db_url: str) -> Iterator[tuple[Database, Database]]:
    """Desk A and desk B: two engines on the same database."""
    desk_a = open_ward(db_url)
    desk_b = open_ward(db_url)
    yield desk_a, desk_b
    desk_a.dispose()
    desk_b.dispose()


def add_setting(db: Database, key: str) -> None:
    with unit_of_work(db, "test") as session:
        session.add(Setting(key=key, value="1", description="change-watcher test"))


def add_staff(db: Database, initials: str) -> None:
    with unit_of_work(db, "test") as session:
        session.add(Staff(initials=initials, name="Test Person"))


def test_other_desk_sees_a_committed_change_within_budget(
    desks: tuple[Database, Database], make_watcher: WatcherFactory,
    record_property: Callable[[str, object], None],
) -> None:
    desk_a, desk_b = desks
    budget = LATENCY_BUDGET[desk_b.backend]
    _watcher, seen = make_watcher(desk_b.url.render_as_string(hide_password=False))
    latencies = []
    for n, pause in enumerate((0.0, 0.35, 0.7)):  # vary the phase against the SQLite poll
        time.sleep(pause)
        arrived = seen.expect_change("setting")
        with unit_of_work(desk_a, "test") as session:
            session.add(Setting(key=f"sync_test_{n}", value=str(n)))
            before_commit = time.perf_counter()
        assert arrived.wait(budget), f"no callback within {budget} s: {seen.changes}"
        latencies.append(seen.first_change_with("setting") - before_commit)
        seen.clear()
    record_property("latencies_s", latencies)
    print(f"\n{desk_b.backend} change latency (s): " + ", ".join(f"{x:.3f}" for x in latencies))
    assert max(latencies) < budget


def test_history_before_start_is_not_replayed(
    desks: tuple[Database, Database], make_watcher: WatcherFactory
) -> None:
    desk_a, desk_b = desks
    add_setting(desk_a, "written_before_start")
    _watcher, seen = make_watcher(desk_b.url.render_as_string(hide_password=False),
                                  poll_interval=0.2)
    assert not seen.expect_change("setting").wait(1.0), seen.changes
    arrived = seen.expect_change("staff")
    add_staff(desk_a, "TST")
    assert arrived.wait(LATENCY_BUDGET[desk_b.backend])
    assert seen.all_tables() == {"staff"}


def test_stop_is_prompt_and_idempotent(
    desks: tuple[Database, Database], make_watcher: WatcherFactory
) -> None:
    _desk_a, desk_b = desks
    watcher, _seen = make_watcher(desk_b.url.render_as_string(hide_password=False))
    time.sleep(0.3)  # let it settle into its wait
    started = time.perf_counter()
    watcher.stop()
    assert time.perf_counter() - started < 1.0
    assert not watcher.running
    watcher.stop()  # again: harmless


def test_rolled_back_transaction_is_not_reported(
    desks: tuple[Database, Database], make_watcher: WatcherFactory
) -> None:
    desk_a, desk_b = desks
    _watcher, seen = make_watcher(desk_b.url.render_as_string(hide_password=False),
                                  poll_interval=0.2)
    with pytest.raises(RuntimeError), unit_of_work(desk_a, "test") as session:
        session.add(Setting(key="never_committed", value="1"))
        session.flush()  # change_log rows written and (PostgreSQL) NOTIFY queued
        raise RuntimeError("user pressed cancel")
    assert not seen.expect_change("setting").wait(1.2), seen.changes
    arrived = seen.expect_change("staff")
    add_staff(desk_a, "RBK")
    assert arrived.wait(LATENCY_BUDGET[desk_b.backend])
    assert seen.all_tables() == {"staff"}


def test_fallback_poll_catches_a_change_without_notification(
    desks: tuple[Database, Database], make_watcher: WatcherFactory
) -> None:
    """A change_log row with no NOTIFY (as if the notification were lost) is still reported."""
    desk_a, desk_b = desks
    _watcher, seen = make_watcher(desk_b.url.render_as_string(hide_password=False),
                                  poll_interval=0.3)
    arrived = seen.expect_change("delivery")
    with desk_a.engine.begin() as conn:  # Core insert: bypasses the session flush hook
        conn.execute(insert(ChangeLog).values(at=now_utc(), table_name="delivery",
                                              row_id="1", action="update", user="test"))
    assert arrived.wait(2.0), seen.changes


@pytest.mark.pg
def test_postgres_bursts_are_coalesced(pg_url: str, make_watcher: WatcherFactory) -> None:
    desk_a = open_ward(pg_url)
    try:
        _watcher, seen = make_watcher(pg_url, poll_interval=5.0)
        last = seen.expect_change("staff")
        for n in range(10):
            add_setting(desk_a, f"burst_{n}")
        add_staff(desk_a, "BRS")
        assert last.wait(1.0)
        time.sleep(0.2)
        assert seen.all_tables() == {"setting", "staff"}
        assert len(seen.changes) <= 5, [sorted(t) for _, t in seen.changes]
    finally:
        desk_a.dispose()


@pytest.mark.pg
def test_postgres_reconnects_after_its_connection_is_killed(
    pg_url: str, make_watcher: WatcherFactory
) -> None:
    desk_a = open_ward(pg_url)
    try:
        watcher, seen = make_watcher(pg_url, poll_interval=5.0)
        lost, back = seen.expect_status(False), seen.expect_status(True)
        arrived = seen.expect_change("staff")
        with desk_a.engine.begin() as conn:
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'eward-change-watcher' AND datname = current_database()"
            )).scalar()
        assert killed == 1
        add_staff(desk_a, "MIS")  # most likely while the watcher is blind
        assert lost.wait(2.0), seen.statuses
        assert back.wait(5.0), seen.statuses
        assert arrived.wait(2.0), seen.changes
        assert watcher.healthy
    finally:
        desk_a.dispose()


def test_sqlite_recovers_after_failing_polls_and_reports_the_changes_missed(
    sqlite_url: str, make_watcher: WatcherFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync, "BACKOFF_FIRST_SECONDS", 0.05)
    desk_a = open_ward(sqlite_url)
    try:
        failing = threading.Event()
        failures = 0
        real_max_id = sync.SqliteFeed.max_id

        def flaky_max_id(self: sync.SqliteFeed) -> int:
            nonlocal failures
            if failing.is_set():
                failures += 1
                raise sqlite3.OperationalError("database is locked")
            return real_max_id(self)

        monkeypatch.setattr(sync.SqliteFeed, "max_id", flaky_max_id)
        watcher, seen = make_watcher(sqlite_url, poll_interval=0.1)
        assert [healthy for _, healthy, _ in seen.statuses] == [True]
        lost, back = seen.expect_status(False), seen.expect_status(True)
        arrived = seen.expect_change("setting")

        failing.set()
        assert lost.wait(2.0)
        assert not watcher.healthy
        add_setting(desk_a, "written_while_blind")
        time.sleep(0.5)  # a few more failed attempts, reported only once
        assert not arrived.is_set()
        failing.clear()

        assert back.wait(5.0)
        assert arrived.wait(2.0)
        assert watcher.healthy
        assert failures >= 3
        assert [healthy for _, healthy, _ in seen.statuses] == [True, False, True]
        lost_sentence = seen.statuses[1][2]
        assert "database is locked" in lost_sentence
        assert seen.first_change_with("setting") >= seen.statuses[2][0]
    finally:
        desk_a.dispose()


def test_sqlite_missing_file_is_reported_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync, "BACKOFF_FIRST_SECONDS", 0.05)
    path = tmp_path / "not-there.sqlite"
    seen = Recorder()
    lost = seen.expect_status(False)
    watcher = ChangeWatcher(f"sqlite:///{path}", seen.on_change, on_status=seen.on_status)
    watcher.start()
    try:
        assert lost.wait(2.0)
        assert not watcher.healthy
        assert not path.exists()
    finally:
        started = time.perf_counter()
        watcher.stop()
        assert time.perf_counter() - started < 1.0
    assert len(seen.statuses) == 1  # reported once, however often it retried
