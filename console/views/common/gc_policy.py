"""When Python's garbage collector may pause the window (issue 17).

A full collection walks every object the process tracks and holds the GIL while it does: with a
large census, dispatch plan or the dashboard's matplotlib figures alive, that was 90-270 ms of
frozen window in the middle of a reload, whichever thread happened to trigger it (measured by
``bench/gui_stall.py``'s gc pauses). So the console:

- moves what start-up created out of the collector's sight (``gc.freeze()``), once the window is
  up;
- keeps the automatic young-generation collections (short: they walk only recent objects) but
  stops the automatic *full* collections;
- when no read or write is in flight and enough has been promoted, collects the young and middle
  generations (a few milliseconds) and freezes what survived: the rows on screen are walked by no
  later collection. They are still freed by reference counting when a reload replaces them (rows
  hold no cycles); what a freeze keeps is only cyclic garbage that had reached the oldest
  generation, and that waits for the
- full sweep (unfreeze, full collection, freeze again), at most every ``FULL_SWEEP_S`` and only
  while idle. A full collection walks everything alive: 130-170 ms at 1,000 patients with every
  screen loaded, which until 2026-12-06 ran after nearly every reload (issue 17).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from console.views.common.background import Background
from console.views.common.worker import Worker

NO_AUTOMATIC_FULL = 1_000_000  # generation-2 threshold: never reached by counting
IDLE_CHECK_MS = 2_000
MIN_GEN1_RUNS = 10  # what the default thresholds wait for before a full collection
FULL_SWEEP_S = 600.0  # the one full collection over everything, at most this often


def freeze_startup_objects() -> None:
    """Move what start-up created (modules, Qt wrappers, the first screen) out of the garbage
    collector's sight: a full collection then walks only what the session allocates since."""
    gc.collect()
    gc.freeze()


def nothing_in_flight(worker: Worker) -> Callable[[], bool]:
    """No read or write in flight, no chart being drawn: when a full collection may run."""
    return lambda: worker.is_idle() and Background.all_idle()


class IdleCollector(QObject):
    """Collections only while ``is_idle()`` (no worker job in flight): young generations and a
    freeze, and a full sweep at most every ``full_sweep_s``."""

    def __init__(self, is_idle: Callable[[], bool], parent: QObject | None = None,
                 interval_ms: int = IDLE_CHECK_MS, full_sweep_s: float = FULL_SWEEP_S) -> None:
        super().__init__(parent)
        self._is_idle = is_idle
        self._full_sweep_s = full_sweep_s
        self._last_sweep = time.monotonic()
        self.sweeps = 0
        self._saved = gc.get_threshold()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_idle)
        self._timer.start()

    def collect_if_idle(self) -> bool:
        """Collect now if nothing is loading and enough was promoted since (``gc.freeze`` sets
        the counts back to zero)."""
        if gc.get_count()[2] < MIN_GEN1_RUNS or not self._is_idle():
            return False
        if time.monotonic() - self._last_sweep >= self._full_sweep_s:
            gc.unfreeze()  # the full sweep: everything, frozen or not
            gc.collect(2)
            self._last_sweep = time.monotonic()
            self.sweeps += 1
        else:
            gc.collect(1)
        gc.freeze()
        self.collections += 1
        return True

    def stop(self) -> None:
        """Back to the interpreter's own thresholds (tests, a closed window)."""
        self._timer.stop()
        gc.set_threshold(*self._saved)
