"""One read-only table model for the record's small lists (regimen, labs, rounds, deliveries,
escalations) and the base of the visit timeline: columns are declared, never hand-coded.

Rows are frozen dataclasses from ``console.services.course.record``; ``data()`` never touches the
database. ``SORT_ROLE`` gives raw sortable values; ``ID_ROLE`` the row's id (selection by id).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt

from console.views.common.frozen_rows import ID_ROLE, SORT_ROLE, FrozenRowsModel, Index
from console.views.common.row_plan import RowsBase

__all__ = ["ID_ROLE", "SORT_ROLE", "ColumnSpec", "Index", "RowsTableModel"]
R = TypeVar("R")


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    header: str  # marked with QT_TRANSLATE_NOOP(context, …)
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str | None] | None = None
    align_center: bool = False
    text_tip: bool = False  # the cell's own text as its tooltip: whole where the column narrows


class RowsTableModel(FrozenRowsModel[R]):
    """A table over a tuple of frozen rows, declared by ``ColumnSpec``s."""

    def __init__(self, context: str, columns: Sequence[ColumnSpec[R]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.CONTEXT = context
        self._columns = tuple(columns)
        self.HEADERS = tuple(c.header for c in self._columns)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Same ids in the same order → cells update in place (selection untouched)."""
        self.replace_rows(rows)

    def row_of_id(self, row_id: int) -> int | None:
        return self.row_of(row_id)

    @staticmethod
    def row_id(row: R) -> int:
        return int(getattr(row, "id", 0))

    def row_key(self, row: R) -> object:
        return self.row_id(row)

    def off_thread_base(self) -> RowsBase[R] | None:
        """The rows' ids and the sort column's ``ColumnSpec`` functions, which read only the
        frozen row: a plan can be made on the pool thread (a subclass that keys or sorts its
        own way has none)."""
        cls = type(self)
        if self._key != self.row_key or cls.row_key is not RowsTableModel.row_key \
                or cls._cell is not RowsTableModel._cell:
            return None
        value = None
        if self._order is not None:
            column, _order, role = self._order
            if role != SORT_ROLE:
                return None
            value = _sort_value(self._columns[column])
        return RowsBase(self._rows, self._keys, cls.row_id, self._order, value,
                        self._order_keys)

    def _cell(self, row: R, col: int, role: int) -> Any:
        spec = self._columns[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == SORT_ROLE:  # as _sort_value says, without making a function per cell
            return spec.sort(row) if spec.sort else spec.text(row).casefold()
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if spec.text_tip:
                return spec.text(row)
            return spec.tooltip(row) if spec.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.align_center:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, col, role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Colours, fonts, badges: subclasses add them here."""
        del row, column, role
        return None


def _sort_value(spec: ColumnSpec[R]) -> Callable[[R], Any]:
    """A column's sort value: its ``sort``, else its text folded for case."""
    if spec.sort is not None:
        return spec.sort

    def folded(row: R) -> Any:
        return spec.text(row).casefold()

    return folded
