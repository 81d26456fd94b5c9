"""Sign-in (issue 8): the person's own login on PostgreSQL, a local pick on SQLite."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from console import credentials
from console.db import Database, DatabaseUnavailable
from console.views.sign_in.dialogs import LocalUserDialog, SignInDialog

SERVER = "postgresql://db.ward.example:5432/eward"


class FakeOpener:
    """Stands in for open_ward: refuses every password but the right one."""

    def __init__(self, good_password: str, database: Database) -> None:
        self.good = good_password
        self.database = database
        self.urls: list[str] = []

    def __call__(self, url: str) -> Database:
        self.urls.append(url)
        if make_url(url).password != self.good:
            raise DatabaseUnavailable("password authentication failed")
        return self.database


def test_wrong_password_says_so_and_keeps_the_form(qtbot: QtBot, sqlite_db: Database) -> None:
    opener = FakeOpener("right", sqlite_db)
    dialog = SignInDialog(SERVER, opener=opener)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.initials_edit, "nur")
    qtbot.keyClicks(dialog.password_edit, "wrong")
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error_label.isVisibleTo(dialog),
                    timeout=5_000)
    assert "Could not sign in as NUR" in dialog.error_label.text()
    assert "password authentication failed" in dialog.error_label.text()
    assert dialog.initials_edit.text() == "nur"
    assert dialog.database is None
    assert make_url(opener.urls[0]).username == "ew_eward_nur"  # own login, in this ward (R-ACCESS)


def test_right_password_signs_in_and_is_remembered_in_the_keyring(
        qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = SignInDialog(SERVER, opener=FakeOpener("right", sqlite_db))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.initials_edit, "NUR")
    qtbot.keyClicks(dialog.password_edit, "right")
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.signed_in, timeout=5_000) as signed:
        dialog.sign_in()
    assert signed.args == ["NUR"]
    assert dialog.database is sqlite_db
    assert credentials.remembered_password(SERVER, "NUR") == "right"
    again = SignInDialog(SERVER, opener=FakeOpener("right", sqlite_db), initials="NUR")
    qtbot.addWidget(again)
    assert again.password_edit.text() == "right"
    assert again.remember.isChecked()


def test_unchecking_remember_forgets_the_password(qtbot: QtBot, sqlite_db: Database) -> None:
    credentials.remember_password(SERVER, "NUR", "right")
    dialog = SignInDialog(SERVER, opener=FakeOpener("right", sqlite_db), initials="NUR")
    qtbot.addWidget(dialog)
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(dialog.signed_in, timeout=5_000):
        dialog.sign_in()
    assert credentials.remembered_password(SERVER, "NUR") is None


def test_without_a_keyring_it_explains_and_never_stores(qtbot: QtBot,
                                                        sqlite_db: Database) -> None:
    keyring.set_keyring(FailKeyring())
    dialog = SignInDialog(SERVER, opener=FakeOpener("right", sqlite_db))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "never stores passwords in plain text" in dialog.keyring_note.text()
    assert credentials.remember_password(SERVER, "NUR", "right") is False


def test_bad_initials_are_refused_before_connecting(qtbot: QtBot, sqlite_db: Database) -> None:
    opener = FakeOpener("right", sqlite_db)
    dialog = SignInDialog(SERVER, opener=opener)
    qtbot.addWidget(dialog)
    dialog.sign_in()
    assert dialog.error_label.text() == "Type your initials."
    qtbot.keyClicks(dialog.initials_edit, "a b")
    dialog.sign_in()
    assert "cannot be a login" in dialog.error_label.text()
    assert opener.urls == []


def test_local_pick_on_the_embedded_database(qtbot: QtBot) -> None:
    dialog = LocalUserDialog([("ABE", "Anders Bech", ("e_doctor",)),
                              ("NUR", "Nina", ("e_nurse",))], preselect="NUR")
    qtbot.addWidget(dialog)
    assert dialog.initials == "NUR"
    assert dialog.combo.count() == 2


def test_which_urls_need_a_sign_in() -> None:
    assert credentials.needs_sign_in("postgresql://host/eward")
    assert not credentials.needs_sign_in("postgresql://postgres@host/eward")
    assert not credentials.needs_sign_in("sqlite:////tmp/x.sqlite")
    assert credentials.initials_of_login("ew_eward_abe", "eward") == "ABE"
    assert credentials.initials_of_login("ew_abe", "eward") is None  # a login of no ward
    assert credentials.initials_of_login("ew_ward_b_abe", "eward") is None  # another ward's
    assert credentials.initials_of_login("postgres", "eward") is None


def test_a_pgpass_others_can_read_is_pointed_out(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSFILE", raising=False)
    assert credentials.pgpass_problem(tmp_path) is None
    path = tmp_path / ".pgpass"
    path.write_text("host:5432:eward:ew_abe:x\n")
    os.chmod(path, 0o644)
    assert "chmod 600" in (credentials.pgpass_problem(tmp_path) or "")
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert credentials.pgpass_problem(tmp_path) is None
