"""A header context menu that shows or hides a table's columns (the choice is per user).

Narrow screens hide some columns by default; a right click on the header brings any back. The
hidden state is part of ``QHeaderView.saveState``, so screens that save their header keep it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView


def install_column_menu(table: QTableView, hidden_by_default: Iterable[int] = ()) -> None:
    header = table.horizontalHeader()
    for column in hidden_by_default:
        table.setColumnHidden(column, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(pos: QPoint) -> None:
        model = table.model()
        menu = QMenu(table)
        visible = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not table.isColumnHidden(column))
            action.setEnabled(visible != [column])  # never hide the last column
            action.toggled.connect(
                lambda on, c=column: table.setColumnHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(show_menu)
