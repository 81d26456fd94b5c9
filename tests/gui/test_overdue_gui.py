"""R-REGISTER on screen (issue 14): the census's "Next visit" shows the overdue one first, in
red; the status bar counts overdue visits and clears when the visit is registered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.qtbot import QtBot

from console.db import Database
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.course.visits import list_visits, register_visit_missed
from console.timeutil import today_local
from console.views.census.model import CensusTableModel, Column
from console.views.census.overdue_status import OverdueStatusWidget
from console.views.common import palette
from console.views.common.frozen_rows import SORT_ROLE
from console.views.common.screen import ScreenContext
from tests.factories import DOCTOR, NURSE, referral
from tests.gui.test_census_model import DAY, ROWS, cell, make_row

WAIT = 10_000


def test_r_register_the_census_shows_the_overdue_visit_first_in_red() -> None:
    overdue = make_row(4, "Dora Overdue", overdue_visits=2,
                       overdue_since=datetime(2025, 3, 12, 7, 0, tzinfo=UTC))
    model = CensusTableModel()
    model.set_rows((*ROWS, overdue), DAY)
    assert cell(model, 3, Column.NEXT_VISIT) == "Overdue 08:00"  # 07:00 UTC, Copenhagen
    assert cell(model, 3, Column.NEXT_VISIT, Qt.ItemDataRole.BackgroundRole) == palette.DANGER_BG
    assert "R-REGISTER" in cell(model, 3, Column.NEXT_VISIT, Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 0, Column.NEXT_VISIT, Qt.ItemDataRole.BackgroundRole) is None
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.NEXT_VISIT, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, Column.NAME).data() == "Dora Overdue"


def test_r_register_the_status_bar_counts_overdue_visits_and_a_registration_clears_one(
        qtbot: QtBot, disp_db: Database,
        context_for: Callable[[Database], ScreenContext]) -> None:
    first_day = today_local() - timedelta(days=2)  # its visits are past at any hour
    with unit_of_work(disp_db, DOCTOR) as s:
        admit(s, parse_referral(referral(first_day, **{"patient.cpr": "120150-4321",
                                                       "patient.name": "Olga Overdue"})))
    widget = OverdueStatusWidget(context_for(disp_db))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT):
        widget.reload()
    assert widget.count is not None
    before = widget.count.visits
    assert before > 0
    assert widget.text().startswith(f"Overdue visits: {before} (")
    assert "#b42318" in widget.styleSheet()
    with read_only(disp_db) as s:
        visit = next(v for v in list_visits(s, first_day) if v.overdue)
    with unit_of_work(disp_db, NURSE) as s:
        register_visit_missed(s, visit.id, reason="Not at home", expected_version=visit.version)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT):
        widget.reload()
    assert widget.count.visits == before - 1


def test_r_register_the_census_looks_again_every_minute(
        qtbot: QtBot, disp_db: Database,
        context_for: Callable[[Database], ScreenContext]) -> None:
    from console.views.census.screen import OVERDUE_REFRESH_MS, CensusScreen

    screen = CensusScreen(context_for(disp_db), today_local())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.overdue_timer.isActive()
    assert screen.overdue_timer.interval() == OVERDUE_REFRESH_MS
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.overdue_timer.timeout.emit()  # a minute later: loaded again
