"""Work that is heavy but touches no database, off the GUI thread: the dashboard's charts.

The worker (``worker.py``) runs service calls with a session; this runs plain functions of plain
values (a chart drawn with matplotlib's Agg backend from frozen figures) on one thread of its
own, so rendering never queues behind a database read nor freezes the window (issue 17). The
same rules as the worker: a newer job with the same key supersedes the older one (its result is
dropped), results come back on the GUI thread, and a receiver that has been deleted is not
called. Nothing Qt-widget-like may be created in a job: matplotlib's Agg canvas is pure Python
and C++ buffers, safe on any thread when each figure is used by one thread at a time.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Job:
    id: int
    key: str
    on_done: Callable[[Any], None]
    owner: QObject | None
    cancelled: threading.Event = field(default_factory=threading.Event)


class Background(QObject):
    """One background thread for CPU work, cancel-latest by key."""

    _finished = Signal(int, object)  # job id, result (None when the job failed)
    _every: ClassVar[weakref.WeakSet[Background]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        Background._every.add(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Job] = {}
        self._latest: dict[str, _Job] = {}
        self._finished.connect(self._deliver)

    def submit(self, key: str, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None], owner: QObject | None = None) -> None:
        """Run ``fn(*args)`` on the background thread; ``on_done(result)`` on the GUI thread."""
        previous = self._latest.get(key)
        if previous is not None:
            previous.cancelled.set()
        job = _Job(next(self._ids), key, on_done, owner)
        self._pending[job.id] = job
        self._latest[key] = job
        report, cancelled, job_id = self._finished, job.cancelled, job.id  # never the job: it
        # holds the receiver, which must not be let go of on the pool thread

        def run() -> None:
            result = None
            if not cancelled.is_set():
                try:
                    result = fn(*args)
                except Exception:  # a chart that cannot be drawn stays blank; never a crash
                    log.exception("background job %s failed", key)
            with contextlib.suppress(RuntimeError):  # its screen closed meanwhile: drop it
                report.emit(job_id, result)

        self._pool.start(run)

    def _deliver(self, job_id: int, result: object) -> None:
        job = self._pending.pop(job_id, None)
        if job is None:
            return
        if self._latest.get(job.key) is job:
            del self._latest[job.key]
        if job.cancelled.is_set() or result is None:
            return
        if job.owner is None or shiboken6.isValid(job.owner):
            job.on_done(result)

    def is_idle(self) -> bool:
        return not self._pending

    @classmethod
    def all_idle(cls) -> bool:
        """No background thread of any screen has work (the idle garbage collection waits)."""
        return all(each.is_idle() for each in list(cls._every))

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the thread has finished its jobs (shutdown, tests); results still arrive
        through the event loop."""
        return self._pool.waitForDone(timeout_ms)
