"""Ordering an MBE task from the patient record (R-MBE-TASKS, issue 19): the dialog says what the
task takes, the ordered visit shows on the timeline under the task's name, and a window that has
already closed is refused at its field with the dialog kept open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from console.db import Database
from console.services.core.uow import unit_of_work
from console.services.course.orders import order_task
from console.timeutil import now_utc
from console.views.common.screen import ScreenContext
from console.views.patient.order_task_dialog import OrderTaskDialog
from console.views.patient.screen import PatientScreen
from console.views.patient.timeline_model import TimelineColumn
from console.views.patient.visit_register_dialog import DONE, VisitRegisterDialog
from tests.factories import NURSE
from tests.gui.test_patient_dialogs import record_screen, save_and_wait

MakeContext = Callable[[Database], ScreenContext]


def test_an_ordered_pvk_shows_on_the_timeline_under_its_task(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    before = screen.timeline_model.rowCount()
    dialog = screen.open_order_task_dialog()
    assert isinstance(dialog, OrderTaskDialog)
    dialog.task.setCurrentIndex(dialog.task.findData("pvk"))
    assert "30 minutes" in dialog.about.text()
    assert "pvk" in dialog.about.text()  # the competence the crew needs (R-CREW-SKILL)
    assert "IV access" in dialog.about.text()  # what its registration records
    qtbot.keyClicks(dialog.note, "PICC blocked since this morning")
    save_and_wait(qtbot, screen, dialog)
    assert screen.timeline_model.rowCount() == before + 1
    record = screen.record
    assert record is not None
    ordered = next(v for v in record.visits if v.task == "pvk")
    assert (ordered.kind, ordered.provider, ordered.service_minutes) == ("support", "mbe", 30)
    row = screen.timeline_model.row_of_id(ordered.id)
    assert row is not None
    shown = screen.timeline_model.index(row, TimelineColumn.KIND).data()
    assert shown == "PVK placement (new or re-inserted access)"


def test_a_window_that_has_closed_is_refused_at_its_field(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    dialog = screen.open_order_task_dialog()
    assert dialog is not None
    dialog.day.setDate(QDate.currentDate().addDays(-2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.isVisible()
    assert "closed" in dialog.errors.messages()["to"]
    record = screen.record
    assert record is not None
    assert not any(v.task for v in record.visits)  # nothing saved


def _register_ordered(qtbot: QtBot, screen: PatientScreen, db: Database, code: str
                      ) -> VisitRegisterDialog:
    """Order ``code`` (its window opened 20 minutes ago) and open Register done on it."""
    record = screen.record
    assert record is not None
    with unit_of_work(db, NURSE) as s:
        visit_id = order_task(s, record.admission_id, code,
                              window_start=now_utc() - timedelta(minutes=20)).id
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    screen.select_visit(visit_id)
    dialog = screen.open_register_dialog(DONE)
    assert isinstance(dialog, VisitRegisterDialog)
    return dialog


def test_registering_a_drug_level_asks_for_its_analyses_and_records_them(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    dialog = _register_ordered(qtbot, screen, sqlite_db, "drug_level")
    assert set(dialog.results) == {"s_vancomycin", "s_gentamicin"}
    assert "mg/L" in dialog.results["s_vancomycin"].placeholderText()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nothing typed
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "R-MBE-TASKS" in dialog.errors.messages()["results"]
    qtbot.keyClicks(dialog.results["s_vancomycin"], "14")
    save_and_wait(qtbot, screen, dialog)
    record = screen.record
    assert record is not None
    assert [(lab.analysis, lab.value) for lab in record.labs] == [("s_vancomycin", 14.0)]


def test_registering_a_pvk_visit_records_the_new_access(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    assert screen.side.tabs.tabText(1) == "IV access (1)"  # the access it was admitted with
    dialog = _register_ordered(qtbot, screen, sqlite_db, "pvk")
    assert dialog.access.currentData() == "pvk"
    qtbot.keyClicks(dialog.remove_by, "soon")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "YYYY-MM-DD" in dialog.errors.messages()["remove_by"]
    dialog.remove_by.clear()
    save_and_wait(qtbot, screen, dialog)
    record = screen.record
    assert record is not None
    assert {line.iv_access for line in record.regimens} == {"pvk"}
    assert screen.side.tabs.tabText(1) == "IV access (2)"  # R-ACCESS: the history on the record
    ended = screen.side.access_model.index(0, 4).data()
    assert "MBE visit" in ended
