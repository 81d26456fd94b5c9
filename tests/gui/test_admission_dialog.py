"""The admission dialog: rules checked as the form is filled, Save only when valid, admit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.db import Database
from console.models import Admission, Visit
from console.services.core.uow import unit_of_work
from console.views.admission.dialog import AdmissionDialog
from console.views.common.screen import ScreenContext
from tests.factories import DOCTOR, NURSE, add_ward_staff

MakeContext = Callable[[Database], ScreenContext]


def open_dialog(qtbot: QtBot, db: Database, context_for: MakeContext,
                user: str = DOCTOR) -> AdmissionDialog:
    add_ward_staff(db)
    context = replace(context_for(db), user=user)
    context.worker.runner.user = user
    dialog = AdmissionDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.options_loaded, timeout=10_000):
        dialog.load_options()
        dialog.show()
    return dialog


def fill_valid(qtbot: QtBot, dialog: AdmissionDialog) -> None:
    form = dialog.form
    qtbot.keyClicks(form.cpr, "010150-1234")
    qtbot.keyClicks(form.name, "Test Testesen")
    qtbot.keyClicks(form.address, "Testvej 1, 4180 Sorø")
    form.municipality.setCurrentIndex(form.municipality.findData("Sorø"))
    form.written_info.setChecked(True)
    line = dialog.lines.lines[0]
    qtbot.keyClicks(line.drug, "Piperacillin/Tazobactam")
    qtbot.keyClicks(line.dose, "4 g")


def test_blank_form_waits_quietly_and_save_is_disabled(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    assert dialog.form.doctor.currentData() == DOCTOR  # the acting e-doctor is proposed
    assert not dialog.save_button.isEnabled()
    assert dialog.problems == []  # blanks are "still to fill in", not red rule messages
    assert "Still to fill in" in dialog.summary.text()


def test_pump_four_times_a_day_is_shown_at_the_system_then_fixed_and_admitted(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    assert dialog.problems == []
    assert dialog.save_button.isEnabled()
    line = dialog.lines.lines[0]
    dialog.form.provider.setCurrentIndex(dialog.form.provider.findData("mbe"))
    line.system.setCurrentIndex(line.system.findData("elastomeric_pump"))
    line.doses_per_day.setValue(4)
    assert [p.rule_id for p in dialog.problems] == ["R-PUMP"]
    assert dialog.errors.messages()["regimen[0].system"].startswith(
        "R-PUMP: A course with a pump cannot run 4 times a day")
    assert "R-PUMP" in dialog.summary.text()
    assert not dialog.save_button.isEnabled()
    line.doses_per_day.setValue(3)
    assert dialog.problems == []
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.admitted, timeout=10_000) as admitted:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.context.worker.is_idle)
    admission_id = admitted.args[0]
    with unit_of_work(sqlite_db, "system") as session:
        adm = session.get(Admission, admission_id)
        assert adm is not None
        assert adm.tariff_type is not None
        assert adm.tariff_type.code == "ABPUMP"
        visits = session.scalar(select(func.count()).select_from(Visit)
                                .where(Visit.admission_id == admission_id))
    assert visits
    assert visits > 0


def test_tariff_override_needs_a_reason(qtbot: QtBot, sqlite_db: Database,
                                        context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    dialog.tariff.setCurrentIndex(dialog.tariff.findData("AB14"))
    assert dialog.errors.messages()["tariff_override_reason"].startswith("R-TARIFF")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.tariff_reason, "Expected 16 days")
    assert dialog.save_button.isEnabled()


def test_the_service_decides_a_nurse_cannot_admit(qtbot: QtBot, sqlite_db: Database,
                                                  context_for: MakeContext) -> None:
    dialog = open_dialog(qtbot, sqlite_db, context_for, user=NURSE)
    fill_valid(qtbot, dialog)
    dialog.form.doctor.setCurrentIndex(dialog.form.doctor.findData(DOCTOR))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.context.worker.is_idle)
    assert dialog.banner.isVisible()
    assert dialog.form.name.text() == "Test Testesen"  # what was typed is kept
    with unit_of_work(sqlite_db, "system") as session:
        assert session.scalar(select(func.count()).select_from(Admission)) == 0


def test_user_guide_example_breaks_exactly_r_pump(qtbot: QtBot, sqlite_db: Database,
                                                  context_for: MakeContext) -> None:
    from console.views.screenshot_dialogs import fill_admission_example

    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_admission_example(dialog)
    assert [p.rule_id for p in dialog.problems] == ["R-PUMP"]
    assert dialog.blanks == []
    assert not dialog.save_button.isEnabled()


def test_admit_stays_on_a_1280x720_screen(qtbot: QtBot, sqlite_db: Database,
                                          context_for: MakeContext) -> None:
    """Issue 20: the dialog needed 745 px, so on a 720 px laptop Admit was below the screen's
    edge. The forms and the regimen now scroll together; Admit and the summary stay in view."""
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    dialog.lines.add_line()  # a second regimen line makes it taller still
    free_height = int(720 * 0.95)  # a panel or task bar takes the rest
    assert dialog.minimumSizeHint().height() <= free_height
    dialog.resize(1180, free_height)
    qtbot.waitUntil(lambda: dialog.height() == free_height)
    bottom = dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft()).y()
    assert dialog.save_button.isVisible()
    assert bottom <= dialog.height()


def test_a_dialog_opened_as_the_second_turns_has_consent_no_later_than_admission(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """R-CONSENT (consent not after admission) is not tripped by the form's own defaults: the
    clock read once per field straddled a second's edge in a CI run, and Admit stayed grey."""
    from datetime import UTC, datetime, timedelta

    import console.views.admission.form as form_module

    readings = iter(datetime(2026, 12, 7, 15, 29, 59, tzinfo=UTC) + timedelta(seconds=i)
                    for i in range(100))
    monkeypatch.setattr(form_module, "now_utc", lambda: next(readings))
    dialog = open_dialog(qtbot, sqlite_db, context_for)
    fill_valid(qtbot, dialog)
    assert dialog.form.consent_at.dateTime() <= dialog.form.admitted_at.dateTime()
    assert [p.rule_id for p in dialog.problems] == []
    assert dialog.save_button.isEnabled()
