"""Issue 15 in the dialogs: date-time fields show and read Copenhagen time whatever the
machine's zone, and the dose is checked by the service's own rule, shown at its field.

On a machine set to UTC the admission dialog showed 15:37 while the rest of the console said
16:37. The tests switch this process to TZ=UTC (Qt reads the zone again) and back.
"""

from __future__ import annotations

import time as wall
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.db import Database
from console.timeutil import format_local
from console.views.common.dates import datetime_edit, from_qdatetime
from console.views.common.screen import ScreenContext
from console.views.rounds.panel import AddCrpDialog
from tests.gui.test_admission_dialog import fill_valid, open_dialog

MakeContext = Callable[[Database], ScreenContext]


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    wall.tzset()
    yield
    monkeypatch.undo()
    wall.tzset()  # the machine's own zone again


@pytest.mark.parametrize(("at", "shown"), [
    (datetime(2026, 12, 5, 15, 37, tzinfo=UTC), "05/12/2026 16:37"),  # winter: UTC+1
    (datetime(2026, 7, 5, 15, 37, tzinfo=UTC), "05/07/2026 17:37"),  # summer: UTC+2
])
def test_the_time_zone_of_dialogs_under_tz_utc_is_copenhagen(
        qtbot: QtBot, machine_in_utc: None, at: datetime, shown: str) -> None:
    edit = datetime_edit(at)
    qtbot.addWidget(edit)
    assert edit.text() == shown
    assert from_qdatetime(edit.dateTime()) == at
    edit.setDateTime(edit.dateTime().addSecs(60))  # what a person types is Copenhagen time too
    assert from_qdatetime(edit.dateTime()).timestamp() == at.timestamp() + 60


def test_the_time_zone_of_the_admission_dialog_under_tz_utc(
        qtbot: QtBot, machine_in_utc: None, sqlite_db: Database,
        context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    shown = dialog.form.admitted_at.text()
    read = dialog.form.admitted
    assert shown == format_local(read, "%d/%m/%Y %H:%M")
    assert abs((datetime.now(UTC) - read).total_seconds()) < 120


def test_the_time_zone_of_the_crp_dialog_under_tz_utc(qtbot: QtBot,
                                                      machine_in_utc: None) -> None:
    dialog = AddCrpDialog()
    qtbot.addWidget(dialog)
    taken = dialog.taken_at_value()
    assert abs((datetime.now(UTC) - taken).total_seconds()) < 120
    assert dialog.taken_at.text() == format_local(taken, "%d/%m/%Y %H:%M")


@pytest.mark.parametrize("dose", ["-4 g", "0 g", "lots"])
def test_dose_forms_are_refused_at_the_dose_field_of_the_admission_dialog(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, dose: str) -> None:
    """The dialog runs the service's own R-DOSE check and shows it at the field."""
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    line = dialog.lines.lines[0]
    line.dose.clear()
    qtbot.keyClicks(line.dose, dose)
    dialog.check()
    assert [p.rule_id for p in dialog.problems] == ["R-DOSE"]
    assert "R-DOSE" in dialog.errors.messages()["regimen[0].dose"]
    assert not dialog.save_button.isEnabled()


def test_an_uncaught_error_in_the_gui_is_one_sentence_with_a_log_reference_and_no_cpr(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from console.views.common.unexpected import install_unexpected_handler

    previous = sys.excepthook
    install_unexpected_handler()
    try:
        message = "Key (cpr)=({}) already exists; {}".format("010150-1234", "Test Testesen")
        try:
            raise ValueError(message)  # a database's DETAIL line, say
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes
    text = boxes[-1].text()
    assert "reference" in text
    reference = text.rsplit(" ", 1)[-1].rstrip(".")
    assert reference in caplog.text
    for said in (text, caplog.text):
        assert "010150" not in said
        assert "Testesen" not in said
    for box in boxes:
        box.close()


@pytest.mark.parametrize("known", [True, False])
def test_a_missing_iv_access_removal_date_from_the_dialog_is_stored_missing_not_invented(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, known: bool) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from console.services.core.uow import read_only
    from console.services.course.record import read_record
    from console.views.common.dates import to_date

    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    line = dialog.lines.lines[0]
    assert not line.remove_by.isEnabled()  # unknown until the doctor says
    removal = to_date(line.start.date()) + timedelta(days=9)
    if known:
        line.remove_by_known.setChecked(True)
        line.remove_by.setDate(QDate(removal.year, removal.month, removal.day))
    with qtbot.waitSignal(dialog.admitted, timeout=10_000) as admitted:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with read_only(sqlite_db, "DOC") as s:
        record = read_record(s, admitted.args[0])
    assert record.regimens[0].iv_access_remove_by == (removal if known else None)
    assert ("IV access and when to remove it" in record.handover_missing) is not known


def test_nul_bytes_typed_into_a_visit_dialog_are_shown_at_the_field(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext) -> None:
    """The text guard's table.column (visit.observations) lands at the dialog's field."""
    from datetime import date

    from console.views.patient.visit_register_dialog import DONE
    from tests.gui.test_patient_dialogs import record_screen

    screen = record_screen(qtbot, sqlite_db, context_for, date.today())
    screen.select_visit(screen.timeline_model.row_at(0).id)
    dialog = screen.open_register_dialog(DONE)
    assert dialog is not None
    dialog.observations.setPlainText("Dose given\x00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.isVisible()
    assert "control character" in dialog.errors.messages()["observations"]
