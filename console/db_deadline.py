"""Client-side deadlines on PostgreSQL operations: a partition is an outage (issue 21).

When the network between a desk and the server goes silent (a partition, not a server stop),
nothing tells the client: no reset arrives, TCP keepalives only probe idle connections, and a
statement sent may wait for an answer for as long as the operating system keeps the connection.
So the console gives every operation it runs for a screen a deadline (``scope``): a watchdog
thread shuts down the socket of any connection the operation holds once the deadline passes,
and the blocked call fails at once with a lost connection, which the runner reports as
"Not saved: the database did not answer within N s" (or "cannot tell" during COMMIT).

The engine no longer pings on checkout by itself (SQLAlchemy's ``pool_pre_ping`` runs before
any checkout hook, so its ping could hang without a deadline): ``instrument`` arms the deadline
first and then pings, and a connection that fails the ping is replaced, as with pre-ping.
Outside a scope (the command line) there is no deadline; the server's ``statement_timeout``
and TCP keepalives (``console.db``) still apply.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

_local = threading.local()


class DeadlineExceeded(Exception):
    """The operation's deadline passed before it could get a connection."""


@dataclass(eq=False)
class Scope:
    seconds: float
    ends: float = field(init=False)
    expired: bool = False

    def __post_init__(self) -> None:
        self.ends = time.monotonic() + self.seconds


class _Watchdog:
    """One thread: shuts down the socket of every armed connection past its scope's end."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._armed: dict[int, tuple[int, Scope]] = {}  # id(dbapi connection) → (fd, scope)
        self._thread: threading.Thread | None = None

    def arm(self, key: int, fd: int, scope: Scope) -> None:
        with self._cond:
            self._armed[key] = (fd, scope)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="eward-db-deadline",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()

    def disarm(self, key: int) -> None:
        with self._cond:
            self._armed.pop(key, None)

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                for key, (fd, scope) in list(self._armed.items()):
                    if scope.ends <= now:
                        del self._armed[key]
                        scope.expired = True
                        _shut_down(fd)
                wait = min((s.ends for _fd, s in self._armed.values()), default=now + 60) - now
                self._cond.wait(max(0.05, min(wait, 60.0)))


def _shut_down(fd: int) -> None:
    """Make every call blocked on the socket return at once (the connection is lost)."""
    with contextlib.suppress(OSError):
        sock = socket.socket(fileno=os.dup(fd))
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()


_WATCHDOG = _Watchdog()


@contextlib.contextmanager
def scope(seconds: float | None) -> Iterator[Scope | None]:
    """Every PostgreSQL connection this thread uses inside the block shares one deadline."""
    if seconds is None:
        yield None
        return
    previous = getattr(_local, "scope", None)
    current = Scope(seconds)
    _local.scope = current
    try:
        yield current
    finally:
        _local.scope = previous


def _fd(dbapi_connection: Any) -> int | None:
    try:
        return int(dbapi_connection.pgconn.socket)
    except Exception:  # closed, or not psycopg
        return None


def instrument(engine: Engine) -> None:
    """Arm the deadline on checkout, then ping (replacing a dead connection); disarm on
    checkin. For a PostgreSQL engine created with ``pool_pre_ping=False``."""

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        current: Scope | None = getattr(_local, "scope", None)
        key = id(dbapi_connection)
        if current is not None:
            if current.expired or current.ends <= time.monotonic():
                raise DeadlineExceeded(f"no connection within {current.seconds:g} s")
            fd = _fd(dbapi_connection)
            if fd is not None:
                _WATCHDOG.arm(key, fd, current)
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            dbapi_connection.rollback()
        except Exception as exc:
            _WATCHDOG.disarm(key)
            if current is not None and current.expired:
                raise DeadlineExceeded(f"no answer within {current.seconds:g} s") from None
            raise DisconnectionError("the pooled connection did not answer") from exc

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_connection: Any, _record: Any) -> None:
        _WATCHDOG.disarm(id(dbapi_connection))

    @event.listens_for(engine, "invalidate")
    def _invalidated(dbapi_connection: Any, _record: Any, _exc: Any) -> None:
        _WATCHDOG.disarm(id(dbapi_connection))
