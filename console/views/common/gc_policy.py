"""When Python's garbage collector may pause the window (issue 17).

A full collection walks every object the process tracks and holds the GIL while it does: with a
large census, dispatch plan or the dashboard's matplotlib figures alive, that was 90-270 ms of
frozen window in the middle of a reload, whichever thread happened to trigger it (measured by
``bench/gui_stall.py``'s gc pauses). So the console:

- moves what start-up created out of the collector's sight (``gc.freeze()``), once the window is
  up;
- keeps the automatic young-generation collections (short: they walk only recent objects) but
  stops the automatic *full* collections;
- runs the full collection itself, from a timer on the GUI thread, only when no read or write is in
  flight and enough has been promoted since the last one to be worth it. Acyclic garbage is freed
  by reference counting as before; cyclic garbage (figures, ORM graphs) waits for that moment.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from console.views.common.background import Background
from console.views.common.worker import Worker

NO_AUTOMATIC_FULL = 1_000_000  # generation-2 threshold: never reached by counting
IDLE_CHECK_MS = 2_000
MIN_GEN1_RUNS = 10  # what the default thresholds wait for before a full collection


def freeze_startup_objects() -> None:
    """Move what start-up created (modules, Qt wrappers, the first screen) out of the garbage
    collector's sight: a full collection then walks only what the session allocates since."""
    gc.collect()
    gc.freeze()


def nothing_in_flight(worker: Worker) -> Callable[[], bool]:
    """No read or write in flight, no chart being drawn: when a full collection may run."""
    return lambda: worker.is_idle() and Background.all_idle()


class IdleCollector(QObject):
    """Full collections only while ``is_idle()`` (no worker job in flight)."""

    def __init__(self, is_idle: Callable[[], bool], parent: QObject | None = None,
                 interval_ms: int = IDLE_CHECK_MS) -> None:
        super().__init__(parent)
        self._is_idle = is_idle
        self._saved = gc.get_threshold()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_idle)
        self._timer.start()

    def collect_if_idle(self) -> bool:
        """Run a full collection now if nothing is loading and enough was promoted since."""
        if gc.get_count()[2] < MIN_GEN1_RUNS or not self._is_idle():
            return False
        gc.collect(2)
        self.collections += 1
        return True

    def stop(self) -> None:
        """Back to the interpreter's own thresholds (tests, a closed window)."""
        self._timer.stop()
        gc.set_threshold(*self._saved)
