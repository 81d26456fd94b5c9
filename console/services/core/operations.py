"""Run one service function as one unit of work: what a screen's background operation is.

A view never opens a session, composes services or touches the ORM (design rule 0): it hands
the worker ONE named service function with plain values, ``call(service_fn, *values)``, and the
worker runs it with ``Runner.run`` on a pool thread. The runner
- opens the unit of work (``read_only`` or ``unit_of_work``: one transaction, committed as a
  whole),
- records which tables the call read (``reads.tracking``), so the screen reloads exactly when
  one of them changes on any desk (issue 13),
- and turns every failure into an error a person can be shown: a ``ServiceError`` passes as it
  is; a lost connection becomes ``DatabaseUnavailable`` saying whether anything was saved; a
  refusal by PostgreSQL's grants becomes ``Forbidden``; a unique key taken meanwhile or a
  serialisation failure becomes ``Conflict``; anything else becomes ``Unexpected`` with a
  reference to a log entry that names no patient.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from console import db_deadline
from console.db import Database
from console.redact import redacted, where_it_broke
from console.services.core import reads
from console.services.core.errors import (
    Conflict,
    DatabaseError,
    DatabaseUnavailable,
    Forbidden,
    ServiceError,
    Unexpected,
    database_refusal,
)
from console.services.core.uow import read_only, unit_of_work

log = logging.getLogger(__name__)

T = TypeVar("T")
Operation = Callable[[Session], Any]

READ = "read"  # DatabaseUnavailable.save_state: a read, nothing to save
NOT_SAVED = "not_saved"  # lost before COMMIT: the transaction died with the connection
UNKNOWN = "unknown"  # lost during COMMIT: nobody can tell
OPERATION_DEADLINE_SECONDS = 30.0  # a screen's operation on PostgreSQL; a ping has less


@dataclass(frozen=True)
class ServiceCall:
    """One named service function and the plain values it is called with."""

    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, session: Session) -> Any:
        return self.fn(session, *self.args, **self.kwargs)

    @property
    def name(self) -> str:
        return f"{self.fn.__module__}.{getattr(self.fn, '__qualname__', repr(self.fn))}"


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> ServiceCall:
    """``call(rounds.sign_round, round_id, version=3)``: what a view hands the worker."""
    return ServiceCall(fn, args, kwargs)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    reads: frozenset[str] | None  # the tables the call read; None when it could not be told


class Runner:
    """Runs operations for one database and one acting person (the worker's back end).

    On PostgreSQL every operation has a client-side deadline (``deadline_seconds``, or what the
    caller gives): past it, the connection is cut and the operation fails as a lost connection
    (``console.db_deadline``), so a partitioned network shows as an outage, never a spinner.
    """

    def __init__(self, database: Database, user: str | None, *,
                 deadline_seconds: float = OPERATION_DEADLINE_SECONDS) -> None:
        self.database = database
        self.user = user
        self.deadline_seconds = deadline_seconds
        reads.install(database.engine)

    @property
    def backend(self) -> str:
        return self.database.backend

    def describe(self) -> str:
        """``SQLite · /path/file`` or ``PostgreSQL · host/db`` (never a password)."""
        url = self.database.url
        if self.database.backend == "sqlite":
            return f"SQLite · {url.database or ':memory:'}"
        host = url.host or "localhost"
        if url.port:
            host = f"{host}:{url.port}"
        return f"PostgreSQL · {host}/{url.database or ''}"

    def run(self, operation: Operation, *, write: bool = False,
            deadline: float | None = None) -> Outcome[Any]:
        """``operation(session)`` in its own unit of work; see the module docstring."""
        committing = False
        seconds = (deadline or self.deadline_seconds) if self.backend == "postgresql" else None
        with db_deadline.scope(seconds) as scope:
            try:
                with reads.tracking() as tracked:
                    if write:
                        with unit_of_work(self.database, self.user) as session:
                            value = operation(session)
                            committing = True  # leaving the block commits
                    else:
                        with read_only(self.database, self.user) as session:
                            value = operation(session)
                return Outcome(value, tracked.result())
            except Exception as exc:
                if (scope is not None and scope.expired) or _deadline_exceeded(exc):
                    state = (UNKNOWN if committing else NOT_SAVED) if write else READ
                    raise DatabaseUnavailable(f"no answer within {seconds:g} s",
                                              save_state=state) from None
                raise explain(exc, write=write, committing=committing) from None


def _deadline_exceeded(exc: BaseException) -> bool:
    return isinstance(exc, db_deadline.DeadlineExceeded) or isinstance(
        getattr(exc, "orig", None), db_deadline.DeadlineExceeded)


def explain(exc: Exception, *, write: bool = False, committing: bool = False) -> Exception:
    """The error a person may be shown for ``exc``: one sentence, no traceback, no CPR."""
    if isinstance(exc, ServiceError | DatabaseError):
        return exc
    if isinstance(exc, DBAPIError) and _lost_connection(exc):
        state = (UNKNOWN if committing else NOT_SAVED) if write else READ
        return DatabaseUnavailable(_first_line(exc), save_state=state)
    refused = database_refusal(exc)
    if refused is not None:
        return Forbidden(refused, None)
    if somebody_was_first(exc):
        return Conflict("record", None, None)
    reference = uuid.uuid4().hex[:8]
    log.error("unexpected error, reference %s: %s", reference, where_it_broke(exc))
    return Unexpected(type(exc).__name__, reference)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).strip()
    return redacted(text.splitlines()[0] if text else type(exc).__name__).rstrip(" .")


def _sqlstate(exc: Exception) -> str | None:
    value = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return value if isinstance(value, str) else None


def _lost_connection(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    state = _sqlstate(exc)
    # No SQLSTATE: SQLite (busy beyond its timeout, file gone), or the socket died before the
    # server could say anything.
    return state is None or state.startswith(("08", "57P"))  # connection exception, admin shutdown


def somebody_was_first(exc: Exception) -> bool:
    """A unique key taken meanwhile, or a serialisation failure or deadlock."""
    if isinstance(exc, IntegrityError):
        return _sqlstate(exc) == "23505" or "UNIQUE constraint failed" in str(exc.orig)
    return _sqlstate(exc) in ("40001", "40P01")
