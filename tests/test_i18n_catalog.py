"""The translation catalogue finds every form of visible string the console uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.i18n_catalog import Catalogue, code_catalogue, extract, read_ts, write_ts

SOURCE_A = '''
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
_CTX = "Things"
HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Name"),)

class Screen:
    def title(self):
        return self.tr("Census")

    def later(self):
        return translate(_CTX, "Hello {who}", who="x")

def _t(text):
    return text

def pdf():
    return _t("Printed")
'''
SOURCE_B = '''
from pkg.a import _CTX
from PySide6.QtCore import QCoreApplication

def f():
    return QCoreApplication.translate(_CTX, "Imported context"), QCoreApplication.translate("Raw", "Raw one")
'''


def test_every_form_is_found_with_its_runtime_context(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(SOURCE_A)
    (tmp_path / "pkg" / "b.py").write_text(SOURCE_B)
    found = extract(tmp_path, (tmp_path / "pkg").rglob("*.py"))
    assert set(found.messages) == {
        ("Things", "Name"), ("Screen", "Census"), ("Things", "Hello {who}"),
        ("Things", "Printed"), ("Things", "Imported context"), ("Raw", "Raw one")}


def test_update_keeps_translations_and_marks_new_strings(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    first = Catalogue()
    first.add("Ctx", "Census", "a.py:1")
    write_ts(ts, first)
    assert read_ts(ts) == {("Ctx", "Census"): None}
    ts.write_text(ts.read_text().replace('<translation type="unfinished" />',
                                         "<translation>Belægning</translation>"))
    second = Catalogue()
    second.add("Ctx", "Census", "a.py:1")
    second.add("Ctx", "Rounds", "a.py:2")
    total, missing = write_ts(ts, second)
    assert (total, missing) == (2, 1)
    assert read_ts(ts) == {("Ctx", "Census"): "Belægning", ("Ctx", "Rounds"): None}


def test_the_console_has_hundreds_of_visible_strings() -> None:
    messages = code_catalogue().messages
    assert len(messages) > 500
    assert ("CensusScreen", "Census") in messages
    assert ("DispatchScreen", "Dispatch") in messages


@pytest.mark.parametrize(("env", "setting", "expected"), [
    ("da", None, "da"), ("en_GB", "da", "en"), (None, "da", "da"), ("xx", None, None)])
def test_language_choice(monkeypatch: pytest.MonkeyPatch, env: str | None,
                         setting: str | None, expected: str | None) -> None:
    from console import settings
    from console.views.common.language import chosen_language

    if env is None:
        monkeypatch.delenv("EWARD_LANGUAGE", raising=False)
    else:
        monkeypatch.setenv("EWARD_LANGUAGE", env)
    if setting is not None:
        settings.save_user_settings(settings.UserSettings(language=setting))
    got = chosen_language()
    if expected is None:
        assert got in ("en", "da")  # falls back to the system locale
    else:
        assert got == expected
