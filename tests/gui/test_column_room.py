"""Columns that make room (issue 20): at 1600 px the census cut "Urinary tract infection" to
"Urinary tra…" beside a half-empty treatment column, and at 1280 px the round list's regimen
read "…". A column gives way only as far as the essential one needs, and gets its width back
when the window grows."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from console.views.common.column_room import GiveWay, ShortColumnHider

CONDITION, TREATMENT, DAY = 0, 1, 2


def _table(qtbot: QtBot, width: int) -> QTableView:
    model = QStandardItemModel(3, 3)
    for row, (condition, treatment) in enumerate([
            ("Urinary tract infection", "Piperacillin/Tazobactam 4 g ×3"),
            ("Pneumonia", "Cefuroxim 1.5 g ×3"), ("Other", "Ceftriaxon 2 g ×1")]):
        model.setItem(row, CONDITION, QStandardItem(condition))
        model.setItem(row, TREATMENT, QStandardItem(treatment))
        model.setItem(row, DAY, QStandardItem("10 of 21"))
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setSectionResizeMode(TREATMENT, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnToContents(CONDITION)
    table.setColumnWidth(DAY, 80)
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_column_gives_way_only_as_far_as_the_treatment_needs(qtbot: QtBot) -> None:
    table = _table(qtbot, 900)
    fitted = table.columnWidth(CONDITION)
    GiveWay(table, TREATMENT, {CONDITION: 60})
    assert table.columnWidth(CONDITION) == fitted  # room enough: nothing is cut
    needed = table.sizeHintForColumn(TREATMENT)
    chrome = table.width() - table.viewport().width()  # frame and row numbers
    table.resize(chrome + fitted + needed + 80 - 40, 200)  # the treatment 40 px short
    qtbot.waitUntil(lambda: table.columnWidth(CONDITION) < fitted)
    assert table.columnWidth(CONDITION) >= fitted - 45  # narrowed by what was lacking
    assert table.columnWidth(TREATMENT) >= needed - 5
    table.resize(300, 200)
    qtbot.waitUntil(lambda: table.columnWidth(CONDITION) == 60)  # never below its minimum
    table.resize(900, 200)
    qtbot.waitUntil(lambda: table.columnWidth(CONDITION) == fitted)  # back when there is room


def test_a_column_with_too_little_room_gives_way_entirely_and_comes_back(qtbot: QtBot) -> None:
    table = _table(qtbot, 700)
    table.horizontalHeader().setSectionResizeMode(TREATMENT, QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setSectionResizeMode(DAY, QHeaderView.ResizeMode.Stretch)
    ShortColumnHider(table, DAY, 60)
    assert not table.isColumnHidden(DAY)
    table.setColumnWidth(TREATMENT, 700)
    table.resize(table.width() - 1, 200)
    qtbot.waitUntil(lambda: table.isColumnHidden(DAY))
    table.setColumnWidth(TREATMENT, 200)
    table.resize(table.width() + 1, 200)
    qtbot.waitUntil(lambda: not table.isColumnHidden(DAY))


def test_rows_that_arrive_later_get_their_room(qtbot: QtBot) -> None:
    """The logistics list fills after its columns are set: a long line to pack that arrives
    then must still get its room (it read "9 × Benzylpenicillin 2 …" beside empty flags)."""
    table = _table(qtbot, 900)
    model = table.model()
    assert isinstance(model, QStandardItemModel)
    fitted = table.columnWidth(CONDITION)
    GiveWay(table, TREATMENT, {CONDITION: 60})
    chrome = table.width() - table.viewport().width()
    table.resize(chrome + fitted + table.sizeHintForColumn(TREATMENT) + 80 + 10, 200)
    qtbot.wait(20)
    assert table.columnWidth(CONDITION) == fitted
    model.appendRow([QStandardItem("Other"), QStandardItem("9 × Benzylpenicillin 2 MIE + IV box"),
                     QStandardItem("1 of 5")])
    qtbot.waitUntil(lambda: table.columnWidth(CONDITION) < fitted)


def test_with_the_column_hidden_the_rest_fit_the_view_by_their_spare_pixels(
        qtbot: QtBot) -> None:
    """A date with wider digits left the record's visits a pixel wider than the view once the
    notes had given way: a scroll bar for one pixel. The spare width of a column sized for
    more than its text and header need is given back instead."""
    table = _table(qtbot, 700)
    table.horizontalHeader().setSectionResizeMode(TREATMENT, QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setSectionResizeMode(DAY, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnToContents(TREATMENT)
    ShortColumnHider(table, DAY, 60)
    spare = 30
    table.setColumnWidth(CONDITION, table.columnWidth(CONDITION) + spare)
    view = table.columnWidth(CONDITION) + table.columnWidth(TREATMENT) - 3  # 3 px too narrow
    table.resize(table.width() - table.viewport().width() + view, 200)
    qtbot.waitUntil(lambda: table.isColumnHidden(DAY))
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    assert table.columnWidth(TREATMENT) >= table.sizeHintForColumn(TREATMENT)  # text whole
