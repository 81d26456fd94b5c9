"""Start the GUI: the composition root of the desktop console.

It opens the database (a clear message, never a traceback), signs the person in, and builds
what every screen is given: the runner (database + person), the worker, the change bridge fed
by the change watcher, and the main window. The only GUI module that touches ``console.db``;
the screens see the services alone (import contracts in pyproject.toml).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from console.db import Database, DatabaseError
from console.services.core.operations import Runner
from console.services.core.staff import list_staff
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from console.views.common.change_bridge import ChangeBridge
from console.views.common.gc_policy import (
    IdleCollector,
    freeze_startup_objects,
    nothing_in_flight,
)
from console.views.common.language import install_language
from console.views.common.screen import ScreenContext
from console.views.common.unexpected import install_unexpected_handler
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
    worker = Worker(Runner(db, user))
    changes = changes or ChangeBridge()
    context = ScreenContext(runner=worker.runner, user=user, worker=worker, changes=changes,
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
    install_language()
    install_unexpected_handler()  # an uncaught error: one sentence + log reference, no traceback
    signed_in = _sign_in(database_url, user)
    if isinstance(signed_in, int):
        return signed_in  # cancelled (0) or could not start (1, said in a dialog)
    db, user, watch_url = signed_in
    try:
        changes = ChangeBridge()
        window = create_main_window(db, user, user_settings(), changes=changes)
        stop_watcher = _start_change_watcher(watch_url, changes)
        if window.first_start:  # no size saved yet: the whole screen, the census uncut
            window.showMaximized()
        else:
            window.show()
        # once the census is painted (issue 17: a full collection had run before it)
        window.first_screen_shown.connect(lambda: _collect_when_idle(window))
        code = app.exec()
        if stop_watcher is not None:
            stop_watcher()
        window.context.worker.shutdown()
        return code
    finally:
        db.dispose()


def _collect_when_idle(window: MainWindow) -> None:
    """Start-up's objects out of the collector's sight, then full collections only between
    loads (``console.views.common.gc_policy``)."""
    freeze_startup_objects()
    IdleCollector(nothing_in_flight(window.context.worker), window)


def _start_failed(message: str) -> int:
    QMessageBox.critical(None, QCoreApplication.translate("App", "eWard Console"),
                         QCoreApplication.translate(
                             "App", "The console cannot start: {message}").format(message=message))
    return 1


def _sign_in(database_url: str, user: str | None) -> tuple[Database, str, str] | int:
    """Who is at the desk, and their database (issue 8); else the exit code."""
    from console import credentials

    if credentials.needs_sign_in(database_url):  # PostgreSQL: the person's own login
        from console.views.sign_in.dialogs import SignInDialog

        dialog = SignInDialog(database_url, open_ward, initials=user)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
            return 0
        assert dialog.initials is not None
        return (dialog.database, dialog.initials,
                dialog.database.url.render_as_string(hide_password=False))
    try:
        db = open_ward(database_url)
    except DatabaseError as exc:
        return _start_failed(str(exc))
    if user is None and db.backend == "sqlite":
        with read_only(db) as session:  # one local file: a quick read before any window
            staff = [(s.initials, s.name, s.roles) for s in list_staff(session) if s.active]
        if staff:
            from console.views.sign_in.dialogs import LocalUserDialog

            pick = LocalUserDialog(staff, preselect=staff[0][0])
            if pick.exec() != QDialog.DialogCode.Accepted or pick.initials is None:
                db.dispose()
                return 0
            user = pick.initials
    return db, user or default_user(db), database_url
