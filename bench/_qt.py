"""Waiting in a benchmark the way the console waits: in Qt's event loop, asleep between events.

A loop of ``processEvents`` returns at once when nothing is queued, so it keeps the GUI thread
on Python's interpreter lock and starves the worker thread it is waiting for (the screenshot
command met this: a 0.4 s chart took 17 s). A person's console never spins like that; its event
loop sleeps in the dispatcher. These helpers run a local ``QEventLoop`` until a condition holds,
polled by a timer, so what a benchmark times is the console's work, not its own spinning.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def run_until(done: Callable[[], bool], timeout_s: float = 60.0, poll_ms: int = 1) -> bool:
    """Run the event loop until ``done()`` (checked every ``poll_ms``) or the timeout; True when
    done."""
    if done():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def run_for(seconds: float) -> None:
    """Let the event loop run (asleep between events) for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    loop.exec()
