"""Issue 14: the e-nurse's visit board. Every visit of the ward day across patients, grouped by
municipality and provider; an overdue dose (R-REGISTER) is red on the board; the e-nurse
registers it missed with the keyboard (Ctrl+M, type the reason, Space on Save), and the board,
the census and the status bar's count follow through the change feed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import create_main_window
from console.db import Database
from console.models import AccessEvent, Role
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.course.visit_board import BoardVisit
from console.services.course.visits import VisitRow
from console.sync import ChangeWatcher
from console.timeutil import today_local
from console.views.common.rows_model import ID_ROLE
from console.views.main_window import MainWindow
from console.views.visit_board import screen as board_screen
from console.views.visit_board.call_list_print import call_list_html
from console.views.visit_board.model import (
    BoardColumn,
    MunicipalityFilter,
    VisitBoardModel,
)
from console.views.visit_board.screen import VisitBoardScreen
from tests.factories import add_staff, referral
from tests.gui.thread_spy import threads_calling

WAIT = 10_000
FIRST_DAY = today_local() - timedelta(days=2)  # its doses are past at any hour


@pytest.fixture
def window(qtbot: QtBot, ward_db: Database, gui_settings: QSettings,
           day: date) -> Iterator[MainWindow]:
    add_staff(ward_db, "TST", Role.E_NURSE, name="Tina Test")
    add_staff(ward_db, "DZZ", Role.E_DOCTOR, name="Dan Doctor")
    doc = referral(FIRST_DAY, **{"patient.cpr": "120150-4321", "patient.name": "Olga Overdue",
                                 "responsible_doctor": "DZZ"})
    doc["consent"]["informed_by"] = "DZZ"
    with unit_of_work(ward_db, "DZZ") as s:
        admit(s, parse_referral(doc))
    window = create_main_window(ward_db, "TST", gui_settings, day=day)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(window.context.worker.is_idle, timeout=WAIT)
    watcher = ChangeWatcher(str(ward_db.url.render_as_string(hide_password=False)),
                            window.context.changes.on_change, poll_interval=0.05)
    watcher.start()
    assert watcher.wait_until_watching(5)
    try:
        yield window
    finally:
        watcher.stop()
        window.context.worker.wait_for_idle()


def _overdue_count(window: MainWindow) -> int:
    count = window.overdue_status.count
    return -1 if count is None else count.visits


def test_r_register_a_missed_dose_from_the_board_with_the_keyboard(
        qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    screen = window.show_screen("visits")
    assert isinstance(screen, VisitBoardScreen)
    qtbot.waitUntil(lambda: screen.board is not None, timeout=WAIT)
    qtmodeltester.check(screen.model)
    overdue = [r for r in screen.model.rows() if r.visit.overdue]
    # Olga's doses of two days ago are overdue at any hour; late in the evening the small
    # ward's own 22:00-23:00 doses of today are overdue too, so the test counts hers apart
    olgas = [r for r in overdue if r.visit.patient == "Olga Overdue"]
    assert olgas
    assert "overdue" in screen.summary.text()
    shown = [screen.proxy.index(r, BoardColumn.MUNICIPALITY).data(ID_ROLE)
             for r in range(screen.proxy.rowCount())]
    rows = [screen.model.row_at(screen.model.row_of_id(i)) for i in shown]  # type: ignore[arg-type]
    assert {r.id for r in rows[:len(overdue)]} == {r.id for r in overdue}  # overdue first
    munis = [r.municipality for r in rows[len(overdue):]]
    assert munis == sorted(munis)  # then grouped by municipality
    qtbot.waitUntil(lambda: _overdue_count(window) == len(overdue), timeout=WAIT)
    census = window.screens["census"]
    olga = next(r for r in census.model.rows() if r.name == "Olga Overdue")
    assert olga.overdue_visits == len(olgas)

    first = min((r.visit for r in olgas), key=lambda v: v.window_start)  # an earlier day's
    assert screen.select_visit(first.id)
    badge = screen.proxy.index(screen.table.currentIndex().row(), BoardColumn.STATUS).data()
    assert badge == "overdue"
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=WAIT)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, "Patient at the GP; dose moved")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    # registered: an earlier day's visit leaves the board (only overdue ones are carried over)
    qtbot.waitUntil(lambda: screen.model.row_of_id(first.id) is None, timeout=WAIT)
    assert sum(r.visit.overdue for r in screen.model.rows()) == len(overdue) - 1
    qtbot.waitUntil(lambda: _overdue_count(window) == len(overdue) - 1, timeout=WAIT)
    window.show_screen("census")
    qtbot.waitUntil(lambda: next(r for r in census.model.rows() if r.name == "Olga Overdue")
                    .overdue_visits == len(olgas) - 1, timeout=WAIT)


def test_the_call_list_prints_and_logs_every_patient_on_it(
        qtbot: QtBot, window: MainWindow, ward_db: Database, tmp_path: Path) -> None:
    screen = window.show_screen("visits")
    assert isinstance(screen, VisitBoardScreen)
    qtbot.waitUntil(lambda: screen.board is not None, timeout=WAIT)
    assert screen.board is not None
    path = tmp_path / "calls.pdf"
    with qtbot.waitSignal(screen.export.written, timeout=WAIT):
        screen.print_call_list(path)
    assert path.read_bytes().startswith(b"%PDF")
    with read_only(ward_db) as s:
        logged = set(s.scalars(select(AccessEvent.admission_id).where(
            AccessEvent.purpose == "print")))
    assert logged == set(screen.board.admission_ids())
    html = call_list_html(screen.board)
    assert "Olga Overdue" in html
    assert 'class="overdue"' in html


def test_a_reload_plans_the_rows_on_the_pool_thread_and_keeps_the_selected_visit(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: the row diff of a reload is made with the load, off the GUI thread; the GUI
    thread only applies it, in place (no reset), and the selected visit stays selected."""
    screen = window.show_screen("visits")
    assert isinstance(screen, VisitBoardScreen)
    qtbot.waitUntil(lambda: screen.board is not None, timeout=WAIT)
    threads = threads_calling(monkeypatch, board_screen, "prepare_board")
    visit = screen.model.row_at(screen.model.rowCount() // 2).visit
    assert screen.select_visit(visit.id)
    resets: list[bool] = []
    screen.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.reload()
    assert threads
    assert threading.main_thread().name not in threads
    assert resets == []
    selected = screen.selected_visit()
    assert selected is not None
    assert selected.id == visit.id


def _board_visit(n: int, municipality: str) -> BoardVisit:
    start = datetime(2026, 12, 6, 8, tzinfo=UTC) + timedelta(minutes=n)
    visit = VisitRow(n, n, f"Patient {n}", "iv_dose", "mbe", start, start + timedelta(hours=1),
                     20, "planned", None, None, None, None, None, None, 1)
    return BoardVisit(visit, municipality, None)


def test_the_visit_board_filters_one_municipality_exactly_without_asking_rows_for_all(
        qtbot: QtBot) -> None:
    model = VisitBoardModel()
    proxy = MunicipalityFilter()
    proxy.setSourceModel(model)
    odd = "Kbh. (C) [1]+"  # regular-expression characters match as themselves
    model.set_rows([_board_visit(1, "Aarhus"), _board_visit(2, odd), _board_visit(3, "Aarhus C")])
    assert proxy.rowCount() == 3
    proxy.set_municipality("Aarhus")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Aarhus"]
    proxy.set_municipality(odd)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [odd]
    proxy.set_municipality(None)
    assert proxy.rowCount() == 3
    assert proxy.filterAcceptsRow(0, QModelIndex())  # Qt's own filter: no pattern, all shown
