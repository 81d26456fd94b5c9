"""Columns sized to their content when the first rows arrive, unless the user's own widths
were restored (issue 20: a long name cut in a fixed-width column while the stretched one had
room; the window remembers column widths per table)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from console.views.common.tables import RESTORED, fit_on_first_rows, house_table

LONG = "Henrik Andreasen Mikkelsen (260432-XXXX)"


def _table(qtbot: QtBot, restored: bool) -> tuple[QStandardItemModel, object]:
    model = QStandardItemModel(0, 2)
    table = house_table(model, stretch_last=True)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.setColumnWidth(0, 60)
    if restored:
        table.horizontalHeader().setProperty(RESTORED, True)
    fit_on_first_rows(table, [0])
    return model, table


def test_the_column_fits_its_longest_text_once_rows_arrive(qtbot: QtBot) -> None:
    model, table = _table(qtbot, restored=False)
    assert table.columnWidth(0) == 60  # no rows yet: nothing to fit
    model.appendRow([QStandardItem(LONG), QStandardItem("x")])
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(LONG)
    table.setColumnWidth(0, 80)  # the user narrows it; later rows leave that alone
    model.appendRow([QStandardItem(LONG + " and more"), QStandardItem("y")])
    assert table.columnWidth(0) == 80


def test_restored_widths_stand(qtbot: QtBot) -> None:
    model, table = _table(qtbot, restored=True)
    model.appendRow([QStandardItem(LONG), QStandardItem("x")])
    assert table.columnWidth(0) == 60
