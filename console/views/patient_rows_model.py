"""One read-only table model for the record's small lists (regimen, labs, rounds, deliveries,
escalations) and the base of the visit timeline: columns are declared, never hand-coded.

Rows are frozen dataclasses from ``console.services.record``; ``data()`` never touches the
database. ``SORT_ROLE`` gives raw sortable values; ``ID_ROLE`` the row's id (selection by id).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    header: str  # marked with QT_TRANSLATE_NOOP(context, …)
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str | None] | None = None
    align_center: bool = False


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """A table over a tuple of frozen rows, declared by ``ColumnSpec``s."""

    def __init__(self, context: str, columns: Sequence[ColumnSpec[R]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._columns = tuple(columns)
        self._rows: tuple[R, ...] = ()

    def set_rows(self, rows: Sequence[R]) -> None:
        """Same ids in the same order → cells update in place (selection untouched)."""
        rows = tuple(rows)
        if [self.row_id(r) for r in rows] == [self.row_id(r) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(self._columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return self._rows

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of_id(self, row_id: int) -> int | None:
        for n, r in enumerate(self._rows):
            if self.row_id(r) == row_id:
                return n
        return None

    @staticmethod
    def row_id(row: R) -> int:
        return int(getattr(row, "id", 0))

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, spec = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == SORT_ROLE:
            return spec.sort(row) if spec.sort else spec.text(row).casefold()
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.tooltip(row) if spec.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.align_center:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Colours, fonts, badges: subclasses add them here."""
        del row, column, role
        return None
