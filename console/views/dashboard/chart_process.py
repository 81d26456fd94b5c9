"""The dashboard's charts drawn in a process of their own, so the window never waits (issue 17).

Drawing on a background *thread* kept the window answering between charts, but not during
them: matplotlib's first import, its font loading and Agg's text drawing run in C while holding
Python's interpreter lock, which the GUI thread needs for every event it handles. Measured with
1,000 patients, the first dashboard froze the window for 0.85-1.0 s and every later redraw for
36-51 ms. So the charts are drawn by one spawned helper process (``ProcessPoolExecutor``, one
worker, started when the dashboard is first built): the screen's background thread hands it the
frozen figures and the panel's size, and waits for the pixels without holding the lock. The
helper is a plain ``QCoreApplication`` with the console's translators installed, so every label
reads as on screen, in the language the console shows.

When the helper cannot be started or dies, the chart is drawn in this process as before (logged
once per failure), so the dashboard never goes blank because of it. The helper is *spawned*
(never forked from a process with Qt threads), which re-imports the main script: every entry
point keeps its work under ``if __name__ == "__main__"`` (``eward``, ``python -m console`` and
the benchmarks do).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pickle import PicklingError
from typing import Any

from console.services.monitoring.dashboard import DashboardFigures
from console.views.dashboard.render import render_chart

log = logging.getLogger(__name__)
RESULT_TIMEOUT_S = 120.0  # a chart takes 0.1-0.5 s; past this the helper is taken as stuck
HELPER_NICENESS = 10  # how far below the console's the helper's priority is

_child_state: dict[str, Any] = {}  # in the helper: its QCoreApplication and language


@dataclass(frozen=True, slots=True)
class ChartPixels:
    """A drawn chart: its RGBA pixels at ``width`` × ``height`` device pixels, and which
    process drew it (``drawn_by``, a process id)."""

    key: str
    option: str
    width: int
    height: int
    rgba: bytes
    drawn_by: int


def _yield_to_the_console() -> None:
    """In the helper: a lower processor priority than the console's (Unix ``nice``), so on a
    busy machine the GUI thread wins the processor. Its start (an interpreter, matplotlib's
    import and fonts: about a second of processor time) ran alongside the dashboard's first
    paint on a two-core machine: the first load's longest GUI-thread gap 74-111 ms, 31-88 ms
    niced (three alternating runs of ``bench/gui_stall.py``, 1,000 patients; issue 17)."""
    if "niced" in _child_state or not hasattr(os, "nice"):  # once; Windows has no nice
        return
    _child_state["niced"] = True
    with contextlib.suppress(OSError):  # refused: the helper keeps the console's priority
        os.nice(HELPER_NICENESS)


def _start_helper() -> None:
    """In the helper, once: a core application, for the translators and the locale."""
    from PySide6.QtCore import QCoreApplication

    _yield_to_the_console()
    _child_state["app"] = QCoreApplication.instance() or QCoreApplication([])


def _draw(language: str, key: str, figures: DashboardFigures, option: str, width: int,
          height: int, pixel_ratio: float) -> ChartPixels:
    if _child_state.get("language") != language:
        from console.views.common.language import install_language

        install_language(language)
        _child_state["language"] = language
    chart = render_chart(key, figures, option, width, height, pixel_ratio)
    return ChartPixels(key, option, chart.width, chart.height, chart.rgba, os.getpid())


class _Helper:
    """The one helper process of this console, started on first use, forgotten when broken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, initializer=_start_helper,
                    mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def forget(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


_HELPER = _Helper()


def start_helper() -> threading.Thread:
    """Start the helper now (the dashboard is being built), so the first chart need not wait
    for its imports; spawning it takes 10-20 ms, done on a thread of its own, not the caller's."""
    thread = threading.Thread(target=lambda: _HELPER.pool().submit(_start_helper),
                              name="chart-helper-start", daemon=True)
    thread.start()
    return thread


def draw_chart(language: str, key: str, figures: DashboardFigures, option: str, width: int,
               height: int, pixel_ratio: float = 1.0) -> ChartPixels:
    """Draw ``key`` in the helper process and wait for its pixels (call from a background
    thread, never the GUI thread); drawn here if the helper is unavailable."""
    try:
        return _HELPER.pool().submit(_draw, language, key, figures, option, width, height,
                                pixel_ratio).result(timeout=RESULT_TIMEOUT_S)
    except (BrokenProcessPool, OSError, PicklingError, TimeoutError, RuntimeError) as exc:
        log.warning("chart helper process unavailable (%s): drawing in the console's process",
                    type(exc).__name__)
        _HELPER.forget()
    chart = render_chart(key, figures, option, width, height, pixel_ratio)
    return ChartPixels(key, option, chart.width, chart.height, chart.rgba, os.getpid())


atexit.register(_HELPER.forget)
