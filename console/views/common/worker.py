"""Background database operations on a QThreadPool (design rule 1: the GUI thread never waits).

An operation is ``fn(session) -> result``; the worker opens a fresh session for it on a pool
thread (``read_only`` for reads and refreshes, ``unit_of_work`` for writes), closes it there, and
delivers the result or the error to callbacks on the GUI thread.

- ``refresh(key, …)`` is cancel-latest per key: a newer refresh for the same key cancels the
  older one (skipped if it has not started; its result dropped if it has), so a stale result
  never reaches a view (Orange3 ``concurrent.py``).
- ``write(…)`` operations run one at a time, in the order given.
- ``ServiceError`` and ``DatabaseError`` arrive as the exception itself (views show
  ``message_of(exc)``, which translates a service's message); SQLAlchemy connection failures
  become ``DatabaseUnavailable``; anything else is logged with its traceback and delivered as
  ``OperationFailed`` with one plain sentence.
  A write that loses the connection says "Not saved" (the failure came before COMMIT) or that
  nobody can tell (it came during COMMIT); ``offline.ReconnectProbe`` does the retrying.
- ``wait_for_idle()`` blocks until every operation has finished and its result was delivered;
  ``shutdown()`` drops further results (main window ``closeEvent``).
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from console.db import DatabaseError, DatabaseUnavailable
from console.services.core.errors import Forbidden, ServiceError, database_refusal
from console.services.core.uow import read_only, unit_of_work
from console.views.common.i18n import translate, translate_service_message

if TYPE_CHECKING:
    from console.db import Database

log = logging.getLogger(__name__)
_CTX = "Worker"

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]

READ_THREADS = 4
_live_workers: weakref.WeakSet[Worker] = weakref.WeakSet()


class OperationFailed(ServiceError):
    """Something unexpected broke inside an operation; the details are in the log."""

    code = "UNEXPECTED"


@dataclass(eq=False)
class _Task:
    id: int
    fn: Callable[[Session], Any]
    write: bool
    key: str | None
    on_success: SuccessCallback | None
    on_error: ErrorCallback | None
    owner: QObject | None
    cancelled: threading.Event = field(default_factory=threading.Event)
    report_connection: bool = True  # drive database_unavailable / database_answered


class _Job:
    """What a pool thread gets: the operation and how to report, never a callback or widget.

    Python objects dropped last on a pool thread are destroyed there; a widget destroyed off
    the GUI thread crashes Qt. So the pool side holds only the operation, lets go of it before
    reporting (the GUI side's task still holds it), and sends back errors without tracebacks.
    """

    def __init__(self, report: SignalInstance, db: Database, user: str | None,
                 task: _Task) -> None:
        self._report: SignalInstance | None = report
        self._db = db
        self._user = user
        self._task_id = task.id
        self._write = task.write
        self._cancelled = task.cancelled
        self._fn: Callable[[Session], Any] | None = task.fn

    def run(self) -> None:
        fn, self._fn = self._fn, None
        result: Any = None
        error: Exception | None = None
        if fn is not None and not self._cancelled.is_set():
            committing = [False]  # set once fn has returned: a failure now is in COMMIT
            try:
                result = self._call_in_session(fn, committing)
            except Exception as exc:
                error = _explain(exc, write=self._write,
                                 committing=committing[0]).with_traceback(None)
                error.__context__ = error.__cause__ = None
        del fn
        report, self._report = self._report, None
        if report is not None:
            report.emit(self._task_id, result, error)

    def _call_in_session(self, fn: Callable[[Session], Any], committing: list[bool]) -> Any:
        if self._write:
            with unit_of_work(self._db, self._user) as session:
                result = fn(session)
                committing[0] = True  # leaving the block commits
                return result
        with read_only(self._db, self._user) as session:
            return fn(session)


def _explain(exc: Exception, *, write: bool = False, committing: bool = False) -> Exception:
    """The exception a view may show as it is: one sentence, no traceback.

    A write that loses the database says whether it was saved: before COMMIT nothing was
    (the transaction died with the connection); during COMMIT nobody can tell, so the person
    is asked to check before saving again.
    """
    if isinstance(exc, ServiceError | DatabaseError):
        return exc
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or _is_connection_error(exc)):
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
        detail = detail.rstrip(" .")
        if write and committing:
            return DatabaseUnavailable(translate(
                _CTX, "The database stopped answering while saving ({detail}): the console "
                "cannot tell whether the change was saved. What you typed is kept; when the "
                "console is back online, check the record before saving again.", detail=detail))
        if write:
            return DatabaseUnavailable(translate(
                _CTX, "Not saved: the database did not answer ({detail}). Nothing was changed "
                "and what you typed is kept; save again when the console is back online.",
                detail=detail))
        return DatabaseUnavailable(translate(
            _CTX, "The database did not answer ({detail}); the console keeps retrying.",
            detail=detail))
    refused = database_refusal(exc)
    if refused is not None:  # PostgreSQL's grants said no (issue 8): say so, plainly
        return Forbidden(refused, None)
    log.error("unexpected error in a background operation", exc_info=exc)
    return OperationFailed(translate(
        _CTX, "Something unexpected went wrong ({kind}); the details are in the log.",
        kind=type(exc).__name__))


def _is_connection_error(exc: DBAPIError) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)


class Worker(QObject):
    """Runs database operations off the GUI thread for one database and acting user."""

    # The number of operations in flight (0: idle).
    pending_changed = Signal(int)
    database_unavailable = Signal(str)  # a DatabaseError message: the connection indicator
    database_answered = Signal()  # an operation reached the database and came back

    _task_finished = Signal(int, object, object)  # task id, result, error (pool → GUI thread)

    def __init__(self, database: Database, user: str | None, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.database = database
        self.user = user
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(READ_THREADS)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # writes are serialised, first come first served
        self._ids = itertools.count(1)
        self._pending: dict[int, _Task] = {}
        self._latest: dict[str, _Task] = {}
        self._closed = False
        self._task_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        _live_workers.add(self)

    # -- submitting ----------------------------------------------------------------------------

    def refresh(self, key: str, fn: Callable[[Session], Any], on_success: SuccessCallback,
                on_error: ErrorCallback | None = None, *, owner: QObject | None = None) -> int:
        """Read for a view; a newer refresh with the same key supersedes this one."""
        previous = self._latest.get(key)
        if previous is not None:
            previous.cancelled.set()
        task = self._submit(fn, on_success, on_error, owner, write=False, key=key)
        self._latest[key] = task
        return task.id

    def read(self, fn: Callable[[Session], Any], on_success: SuccessCallback,
             on_error: ErrorCallback | None = None, *, owner: QObject | None = None,
             report_connection: bool = True) -> int:
        """A one-off read. ``report_connection=False`` keeps its outcome out of the connection
        signals (the reconnect probe reports for itself)."""
        task = self._submit(fn, on_success, on_error, owner, write=False, key=None,
                            report_connection=report_connection)
        return task.id

    def write(self, fn: Callable[[Session], Any], on_success: SuccessCallback,
              on_error: ErrorCallback | None = None, *, owner: QObject | None = None) -> int:
        """One unit of work (committed as a whole); writes run one at a time, in order."""
        return self._submit(fn, on_success, on_error, owner, write=True, key=None).id

    def cancel(self, key: str) -> None:
        task = self._latest.pop(key, None)
        if task is not None:
            task.cancelled.set()

    def _submit(self, fn: Callable[[Session], Any], on_success: SuccessCallback | None,
                on_error: ErrorCallback | None, owner: QObject | None, *, write: bool,
                key: str | None, report_connection: bool = True) -> _Task:
        if self._closed:
            raise RuntimeError("the worker has been shut down")
        task = _Task(next(self._ids), fn, write, key, on_success, on_error, owner,
                     report_connection=report_connection)
        self._pending[task.id] = task
        (self._writes if write else self._reads).start(
            _Job(self._task_finished, self.database, self.user, task).run)
        self.pending_changed.emit(len(self._pending))
        return task

    # -- delivering (GUI thread) ---------------------------------------------------------------

    def _deliver(self, task_id: int, result: object, error: object) -> None:
        task = self._pending.pop(task_id, None)
        if task is None:
            return
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        try:
            if not self._closed and not task.cancelled.is_set():
                if task.report_connection:
                    self._report_connection(error)
                if task.owner is None or shiboken6.isValid(task.owner):
                    self._call_back(task, result, error)
        finally:
            self.pending_changed.emit(len(self._pending))

    def _report_connection(self, error: object) -> None:
        if isinstance(error, DatabaseError):
            self.database_unavailable.emit(str(error))
        elif not isinstance(error, OperationFailed):
            self.database_answered.emit()

    @staticmethod
    def _call_back(task: _Task, result: object, error: object) -> None:
        if error is None:
            if task.on_success is not None:
                task.on_success(result)
        elif task.on_error is not None:
            assert isinstance(error, Exception)
            task.on_error(error)
        else:
            log.warning("background operation failed with nobody to tell: %s", error)

    # -- waiting -------------------------------------------------------------------------------

    @property
    def active_count(self) -> int:
        """Operations submitted whose outcome has not been delivered yet."""
        return len(self._pending)

    def is_idle(self) -> bool:
        return not self._pending

    @property
    def is_shut_down(self) -> bool:
        """``shutdown()`` was called: new operations are refused."""
        return self._closed

    def threads_running(self) -> int:
        return self._reads.activeThreadCount() + self._writes.activeThreadCount()

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every operation ran and its outcome was delivered (or dropped)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending:
            if deadline.hasExpired():
                return False
            self._reads.waitForDone(min(50, max(1, deadline.remainingTime())))
            self._writes.waitForDone(min(50, max(1, deadline.remainingTime())))
            QCoreApplication.sendPostedEvents(None, 0)
        return True

    def wait_for_threads(self, timeout_ms: int = 5_000) -> bool:
        """Block until the pool threads are back (after the last result was delivered)."""
        return self._reads.waitForDone(timeout_ms) and self._writes.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop taking work, cancel refreshes, wait for what runs; results are dropped."""
        self._closed = True
        for task in self._pending.values():
            if task.key is not None:
                task.cancelled.set()
        return self.wait_for_idle(timeout_ms) and self.wait_for_threads(timeout_ms)


def message_of(error: Exception) -> str:
    """The sentence to show a person for an error delivered by the worker, in the console's
    language (a service's English message is translated by its template)."""
    return translate_service_message(error.message) if isinstance(error, ServiceError) \
        else str(error)


def live_workers() -> list[Worker]:
    """Workers still alive (the tests' leak check)."""
    return [w for w in _live_workers if shiboken6.isValid(w)]
