"""Background database operations on a QThreadPool (design rule 1: the GUI thread never waits).

A view hands the worker ONE named service function with plain values, ``call(fn, *values)``
(``console.services.core.operations``), never a lambda that composes services (design rule 0;
``tests/test_architecture.py`` holds every view to it). The worker runs it with the
``Runner`` on a pool thread, in its own unit of work, and delivers the result or the error to
callbacks on the GUI thread.

- ``refresh(key, …)`` is cancel-latest per key: a newer refresh for the same key cancels the
  older one (skipped if it has not started; its result dropped if it has), so a stale result
  never reaches a view (Orange3 ``concurrent.py``). ``on_reads`` hears which tables the load
  read: the screen reloads when one of them changes. ``prepare`` (a plain function of the
  result, holding no Qt object) runs on the pool thread after the load, and its answer is
  what the view gets: a table's row diff is made there, not on the GUI thread (issue 17).
- ``write(…)`` operations run one at a time, in the order given.
- Errors arrive as sentences: ``ServiceError`` as it is (views show ``message_of(exc)``, which
  translates a service's message); a lost connection as ``DatabaseUnavailable`` saying whether
  the write was saved; a bug as ``Unexpected`` with a log reference (``Runner`` decides).
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
from typing import Any

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

from console.services.core import operations
from console.services.core.errors import (
    DatabaseError,
    DatabaseUnavailable,
    ServiceError,
    Unexpected,
)
from console.services.core.operations import Operation, Outcome, Runner
from console.views.common.i18n import translate, translate_service_message

log = logging.getLogger(__name__)
_CTX = "Worker"

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]
ReadsCallback = Callable[[frozenset[str] | None], None]
Preparer = Callable[[Any], Any]

READ_THREADS = 4
HOLD_S = 2.0  # a held read waits at most this long for ``release_reads``
_live_workers: weakref.WeakSet[Worker] = weakref.WeakSet()


@dataclass(eq=False)
class _Task:
    id: int
    operation: Operation
    write: bool
    key: str | None
    on_success: SuccessCallback | None
    on_error: ErrorCallback | None
    owner: QObject | None
    on_reads: ReadsCallback | None = None
    cancelled: threading.Event = field(default_factory=threading.Event)
    report_connection: bool = True  # drive database_unavailable / database_answered
    deadline: float | None = None  # seconds (PostgreSQL); None: the runner's own
    prepare: Preparer | None = None  # on the pool thread, of a load's result (Worker.refresh)
    hold: threading.Event | None = None  # set: the read may start (``Worker.hold_reads``)


class _Job:
    """What a pool thread gets: the operation and how to report, never a callback or widget.

    Python objects dropped last on a pool thread are destroyed there; a widget destroyed off
    the GUI thread crashes Qt. So the pool side holds only the operation, lets go of it before
    reporting (the GUI side's task still holds it), and sends back errors without tracebacks.
    """

    def __init__(self, report: SignalInstance, runner: Runner, task: _Task) -> None:
        self._report: SignalInstance | None = report
        self._runner = runner
        self._task_id = task.id
        self._write = task.write
        self._deadline = task.deadline
        self._cancelled = task.cancelled
        self._hold = task.hold
        self._operation: Operation | None = task.operation
        self._prepare = task.prepare

    def run(self) -> None:
        if self._hold is not None:
            self._hold.wait(HOLD_S)  # without the GIL: the first screen's load has it
        operation, self._operation = self._operation, None
        prepare, self._prepare = self._prepare, None
        outcome: Outcome[Any] | None = None
        error: Exception | None = None
        if operation is not None and not self._cancelled.is_set():
            try:
                outcome = self._runner.run(operation, write=self._write,
                                           deadline=self._deadline)
            except Exception as exc:  # the runner already made it a sentence
                error = _in_words(exc).with_traceback(None)
                error.__context__ = error.__cause__ = None
        if outcome is not None and prepare is not None and not self._cancelled.is_set():
            outcome = _prepared(outcome, prepare)
        del operation, prepare
        report, self._report = self._report, None
        if report is not None:
            report.emit(self._task_id, outcome, error)


def _prepared(outcome: Outcome[Any], prepare: Preparer) -> Outcome[Any]:
    """The outcome with ``prepare``'s answer as its value; as it was when ``prepare`` fails
    (the view then does on the GUI thread what ``prepare`` would have done)."""
    try:
        return Outcome(prepare(outcome.value), outcome.reads)
    except Exception:
        log.exception("preparing a load's result off the GUI thread failed")
        return outcome


def _in_words(exc: Exception) -> Exception:
    """A lost connection said in the console's language, with what it means for the save."""
    if not isinstance(exc, DatabaseUnavailable) or exc.save_state is None:
        return exc
    detail = str(exc)
    if exc.save_state == operations.UNKNOWN:
        text = translate(
            _CTX, "The database stopped answering while saving ({detail}): the console "
            "cannot tell whether the change was saved. What you typed is kept; when the "
            "console is back online, check the record before saving again.", detail=detail)
    elif exc.save_state == operations.NOT_SAVED:
        text = translate(
            _CTX, "Not saved: the database did not answer ({detail}). Nothing was changed "
            "and what you typed is kept; save again when the console is back online.",
            detail=detail)
    else:
        text = translate(
            _CTX, "The database did not answer ({detail}); the console keeps retrying.",
            detail=detail)
    return DatabaseUnavailable(text, save_state=exc.save_state)


class Worker(QObject):
    """Runs database operations off the GUI thread for one database and acting user."""

    # The number of operations in flight (0: idle).
    pending_changed = Signal(int)
    database_unavailable = Signal(str)  # a DatabaseError message: the connection indicator
    database_answered = Signal()  # an operation reached the database and came back

    _task_finished = Signal(int, object, object)  # task id, result, error (pool → GUI thread)

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(READ_THREADS)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # writes are serialised, first come first served
        self._ids = itertools.count(1)
        self._pending: dict[int, _Task] = {}
        self._latest: dict[str, _Task] = {}
        self._closed = False
        self._hold: threading.Event | None = None
        self._task_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        _live_workers.add(self)

    # -- submitting ----------------------------------------------------------------------------

    def refresh(self, key: str, fn: Operation, on_success: SuccessCallback,
                on_error: ErrorCallback | None = None, *, owner: QObject | None = None,
                on_reads: ReadsCallback | None = None, write: bool = False,
                prepare: Preparer | None = None) -> int:
        """Load for a view; a newer refresh with the same key supersedes this one.

        ``on_reads`` hears, before ``on_success``, which tables the load read (None: unknown).
        ``on_success`` gets ``prepare(result)`` when ``prepare`` is given (run on the pool
        thread: plain Python over the result and plain values, never a Qt object).
        ``write=True`` for a load that may write (the day's rounds are generated as they are
        listed): it runs with the writes, and a superseded one's result is dropped.
        A refresh after ``shutdown`` is dropped (0): a screen's timer may still fire while
        its window closes, and there is no one left to show the result to.
        """
        if self._closed:
            return 0
        previous = self._latest.get(key)
        if previous is not None:
            previous.cancelled.set()
        task = self._submit(fn, on_success, on_error, owner, write=write, key=key,
                            prepare=prepare)
        task.on_reads = on_reads
        self._latest[key] = task
        return task.id

    def read(self, fn: Operation, on_success: SuccessCallback,
             on_error: ErrorCallback | None = None, *, owner: QObject | None = None,
             report_connection: bool = True, deadline: float | None = None) -> int:
        """A one-off read. ``report_connection=False`` keeps its outcome out of the connection
        signals (the reconnect probe reports for itself); ``deadline`` (seconds) replaces the
        runner's (the heartbeat's ping has a short one)."""
        task = self._submit(fn, on_success, on_error, owner, write=False, key=None,
                            report_connection=report_connection, deadline=deadline)
        return task.id

    def write(self, fn: Operation, on_success: SuccessCallback,
              on_error: ErrorCallback | None = None, *, owner: QObject | None = None) -> int:
        """One unit of work (committed as a whole); writes run one at a time, in order."""
        return self._submit(fn, on_success, on_error, owner, write=True, key=None).id

    def cancel(self, key: str) -> None:
        task = self._latest.pop(key, None)
        if task is not None:
            task.cancelled.set()

    def hold_reads(self) -> None:
        """Reads submitted from now on wait on their pool thread until ``release_reads()``
        (or ``HOLD_S``), still counted as pending: the first screen's load and paint have the
        GIL to themselves (issue 17: the status bar's first counts had been taking it)."""
        if self._hold is None:
            self._hold = threading.Event()

    def release_reads(self) -> None:
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.set()

    def _submit(self, fn: Operation, on_success: SuccessCallback | None,
                on_error: ErrorCallback | None, owner: QObject | None, *, write: bool,
                key: str | None, report_connection: bool = True,
                deadline: float | None = None, prepare: Preparer | None = None) -> _Task:
        if self._closed:
            raise RuntimeError("the worker has been shut down")
        task = _Task(next(self._ids), fn, write, key, on_success, on_error, owner,
                     report_connection=report_connection, deadline=deadline, prepare=prepare,
                     hold=None if write else self._hold)
        self._pending[task.id] = task
        (self._writes if write else self._reads).start(
            _Job(self._task_finished, self.runner, task).run)
        self.pending_changed.emit(len(self._pending))
        return task

    # -- delivering (GUI thread) ---------------------------------------------------------------

    def _deliver(self, task_id: int, outcome: object, error: object) -> None:
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
                    self._call_back(task, outcome, error)
        finally:
            self.pending_changed.emit(len(self._pending))

    def _report_connection(self, error: object) -> None:
        if isinstance(error, DatabaseError):
            self.database_unavailable.emit(str(error))
        elif not isinstance(error, Unexpected):
            self.database_answered.emit()

    @staticmethod
    def _call_back(task: _Task, outcome: object, error: object) -> None:
        if error is None:
            assert isinstance(outcome, Outcome)
            if task.on_reads is not None:
                task.on_reads(outcome.reads)
            if task.on_success is not None:
                task.on_success(outcome.value)
        elif task.on_error is not None:
            assert isinstance(error, Exception)
            task.on_error(error)
        else:
            # the kind of failure only: a refusal's sentence may name a patient (not for a log)
            log.warning("background operation failed with nobody to tell: %s %s",
                        type(error).__name__, getattr(error, "rule_id", ""))

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
        """Block until every operation ran and its outcome was delivered (or dropped); held
        reads are let go."""
        self.release_reads()
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
