"""Render one screen to PNG offscreen (``eward screenshot``): docs, reviews and tests."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QTableView

from console.app import create_main_window, default_user, ensure_application
from console.private_files import make_private
from console.services.core.errors import InvalidInput, NotFound
from console.services.core.ward import open_ward
from console.views.common.language import install_language
from console.views.main_window import MainWindow
from console.views.registry import DIALOGS, SCREEN_KEYS
from console.views.screenshot_dialogs import render_dialog

log = logging.getLogger(__name__)

LOAD_TIMEOUT_MS = 20_000


def wait_until_idle(window: MainWindow, timeout_ms: int = LOAD_TIMEOUT_MS) -> bool:
    """Process events until every background load of the window, and every chart drawn in the
    background (``Background``, after a settled resize), has been delivered, and every shown
    table's columns are sized (``fit_to_content_in_turns`` holds its paint until then: on a
    busy machine the 200 ms settle below was not always enough, and a picture or the fit test
    caught a column at Qt's default width)."""
    from PySide6.QtWidgets import QTableView

    from console.views.common.background import Background

    clock = QElapsedTimer()
    clock.start()
    worker = window.context.worker

    def busy() -> bool:
        return not worker.is_idle() or any(
            not b.is_idle() for b in window.findChildren(Background)) or any(
            t.isVisible() and not t.viewport().updatesEnabled()
            for t in window.findChildren(QTableView))

    for _ in range(2):  # a chart asks to be drawn once its size has settled
        while busy():
            if clock.hasExpired(timeout_ms):
                return False
            run_events_for(20)
        run_events_for(200)  # let layouts, paints and resize timers settle
    return True


def run_events_for(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds, asleep in the dispatcher between events.

    Never a ``processEvents`` spin: it returns at once when nothing is queued, so a loop of it
    keeps the GUI thread on the interpreter lock and starves the chart thread (a 0.4 s chart
    took 17 s under such a loop)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages into the log, without the offscreen plugin's harmless complaint that it
    cannot size a window to its hints (printed once per window otherwise)."""
    if message in _OFFSCREEN_NOISE:
        return
    level = logging.DEBUG if mode == QtMsgType.QtDebugMsg else logging.WARNING
    log.log(level, "Qt: %s", message)


def render_screen(view: str, out: Path, *, database_url: str, user: str | None,
                  day: date | None, size: tuple[int, int], admission_id: int | None = None,
                  select_first: bool = False) -> None:
    if view not in SCREEN_KEYS and view not in DIALOGS:
        raise InvalidInput("view", f"Unknown screen '{view}': choose one of "
                           f"{', '.join((*SCREEN_KEYS, *DIALOGS))}.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    ensure_application()
    install_language()  # EWARD_LANGUAGE=da for the Danish pictures
    db = open_ward(database_url)  # a DatabaseError propagates: the CLI prints it
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # A fresh settings file: the picture never depends on someone's saved columns.
            settings = QSettings(str(Path(tmp) / "screenshot.ini"), QSettings.Format.IniFormat)
            window = create_main_window(db, user or default_user(db), settings, day=day)
            try:
                window.resize(*size)
                window.show()
                if view in DIALOGS:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    wait_until_idle(window)
                    render_dialog(view, window, window.context, out, wait_until_idle)
                    make_private(out)
                    return
                if admission_id is not None:
                    window.show_patient(admission_id)
                window.show_screen(view)
                if not wait_until_idle(window):
                    log.warning("screenshot: the %s screen was still loading after %d ms",
                                view, LOAD_TIMEOUT_MS)
                if admission_id is not None and (window.patient.record is None or
                                                 window.patient.record.admission_id
                                                 != admission_id):
                    raise NotFound("admission", admission_id)  # no picture of an error
                table = getattr(window.current_screen(), "table", None)
                if select_first and isinstance(table, QTableView) and table.model().rowCount():
                    table.setCurrentIndex(table.model().index(0, 0))
                    wait_until_idle(window)
                out.parent.mkdir(parents=True, exist_ok=True)
                if not window.grab().save(str(out), "PNG"):
                    raise OSError(f"Could not write the screenshot to {out}.")
                make_private(out)  # a screen shows names and CPR numbers
            finally:
                window.context.worker.shutdown()
                window.close()
                window.deleteLater()
                QCoreApplication.processEvents()
    finally:
        db.dispose()
