"""Writing from the patient record: register a visit, discharge, and a stale edit (Conflict)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.db import Database
from console.services.core.uow import unit_of_work
from console.services.course import visits as visit_service
from console.views.common.screen import ScreenContext
from console.views.patient.discharge_dialog import DischargeDialog
from console.views.patient.screen import PatientScreen
from console.views.patient.visit_register_dialog import DONE, MISSED, VisitRegisterDialog
from tests.factories import DOCTOR, NURSE
from tests.gui.test_patient_record import admit_test_patient, open_record

MakeContext = Callable[[Database], ScreenContext]


def record_screen(qtbot: QtBot, db: Database, context_for: MakeContext, day: date
                  ) -> PatientScreen:
    return open_record(qtbot, db, context_for, day, admit_test_patient(db, day))


def save_and_wait(qtbot: QtBot, screen: PatientScreen, dialog: object) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_register_done_updates_the_timeline(qtbot: QtBot, sqlite_db: Database,
                                            context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    visit = screen.timeline_model.row_at(0)
    screen.select_visit(visit.id)
    dialog = screen.open_register_dialog(DONE)
    assert isinstance(dialog, VisitRegisterDialog)
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "25")
    qtbot.keyClicks(dialog.observations, "Dose given, PICC fine.")
    save_and_wait(qtbot, screen, dialog)
    row = screen.timeline_model.row_of_id(visit.id)
    assert row is not None
    done = screen.timeline_model.row_at(row)
    assert (done.status, done.minutes_spent, done.performed_by) == ("done", 25, DOCTOR)
    assert screen.selected_visit_id() == visit.id
    assert not screen.done_button.isEnabled()  # a done visit cannot be registered again


def test_missed_needs_a_reason_and_keeps_the_dialog_open(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    screen.select_visit(screen.timeline_model.row_at(0).id)
    dialog = screen.open_register_dialog(MISSED)
    assert dialog is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.isVisible()
    assert dialog.errors.messages()["reason"] == "Say why the visit was missed."
    qtbot.keyClicks(dialog.reason, "Patient not at home; MBE informed.")
    save_and_wait(qtbot, screen, dialog)
    assert screen.timeline_model.row_at(0).status == "missed"
    assert screen.timeline_model.row_at(0).missed_reason == "Patient not at home; MBE informed."


def test_discharge_through_the_dialog(qtbot: QtBot, sqlite_db: Database,
                                      context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    dialog = screen.open_discharge_dialog("oral_switch")
    assert isinstance(dialog, DischargeDialog)
    assert "will be cancelled" in dialog.consequences.text()
    assert dialog.outcome.currentData() == "oral_switch"
    dialog.epikrise.setChecked(True)
    dialog.informed.setChecked(True)
    save_and_wait(qtbot, screen, dialog)
    record = screen.record
    assert record is not None
    assert record.status == "discharged"
    assert record.discharge_outcome == "oral_switch"
    assert screen.header.status.text().startswith("Discharged")
    assert "Switched to tablets" in screen.header.status.text()
    assert all(v.status != "planned" for v in record.visits if v.window_end > record.discharged_at)  # type: ignore[operator]
    assert not screen.discharge_button.isEnabled()


def test_stale_version_shows_who_changed_it_and_reload_rebases(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    screen = record_screen(qtbot, sqlite_db, context_for, day)
    visit = screen.timeline_model.row_at(1)
    screen.select_visit(visit.id)
    dialog = screen.open_register_dialog(DONE)
    assert dialog is not None
    with unit_of_work(sqlite_db, NURSE) as session:  # another desk edits the visit meanwhile
        from console.models import Visit

        row = session.get(Visit, visit.id)
        assert row is not None
        before = row.service_minutes
        row.service_minutes += 5
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.isVisible()
    assert dialog.conflict.isVisible()
    assert dialog.conflict.label.text().startswith(f"Changed by {NURSE} at ")
    # Their values beside yours: the form still holds what this person typed.
    assert (f"Their change: service minutes: {before} → {before + 5}"
            in dialog.conflict.label.text())
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.conflict.reload_button.click()
    assert not dialog.conflict.isVisible()
    assert dialog.expected_version == visit.version + 1
    save_and_wait(qtbot, screen, dialog)  # applied again on the fresh version
    assert screen.timeline_model.row_at(1).status == "done"


def test_register_is_refused_for_someone_without_the_role(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    from console.models import Role
    from tests.factories import add_staff

    admission_id = admit_test_patient(sqlite_db, day)
    add_staff(sqlite_db, "LOG", Role.LOGISTICS)  # on the staff, but may not register a dose
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id, user="LOG",
                         reason="Looking up the visit for the municipality")
    screen.select_visit(screen.timeline_model.row_at(0).id)
    dialog = screen.open_register_dialog(MISSED)
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, "No answer")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.banner.isVisible()
    assert dialog.banner.text()
    assert visit_service.REGISTER_ROLES  # the service decided, the dialog only told
