"""The census screen with qtbot over a real (SQLite) database, loaded through the worker."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from console.db import Database
from console.services.core.errors import InvalidInput
from console.services.course import census as census_service
from console.services.course.census import CensusSnapshot
from console.views.census.model import ADMISSION_ID_ROLE, Column
from console.views.census.screen import CensusScreen
from console.views.common.gc_policy import freeze_startup_objects
from console.views.common.screen import ScreenContext
from tests.gui.ward_data import NAMES, admit_one_more, seed_small_ward

MakeContext = Callable[[Database], ScreenContext]


@pytest.fixture
def screen(qtbot: QtBot, ward_db: Database, context_for: MakeContext, day: date) -> CensusScreen:
    census = CensusScreen(context_for(ward_db), day)
    qtbot.addWidget(census)
    census.resize(1200, 700)
    census.show()
    return census


def loaded(qtbot: QtBot, screen: CensusScreen) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()


def visible_names(screen: CensusScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount())]


def test_census_loads_rows_and_capacity(qtbot: QtBot, screen: CensusScreen) -> None:
    loaded(qtbot, screen)
    assert sorted(visible_names(screen)) == sorted(NAMES)
    assert screen.capacity_label.text() == "5 / 30 admitted"
    assert "over capacity" not in screen.capacity_label.text()
    assert screen.loading_label.isHidden()
    assert screen.pages.currentWidget() is screen.table


def test_over_capacity_warns(qtbot: QtBot, sqlite_db: Database, context_for: MakeContext,
                             day: date) -> None:
    seed_small_ward(sqlite_db, day, capacity=3)
    screen = CensusScreen(context_for(sqlite_db), day)
    qtbot.addWidget(screen)
    loaded(qtbot, screen)
    assert screen.capacity_label.text() == "5 / 3 admitted — over capacity"


def test_empty_ward_says_so(qtbot: QtBot, sqlite_db: Database, context_for: MakeContext,
                            day: date) -> None:
    screen = CensusScreen(context_for(sqlite_db), day)
    qtbot.addWidget(screen)
    loaded(qtbot, screen)
    assert screen.pages.currentWidget() is screen.empty_label
    assert screen.empty_label.text() == f"No patients admitted on {day:%d/%m/%Y}."


def test_filter_narrows_rows(qtbot: QtBot, screen: CensusScreen) -> None:
    loaded(qtbot, screen)
    qtbot.keyClicks(screen.filter_edit, "holbæk")  # municipality
    assert visible_names(screen) == ["Bent Hansen"]
    screen.filter_edit.clear()
    qtbot.keyClicks(screen.filter_edit, "urinary")  # condition label
    assert visible_names(screen) == ["Anna Jensen"]
    screen.filter_edit.setText("030355")  # masked CPR
    assert visible_names(screen) == ["Carla Nielsen"]
    screen.filter_edit.setText("nobody")
    assert visible_names(screen) == []
    assert screen.pages.currentWidget() is screen.empty_label
    screen.filter_edit.clear()
    assert len(visible_names(screen)) == 5
    assert screen.pages.currentWidget() is screen.table


def test_sort_by_column_keeps_the_selection(qtbot: QtBot, screen: CensusScreen) -> None:
    loaded(qtbot, screen)
    assert visible_names(screen) == sorted(NAMES)  # by name at start
    assert screen.select_admission(screen.model.row_at(3).admission_id)
    chosen = screen.selected_admission_id()
    screen.table.sortByColumn(Column.DAY, Qt.SortOrder.DescendingOrder)
    assert visible_names(screen)[0] == "Dorte Larsen"  # day 7 of the course
    assert visible_names(screen)[-1] == "Carla Nielsen"  # day 1
    assert screen.selected_admission_id() == chosen


def test_change_feed_reload_keeps_the_selected_admission(qtbot: QtBot, screen: CensusScreen,
                                                         ward_db: Database, day: date) -> None:
    loaded(qtbot, screen)
    screen.table.sortByColumn(Column.ESCALATIONS, Qt.SortOrder.DescendingOrder)
    bent = next(r.admission_id for r in screen.model._rows if r.name == "Bent Hansen")
    assert screen.select_admission(bent)
    # Another desk admits someone whose name sorts first: the rows move under the selection.
    admit_one_more(ward_db, day, "Aage Andersen")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce(frozenset({"admission", "patient"}))
    assert len(visible_names(screen)) == 6
    assert screen.selected_admission_id() == bent


def test_irrelevant_changes_do_not_reload(qtbot: QtBot, screen: CensusScreen) -> None:
    loaded(qtbot, screen)
    screen.context.changes.announce(frozenset({"car", "shift"}))
    qtbot.wait(50)
    assert not screen.is_loading
    assert screen.context.worker.is_idle()


def test_gui_stays_responsive_while_the_database_is_slow(
        qtbot: QtBot, screen: CensusScreen, monkeypatch: pytest.MonkeyPatch,
        request: pytest.FixtureRequest) -> None:
    real = census_service.load_census

    def slow(session: Session, day: date | None = None) -> CensusSnapshot:
        time.sleep(0.5)
        return real(session, day)

    monkeypatch.setattr(census_service, "load_census", slow)
    # As the console does after start-up: a full collection over the whole test session's
    # heap (not the console's) would otherwise pause this thread on a loaded machine.
    freeze_startup_objects()
    request.addfinalizer(gc.unfreeze)
    ticks = 0
    longest_gap = 0
    clock = QElapsedTimer()

    def tick() -> None:
        nonlocal ticks, longest_gap
        ticks += 1
        longest_gap = max(longest_gap, clock.restart())

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
        assert screen.loading_label.isVisible()
    timer.stop()
    assert ticks >= 25, f"the GUI thread ticked only {ticks} times in 0.5 s"
    assert longest_gap < 200, f"the GUI thread stalled for {longest_gap} ms"
    assert len(visible_names(screen)) == 5


def test_two_refreshes_in_a_row_apply_only_the_latest(
        qtbot: QtBot, screen: CensusScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    real = census_service.load_census
    calls: list[float] = []

    def slow_first(session: Session, day: date | None = None) -> CensusSnapshot:
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(0.3)
            snap = real(session, day)
            return CensusSnapshot(day=snap.day, capacity=snap.capacity, rows=snap.rows[:1])
        return real(session, day)

    monkeypatch.setattr(census_service, "load_census", slow_first)
    applied: list[int] = []
    screen.loaded.connect(lambda: applied.append(screen.model.rowCount()))
    screen.reload()
    time.sleep(0.05)  # the first one is running
    screen.reload()
    qtbot.waitUntil(screen.context.worker.is_idle, timeout=10_000)
    assert applied == [5]  # the stale one-row result never reached the view
    assert len(calls) == 2


def test_a_service_error_shows_a_message(qtbot: QtBot, screen: CensusScreen,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_session: Session, _day: date | None = None) -> Any:
        raise InvalidInput("day", "The ward day is outside the data.")

    monkeypatch.setattr(census_service, "load_census", broken)
    with qtbot.waitSignal(screen.load_failed, timeout=10_000):
        screen.reload()
    assert screen.error_label.isVisible()
    assert screen.error_label.text() == (
        "Could not load the census: The ward day is outside the data.")
    assert not screen.is_loading

    def crash(_session: Session, _day: date | None = None) -> Any:
        raise KeyError("boom")

    monkeypatch.setattr(census_service, "load_census", crash)
    with qtbot.waitSignal(screen.load_failed, timeout=10_000):
        screen.reload()
    assert "Something unexpected went wrong (KeyError)" in screen.error_label.text()


def test_enter_and_double_click_request_the_patient(qtbot: QtBot, screen: CensusScreen) -> None:
    loaded(qtbot, screen)
    first = screen.model.row_at(0).admission_id
    screen.select_admission(first)
    with qtbot.waitSignal(screen.patient_requested) as blocker:
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert blocker.args == [first]
    index = screen.proxy.index(1, Column.NAME)
    rect = screen.table.visualRect(index)
    with qtbot.waitSignal(screen.patient_requested) as blocker:
        # QTest sends no press before a double click; item views need one to know the item.
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [index.data(ADMISSION_ID_ROLE)]


def test_a_change_to_one_patient_refreshes_that_row_only_keeping_selection_and_scroll(
        qtbot: QtBot, screen: CensusScreen, ward_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: an event naming an admission reloads that row (keyed update in place)."""
    from sqlalchemy import update

    from console.change_events import ChangedRow, ChangeEvent
    from console.models import Escalation
    from console.services.core.uow import unit_of_work

    loaded(qtbot, screen)
    screen.resize(1200, 140)  # a few rows visible: the list scrolls
    rows = screen.model.rows()
    chosen, changed = rows[3].admission_id, rows[1].admission_id
    assert screen.select_admission(chosen)
    bar = screen.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    scroll = bar.value()
    calls: list[object] = []
    real = census_service.load_census

    def recorded(session: Session, day: date | None = None, admission_ids: Any = None
                 ) -> CensusSnapshot:
        calls.append(admission_ids)
        return real(session, day, admission_ids)

    monkeypatch.setattr(census_service, "load_census", recorded)
    with unit_of_work(ward_db, "TST") as s:  # a new open escalation for that patient
        s.execute(update(Escalation).where(Escalation.admission_id == changed)
                  .values(resolved_at=None))
        s.add(Escalation(**_escalation_for(s, changed)))
    inserted = []
    model = screen.model
    model.rowsInserted.connect(lambda *_a: inserted.append(1))
    model.modelReset.connect(lambda: inserted.append("reset"))
    event = ChangeEvent(frozenset({"escalation"}),
                        (ChangedRow("escalation", "99", changed),), complete=True)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.changed.emit(event)
    assert calls == [[changed]]  # one query for that admission, not the ward
    assert inserted == []  # updated in place: no reset, no insert
    row = model.row_at(model.row_of(changed))  # type: ignore[arg-type]
    assert row.open_escalations >= 1
    assert screen.selected_admission_id() == chosen
    assert bar.value() == scroll
    qtbot.waitUntil(screen.context.worker.is_idle)


def _escalation_for(session: Session, admission_id: int) -> dict[str, Any]:
    from sqlalchemy import select

    from console.models import Admission, EscalationCategory, Patient, RoutedTo, Severity
    from console.timeutil import now_utc

    muni = session.scalar(select(Patient.municipality_id).join(
        Admission, Admission.patient_id == Patient.id).where(Admission.id == admission_id))
    return {"admission_id": admission_id, "municipality_id": muni, "caller_name": "Nurse",
            "category": EscalationCategory.OTHER, "severity": Severity.ROUTINE,
            "text": "a question", "received_at": now_utc(), "routed_to": RoutedTo.E_NURSE}


def test_a_change_that_names_no_admission_reloads_the_whole_census(
        qtbot: QtBot, screen: CensusScreen) -> None:
    """A setting (the capacity) belongs to no patient: the whole census loads again."""
    from console.change_events import ChangedRow, ChangeEvent

    loaded(qtbot, screen)
    event = ChangeEvent(frozenset({"setting"}), (ChangedRow("setting", "capacity", None),),
                        complete=True)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.changed.emit(event)
    assert not screen.is_loading
