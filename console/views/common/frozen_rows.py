"""A read-only table model over a tuple of frozen rows (services' dataclasses, never ORM).

Subclasses declare ``HEADERS`` (marked with ``QT_TRANSLATE_NOOP(CONTEXT, …)``) and ``_cell``;
``replace_rows`` updates cells in place when the same ids come back in the same order (the
selection stays), and resets otherwise. ``data()`` never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class FrozenRowsModel(QAbstractTableModel):
    """Read-only rows of one frozen type; subclasses say what each cell shows."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = ""  # the translation context of HEADERS (QT_TRANSLATE_NOOP in the subclass)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        self._key: Callable[[Any], object] = id

    def replace_rows(self, rows: Sequence[Any], key: Callable[[Any], object]) -> None:
        """Same ids in the same order: cells update (selection kept); otherwise a reset."""
        rows, self._key = tuple(rows), key
        if [key(r) for r in rows] == [key(r) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, key: object) -> int | None:
        """The row of the record with this id (visit id, shift car id…)."""
        return next((n for n, r in enumerate(self._rows) if self._key(r) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def _cell(self, row: Any, col: int, role: int) -> Any:
        raise NotImplementedError
