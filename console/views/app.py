"""Start the GUI: open the database (a clear message, never a traceback), show the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from console.db import Database, DatabaseError, open_database
from console.services.staff import list_staff
from console.services.uow import read_only
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.main_window import MainWindow

log = logging.getLogger(__name__)

ORGANISATION = "eWard"
APPLICATION = "Console"
DEFAULT_USER = "demo"


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app


def user_settings() -> QSettings:
    """Per-user window and column state (never in the shared database)."""
    return QSettings(ORGANISATION, APPLICATION)


def default_user(db: Database) -> str:
    """The first active staff member, else "demo".

    A sign-in dialog replaces this in a later issue. It runs once at start, before any window
    exists, so it does not freeze a visible screen.
    """
    with read_only(db) as session:
        staff = [s for s in list_staff(session) if s.active]
    return staff[0].initials if staff else DEFAULT_USER


def create_main_window(db: Database, user: str, settings: QSettings, *,
                       day: date | None = None,
                       changes: ChangeBridge | None = None) -> MainWindow:
    """Build the worker, the change bridge and the window for one database and user."""
    worker = Worker(db, user)
    changes = changes or ChangeBridge()
    context = ScreenContext(database=db, user=user, worker=worker, changes=changes,
                            settings=settings)
    window = MainWindow(context, day)
    worker.setParent(window)
    if changes.parent() is None:
        changes.setParent(window)
    return window


def _start_change_watcher(database_url: str, changes: ChangeBridge) -> Callable[[], Any] | None:
    """Start the change-feed watcher; returns its stop function (None if unavailable)."""
    try:
        from console.sync import ChangeWatcher
    except ImportError:
        log.warning("console.sync is not available: other desks' changes will not show")
        return None
    watcher = ChangeWatcher(database_url, changes.on_change, on_status=changes.on_status)
    watcher.start()
    return watcher.stop


def run_gui(database_url: str, user: str | None) -> int:
    app = ensure_application()
    try:
        db = open_database(database_url)
    except DatabaseError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "eWard Console"),
                             QCoreApplication.translate(
                                 "App", "The console cannot start: {message}").format(
                                     message=str(exc)))
        return 1
    try:
        user = user or default_user(db)
        changes = ChangeBridge()
        window = create_main_window(db, user, user_settings(), changes=changes)
        stop_watcher = _start_change_watcher(database_url, changes)
        window.show()
        code = app.exec()
        if stop_watcher is not None:
            stop_watcher()
        window.context.worker.shutdown()
        return code
    finally:
        db.dispose()
