"""Sign-in before the main window (issue 8).

PostgreSQL: initials and password; the console connects as the person's own database login, so
the database enforces their roles. The connection is tried on a background thread (a server can
be a slow network hop away); the dialog stays responsive and says what went wrong. A password
can be remembered in the system keyring, never elsewhere.

Embedded SQLite: one local database on this computer, so picking who you are is enough.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console import credentials
from console.dbroles import RolesError
from console.services.core.errors import DatabaseError
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import code_label
from console.views.common.widgets import ok_button, ok_cancel_buttons, stack, styled_label, wrapped_label

_ERROR = "QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px; padding: 6px 8px; }"
_NOTE = "QLabel { color: #4b5563; }"

# Opens the person's database (``console.services.core.ward.open_ward``, given by the shell).
Opener = Callable[[str], Any]

# credentials.NO_KEYRING_HELP word for word, marked here so the translation catalogue sees it
NO_KEYRING_HELP = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "No system keyring is available, so the password cannot be remembered: it is asked at "
    "every sign-in. To remember it, run a Secret Service keyring (e.g. GNOME Keyring or KWallet) "
    "in your desktop session, or put the login in a ~/.pgpass file readable only by you "
    "(chmod 600). The console never stores passwords in plain text.")
ROLE_LABELS = {  # the role codes of console.models.Role, as the pick list shows them
    "e_doctor": QT_TRANSLATE_NOOP("LocalUserDialog", "e-doctor"),
    "e_nurse": QT_TRANSLATE_NOOP("LocalUserDialog", "e-nurse"),
    "dispatcher": QT_TRANSLATE_NOOP("LocalUserDialog", "dispatcher"),
    "logistics": QT_TRANSLATE_NOOP("LocalUserDialog", "logistics assistant"),
    "admin": QT_TRANSLATE_NOOP("LocalUserDialog", "admin"),
}


def role_label(code: str) -> str:
    return code_label("LocalUserDialog", ROLE_LABELS, code)


class _Relay(QObject):
    finished = Signal(object, object)  # the opened database | None, error message | None


class SignInDialog(QDialog):
    """Initials + password for a PostgreSQL database; ``database`` is set when accepted."""

    signed_in = Signal(str)  # initials

    def __init__(self, server_url: str, opener: Opener, parent: QWidget | None = None, *,
                 initials: str | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.opener = opener
        self.database: Any = None
        self.initials: str | None = None
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self.setWindowTitle(self.tr("Sign in to eWard Console"))
        self.initials_edit = QLineEdit(initials or "")
        self.initials_edit.setMaxLength(12)
        self.initials_edit.setPlaceholderText(self.tr("e.g. ABE"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.keyring_note = styled_label(_NOTE, wrap=True)
        if not credentials.keyring_usable():
            self.remember.setEnabled(False)
            self.keyring_note.setText(self.tr(credentials.NO_KEYRING_HELP))
        self.keyring_note.setVisible(bool(self.keyring_note.text()))
        self.error_label = styled_label(_ERROR, wrap=True, visible=False)
        self.busy_label = QLabel(self.tr("Signing in…"))
        self.busy_label.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Initials"), self.initials_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.remember)
        self.buttons = ok_cancel_buttons(self, self.sign_in, ok_text=self.tr("Sign in"))
        self.sign_in_button = ok_button(self.buttons)
        server = QLabel(self.tr("Database: {where}").format(
            where=credentials.describe_server(server_url)))
        server.setStyleSheet(_NOTE)
        stack(self, server, form, self.keyring_note, self.error_label, self.busy_label,
              self.buttons)
        self.initials_edit.textChanged.connect(self._fill_remembered)
        self._fill_remembered(self.initials_edit.text())
        self.setMinimumWidth(460)

    def _fill_remembered(self, initials: str) -> None:
        if not initials.strip():
            return
        password = credentials.remembered_password(self.server_url, initials.strip())
        if password is not None:
            self.password_edit.setText(password)
            self.remember.setChecked(True)

    def show_error(self, text: str | None) -> None:
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return self.busy_label.isVisible()

    def sign_in(self) -> None:
        initials = self.initials_edit.text().strip().upper()
        password = self.password_edit.text()
        if not initials:
            self.show_error(self.tr("Type your initials."))
            self.initials_edit.setFocus()
            return
        try:
            url = credentials.person_url(self.server_url, initials, password or None)
        except RolesError as exc:
            self.show_error(str(exc))
            return
        self.show_error(None)
        self._set_busy(True)
        relay, opener = self._relay, self.opener

        def connect() -> None:
            try:
                database = opener(url)
            except DatabaseError as exc:
                relay.finished.emit(None, str(exc))
                return
            except Exception as exc:  # never a traceback in front of a person
                relay.finished.emit(None, f"{type(exc).__name__}: the sign-in failed.")
                return
            relay.finished.emit(database, None)

        self._pending = (initials, password)
        threading.Thread(target=connect, name="eward-sign-in", daemon=True).start()

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        for widget in (self.initials_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)

    def _on_finished(self, database: Any, error: str | None) -> None:
        self._set_busy(False)
        initials, password = self._pending
        if database is None:
            self.show_error(self.tr("Could not sign in as {initials}: {error}").format(
                initials=initials, error=error))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        if self.remember.isChecked() and password:
            credentials.remember_password(self.server_url, initials, password)
        elif not self.remember.isChecked():
            credentials.forget_password(self.server_url, initials)
        self.database, self.initials = database, initials
        self.signed_in.emit(initials)
        self.accept()


class LocalUserDialog(QDialog):
    """Embedded database: pick who you are from the ward's staff (no password)."""

    def __init__(self, staff: list[tuple[str, str, tuple[str, ...]]],
                 parent: QWidget | None = None, *, preselect: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is at this desk?"))
        self.combo = QComboBox()
        for initials, name, roles in staff:
            shown = ", ".join(role_label(r) for r in roles)
            self.combo.addItem(f"{name} ({initials}) — {shown}", initials)
        if preselect and self.combo.findData(preselect) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(preselect))
        note = wrapped_label(self.tr("The embedded database is on this computer only; choose yourself "
                                     "so your work is signed with your initials."))
        note.setStyleSheet(_NOTE)
        layout = stack(self, note, self.combo)
        layout.addWidget(ok_cancel_buttons(self), 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(460)

    @property
    def initials(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) else None
