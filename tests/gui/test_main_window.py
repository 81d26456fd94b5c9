"""The main window shell: navigation, placeholders, status bar, connection light, saved state."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from pytestqt.qtbot import QtBot

from console.views.common.change_bridge import ChangeBridge, ConnectionStatus
from console.views.main_window import SCREEN_KEYS, MainWindow


def test_window_title_and_status_bar(main_window: MainWindow) -> None:
    assert main_window.windowTitle() == "eWard Console"
    assert main_window.database_label.text().startswith("SQLite · ")
    assert main_window.database_label.text().endswith("eward.sqlite")
    assert main_window.user_label.text() == "User: TST"
    assert main_window.connection.text() == "● Connected"
    assert main_window.current_key() == "census"
    assert main_window.screens["census"].model.rowCount() == 5


def test_every_screen_is_built(qtbot: QtBot, main_window: MainWindow) -> None:
    from console.views.common.screen import Screen

    assert list(main_window.screens) == list(SCREEN_KEYS) or \
        set(main_window.screens) == set(SCREEN_KEYS)
    for key in SCREEN_KEYS:
        screen = main_window.show_screen(key)
        assert isinstance(screen, Screen)
        assert main_window.stack.currentWidget() is screen
        assert main_window.screen_title.text() == screen.title()
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)


def test_navigation_list_switches_screens(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.nav.setCurrentRow(SCREEN_KEYS.index("dispatch"))
    assert main_window.current_key() == "dispatch"
    assert main_window.screen_title.text() == "Dispatch"
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)  # its board loads


def test_census_patient_request_opens_the_record(qtbot: QtBot, main_window: MainWindow) -> None:
    row = main_window.screens["census"].model.row_at(2)
    main_window.screens["census"].select_admission(row.admission_id)
    with qtbot.waitSignal(main_window.patient.loaded, timeout=10_000):
        main_window.screens["census"].patient_requested.emit(row.admission_id)
    assert main_window.current_key() == "patient"
    assert main_window.patient.record is not None
    assert main_window.patient.record.admission_id == row.admission_id
    assert main_window.patient.record.name == row.name
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)


def test_admit_button_opens_the_admission_dialog(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.screens["census"].admit_button.click()
    dialog = main_window.admission_dialog
    assert dialog is not None
    qtbot.waitUntil(main_window.context.worker.is_idle)
    assert dialog.isVisible()
    assert main_window.open_admission_dialog() is dialog  # one at a time
    dialog.reject()


def test_round_decision_discharge_opens_the_discharge_dialog(qtbot: QtBot,
                                                             main_window: MainWindow) -> None:
    admission_id = main_window.screens["census"].model.row_at(0).admission_id
    main_window.screens["rounds"].discharge_requested.emit(admission_id, "completed")
    qtbot.waitUntil(lambda: main_window.patient.dialog is not None, timeout=10_000)
    assert main_window.current_key() == "patient"
    assert type(main_window.patient.dialog).__name__ == "DischargeDialog"
    main_window.patient.dialog.reject()
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)


def test_escalation_count_is_in_the_status_bar(qtbot: QtBot, main_window: MainWindow) -> None:
    qtbot.waitUntil(lambda: main_window.escalation_status.text() != "", timeout=10_000)
    assert "Escalations" in main_window.escalation_status.text()
    main_window.escalation_status.clicked.emit()
    assert main_window.current_key() == "escalations"
    qtbot.waitUntil(main_window.context.worker.is_idle)


def test_status_bar_reads_wait_for_the_census(qtbot: QtBot, ward_db: object,
                                              gui_settings: QSettings) -> None:
    """Issue 17: the census's load and paint come first; the counts and roles follow it."""
    from console.app import create_main_window
    from console.services.core import operations

    order: list[str] = []
    run = operations.Runner.run

    def recording(runner: operations.Runner, operation: operations.Operation,
                  **kw: object) -> object:
        order.append(getattr(getattr(operation, "fn", None), "__name__", "?"))
        return run(runner, operation, **kw)  # type: ignore[arg-type]

    operations.Runner.run = recording  # type: ignore[method-assign]
    try:
        window = create_main_window(ward_db, "TST", gui_settings)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.roles is not None
                        and window.overdue_status.count is not None
                        and window.escalation_status.snapshot is not None, timeout=10_000)
    finally:
        operations.Runner.run = run  # type: ignore[method-assign]
    assert order[0] == "load_census"
    assert set(order[1:4]) == {"role_names_of", "status_snapshot", "count_overdue"}


def test_connection_light_follows_watcher_and_worker(qtbot: QtBot,
                                                     main_window: MainWindow) -> None:
    bridge: ChangeBridge = main_window.context.changes
    watcher = threading.Thread(target=bridge.on_status, args=(False, "Server gone."))
    watcher.start()
    watcher.join()
    qtbot.waitUntil(lambda: not main_window.connection.online)
    assert main_window.connection.text().startswith("● Offline since ")
    assert main_window.connection.text().endswith(", retrying")
    assert main_window.connection.toolTip() == "Server gone."
    main_window.connection.set_status(ConnectionStatus(True, "Back."))
    assert main_window.connection.text() == "● Connected"
    main_window.context.worker.database_unavailable.emit("The database did not answer.")
    assert not main_window.connection.online


def test_changing_the_ward_day_reloads_the_census(qtbot: QtBot, main_window: MainWindow) -> None:
    tomorrow = main_window.day + timedelta(days=30)
    with qtbot.waitSignal(main_window.screens["census"].loaded, timeout=10_000):
        main_window.day_edit.setDate(tomorrow)
    assert main_window.screens["census"].model.rowCount() == 5  # nobody discharged in the test ward
    assert main_window.screens["census"].day == tomorrow
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)  # the other screens


def test_window_state_is_saved_per_user(main_window: MainWindow, gui_settings: QSettings) -> None:
    main_window.screens["census"].table.setColumnWidth(0, 250)
    main_window.close()
    gui_settings.sync()
    assert gui_settings.value("main/geometry") is not None
    assert gui_settings.value("census/header") is not None


def _window_for(qtbot: QtBot, db: object, user: str, settings: QSettings) -> MainWindow:
    from console.app import create_main_window

    window = create_main_window(db, user, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.roles is not None, timeout=10_000)
    qtbot.waitUntil(window.context.worker.is_idle, timeout=10_000)
    return window


def test_a_nurse_sees_only_what_a_nurse_may_do(qtbot: QtBot, ward_db: object,
                                               gui_settings: QSettings) -> None:
    from console.models import Role
    from tests.factories import add_staff

    add_staff(ward_db, "NUR", Role.E_NURSE)  # type: ignore[arg-type]
    window = _window_for(qtbot, ward_db, "NUR", gui_settings)
    assert window.roles == frozenset({"e_nurse"})
    assert not window.admin_menu.menuAction().isVisible()
    assert window.screens["census"].admit_button.isHidden()
    assert window.screens["rounds"].panel.sign_button.isHidden()
    assert not window.screens["rounds"].panel.ready_button.isHidden()
    assert window.patient.discharge_button.isHidden()
    assert window.patient.access_button.isHidden()
    assert not window.patient.done_button.isHidden()
    window.context.worker.shutdown()


def test_an_admin_doctor_gets_the_audit_trail(qtbot: QtBot, ward_db: object,
                                              gui_settings: QSettings) -> None:
    from console.models import Role
    from tests.factories import add_staff

    add_staff(ward_db, "ADA", Role.E_DOCTOR, Role.ADMIN)  # type: ignore[arg-type]
    window = _window_for(qtbot, ward_db, "ADA", gui_settings)
    assert window.admin_menu.menuAction().isVisible()
    assert not window.screens["census"].admit_button.isHidden()
    assert not window.patient.access_button.isHidden()
    dialog = window.open_audit_dialog()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as loaded:
        dialog.reload()
    assert loaded.args[0] > 0  # the small ward's admissions are in the trail
    qtbot.waitUntil(window.context.worker.is_idle)
    window.context.worker.shutdown()


def test_only_the_first_screen_is_built_at_start(qtbot: QtBot, main_window: MainWindow) -> None:
    """Issue 17: the census paints before the other screens exist; each is built when shown,
    with the roles, the day and the saved state it would have had from the start."""
    assert [key for key in SCREEN_KEYS if main_window.screens.is_built(key)] == ["census"]
    assert [main_window.nav.item(r).text() for r in range(main_window.nav.count())] == [
        "Census", "Patient", "Rounds", "Visits", "Dispatch", "Logistics", "Escalations",
        "Dashboard", "Messages", "Referrals"]
    later = main_window.day.replace(day=1)
    main_window.day_edit.setDate(QDate(later.year, later.month, later.day))
    main_window.show_screen("rounds")
    rounds = main_window.screens["rounds"]
    assert main_window.screens.is_built("rounds")
    assert main_window.stack.currentWidget() is rounds
    assert rounds.day == later
    assert main_window.screen_title.text() == "Rounds"
    assert not main_window.screens.is_built("dashboard")
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)


def test_a_first_start_fills_the_screen_and_later_ones_keep_the_size(
        qtbot: QtBot, main_window: MainWindow, tmp_path: Path) -> None:
    """Issue 20: no saved size yet → the whole available screen (console.app maximises it);
    afterwards the window opens as it was left."""
    from PySide6.QtGui import QGuiApplication

    from console.app import create_main_window

    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    db = main_window.context.runner.database
    first = create_main_window(db, "TST", settings)
    qtbot.addWidget(first)
    assert first.first_start
    assert first.size() == screen.availableGeometry().size()
    first.resize(first.minimumSizeHint().width() + 10, 500)
    first.save_state(settings)
    again = create_main_window(db, "TST", settings)
    qtbot.addWidget(again)
    assert not again.first_start
    assert again.size() == first.size()
    for window in (first, again, main_window):
        qtbot.waitUntil(window.context.worker.is_idle, timeout=10_000)
