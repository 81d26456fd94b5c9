"""The translation catalogue finds every form of visible string the console uses, and the
services' messages as templates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from console.i18n.catalogue import read_pending
from console.i18n_catalog import (
    SERVICE_CONTEXT,
    Catalogue,
    code_catalogue,
    extract,
    main,
    read_ts,
    service_templates,
    write_ts,
)

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


ERRORS = '''
class ServiceError(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)

class RuleViolation(ServiceError):
    def __init__(self, rule_id, field, message):
        super().__init__(message, field)

class InvalidInput(RuleViolation):
    def __init__(self, field, message):
        super().__init__("INPUT", field, message)

class NotFound(ServiceError):
    def __init__(self, what, key):
        super().__init__(f"No {what} with id {key}.", None)

class Conflict(ServiceError):
    def __init__(self, what, who, when):
        by = who or "another desk"
        at = f" at {when:%H:%M}" if when else ""
        super().__init__(f"This {what} was changed by {by}{at}.", None)
'''
THINGS = '''
from pkg.services.errors import Conflict, InvalidInput, NotFound, RuleViolation

def doses(n, name, agreed):
    if n > 3:
        raise RuleViolation("R-FREQ", "doses",
                            f"{name} has {n} doses a day (at most {3 if agreed else 2}).")
    raise InvalidInput("name", (
        "A name is "
        f"at most {n} "
        "characters."))

def status(old, new, options):
    allowed = ", ".join(options) or "nothing"
    raise RuleViolation("R-FLOW", "status", f"A {old} thing cannot become {new} "
                        f"(allowed: {allowed}).")

def required(where, key):
    raise InvalidInput(f"{where}{key}", f"{where}{key} is required.")

def missing(key):
    raise NotFound("thing", key)

def clash():
    raise Conflict("record", None, None)

def _late(car, late):
    head = f"{car} cannot take it"
    text = f"{head}: it is {late} min late."
    if late > 60:
        text += " Plan again."
    return text

def assign(car, late):
    raise RuleViolation("R-SHIFT", "car", _late(car, late))

def capacity_warnings(count):
    if count > 30:
        return [f"R-CAPACITY: {count} admitted " "(over capacity)."]
    return []
'''


def test_service_messages_become_templates_with_numbered_holes(tmp_path: Path) -> None:
    services = tmp_path / "pkg" / "services"
    services.mkdir(parents=True)
    (services / "errors.py").write_text(ERRORS)
    (services / "things.py").write_text(THINGS)
    (tmp_path / "pkg" / "a.py").write_text(SOURCE_A)  # not a service: its strings stay as they are
    found = extract(tmp_path, (tmp_path / "pkg").rglob("*.py"))
    assert service_templates(found) == sorted([
        # an f-string: every {expression} a hole, numbered as they come
        "{0} has {1} doses a day (at most {2}).",
        # a multi-line implicit concatenation of plain and f-strings, joined
        "A name is at most {0} characters.",
        # a local text variable: both of its forms (`… or "nothing"`)
        "A {0} thing cannot become {1} (allowed: {2}).",
        "A {0} thing cannot become {1} (allowed: nothing).",
        "{0} is required.",  # adjacent holes are one
        # NotFound and Conflict: the class's sentence, as each call fills it and in general
        "No thing with id {0}.", "No {0} with id {1}.",
        "This record was changed by another desk.",
        "This {0} was changed by {1} at {2}.", "This {0} was changed by {1}.",
        "This {0} was changed by another desk at {1}.", "This {0} was changed by another desk.",
        # a message helper of the module: what it can return, with and without the addition
        "{0} cannot take it: it is {1} min late.", "{0} cannot take it: it is {1} min late. Plan again.",
        # a `…_warnings` function: the texts it returns
        "R-CAPACITY: {0} admitted (over capacity).",
    ])
    assert "INPUT" not in service_templates(found)  # a rule id is no message
    assert found.messages[(SERVICE_CONTEXT, "A name is at most {0} characters.")] == [
        "pkg/services/things.py:8"]
    assert ("Screen", "Census") in found.messages


GET_EXISTING = '''
from pkg.services.errors import NotFound

def get_existing(session, model, row_id, what, *, lock=False):
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(what, row_id)
    return row
'''
GADGETS = '''
from pkg.services.uow import get_existing

def fetch(session, gadget_id):
    return get_existing(session, object, gadget_id, "gadget", lock=True)
'''


def test_a_helper_raising_not_found_is_followed_with_each_callers_text(tmp_path: Path) -> None:
    """uow.get_existing(session, Visit, 12, "visit") says "No visit with id 12.": the template
    is found at the call, as if the call had raised NotFound("visit", 12) itself."""
    services = tmp_path / "pkg" / "services"
    services.mkdir(parents=True)
    (services / "errors.py").write_text(ERRORS)
    (services / "uow.py").write_text(GET_EXISTING)
    (services / "gadgets.py").write_text(GADGETS)
    found = extract(tmp_path, (tmp_path / "pkg").rglob("*.py"))
    assert "No gadget with id {0}." in service_templates(found)
    assert found.messages[(SERVICE_CONTEXT, "No gadget with id {0}.")] == [
        "pkg/services/gadgets.py:5"]


def test_the_update_command_writes_the_service_templates_next_to_the_ts(tmp_path: Path) -> None:
    ts = tmp_path / "eward_da.ts"
    assert main(["update", str(ts)]) == 0
    templates = json.loads((tmp_path / "service_templates.json").read_text(encoding="utf-8"))
    assert templates == service_templates(code_catalogue())
    assert "A course with a pump cannot run 4 times a day: choose 3 or fewer doses, or no pump." \
        in templates
    assert "A {0} delivery cannot become {1} (allowed: nothing)." in templates
    assert read_ts(ts)[(SERVICE_CONTEXT, "No visit with id {0}.")] is None  # new: unfinished


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


def test_pending_fills_missing_and_corrections_replace_existing(tmp_path: Path) -> None:
    """Issue 20: ``pending/*.json`` only fills a missing translation; a ``*-corrections.json``
    replaces the one the .ts has (a reviewer's better Danish, without editing the .ts)."""
    ts = tmp_path / "x.ts"
    catalogue = Catalogue()
    for n, source in enumerate(("Discharge", "Next", "Print list…")):  # the .ts's order
        catalogue.add("Ctx", source, f"a.py:{n}")
    write_ts(ts, catalogue)
    ts.write_text(ts.read_text().replace('<translation type="unfinished" />',
                                         "<translation>Udskriv</translation>", 2))
    (tmp_path / "pending").mkdir()
    (tmp_path / "pending" / "branch.json").write_text(json.dumps(
        {"Ctx|Next": "ignored: it has one", "Ctx|Print list…": "Udskriv liste…"}),
        encoding="utf-8")
    (tmp_path / "pending" / "branch-corrections.json").write_text(json.dumps(
        {"Ctx|Discharge": "Afslut indlæggelse"}), encoding="utf-8")
    assert write_ts(ts, catalogue) == (3, 0)
    assert read_ts(ts) == {("Ctx", "Discharge"): "Afslut indlæggelse", ("Ctx", "Next"): "Udskriv",
                           ("Ctx", "Print list…"): "Udskriv liste…"}


def test_the_console_has_hundreds_of_visible_strings() -> None:
    messages = code_catalogue().messages
    assert len(messages) > 500
    assert ("CensusScreen", "Census") in messages
    assert ("DispatchScreen", "Dispatch") in messages
    services = service_templates(code_catalogue())
    assert len(services) > 150  # every RuleViolation, InvalidInput, Forbidden, NotFound, Conflict
    assert "R-CAPACITY: {0} / {1} admitted after this admission (over capacity)." in services


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


def test_one_term_for_the_mobile_unit_and_no_print_for_discharge() -> None:
    """Issue 20 (docs/terms.md): the English UI says MBE, never MTU; no Danish translation or
    correction says "Udskriv" (print) for a discharge, nor "bakke" for the waiting list."""
    messages = code_catalogue().messages
    assert [key for key in messages if re.search(r"\bMTU\b", key[1])] == []
    folder = Path(__file__).resolve().parents[1] / "resources" / "translations"
    danish = {**{k: v for k, v in read_ts(folder / "eward_da.ts").items() if v},
              **read_pending(folder / "pending", corrections=True)}
    wrong = {key: text for key, text in danish.items() if key in messages and (
        ("Discharge" in key[1] and re.match(r"Udskriv\b", text))
        or re.search(r"\b[Bb]akke", text))}
    assert wrong == {}
