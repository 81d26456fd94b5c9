"""Rows as tall as the lines of one column's text (issue 20).

A patient on an antibiotic and a fluid has two regimens; at 1280 px the census elided the
second ("Ceftriaxon 2 g ×1; NaCl 0.9 …"), the line a nurse reads the row for. The census shows
each regimen on its own line instead, and ``LineRows`` makes just those rows taller: the
others keep the table's one-line height, so a ward still fits on the screen.

Only rows that arrive or change are measured (inserted, changed, or every row after a reset),
never the whole ward on a sort: ``QHeaderView`` keeps a section's non-default size with its
row across ``layoutChanged`` (the model's persistent indexes), so a tall row moves with its
patient.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

ParentIndex = QModelIndex | QPersistentModelIndex


class LineRows(QObject):
    """Keeps each row of ``table`` as tall as the lines of its ``column``'s display text."""

    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self.table, self.column = table, column
        model = table.model()
        model.modelReset.connect(self.fit_all)
        model.rowsInserted.connect(self._on_inserted)
        model.dataChanged.connect(self._on_changed)

    def line_height(self, lines: int) -> int:
        """The height of a row showing ``lines`` lines (one line: the table's own height)."""
        default = self.table.verticalHeader().defaultSectionSize()
        if lines <= 1:
            return default
        return default + (lines - 1) * self.table.fontMetrics().lineSpacing()

    def fit_all(self) -> None:
        self.fit_rows(0, self.table.model().rowCount() - 1)

    def fit_rows(self, first: int, last: int) -> None:
        model, header = self.table.model(), self.table.verticalHeader()
        for row in range(max(first, 0), last + 1):
            text = model.data(model.index(row, self.column), Qt.ItemDataRole.DisplayRole)
            lines = text.count("\n") + 1 if isinstance(text, str) else 1
            height = self.line_height(lines)
            if header.sectionSize(row) != height:
                self.table.setRowHeight(row, height)

    def _on_inserted(self, parent: ParentIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self.fit_rows(first, last)

    def _on_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                    roles: list[int] | None = None) -> None:
        if top_left.column() <= self.column <= bottom_right.column() and (
                not roles or Qt.ItemDataRole.DisplayRole in roles):
            self.fit_rows(top_left.row(), bottom_right.row())
