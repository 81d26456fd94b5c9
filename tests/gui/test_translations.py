"""The console in Danish (issue 9): every source string has a translation, and none shows in English.

Three checks: the committed ``eward_da.ts`` translates every string the code marks (same
``{placeholders}``); the committed ``eward_da.qm`` answers each of them (a stale ``.qm`` fails);
and a walk of every screen and the main dialogs in the Danish locale finds no visible text that
is still an English source string (or an English template filled in). A fourth: the services'
English messages (context ``Service``) read Danish where the views show them, values kept.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import SimpleNamespace

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console import credentials
from console.app import create_main_window
from console.db import Database
from console.dbroles import audited_tables
from console.i18n_catalog import SERVICE_CONTEXT, Key, code_catalogue, read_ts, service_templates
from console.models import DeliveryStatus, Role
from console.services.core.errors import NotFound, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admission_rules import RuleContext, capacity_warnings, check_referral
from console.services.course.admissions import admit, load_rule_context
from console.services.course.record import handover_missing
from console.services.course.referral import parse_referral
from console.services.logistics.deliveries import set_status
from console.views.common.i18n import (
    day_text,
    decimal_numbers,
    decimal_text,
    service_templates_file,
    translate_service_message,
)
from console.views.common.labels import HANDOVER_ITEMS, handover_item
from console.views.common.language import install_language, translation_file
from console.views.common.worker import message_of
from console.views.common.write_dialog import violation_text
from console.views.main_window import SCREEN_KEYS, MainWindow
from console.views.patient.visit_register_dialog import DONE
from console.views.sign_in.dialogs import NO_KEYRING_HELP, LocalUserDialog, SignInDialog
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral
from tests.gui.test_admission_dialog import MakeContext, fill_valid, open_dialog

_PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@cache
def committed_ts() -> dict[Key, str | None]:
    return read_ts(translation_file("da", ".ts"))


@cache
def catalogue_keys() -> tuple[Key, ...]:
    return tuple(sorted(code_catalogue().messages))


# -- (a) the .ts and (b) the .qm -------------------------------------------------------------


def test_every_code_string_has_a_danish_translation_with_the_same_placeholders() -> None:
    ts = committed_ts()
    missing = [f"{ctx}: {src!r}" for ctx, src in catalogue_keys() if not ts.get((ctx, src))]
    assert not missing, (f"{len(missing)} string(s) without a Danish translation (run "
                         "`make translations`, translate them in eward_da.ts):\n"
                         + "\n".join(missing))
    wrong = [f"{ctx}: {src!r} → {ts[(ctx, src)]!r}" for ctx, src in catalogue_keys()
             if placeholders(src) != placeholders(ts[(ctx, src)] or "")]
    assert not wrong, "placeholders differ from the source:\n" + "\n".join(wrong)


def test_translations_keep_accelerators_ellipses_and_line_breaks() -> None:
    ts = committed_ts()
    wrong = []
    for key in catalogue_keys():
        src, text = key[1], ts.get(key) or ""
        if (src.endswith("…") != text.endswith("…") or ("&" in src) != ("&" in text)
                or src.count("\n") != text.count("\n")):
            wrong.append(f"{key[0]}: {src!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_committed_qm_answers_every_string(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(translation_file("da"))), "eward_da.qm is missing"
    ts = committed_ts()
    stale = [f"{ctx}: {src!r}: .qm {got!r}, .ts {ts.get((ctx, src))!r}"
             for ctx, src in catalogue_keys()
             if (got := translator.translate(ctx, src)) != ts.get((ctx, src))]
    assert not stale, (f"{len(stale)} string(s) differ between eward_da.qm and eward_da.ts: "
                       "rebuild with `make translations`:\n" + "\n".join(stale[:50]))


# -- (c) the widget walk ---------------------------------------------------------------------


@dataclass(frozen=True)
class English:
    """Every English source whose Danish differs, as exact texts and as filled-in templates."""

    exact: frozenset[str]
    templates: tuple[tuple[re.Pattern[str], str], ...]

    def matches(self, text: str) -> str | None:
        """The English source ``text`` shows, or None when it reads Danish (or is data)."""
        candidates = [text.strip(), *(line.strip(" •") for line in text.splitlines())]
        for candidate in candidates:
            if candidate in self.exact:
                return candidate
            for pattern, source in self.templates:
                if pattern.fullmatch(candidate):
                    return source
        return None


def _template(source: str) -> re.Pattern[str] | None:
    literal = _PLACEHOLDER.sub("", source)
    if len(re.findall(r"[A-Za-z]", literal)) < 4:  # "{h} h", "{n} × {item}": too loose
        return None
    parts = _PLACEHOLDER.split(source)  # literal, name, literal, name, …
    return re.compile("".join(re.escape(p) if i % 2 == 0 else ".+?"
                              for i, p in enumerate(parts)), re.DOTALL)


@cache
def english() -> English:
    ts = committed_ts()
    danish = {text for text in ts.values() if text}
    untranslated = {src for (ctx, src), text in ts.items()
                    if text and text != src and src not in danish and src.strip()}
    exact = frozenset(s for s in untranslated if not placeholders(s))
    templates = tuple((pattern, s) for s in sorted(untranslated)
                      if placeholders(s) and (pattern := _template(s)) is not None)
    return English(exact, templates)


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    top = QModelIndex()
    # a list model (QListView, QCompleter) keeps columnCount private: it has one column
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
    rows = model.rowCount(top)
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(rows, 50)):
        for column in range(columns):
            index = model.index(row, column, top)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def _figure_texts(widget: QWidget) -> Iterator[str]:
    figure = getattr(widget, "figure", None)
    if figure is None or not hasattr(figure, "findobj"):
        return
    from matplotlib.text import Text

    for artist in figure.findobj(Text):
        yield artist.get_text()


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can read in ``root`` and its children."""
    models: set[int] = set()
    for widget in (root, *root.findChildren(QWidget)):
        where = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        texts: list[str] = [widget.toolTip()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        texts += [a.text() for a in widget.actions()]
        texts += [a.toolTip() for a in widget.actions() if a.toolTip() != a.text()
                  .replace("&", "")]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None \
                and id(widget.model()) not in models:
            models.add(id(widget.model()))
            texts += list(_model_texts(widget.model()))
        texts += list(_figure_texts(widget))
        for text in texts:
            if text:
                yield where, text


def untranslated_in(root: QWidget, identifiers: frozenset[str] = frozenset()) -> list[str]:
    """Texts in ``root`` that are English sources (``identifiers`` are names, not words)."""
    found = english()
    out = []
    for where, text in widget_texts(root):
        source = found.matches(text)
        if source is not None and text not in identifiers:
            out.append(f"{where}: {text!r} (source {source!r})")
    return out


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[str]:
    """Danish for one test, then English again (and the locale the other tests started with)."""
    before = QLocale()
    code = install_language("da")
    assert code == "da"
    try:
        yield code
    finally:
        install_language("en")
        QLocale.setDefault(before)


def _wait(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.context.worker.is_idle, timeout=15_000)
    for _ in range(3):
        QCoreApplication.processEvents()


def _screens_and_dialogs(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show every screen in turn and open the main dialogs, yielding what to walk."""
    for key in SCREEN_KEYS:
        window.show_screen(key)
        _wait(qtbot, window)
        screen = window.current_screen()
        table = getattr(screen, "table", None)
        if isinstance(table, QAbstractItemView) and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0))  # the detail panes fill in
            _wait(qtbot, window)
        for tabs in screen.findChildren(QTabWidget):  # every tab once (the dashboard's charts)
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _wait(qtbot, window)
                yield f"{key} tab {i}", window
        yield key, window

    first = window.screens["census"].model.row_at(0).admission_id
    with qtbot.waitSignal(window.patient.loaded, timeout=10_000):
        window.show_patient(first)
    _wait(qtbot, window)
    yield "patient record", window
    patient = window.patient
    visit = patient.timeline_model.row_at(0)
    patient.select_visit(visit.id)
    for opened in (patient.open_register_dialog(DONE), patient.open_regimen_dialog(None),
                   patient.open_discharge_dialog(None), patient.open_access_log()):
        if opened is not None:
            _wait(qtbot, window)
            yield type(opened).__name__, opened
            opened.reject()

    admission = window.open_admission_dialog()
    _wait(qtbot, window)
    yield "admission", admission
    admission.reject()

    intake = window.escalations.open_intake(first)
    _wait(qtbot, window)
    yield "intake", intake
    intake.reject()

    directory = window.escalations.open_directory()
    _wait(qtbot, window)
    yield "directory", directory
    directory.reject()

    audit = window.open_audit_dialog()
    _wait(qtbot, window)
    yield "audit", audit
    audit.reject()


def test_every_screen_and_dialog_reads_danish(qtbot: QtBot, danish: str, ward_db: Database,
                                              gui_settings: QSettings, day: date) -> None:
    assert QLocale().language() == QLocale.Language.Danish
    add_staff(ward_db, "TST", *Role, name="Tove Test")  # every role: every action shows
    window = create_main_window(ward_db, "TST", gui_settings, day=day)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    _wait(qtbot, window)
    assert window.roles == frozenset(r.value for r in Role)
    assert window.screen_title.text() == "Belægning"

    problems: dict[str, list[str]] = {}
    # The audit trail lists database tables by their names (as psql and the audit rows do).
    tables = frozenset(audited_tables())
    for name, root in _screens_and_dialogs(qtbot, window):
        if found := untranslated_in(root, tables if name == "audit" else frozenset()):
            problems.setdefault(name, found)
    sign_in = SignInDialog("postgresql://db.ward.example:5432/eward", opener=lambda url: ward_db)
    local = LocalUserDialog([("TST", "Tove Test", ("e_doctor", "admin"))])
    for name, dialog in (("sign-in", sign_in), ("local user", local)):
        qtbot.addWidget(dialog)
        dialog.show()
        if found := untranslated_in(dialog):
            problems[name] = found
        dialog.close()
    window.context.worker.wait_for_idle()
    report = "\n".join(f"[{name}]\n  " + "\n  ".join(sorted(set(found)))
                       for name, found in problems.items())
    assert not problems, "English text on the Danish console:\n" + report


def test_english_is_back_after_danish(qapp: QApplication) -> None:
    before = QLocale()
    try:
        install_language("da")
        assert QCoreApplication.translate("CensusScreen", "Census") == "Belægning"
        install_language("en")
        assert QCoreApplication.translate("CensusScreen", "Census") == "Census"
        assert QLocale().language() == QLocale.Language.English
        assert decimal_text("15.4") == "15.4"  # English keeps its decimal point under en_DK
    finally:
        QLocale.setDefault(before)


def test_danish_dates_and_numbers_read_danish(danish: str) -> None:
    assert day_text(date(2026, 11, 23), "dddd dd/MM/yyyy") == "mandag 23/11/2026"
    assert day_text(date(2026, 12, 1), "MMM yyyy") == "dec. 2026"
    assert decimal_text("81 915.00") == "81 915,00"
    # a dose inside a clinical text: only a point between two digits (issue 20)
    assert decimal_numbers("Cefuroxim 1.5 g ×3; NaCl 0.9 % 1000 ml ×1") == \
        "Cefuroxim 1,5 g ×3; NaCl 0,9 % 1000 ml ×1"
    assert decimal_numbers("Dr. Hansen 2. dosis") == "Dr. Hansen 2. dosis"


def test_the_census_and_the_round_list_show_danish_doses(danish: str) -> None:
    from console.views.census.model import CensusTableModel, Column
    from console.views.rounds.model import regimen_text

    row = SimpleNamespace(regimen="Cefuroxim 1.5 g ×3", treatment_detail="NaCl 0.9 % 1000 ml ×1")
    assert regimen_text(row) == "Cefuroxim 1,5 g ×3"  # type: ignore[arg-type]
    assert CensusTableModel._display(None, row, Column.TREATMENT) == \
        "NaCl 0,9 % 1000 ml ×1"  # type: ignore[arg-type]


def test_texts_the_services_hand_the_views_are_translated(danish: str) -> None:
    """R-HANDOVER items come from the service in English; the views mark every one."""
    bare = SimpleNamespace(condition=SimpleNamespace(value="other"), condition_text=None,
                           planned_end=None, medication_list_updated=False)
    from console.services.course.record import NOTICE_ITEM

    items = handover_missing(bare, [], None, "")  # type: ignore[arg-type]
    assert set(items) | {NOTICE_ITEM} == HANDOVER_ITEMS  # the advis gap comes from the notice
    assert all(handover_item(item) != item for item in items)
    assert NO_KEYRING_HELP == credentials.NO_KEYRING_HELP  # the view marks the same words
    assert QCoreApplication.translate("SignInDialog", credentials.NO_KEYRING_HELP) \
        .startswith("Der er ingen nøglering")


def test_the_walk_recognises_english_texts_and_templates() -> None:
    found = english()
    assert found.matches("Admit patient…") == "Admit patient…"
    assert found.matches("Open escalations: 3") == "Open escalations: {n}"
    assert found.matches("Indlæg patient…") is None
    assert found.matches("Anna Jensen") is None


# -- (d) the services' messages --------------------------------------------------------------

_HOLE = re.compile(r"\{\d+\}")
_RULE_ID = re.compile(r"\bR-[A-Z][A-Z0-9-]*[A-Z0-9]")
PUMP_DA = ("Et forløb med pumpe kan ikke gives 4 gange i døgnet: vælg højst 3 doser, eller "
           "ingen pumpe.")


def service_sources() -> list[str]:
    return [src for ctx, src in catalogue_keys() if ctx == SERVICE_CONTEXT]


def test_every_service_message_has_danish_with_the_same_holes_and_rule_ids() -> None:
    ts = committed_ts()
    sources = service_sources()
    assert len(sources) > 150
    wrong = []
    for src in sources:
        text = ts.get((SERVICE_CONTEXT, src)) or ""
        if not text or text == src or Counter(_HOLE.findall(src)) != Counter(_HOLE.findall(text)) \
                or _RULE_ID.findall(src) != _RULE_ID.findall(text):
            wrong.append(f"{src!r} → {text!r}")
    assert not wrong, ("service messages without a Danish translation keeping {0}, {1} … and "
                       "the rule ids (run `make translations`):\n" + "\n".join(wrong))


def test_the_committed_service_templates_are_the_catalogued_ones() -> None:
    with open(service_templates_file(), encoding="utf-8") as f:
        committed = json.load(f)
    assert committed == service_templates(code_catalogue()), (
        "service_templates.json is stale: run `make translations`")


def _pump_violation(db: Database) -> RuleViolation:
    add_ward_staff(db)
    doc = referral(date(2026, 11, 23), provider="mbe", **{
        "regimen.0.doses_per_day": 4, "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"],
        "regimen.0.system": "elastomeric_pump"})
    with read_only(db) as session:
        context = load_rule_context(session)
    (pump,) = [v for v in check_referral(parse_referral(doc), context) if v.rule_id == "R-PUMP"]
    return pump


def _delivered_to_packed(db: Database) -> RuleViolation:
    """The delivery status flow (R-DELIVERY-FLOW): a delivered delivery moves no further."""
    add_staff(db, "LOG", Role.LOGISTICS, name="Lone Logistik")
    with unit_of_work(db, DOCTOR) as session:
        admitted = admit(session, parse_referral(referral(
            date(2026, 11, 2), planned_end="2026-11-15", **{"regimen.0.days": 14})))
    delivery = admitted.delivery_id
    assert delivery is not None
    with unit_of_work(db, "LOG") as session:
        for status in (DeliveryStatus.PACKED, DeliveryStatus.OUT, DeliveryStatus.DELIVERED):
            set_status(session, delivery, status)
    with pytest.raises(RuleViolation) as raised, unit_of_work(db, "LOG") as session:
        set_status(session, delivery, DeliveryStatus.PACKED)
    return raised.value


def test_a_service_rule_violation_reads_danish_with_its_values(danish: str,
                                                              sqlite_db: Database) -> None:
    pump = _pump_violation(sqlite_db)
    assert pump.message == ("A course with a pump cannot run 4 times a day: choose 3 or fewer "
                            "doses, or no pump.")  # the service keeps its English
    assert translate_service_message(pump.message) == PUMP_DA
    assert violation_text(pump) == f"R-PUMP: {PUMP_DA}"  # the rule id stays as domain.md has it
    cited = RuleViolation("R-CREW-SKILL", "car", "Visit 5 (Ane Berg) needs PVK placement, which "
                          "HOL-3's crew does not have (R-CREW-SKILL): choose a car whose crew "
                          "has it, or add it in brackets after a name in the crew.")
    # the rule once, in front (the banner read "R-CREW-SKILL: … (R-CREW-SKILL): …")
    assert violation_text(cited).count("R-CREW-SKILL") == 1
    assert violation_text(cited).startswith("R-CREW-SKILL: Besøg 5 (Ane Berg) kræver")
    assert message_of(pump) == PUMP_DA

    flow = _delivered_to_packed(sqlite_db)  # an f-string: its values go into the Danish
    assert flow.message == "A delivered delivery cannot become packed (allowed: nothing)."
    assert translate_service_message(flow.message) == (
        "En levering med status delivered kan ikke skifte til packed (tilladt: ingen).")
    requested = "A requested delivery cannot become out (allowed: cancelled, packed)."
    assert translate_service_message(requested) == (
        "En levering med status requested kan ikke skifte til out (tilladt: cancelled, packed).")

    # the more specific template wins: "No visit with id {0}." over "No {0} with id {1}."
    assert message_of(NotFound("visit", 12)) == "Intet besøg med id 12."
    full = RuleContext({}, frozenset(), frozenset(), frozenset(), frozenset(), admitted_count=30)
    assert [translate_service_message(w) for w in capacity_warnings(full)] == [
        "R-CAPACITY: 31 / 30 indlagt efter denne indlæggelse (over kapacitet)."]
    # a text no service wrote (the view's own, already translated) is left as it is
    assert translate_service_message("Vælg patienten.") == "Vælg patienten."


def test_service_messages_stay_english_under_english(qapp: QApplication,
                                                    sqlite_db: Database) -> None:
    before = QLocale()
    try:
        install_language("en")
        pump = _pump_violation(sqlite_db)
        flow = _delivered_to_packed(sqlite_db)
        for message in (pump.message, flow.message, NotFound("visit", 12).message):
            assert translate_service_message(message) == message
        assert violation_text(pump).startswith("R-PUMP: A course with a pump cannot run 4 times")
    finally:
        QLocale.setDefault(before)


def test_the_danish_admission_dialog_shows_r_pump_in_danish_at_its_field(
        qtbot: QtBot, danish: str, sqlite_db: Database, context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    assert dialog.problems == []
    line = dialog.lines.lines[0]
    dialog.form.provider.setCurrentIndex(dialog.form.provider.findData("mbe"))
    line.system.setCurrentIndex(line.system.findData("elastomeric_pump"))
    line.doses_per_day.setValue(4)
    assert [p.rule_id for p in dialog.problems] == ["R-PUMP"]
    assert dialog.errors.messages()["regimen[0].system"] == f"R-PUMP: {PUMP_DA}"
    label = dialog.errors.label_for("regimen[0].system")
    assert label is not None
    assert label.isVisible()
    assert f"• R-PUMP: {PUMP_DA}" in dialog.summary.text()
    assert not untranslated_in(dialog)  # nothing else in the dialog reads English either


def test_the_plans_distances_read_danish(danish: str) -> None:
    """The auto-plan's kilometres on the Danish console: "141,8 km", not "141.8 km"."""
    from datetime import UTC, datetime

    from console.services.dispatch.plan_types import PlannedRoute
    from console.views.dispatch.plan_tables import PlanRoutesModel, RouteColumn

    at = datetime(2026, 12, 7, 7, tzinfo=UTC)
    model = PlanRoutesModel()
    model.set_routes((PlannedRoute(1, "HOL-1", "Holbæk", "day", at, at, (), 133, 141.8, at),))
    assert model.index(0, RouteColumn.DISTANCE).data() == "141,8 km"
