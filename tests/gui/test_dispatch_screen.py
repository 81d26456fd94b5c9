"""The Dispatch screen over a real SQLite ward, through the worker (pytest-qt): the board and the
tray, drag and drop (R-SHIFT refusals shown as they are), pinning, a car out of service,
auto-plan (accept, cancel, discard, a plan overtaken by another desk), two dispatchers on one
visit, and an escalation's MBE visit arriving in the tray through the change feed (issue 7)."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import console.views.dispatch.screen as dispatch_screen
from console.db import Database
from console.models import EscalationCategory, ResolveAction, Severity, VisitStatus
from console.services.core.operations import Runner
from console.services.core.travel import GreatCircleTravel, Place
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.board_view import load_board
from console.services.dispatch.planner import propose_plan
from console.services.dispatch.routes import mbe_visits
from console.services.escalations.escalations import EscalationInput, log_escalation, resolve
from console.sync import ChangeWatcher
from console.timeutil import format_local, now_utc, today_local
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.dispatch.model import VISIT_ID_ROLE, DraggedVisit, dragged_visits, visits_mime
from console.views.dispatch.plan_dialog import TIME_LIMIT_SETTING, PlanDialog, PlanRoutesModel, UnplacedModel
from console.views.dispatch.screen import DispatchScreen
from console.views.dispatch.tables import (
    CarsColumn,
    CarsTableModel,
    TrayColumn,
    TrayTableModel,
)
from tests.factories import DISPATCHER, NURSE, add_ward_staff
from tests.gui.thread_spy import threads_calling
from tests.test_dispatch import DAY, add_visit, assign, make_shifts, visit_of

MakeContext = Callable[[Database], ScreenContext]
WAIT = 10_000


def open_screen(qtbot: QtBot, context: ScreenContext, day: date = DAY) -> DispatchScreen:
    screen = DispatchScreen(context, day)
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    screen.show()
    loaded(qtbot, screen)
    return screen


@pytest.fixture
def screen(qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
           context_for: MakeContext) -> DispatchScreen:
    screen = open_screen(qtbot, context_for(disp_db))
    screen.context.settings.setValue(TIME_LIMIT_SETTING, 0.5)
    return screen


def loaded(qtbot: QtBot, screen: DispatchScreen) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.reload()


def tray_ids(screen: DispatchScreen) -> list[int]:
    return [r.visit_id for r in screen.tray_model.rows()]


def tray_mime(screen: DispatchScreen, visit_id: int) -> QMimeData:
    row = screen.tray_model.row_of(visit_id)
    assert row is not None
    return screen.tray_model.mimeData([screen.tray_model.index(row, TrayColumn.PATIENT)])


def drop(qtbot: QtBot, screen: DispatchScreen, mime: QMimeData, shift_car_id: int) -> None:
    """A drag entering the board, moving over the lane and dropping there (real Qt events)."""
    board = screen.board
    point = board.lane_rect(shift_car_id).center()
    action, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    no_mod = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, mime, left, no_mod)
    QApplication.sendEvent(board, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(board, QDragMoveEvent(point, action, mime, left, no_mod))
    assert board.lane_at(point) is not None
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        QApplication.sendEvent(board, QDropEvent(QPointF(point), action, mime, left, no_mod))


def lane_visits(screen: DispatchScreen, shift_car_id: int) -> list[int]:
    lane = screen.board.lane(shift_car_id)
    assert lane is not None
    return [b.visit_id for b in lane.blocks]


# -- models ---------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, disp_db: Database,
                                      cars: dict[tuple[str, str], int]) -> None:
    tray_visit = add_visit(disp_db, "09:00", "11:00")
    assign(disp_db, add_visit(disp_db, "10:00", "12:00"), cars[("NAE-1", "day")])
    add_visit(disp_db, "05:00", "06:00")  # outside every shift: the plan cannot place it
    with read_only(disp_db) as s:
        snapshot = load_board(s, DAY)
        proposal = propose_plan(s, DAY, time_limit=0.3)
    tray = TrayTableModel()
    tray.set_snapshot(snapshot)
    assert tray.rowCount() == 2
    qtmodeltester.check(tray, force_py=True)
    packed = tray.mimeData([tray.index(tray.row_of(tray_visit) or 0, 0)])
    assert dragged_visits(packed) == [DraggedVisit(tray_visit, 1, None)]
    assert tray.supportedDragActions() == Qt.DropAction.MoveAction
    assert tray.flags(tray.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    cars_model = CarsTableModel()
    cars_model.set_lanes(snapshot.lanes)
    assert cars_model.rowCount() == 24  # 3 bases x 2 shifts x 4 cars (R-SHIFT)
    qtmodeltester.check(cars_model, force_py=True)
    routes, unplaced = PlanRoutesModel(), UnplacedModel()
    routes.set_routes(proposal.routes)
    unplaced.set_visits(proposal.unassigned)
    assert unplaced.rowCount() == 1
    assert "outside every shift" in unplaced.index(0, 2).data()
    for model in (routes, unplaced):
        qtmodeltester.check(model, force_py=True)


def test_lanes_carry_eta_service_and_the_drive_from_the_base(disp_db: Database,
                                                             cars: dict[tuple[str, str], int]) -> None:
    nae1 = cars[("NAE-1", "day")]
    first = add_visit(disp_db, "09:00", "10:00", minutes=25, dlat=0.05)
    second = add_visit(disp_db, "11:00", "12:00", minutes=20, town="Vordingborg")
    for v in (first, second):
        assign(disp_db, v, nae1)
    with read_only(disp_db) as s:
        lane = next(ln for ln in load_board(s, DAY).lanes if ln.shift_car_id == nae1)
    travel = GreatCircleTravel()
    with read_only(disp_db) as s:
        rows = {r.visit_id: r for r in mbe_visits(s, DAY)}
    a, b = lane.blocks
    assert (a.visit_id, b.visit_id) == (first, second)
    assert a.start == rows[first].eta
    assert a.visit.service_minutes == 25
    assert a.travel_from == lane.starts_at  # leaves the base at the shift start
    expected = math.ceil(travel.minutes(Place(rows[first].lat, rows[first].lon),
                                        Place(rows[second].lat, rows[second].lon)))
    assert b.travel_minutes == expected
    assert b.travel_from == a.start + timedelta(minutes=25)
    assert lane.home_minutes > 0
    assert lane.driving_minutes == sum(
        x.travel_minutes for x in lane.blocks) + lane.home_minutes
    assert not a.late
    assert not b.late


# -- the screen -----------------------------------------------------------------------------


def test_summary_counts_the_tray_as_the_tray_shows_it(qtbot: QtBot, disp_db: Database,
                                                      cars: dict[tuple[str, str], int],
                                                      context_for: MakeContext) -> None:
    """A visit registered done on no car is not waiting for one: the headline's tray count is
    the tray's, and such visits are named apart (the demo day showed '27 in the tray' over a
    tray of 7)."""
    add_visit(disp_db, "09:00", "11:00", name="Asta Tray")
    add_visit(disp_db, "07:00", "08:00", status=VisitStatus.DONE)
    screen = open_screen(qtbot, context_for(disp_db))
    assert screen.tray_proxy.rowCount() == 1
    assert screen.summary_label.text() == (
        "2 MBE visits · 0 on cars · 1 in the tray · 1 done without a car")


def test_a_reload_plans_the_tray_on_the_pool_thread_and_keeps_its_selection(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        context_for: MakeContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: the tray's row diff is made with the load, off the GUI thread (3,900 tray
    visits took 20-45 ms of it on every reload); the GUI thread applies it in place, sorted by
    the window, and the selected visit stays selected. Sorted by status (the clock's) the plan
    is made on the GUI thread as before, and the rows are the same."""
    first = add_visit(disp_db, "09:00", "11:00", name="Asta Tray")
    second = add_visit(disp_db, "07:00", "08:00", name="Bent Tray")
    screen = open_screen(qtbot, context_for(disp_db))
    threads = threads_calling(monkeypatch, dispatch_screen, "prepare_tray")
    assert screen.select_visit(first)
    third = add_visit(disp_db, "08:00", "09:00", name="Carl Tray")
    resets: list[bool] = []
    screen.tray_model.modelReset.connect(lambda: resets.append(True))
    loaded(qtbot, screen)
    assert threads
    assert threading.main_thread().name not in threads
    assert resets == []
    assert tray_ids(screen) == [second, third, first]  # by the window, the new one in place
    assert screen.selected_visit_id() == first
    screen.tray.sortByColumn(TrayColumn.STATUS, Qt.SortOrder.AscendingOrder)
    threads.clear()
    assert screen.tray_model.off_thread_base() is None
    loaded(qtbot, screen)
    assert threads == []
    assert sorted(tray_ids(screen)) == sorted([first, second, third])
    assert screen.selected_visit_id() == first


def test_screen_shows_bases_shifts_cars_and_the_tray(qtbot: QtBot, disp_db: Database,
                                                     cars: dict[tuple[str, str], int],
                                                     context_for: MakeContext) -> None:
    tray_visit = add_visit(disp_db, "09:00", "11:00", name="Asta Tray")
    holbaek = add_visit(disp_db, "16:00", "17:00", town="Holbæk")
    assign(disp_db, add_visit(disp_db, "10:00", "12:00"), cars[("NAE-1", "day")])
    screen = open_screen(qtbot, context_for(disp_db))
    assert screen.title() == "Dispatch"
    assert screen.summary_label.text() == "3 MBE visits · 1 on cars · 2 in the tray"
    assert tray_ids(screen) == [tray_visit, holbaek]
    assert screen.tray_proxy.index(0, TrayColumn.WINDOW).data() == "09:00–11:00"
    assert [(ln.base, ln.kind) for ln in screen.board.lanes()][::4] == [
        ("Holbæk", "day"), ("Holbæk", "evening"), ("Nykøbing F.", "day"),
        ("Nykøbing F.", "evening"), ("Næstved", "day"), ("Næstved", "evening")]
    assert len(lane_visits(screen, cars[("NAE-1", "day")])) == 1
    screen.set_scope("Næstved", "day")
    assert [ln.call_sign for ln in screen.board.lanes()] == ["NAE-1", "NAE-2", "NAE-3", "NAE-4"]
    assert screen.cars_proxy.rowCount() == 4
    assert screen.tray_proxy.rowCount() == 1  # the Holbæk evening visit is another base's
    screen.set_scope("Holbæk", None)
    assert screen.tray_proxy.index(0, TrayColumn.PATIENT).data(VISIT_ID_ROLE) == holbaek
    screen.set_scope("Næstved", "day")
    tip = screen.board.tooltip_at(screen.board.block_rect(
        lane_visits(screen, cars[("NAE-1", "day")])[0]).center().toPoint())
    assert "ETA" in tip
    assert "NAE-1" in tip


def test_empty_state_when_the_day_has_no_shifts(qtbot: QtBot, disp_db: Database,
                                                context_for: MakeContext) -> None:
    add_visit(disp_db, "09:00", "11:00")
    screen = open_screen(qtbot, context_for(disp_db))
    assert screen.pages.currentWidget() is screen.empty_label
    assert screen.empty_label.text().startswith("No MBE shifts on 23/11/2026.")
    assert screen.tray_model.rowCount() == 1


def test_drag_a_tray_visit_onto_a_lane_places_it_then_move_it_to_another_car(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        screen: DispatchScreen) -> None:
    v = add_visit(disp_db, "09:00", "11:00", name="Bo Drag")
    loaded(qtbot, screen)
    nae1, nae3 = cars[("NAE-1", "day")], cars[("NAE-3", "day")]
    drop(qtbot, screen, tray_mime(screen, v), nae1)
    assert visit_of(disp_db, v).shift_car_id == nae1
    assert lane_visits(screen, nae1) == [v]
    assert v not in tray_ids(screen)
    eta = format_local(visit_of(disp_db, v).eta)
    assert screen.message_label.text().startswith(f"Bo Drag is on NAE-1 at {eta}: 1 stop, back at base ")
    assert screen.summary_label.text() == "1 MBE visits · 1 on cars · 0 in the tray"
    block = screen.board.lane(nae1).blocks[0]  # type: ignore[union-attr]
    drop(qtbot, screen, visits_mime([DraggedVisit(v, block.visit.version, nae1)]), nae3)
    assert visit_of(disp_db, v).shift_car_id == nae3
    assert lane_visits(screen, nae1) == []
    assert lane_visits(screen, nae3) == [v]
    back = visits_mime([DraggedVisit(v, visit_of(disp_db, v).version, nae3)])
    assert screen.tray_proxy.canDropMimeData(back, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):  # a block dropped on the tray
        screen.tray_proxy.dropMimeData(back, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert visit_of(disp_db, v).shift_car_id is None
    assert tray_ids(screen) == [v]
    assert screen.message_label.text() == "Bo Drag is back in the tray."


def test_infeasible_drop_shows_the_R_SHIFT_reason_and_changes_nothing(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        screen: DispatchScreen) -> None:
    evening = add_visit(disp_db, "18:00", "19:00")
    loaded(qtbot, screen)
    with qtbot.waitSignal(screen.write_failed, timeout=WAIT) as failed:
        screen.board.handle_drop(tray_mime(screen, evening),
                                 screen.board.lane_rect(cars[("NAE-1", "day")]).center())
    qtbot.waitUntil(lambda: not screen.is_loading and screen.context.worker.is_idle())
    text = failed.args[0]
    assert text.startswith("Not put on the car — R-SHIFT: ")
    assert "does not fit NAE-1's day shift 07:00–15:00" in text
    assert screen.error_label.isVisible()
    assert screen.error_label.text() == text
    assert visit_of(disp_db, evening).shift_car_id is None
    assert tray_ids(screen) == [evening]


def test_out_of_service_lane_refuses_with_the_reason(qtbot: QtBot, disp_db: Database,
                                                    context_for: MakeContext) -> None:
    cars = make_shifts(disp_db, out=("NAE-2/day",))
    v = add_visit(disp_db, "09:00", "11:00")
    screen = open_screen(qtbot, context_for(disp_db))
    lane = screen.board.lane(cars[("NAE-2", "day")])
    assert lane is not None
    assert not lane.in_service
    row = screen.cars_model.row_of(lane.shift_car_id) or 0
    assert screen.cars_model.index(row, CarsColumn.IN_SERVICE).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    with qtbot.waitSignal(screen.write_failed, timeout=WAIT) as failed:
        screen.board.handle_drop(tray_mime(screen, v),
                                 screen.board.lane_rect(lane.shift_car_id).center())
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "R-SHIFT: NAE-2 is not in service" in failed.args[0]
    assert visit_of(disp_db, v).shift_car_id is None


def test_pin_from_the_context_menu_and_unpin_with_space(qtbot: QtBot, disp_db: Database,
                                                        cars: dict[tuple[str, str], int],
                                                        screen: DispatchScreen) -> None:
    nae1 = cars[("NAE-1", "day")]
    v = add_visit(disp_db, "09:00", "11:00", name="Cai Pin")
    assign(disp_db, v, nae1)
    loaded(qtbot, screen)
    lane = screen.board.lane(nae1)
    assert lane is not None
    menu = screen.board.build_menu(lane, lane.blocks[0])
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Pin to NAE-1", "Take off the car", "Open the patient"]
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        menu.actions()[0].trigger()
    assert visit_of(disp_db, v).pinned
    assert screen.board.lane(nae1).blocks[0].visit.pinned  # type: ignore[union-attr]
    assert "Cai Pin is pinned to NAE-1" in screen.message_label.text()
    assert screen.board.current_block() is not None  # the block stays chosen after the reload
    screen.board.setFocus()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.board, Qt.Key.Key_Space)
    assert not visit_of(disp_db, v).pinned
    lane, block = screen.board.lane(nae1), screen.board.current_block()
    assert lane is not None
    assert block is not None
    with qtbot.waitSignal(screen.patient_requested) as opened:
        screen.board.build_menu(lane, block).actions()[-1].trigger()
    assert opened.args == [visit_of(disp_db, v).admission_id]


def test_keyboard_enter_puts_the_tray_selection_on_the_focused_lane(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        screen: DispatchScreen) -> None:
    v = add_visit(disp_db, "16:00", "18:00")
    loaded(qtbot, screen)
    assert screen.select_visit(v)
    screen.board.select(cars[("HOL-1", "day")])
    screen.board.setFocus()
    qtbot.keyClick(screen.board, Qt.Key.Key_Down)  # HOL-2 day
    qtbot.keyClick(screen.board, Qt.Key.Key_Down)  # HOL-3 day
    for _ in range(3):
        qtbot.keyClick(screen.board, Qt.Key.Key_Down)  # HOL-4, then HOL-1 and HOL-2 evening
    assert screen.selected_shift_car_id() == cars[("HOL-2", "evening")]
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.board, Qt.Key.Key_Return)
    assert visit_of(disp_db, v).shift_car_id == cars[("HOL-2", "evening")]
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.board, Qt.Key.Key_Right)  # choose the block
        qtbot.keyClick(screen.board, Qt.Key.Key_Delete)  # take it off the car
    assert visit_of(disp_db, v).shift_car_id is None
    assert tray_ids(screen) == [v]


def test_car_out_of_service_sends_its_visits_to_the_tray(qtbot: QtBot, disp_db: Database,
                                                        cars: dict[tuple[str, str], int],
                                                        screen: DispatchScreen) -> None:
    nae1 = cars[("NAE-1", "day")]
    loose = add_visit(disp_db, "09:00", "11:00", name="Dea Loose")
    pinned = add_visit(disp_db, "12:00", "13:00", name="Eva Pinned")
    assign(disp_db, loose, nae1)
    assign(disp_db, pinned, nae1, pin=True)
    loaded(qtbot, screen)
    model = screen.cars_model
    index = model.index(model.row_of(nae1) or 0, CarsColumn.IN_SERVICE)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert screen.message_label.text() == (
        "NAE-1 is out of service. Back in the tray: Dea Loose. Pinned, still on NAE-1 until "
        "you move them: Eva Pinned.")
    assert tray_ids(screen) == [loose]
    lane = screen.board.lane(nae1)
    assert lane is not None
    assert not lane.in_service
    assert lane_visits(screen, nae1) == [pinned]
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        model.setData(model.index(model.row_of(nae1) or 0, CarsColumn.CREW), "Anne / Bo")
    assert screen.board.lane(nae1).crew == "Anne / Bo"  # type: ignore[union-attr]


# -- auto-plan ------------------------------------------------------------------------------


def test_auto_plan_accept_fills_the_lanes_and_empties_the_tray(
        qtbot: QtBot, disp_db: Database, screen: DispatchScreen) -> None:
    placeable = [add_visit(disp_db, f"{h:02d}:00", f"{h + 1:02d}:00", town=town, dlat=0.01 * n)
                 for n, (h, town) in enumerate([(8, "Næstved"), (9, "Ringsted"), (11, "Holbæk"),
                                                (16, "Vordingborg"), (20, "Guldborgsund")])]
    dawn = add_visit(disp_db, "05:00", "06:00", name="Finn Dawn")
    loaded(qtbot, screen)
    assert sorted(tray_ids(screen)) == sorted([*placeable, dawn])
    with qtbot.waitSignal(screen.plan_saved, timeout=WAIT * 2):
        dialog = screen.open_plan_dialog()
        assert dialog.limit_spin.value() == 0.5
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=WAIT)
        assert dialog.summary_label.text().startswith("5 visits on ")
        assert dialog.unplaced.rowCount() == 1
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.is_loading and screen.context.worker.is_idle(),
                    timeout=WAIT)
    assert not dialog.isVisible()
    assert tray_ids(screen) == [dawn]  # only the one it could not place
    on_board = sorted(b.visit_id for ln in screen.board.lanes() for b in ln.blocks)
    assert on_board == sorted(placeable)
    assert all(visit_of(disp_db, v).shift_car_id is not None for v in placeable)
    status = screen.tray_model.index(0, TrayColumn.STATUS)
    assert status.data() == "Not placed"
    assert "outside every shift" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert "1 could not be placed: the tray says why." in screen.message_label.text()


def test_cancel_planning_returns_the_best_so_far_and_discard_writes_nothing(
        qtbot: QtBot, disp_db: Database, screen: DispatchScreen) -> None:
    ids = [add_visit(disp_db, "08:00", "12:00", town=("Næstved", "Sorø", "Holbæk")[n % 3],
                     dlat=0.01 * n) for n in range(25)]
    loaded(qtbot, screen)
    screen.context.settings.setValue(TIME_LIMIT_SETTING, 60.0)
    dialog = screen.open_plan_dialog()
    assert dialog.is_planning
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("planning… "), timeout=WAIT)
    with qtbot.waitSignal(dialog.proposal_ready, timeout=WAIT) as ready:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    proposal = ready.args[0]
    assert proposal.cancelled
    assert proposal.seconds < 30
    assert dialog.progress_label.text().startswith("Cancelled after ")
    assert dialog.accept_button.isEnabled()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert all(visit_of(disp_db, v).shift_car_id is None for v in ids)


def test_plan_overtaken_by_another_desk_is_not_saved(qtbot: QtBot, disp_db: Database,
                                                     cars: dict[tuple[str, str], int],
                                                     screen: DispatchScreen) -> None:
    v = add_visit(disp_db, "09:00", "11:00")
    other = add_visit(disp_db, "12:00", "13:00")
    loaded(qtbot, screen)
    dialog: PlanDialog = screen.open_plan_dialog()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=WAIT)
    assign(disp_db, v, cars[("HOL-1", "day")])  # another dispatcher, meanwhile
    dialog.accept_plan()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith(
        f"The board changed since this plan was made (Changed by {DISPATCHER} at ")
    assert not dialog.accept_button.isEnabled()
    assert dialog.plan_button.isEnabled()
    assert visit_of(disp_db, other).shift_car_id is None
    with qtbot.waitSignal(dialog.proposal_ready, timeout=WAIT):
        qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    qtbot.waitUntil(screen.context.worker.is_idle)


# -- two desks and the change feed ----------------------------------------------------------


@pytest.fixture
def second_desk(disp_db: Database, gui_settings: QSettings) -> Iterator[ScreenContext]:
    worker = Worker(Runner(disp_db, DISPATCHER))
    yield ScreenContext(runner=worker.runner, user=DISPATCHER, worker=worker, changes=ChangeBridge(),
                        settings=gui_settings)
    worker.shutdown()


def test_stale_assignment_shows_the_conflict_banner_with_reload(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        screen: DispatchScreen, second_desk: ScreenContext) -> None:
    v = add_visit(disp_db, "09:00", "11:00")
    loaded(qtbot, screen)
    other = open_screen(qtbot, second_desk)
    stale = tray_mime(screen, v)
    drop(qtbot, other, tray_mime(other, v), cars[("NAE-1", "day")])
    with qtbot.waitSignal(screen.write_failed, timeout=WAIT) as failed:
        screen.board.handle_drop(stale, screen.board.lane_rect(
            cars[("NAE-3", "day")]).center())
    assert failed.args[0].startswith(f"Changed by {DISPATCHER} at ")
    assert screen.conflict.isVisible()
    assert visit_of(disp_db, v).shift_car_id == cars[("NAE-1", "day")]
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.mouseClick(screen.conflict.reload_button, Qt.MouseButton.LeftButton)
    assert not screen.conflict.isVisible()
    assert lane_visits(screen, cars[("NAE-1", "day")]) == [v]
    qtbot.waitUntil(other.context.worker.is_idle)


def test_read_only_without_the_dispatcher_role(qtbot: QtBot, disp_db: Database,
                                              cars: dict[tuple[str, str], int],
                                              screen: DispatchScreen) -> None:
    v = add_visit(disp_db, "09:00", "11:00")
    loaded(qtbot, screen)
    screen.set_roles(frozenset({"e_nurse"}))
    assert not screen.plan_button.isVisibleTo(screen)
    assert not screen.board.handle_drop(tray_mime(screen, v),
                                        screen.board.lane_rect(cars[("NAE-1", "day")]).center())
    assert not screen.tray_model.flags(screen.tray_model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert "read-only" in screen.tray_title.text()
    assert screen.context.worker.is_idle()
    screen.set_roles(frozenset({"dispatcher"}))
    assert screen.plan_button.isVisibleTo(screen)


def test_escalation_resolved_with_an_mbe_visit_lands_in_the_tray(
        qtbot: QtBot, ward_db: Database, day: date, gui_settings: QSettings) -> None:
    """Issue 7: the e-nurse resolves a call with "MBE visit created"; the dispatcher's open
    screen shows the new visit in its tray through the change feed, with no manual reload."""
    add_ward_staff(ward_db)
    make_shifts(ward_db, today_local())
    bridge = ChangeBridge()
    worker = Worker(Runner(ward_db, DISPATCHER))
    try:
        screen = open_screen(qtbot, ScreenContext(runner=worker.runner, user=DISPATCHER,
                                                  worker=worker, changes=bridge,
                                                  settings=gui_settings), day)
        before = set(tray_ids(screen))
        watcher = ChangeWatcher(str(ward_db.url.render_as_string(hide_password=False)),
                                bridge.on_change, poll_interval=0.05)
        watcher.start()
        try:
            assert watcher.wait_until_watching(5)
            with read_only(ward_db) as s:
                from console.services.course.patient_search import search_admitted_patients
                anna = search_admitted_patients(s, "Anna")[0]
            with unit_of_work(ward_db, NURSE) as s:
                esc = log_escalation(s, EscalationInput(
                    category=EscalationCategory.MBE_SUPPORT, severity=Severity.URGENT,
                    caller_name="Mette", admission_id=anna.admission_id,
                    received_at=now_utc() - timedelta(minutes=1), text="Cannot give the dose"))
                row = resolve(s, esc.id, action=ResolveAction.MBE_VISIT_CREATED,
                              note="MTU takes the evening dose")
            assert row.visit_id is not None
            qtbot.waitUntil(lambda: row.visit_id in tray_ids(screen), timeout=WAIT)
        finally:
            watcher.stop()
        qtbot.waitUntil(worker.is_idle, timeout=WAIT)
        assert set(tray_ids(screen)) - before == {row.visit_id}
        n = screen.tray_model.row_of(row.visit_id)
        assert screen.tray_model.index(n or 0, TrayColumn.PATIENT).data() == "Anna Jensen"
        assert screen.tray_model.index(n or 0, TrayColumn.KIND).data() == "Support"
    finally:
        worker.shutdown()


def test_the_board_offers_a_re_plan_and_opens_auto_plan_from_it(
        qtbot: QtBot, disp_db: Database, screen: DispatchScreen,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: a visit in the tray the plan has not seen, on 'today' (the clock set to the
    test day's 08:00): the bar says so; Re-plan opens Auto-plan; Dismiss hides it until the
    reasons change; a read-only desk never sees it."""
    from datetime import time

    from console.services.dispatch import board_view
    from console.timeutil import utc_at

    monkeypatch.setattr(board_view, "now_utc", lambda: utc_at(DAY, time(8, 0)))
    banner = screen.replan_banner
    loaded(qtbot, screen)
    assert banner.isHidden()  # an empty tray: nothing to offer
    add_visit(disp_db, "09:00", "12:00")
    loaded(qtbot, screen)
    assert banner.isVisible()
    assert banner.label.text() == ("Re-plan suggested — MBE visits in the tray that can still be "
                                   "served today: 1.")
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    loaded(qtbot, screen)
    assert banner.isHidden()  # dismissed, and the reasons are the same
    add_visit(disp_db, "10:00", "12:00", town="Ringsted")
    loaded(qtbot, screen)
    assert banner.isVisible()  # a new reason
    screen.set_roles(frozenset({"nurse"}))
    assert banner.isHidden()
    screen.set_roles(frozenset({"dispatcher"}))
    assert banner.isVisible()
    qtbot.mouseClick(banner.replan_button, Qt.MouseButton.LeftButton)
    dialog = screen.plan_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=WAIT)
    dialog.close()
    qtbot.waitUntil(screen.context.worker.is_idle, timeout=WAIT)


def test_the_re_plan_bar_names_late_stops_and_their_cars(qtbot: QtBot) -> None:
    from console.services.dispatch.replan_offer import ReplanOffer
    from console.views.dispatch.replan_banner import ReplanBanner

    banner = ReplanBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_offer(ReplanOffer(waiting=(5,), late=(7, 8), late_cars=("HOL-2", "NAE-1"),
                                  planned=True), allowed=True)
    assert banner.isVisible()
    assert banner.label.text() == (
        "Re-plan suggested — MBE visits that came to the tray since the last plan and can still "
        "be served today: 1; stops that can no longer meet their time window: 2 (HOL-2, NAE-1).")
    banner.show_offer(ReplanOffer(), allowed=True)
    assert banner.isHidden()
