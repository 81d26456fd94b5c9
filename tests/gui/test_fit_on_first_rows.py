"""Columns sized to their content when the first rows arrive, unless the user's own widths
were restored (issue 20: a long name cut in a fixed-width column while the stretched one had
room; the window remembers column widths per table)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.common.tables import FIT_SAMPLE_ROWS, RESTORED, fit_on_first_rows, house_table

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


class _Paints(QObject):
    """The widths of columns 0 and 1 at each paint of a table's cells."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table, self.widths = table, list[tuple[int, int]]()
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widths.append((self.table.columnWidth(0), self.table.columnWidth(1)))
        return False


def test_a_large_table_s_first_rows_are_painted_once_at_their_fitted_widths(
        qtbot: QtBot) -> None:
    """Issue 17: sizing a column per turn repainted every visible cell each time (25-40 ms on
    the visit board); the rows now wait for their widths and are painted once."""
    model: RowsTableModel[tuple[int, str]] = RowsTableModel(
        "T", (ColumnSpec("Name", lambda r: r[1]), ColumnSpec("Again", lambda r: r[1]),
              ColumnSpec("N", lambda r: str(r[0]))))
    model.row_id = lambda r: r[0]  # type: ignore[method-assign]
    table = house_table(model, stretch_last=True)
    page = QWidget()  # a screen's table, not a window of its own
    QVBoxLayout(page).addWidget(table)
    qtbot.addWidget(page)
    page.resize(900, 300)
    table.setColumnWidth(0, 60)
    table.setColumnWidth(1, 60)
    page.show()
    qtbot.waitExposed(page)
    fit_on_first_rows(table, [0, 1])
    paints = _Paints(table)
    model.set_rows([(n, f"{LONG} {n}") for n in range(FIT_SAMPLE_ROWS + 50)])
    assert not table.viewport().updatesEnabled()  # sized in turns, painted after
    qtbot.waitUntil(table.viewport().updatesEnabled)
    qtbot.waitUntil(lambda: bool(paints.widths))
    fitted = (table.columnWidth(0), table.columnWidth(1))
    assert min(fitted) >= table.fontMetrics().horizontalAdvance(LONG)
    assert set(paints.widths) == {fitted}  # never painted at the old widths
