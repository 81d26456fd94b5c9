"""The escalation inbox, intake, actions and status over a real SQLite ward (pytest-qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.db import Database
from console.models import EscalationCategory, ResolveAction, Role, Severity
from console.services.core.operations import Runner
from console.services.core.uow import read_only, unit_of_work
from console.services.course.visits import list_visits
from console.services.escalations.escalations import EscalationInput, list_escalations, log_escalation
from console.timeutil import local_date, now_utc
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.escalations.intake import IntakeDialog
from console.views.escalations.model import Column, EscalationTableModel
from console.views.escalations.screen import EscalationsScreen, Show
from console.views.escalations.status import install_escalation_status
from tests.factories import add_staff

MakeContext = Callable[[Database], ScreenContext]


@pytest.fixture
def esc_db(ward_db: Database) -> Database:
    add_staff(ward_db, "TST", Role.E_NURSE, name="Tina Test")
    add_staff(ward_db, "DOC", Role.E_DOCTOR, name="Dorthe Læge")
    return ward_db


@pytest.fixture
def screen(qtbot: QtBot, esc_db: Database, context_for: MakeContext,
           day: date) -> EscalationsScreen:
    inbox = EscalationsScreen(context_for(esc_db), day)
    qtbot.addWidget(inbox)
    inbox.resize(1400, 800)
    inbox.show()
    loaded(qtbot, inbox)
    return inbox


@pytest.fixture
def second_desk(esc_db: Database, gui_settings: object) -> Iterator[ScreenContext]:
    worker = Worker(Runner(esc_db, "DOC"))
    yield ScreenContext(runner=worker.runner, user="DOC", worker=worker, changes=ChangeBridge(),
                        settings=gui_settings)  # type: ignore[arg-type]
    worker.shutdown()


def loaded(qtbot: QtBot, screen: EscalationsScreen) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()


def log_call(db: Database, name: str, *, severity: Severity = Severity.URGENT,
             minutes_ago: int = 1, category: EscalationCategory = EscalationCategory.MISSING_MEDICINE
             ) -> int:
    with read_only(db) as s:
        from console.services.course.patient_search import search_admitted_patients
        admission_id = search_admitted_patients(s, name)[0].admission_id
    with unit_of_work(db, "TST") as s:
        return log_escalation(s, EscalationInput(
            category=category, severity=severity, caller_name="Mette", admission_id=admission_id,
            received_at=now_utc() - timedelta(minutes=minutes_ago), text="Vial missing")).id


def cell(screen: EscalationsScreen, escalation_id: int, column: Column) -> str:
    row = screen.model.row_of(escalation_id)
    assert row is not None
    return str(screen.model.index(row, column).data())


def test_inbox_model_passes_the_model_tester(qtmodeltester: ModelTester, esc_db: Database) -> None:
    log_call(esc_db, "Anna")
    with read_only(esc_db) as s:
        rows = list_escalations(s)
    model = EscalationTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    model.tick()
    qtmodeltester.check(model, force_py=True)


def test_inbox_shows_open_calls_by_urgency(qtbot: QtBot, esc_db: Database,
                                           screen: EscalationsScreen) -> None:
    urgent = log_call(esc_db, "Erik")
    loaded(qtbot, screen)
    assert screen.model.row_at(0).id == urgent
    assert screen.proxy.rowCount() == 4  # 3 seeded "today" calls + the urgent one
    assert cell(screen, urgent, Column.SEVERITY) == "Urgent"
    assert cell(screen, urgent, Column.CATEGORY) == "Missing medicine"
    assert cell(screen, urgent, Column.PATIENT) == "Erik Poulsen  050565-XXXX"
    assert cell(screen, urgent, Column.ACK) in ("in 13 min", "in 14 min")
    assert screen.summary_label.text().startswith("4 open")


def test_log_a_call_through_the_intake_dialog(qtbot: QtBot, screen: EscalationsScreen) -> None:
    dialog = screen.open_intake()
    qtbot.waitUntil(lambda: dialog.options is not None and dialog.results.rowCount() == 5)
    qtbot.keyClicks(dialog.search_edit, "Carla")
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # picks the top match
    assert dialog.chosen is not None
    assert dialog.chosen.name == "Carla Nielsen"
    assert dialog.municipality.currentText() == "Roskilde"
    assert dialog.focusWidget() is dialog.caller_name  # hasFocus needs the window active
    dialog.category.setCurrentIndex(dialog.category.findData(EscalationCategory.COMPLICATION.value))
    assert "Routed to: e-doctor (R-CONTACT: clinical calls" in dialog.route_label.text()
    qtbot.keyClick(dialog.caller_name, Qt.Key.Key_Return)  # no caller yet: the service says so
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "Who called?" in dialog.error_label.text()
    assert dialog.isVisible()
    assert dialog.chosen.name == "Carla Nielsen"
    qtbot.keyClicks(dialog.caller_name, "Sygeplejerske Lone")
    qtbot.keyClicks(dialog.text_edit, "Redness around the PVK")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.keyClick(dialog.caller_name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    new_id = screen.selected_escalation_id()
    assert new_id is not None
    assert cell(screen, new_id, Column.ROUTED) == "e-doctor"
    assert cell(screen, new_id, Column.CALLER) == "Sygeplejerske Lone"
    assert "Redness around the PVK" in screen.detail.text_view.toPlainText()
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_route_override_needs_a_reason_at_the_field(qtbot: QtBot,
                                                    screen: EscalationsScreen) -> None:
    dialog = screen.open_intake()
    qtbot.waitUntil(lambda: dialog.options is not None and dialog.results.rowCount() == 5)
    dialog.results_view.setCurrentIndex(dialog.results.index(0, 0))
    qtbot.keyClicks(dialog.caller_name, "Lone")
    dialog.category.setCurrentIndex(dialog.category.findData(
        EscalationCategory.CLINICAL_WORSENING.value))
    dialog.override.setCurrentIndex(2)  # e-nurse
    dialog.save()
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text().startswith("R-CONTACT: ")
    # the field the rule is about gets the focus (focusWidget: also while another window is
    # active, as on a busy machine running tests side by side)
    assert dialog.focusWidget() is dialog.override_reason
    dialog.reject()
    # the refused write's follow-ups (the screen's reload) may still be on the worker
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_acknowledge_then_resolve_with_an_mtu_visit(qtbot: QtBot, esc_db: Database,
                                                    screen: EscalationsScreen) -> None:
    esc_id = log_call(esc_db, "Anna", category=EscalationCategory.MBE_SUPPORT)
    loaded(qtbot, screen)
    assert screen.select_escalation(esc_id)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(screen.detail.ack_button, Qt.MouseButton.LeftButton)
    assert cell(screen, esc_id, Column.ACK).startswith("✓ ")
    assert not screen.detail.ack_button.isEnabled()

    dialog = screen.detail.open_resolve()
    assert dialog is not None
    dialog.select_action(ResolveAction.NO_ACTION_NEEDED)
    assert "Why" in dialog.note_edit.placeholderText()
    dialog.save()  # no note: the service refuses, the dialog stays
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert dialog.error_label.text().startswith("R-ESC-ACTION: ")
    dialog.select_action(ResolveAction.MBE_VISIT_CREATED)
    qtbot.keyClicks(dialog.note_edit, "MTU takes the evening dose")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.save()
    assert not dialog.isVisible()
    assert screen.model.row_of(esc_id) is None  # resolved: gone from the open inbox
    with read_only(esc_db) as s:
        row = next(r for r in list_escalations(s) if r.id == esc_id)
        tray = [v for v in list_visits(s, local_date(now_utc())) if v.id == row.visit_id]
    assert row.resolution_action == "mbe_visit_created"
    assert [(v.provider, v.car) for v in tray] == [("mbe", None)]  # the dispatcher's tray
    screen.show_combo.setCurrentIndex(Show.ALL)
    qtbot.waitUntil(lambda: screen.model.row_of(esc_id) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not screen.is_loading)
    assert cell(screen, esc_id, Column.LINKS) == f"visit #{row.visit_id}"
    assert cell(screen, esc_id, Column.RESOLVE).startswith("✓ ")


def test_clocks_tick_without_the_database(qtbot: QtBot, esc_db: Database, day: date) -> None:
    esc_id = log_call(esc_db, "Bent", minutes_ago=0)
    with read_only(esc_db) as s:
        rows = list_escalations(s, open_only=True)
    received = next(r.received_at for r in rows if r.id == esc_id)
    clock_now = {"at": received}
    model = EscalationTableModel(now=lambda: clock_now["at"])
    model.set_rows(rows)
    n = model.row_of(esc_id)
    assert n is not None
    states = []
    for minutes in (5, 12, 20):
        clock_now["at"] = received + timedelta(minutes=minutes)
        model.tick()
        states.append((model.row_at(n).ack_clock.state, model.index(n, Column.ACK).data()))
    # under the "Acknowledge" header the cell leaves the verb out (issue 20: Danish at 1280 px)
    assert states == [("ok", "in 10 min"), ("amber", "in 3 min"), ("red", "5 min overdue")]
    clock_now["at"] = received + timedelta(minutes=100)
    model.tick()
    assert model.index(n, Column.RESOLVE).data() == "in 20 min"
    assert model.row_at(n).resolve_clock.state == "amber"


def test_screen_timer_ticks_and_overdue_filter_follows(
        qtbot: QtBot, esc_db: Database, screen: EscalationsScreen,
        monkeypatch: pytest.MonkeyPatch) -> None:
    esc_id = log_call(esc_db, "Anna")
    loaded(qtbot, screen)
    from PySide6.QtCore import QModelIndex

    screen.show_combo.setCurrentIndex(Show.OVERDUE)
    row = screen.model.row_of(esc_id)
    assert row is not None
    assert not screen.proxy.filterAcceptsRow(row, QModelIndex())  # not overdue yet
    later = now_utc() + timedelta(minutes=30)
    monkeypatch.setattr("console.views.escalations.model.now_utc", lambda: later)
    screen.tick()  # (other calls of the fixture may turn overdue too, depending on the hour)
    row = screen.model.row_of(esc_id)
    assert row is not None
    assert screen.proxy.filterAcceptsRow(row, QModelIndex())
    assert cell(screen, esc_id, Column.ACK) == "16 min overdue"


def test_second_desk_sees_who_acknowledged_first(
        qtbot: QtBot, esc_db: Database, context_for: MakeContext, second_desk: ScreenContext,
        day: date) -> None:
    esc_id = log_call(esc_db, "Dorte")
    desks = [EscalationsScreen(context_for(esc_db), day), EscalationsScreen(second_desk, day)]
    for desk in desks:
        qtbot.addWidget(desk)
        desk.show()
        loaded(qtbot, desk)
        assert desk.select_escalation(esc_id)
    with qtbot.waitSignal(desks[0].loaded, timeout=10_000):
        desks[0].detail.acknowledge()
    assert desks[1].detail.ack_button.isEnabled()  # its view is stale
    with qtbot.waitSignal(desks[1].loaded, timeout=10_000):
        desks[1].detail.acknowledge()
    message = desks[1].detail.message_label.text()
    assert "changed by TST at" in message
    assert not desks[1].detail.ack_button.isEnabled()  # reloaded: now it knows


def test_status_counts_and_urgent_notification(qtbot: QtBot, esc_db: Database,
                                               context_for: MakeContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    context = context_for(esc_db)
    status = install_escalation_status(window, context)
    qtbot.waitUntil(lambda: status.snapshot is not None, timeout=10_000)
    assert status.text().startswith("Escalations: 3 open · ")
    assert status.notifier is not None
    banner = status.notifier.banner
    assert not banner.isVisible()  # what was there at start is counted, not announced

    log_call(esc_db, "Carla", severity=Severity.ROUTINE)
    with qtbot.waitSignal(status.loaded, timeout=10_000):
        context.changes.announce(frozenset({"escalation"}))
    assert status.text().startswith("Escalations: 4 open")
    assert not banner.isVisible()  # routine: no alarm

    urgent = log_call(esc_db, "Erik", minutes_ago=20)
    with qtbot.waitSignal(status.notifier.urgent_arrived, timeout=10_000):
        context.changes.announce(frozenset({"escalation"}))
    assert banner.isVisible()
    assert "Urgent call: Erik Poulsen — Missing medicine" in banner.text_label.text()
    assert "1 urgent not acknowledged" in status.text()
    assert status.styleSheet().find("#b42318") >= 0  # red
    with qtbot.waitSignal(banner.open_requested) as opened:
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [urgent]
    qtbot.waitUntil(context.worker.is_idle)


def test_intake_with_a_preselected_patient(qtbot: QtBot, screen: EscalationsScreen,
                                           esc_db: Database) -> None:
    with read_only(esc_db) as s:
        from console.services.course.patient_search import search_admitted_patients
        bent = search_admitted_patients(s, "Bent")[0]
    dialog = screen.open_intake(bent.admission_id)
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(lambda: dialog.chosen is not None and dialog.options is not None)
    assert dialog.municipality.currentText() == "Holbæk"
    assert "Bent Hansen" in dialog.chosen_label.text()
    dialog.set_received(datetime(2026, 11, 23, 21, 0).astimezone())
    dialog.category.setCurrentIndex(dialog.category.findData(EscalationCategory.MISSING_SUPPLIES.value))
    assert "e-doctor" in dialog.route_label.text()
    dialog.reject()
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_the_inbox_refreshes_when_a_patients_name_changes_on_another_desk(
        qtbot: QtBot, esc_db: Database, screen: EscalationsScreen) -> None:
    """Issue 13: the inbox shows the patient's name, so it listens to the patient table (its
    load read it); nobody keeps a list of tables by hand."""
    from sqlalchemy import update

    from console.models import Patient

    log_call(esc_db, "Bent Hansen")
    loaded(qtbot, screen)
    assert screen.reads is not None
    assert "patient" in screen.reads
    with unit_of_work(esc_db, "DOC") as s:  # another desk corrects the name
        s.execute(update(Patient).where(Patient.name == "Bent Hansen")
                  .values(name="Bent Hansen-Holm"))
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce({"patient"})  # what the change watcher reports
    assert any(r.patient == "Bent Hansen-Holm" for r in screen.model.rows())
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_a_blocked_access_offers_the_pvk_placement(qtbot: QtBot, esc_db: Database,
                                                   screen: EscalationsScreen) -> None:
    """Issue 19 (R-ACCESS): the detail's visit button orders the MBE's PVK placement for an IV
    access problem, and a plain MBE visit for anything else."""
    other = log_call(esc_db, "Anna", category=EscalationCategory.MBE_SUPPORT)
    access = log_call(esc_db, "Anna", category=EscalationCategory.IV_ACCESS_PROBLEM)
    loaded(qtbot, screen)
    assert screen.select_escalation(other)
    assert screen.detail.visit_button.text() == "Create MBE visit"
    assert screen.select_escalation(access)
    assert screen.detail.visit_button.text() == "Order PVK placement"
    assert "R-ACCESS" in screen.detail.visit_button.toolTip()
