"""Issue 14 on the Dispatch screen: the dispatcher creates the week's shifts from the rota and
copies a week with its crews from the *Shifts* menu; the board shows the new lanes (R-SHIFT)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from console.db import Database
from console.views.common.screen import ScreenContext
from tests.gui.test_dispatch_screen import WAIT, open_screen
from tests.test_dispatch import DAY

MakeContext = Callable[[Database], ScreenContext]


def test_r_shift_create_the_week_from_the_rota_then_copy_it(
        qtbot: QtBot, disp_db: Database, context_for: MakeContext) -> None:
    screen = open_screen(qtbot, context_for(disp_db))
    screen.set_roles(frozenset({"dispatcher"}))
    assert screen.pages.currentWidget() is screen.empty_label
    assert not screen.shifts.button.isHidden()
    assert "from 23/11" in screen.shifts.week_action.text()

    screen.shifts.week_action.trigger()
    qtbot.waitUntil(lambda: screen.snapshot is not None and len(screen.snapshot.shifts) == 6,
                    timeout=WAIT)
    assert screen.pages.currentIndex() == 0  # the board, a lane per car
    assert len(screen.snapshot.lanes) == 3 * 2 * 4  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "42 shifts created; 0 were already there." in
                    screen.message_label.text(), timeout=WAIT)

    crew = screen.snapshot.lanes[0]  # type: ignore[union-attr]
    screen.writes.set_crew(crew.shift_car_id, "Anne Holm / Per Dahl", crew.version)
    qtbot.waitUntil(lambda: "crew Anne Holm / Per Dahl" in screen.message_label.text(),
                    timeout=WAIT)

    screen.set_day(DAY + timedelta(days=7))
    qtbot.waitUntil(lambda: screen.snapshot is not None and screen.snapshot.day
                    == DAY + timedelta(days=7), timeout=WAIT)
    assert screen.pages.currentWidget() is screen.empty_label
    screen.shifts.copy_action.trigger()
    qtbot.waitUntil(lambda: screen.snapshot is not None and len(screen.snapshot.shifts) == 6,
                    timeout=WAIT)
    assert any(lane.crew == "Anne Holm / Per Dahl"
               for lane in screen.snapshot.lanes)  # type: ignore[union-attr]


def test_r_shift_only_a_dispatcher_sees_the_shifts_menu(
        qtbot: QtBot, disp_db: Database, context_for: MakeContext) -> None:
    screen = open_screen(qtbot, context_for(disp_db))
    screen.set_roles(frozenset({"e_nurse"}))
    assert screen.shifts.button.isHidden()


def test_r_shift_a_car_out_of_service_shows_why(
        qtbot: QtBot, disp_db: Database, context_for: MakeContext) -> None:
    from PySide6.QtCore import Qt

    from console.services.core.uow import unit_of_work
    from console.services.dispatch import board, rota
    from console.views.dispatch.tables import CarsColumn

    with unit_of_work(disp_db, "TST") as s:
        rota.create_shifts(s, DAY, 1)
        car, version = rota.find_shift_car(s, "NAE-2", DAY, "day")
        board.set_car_in_service(s, car, False, version, reason="At the workshop")
    screen = open_screen(qtbot, context_for(disp_db))
    row = next(n for n, lane in enumerate(screen.cars_model.rows()) if lane.shift_car_id == car)
    tip = screen.cars_model.index(row, CarsColumn.IN_SERVICE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Out of service: At the workshop"
