"""The one table model of the console: read-only rows of one frozen type, updated by key.

Every table shows the services' frozen rows (dataclasses, never ORM objects) through a subclass
that declares its ``HEADERS`` (marked with ``QT_TRANSLATE_NOOP(CONTEXT, …)``, tooltips in
``HEADER_TIPS``), how a row is keyed (``KEY``: the name of the admission, visit, delivery… id
field; ``row_key`` only where the key is not a field) and what each cell shows (``_cell``).
``record(key)`` gives the row with a key back. ``data()`` never touches the database.
The default ``_cell`` asks by role: ``_display`` (the text), ``ID_ROLES`` (the row fields the
screens select by), ``_sort_key``, ``_colours`` (background, foreground), ``_tooltip``,
``CENTRED`` columns, and ``_more`` for any other role (fonts, badges, search text).
``FrozenRowsModel[Row]`` types ``rows()``, ``row_at()`` and ``record()`` for the screens.

New rows arrive keyed, so the view keeps its selection, current row and scroll (style.md 6, 7):
``replace_rows`` removes the rows that are gone, inserts the new ones where they belong and
signals ``dataChanged`` only for rows that changed; ``upsert_rows``/``remove_keys`` apply the
few rows a change event names (issue 17). Rows whose order changed move in one layout change
that carries the selection along; a reset happens only on the first fill or when keys repeat.
What to signal is a ``row_plan.RowsPlan``: a screen whose model gives an ``off_thread_base``
has it made on the worker's pool thread with its load and only applies it (``apply_plan``).

The model sorts itself (``sort_rows``, called by the house proxy ``tables.SortingProxy`` when a
header is clicked): each row's key is read once (``row_order``), not twice per comparison by the
proxy, and the rows keep that order as they are replaced.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.views.common.row_plan import Order, RowsBase, RowsPlan, in_order, plan_rows

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw sortable values for the sorting proxy
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id (selection by id)

# ``data()`` runs about seven times per visible cell on every paint (the delegate asks for each
# role apart), through the proxy: plain ints compared, not PySide enum members looked up on
# every call (issue 17: a full repaint of the census 20 % shorter).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SORT = int(SORT_ROLE)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def as_written(text: str) -> str:
    """A tooltip Qt would read as HTML (a received message's "<b>…"), escaped to show as written:
    tooltips have no plain-text switch, so the text goes in as escaped HTML, its lines kept."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class FrozenRowsModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of one frozen type; subclasses say what each cell shows."""

    HEADERS: tuple[str, ...] = ()
    HEADER_TIPS: ClassVar[dict[int, str]] = {}
    CONTEXT = ""  # the translation context of HEADERS (QT_TRANSLATE_NOOP in the subclass)
    KEY: ClassVar[str] = "id"  # the field that names a row across reloads
    ID_ROLES: ClassVar[dict[int, str]] = {}  # role → the row's field (an id a screen selects by)
    CENTRED: ClassVar[frozenset[int]] = frozenset()  # columns whose cells are centred

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Row, ...] = ()
        self._loaded: tuple[Row, ...] = ()  # as the service gave them (ties keep this order)
        self._order: Order | None = None  # column, order, role
        self._order_keys: dict[object, tuple[Row, Any]] = {}  # row key → (row, its sort value)
        self._keys: tuple[object, ...] = ()  # each shown row's key, alongside ``_rows``
        self._index: dict[object, int] = {}
        self._key: Callable[[Row], object] = self.row_key
        # Sort keys by (row, column), asked for twice per comparison when the proxy sorts: a
        # thousand rows meant 20,000 Python calls each computing the key again (issue 17).
        # Connected before any proxy, so any change clears it before the proxy sorts again.
        self._sort_cache: dict[tuple[int, int], Any] = {}
        for signal in (self.modelReset, self.rowsInserted, self.rowsRemoved, self.rowsMoved,
                       self.dataChanged, self.layoutChanged):
            signal.connect(self._sort_cache.clear)

    # -- what a subclass says ------------------------------------------------------------------

    def row_key(self, row: Row) -> object:
        """The row's identity across reloads: its ``KEY`` field (default ``id``)."""
        return getattr(row, self.KEY, id(row))

    def _cell(self, row: Row, col: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._display(row, col)
        if role in self.ID_ROLES:
            return getattr(row, self.ID_ROLES[role])
        if role == _SORT:
            return self._sort_key(row, col)
        if role == _BACKGROUND:
            return self._colours(row, col)[0]
        if role == _FOREGROUND:
            return self._colours(row, col)[1]
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        if role == _ALIGNMENT and col in self.CENTRED:
            return _CENTRED
        return self._more(row, col, role)

    def _display(self, row: Row, col: int) -> Any:
        raise NotImplementedError

    def _sort_key(self, row: Row, col: int) -> Any:
        return None

    def _colours(self, row: Row, col: int) -> tuple[Any, Any]:
        return None, None

    def _tooltip(self, row: Row, col: int) -> str | None:
        return None

    def _more(self, row: Row, col: int, role: int) -> Any:
        return None

    # -- content -------------------------------------------------------------------------------

    def replace_rows(self, rows: Sequence[Row], key: Callable[[Row], object] | None = None
                     ) -> None:
        """Show ``rows``: gone rows removed, new ones inserted, changed ones updated in place.

        Each row's key is read once (a large board: 8,000 rows on every reload, issue 17)."""
        if key is not None and key != self._key:
            self._key = key
            self._loaded = tuple(rows)
            shown, keys, self._order_keys = in_order(self.base(), self._loaded,
                                                     [key(r) for r in self._loaded])
            self._reset(shown, keys)
            return
        self.apply_plan(plan_rows(self.base(), rows))

    def base(self) -> RowsBase[Row]:
        """What the model shows now: the start of a plan (``row_plan``), on the GUI thread."""
        value = None
        if self._order is not None:
            column, _order, role = self._order

            def value(row: Row) -> Any:
                return self._cell(row, column, role)
        return RowsBase(self._rows, self._keys, self._key, self._order, value, self._order_keys)

    def off_thread_base(self) -> RowsBase[Row] | None:
        """``base()`` with a key and a sort value that touch neither the model nor Qt, for a
        plan made on the worker's pool thread; None (the default) when the model has none."""
        return None

    def apply_plan(self, plan: RowsPlan[Row]) -> None:
        """Emit what ``plan`` says; a plan made from rows no longer shown is made again."""
        base = plan.base
        if base.rows is not self._rows or base.keys is not self._keys or \
                base.order != self._order:
            self.apply_plan(plan_rows(self.base(), plan.loaded))
            return
        self._loaded, self._order_keys = plan.loaded, plan.known
        for first, last in reversed(plan.removed):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._rows = self._rows[:first] + self._rows[last + 1:]
            self._keys = self._keys[:first] + self._keys[last + 1:]
            self.endRemoveRows()
        if plan.rearrange is not None:
            # reordered: the kept rows move in one layout change, selection carried along
            self._rearrange(plan.rearrange)
        if plan.reset:
            self._reset(plan.rows, plan.keys)
            return
        rows, keys = plan.rows, plan.keys
        current, current_keys = list(self._rows), list(self._keys)
        for first, last in plan.inserted:
            self.beginInsertRows(QModelIndex(), first, last)  # each run of new rows at once
            current[first:first] = rows[first:last + 1]
            current_keys[first:first] = keys[first:last + 1]
            self._rows, self._keys = tuple(current), tuple(current_keys)
            self.endInsertRows()
        self._rows, self._keys, self._index = rows, keys, plan.index
        for first, last in plan.changed:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, self.columnCount() - 1))

    def upsert_rows(self, rows: Sequence[Row]) -> None:
        """Rows a change named: each replaces the row with its key, or is added at the end."""
        merged = list(self._loaded)
        at = {self._key(r): n for n, r in enumerate(merged)}
        for row in rows:
            n = at.get(self._key(row))
            if n is None:
                merged.append(row)
            else:
                merged[n] = row
        self.replace_rows(merged)

    def remove_keys(self, keys: Iterable[object]) -> None:
        gone = set(keys)
        self.replace_rows([r for r in self._loaded if self._key(r) not in gone])

    # -- order ---------------------------------------------------------------------------------

    def sort_rows(self, column: int, order: Qt.SortOrder, role: int = SORT_ROLE) -> None:
        """Show the rows ordered by ``column``'s ``role`` value (-1: as loaded), and keep them
        so as they are replaced."""
        self._order = (column, order, role) if 0 <= column < self.columnCount() else None
        self._order_keys = {}
        _rows, keys, self._order_keys = in_order(self.base(), self._loaded,
                                                 [self._key(r) for r in self._loaded])
        if tuple(keys) == self._keys:
            return
        self._rearrange([self._index[k] for k in keys])

    def resort(self, role: int) -> None:
        """The same column and order by another role (the proxy's sort role changed)."""
        if self._order is not None and self._order[2] != role:
            self.sort_rows(self._order[0], self._order[1], role)

    def _rearrange(self, new_order: Sequence[int]) -> None:
        """Put the row now at ``new_order[n]`` at ``n``: one layout change that moves the
        persistent indexes (selection, current row) with their rows."""
        self.layoutAboutToBeChanged.emit()
        moved_to = {old: new for new, old in enumerate(new_order)}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(moved_to[i.row()], i.column()) if i.row() in moved_to
                       else QModelIndex() for i in old_indexes]
        self._rows = tuple(self._rows[n] for n in new_order)
        self._keys = tuple(self._keys[n] for n in new_order)
        self._index = {k: n for n, k in enumerate(self._keys)}
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _hold(self, rows: Sequence[Row]) -> None:
        """Hold ``rows`` as shown and as loaded, without a signal (a subclass that moves or
        clears rows inside its own begin…/end… pair)."""
        self._rows = self._loaded = tuple(rows)
        self._keys = tuple(self._key(r) for r in self._rows)
        self._index = {k: n for n, k in enumerate(self._keys)}

    def _reset(self, rows: tuple[Row, ...], keys: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows, self._keys = rows, tuple(keys)
        self._index = {k: n for n, k in enumerate(self._keys)}
        self.endResetModel()

    def refresh_all(self) -> None:
        """Every cell again (the clock moved on, the language changed): no rows added or gone."""
        if self._order is not None:
            self._order_keys = {}
            self.sort_rows(*self._order)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, key: object) -> int | None:
        """The row of the record with this key (visit id, shift car id…)."""
        return self._index.get(key)

    def record(self, key: object) -> Row | None:
        """The frozen row with this key, or None when it is not (or no longer) shown."""
        at = self._index.get(key)
        return None if at is None else self._rows[at]

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self.HEADER_TIPS:
            return QCoreApplication.translate(self.CONTEXT, self.HEADER_TIPS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        at = index.row()  # -1 for an invalid index
        if role == _SORT:
            try:
                return self._sort_cache[(at, index.column())]
            except KeyError:
                pass
        rows = self._rows
        if not 0 <= at < len(rows):
            return None
        value = self._cell(rows[at], index.column(), role)
        if role == _SORT:
            self._sort_cache[(at, index.column())] = value
        elif role == _TOOLTIP and isinstance(value, str) and QtGui.Qt.mightBeRichText(value):
            return as_written(value)
        return value
