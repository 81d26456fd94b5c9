"""The dispatch screen's tables: the tray of MBE visits on no car (draggable) and the cars.

Frozen rows in, never ORM objects; ``data()`` never touches the database.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from console.services.dispatch.board_view import BoardSnapshot, Lane
from console.services.dispatch.routes import MbeVisitRow
from console.timeutil import format_local, now_utc
from console.views.common import palette
from console.views.common.frozen_rows import SORT_ROLE, FrozenRowsModel, Index
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate_service_message
from console.views.common.labels import visit_label
from console.views.common.row_plan import RowsBase, RowsPlan, plan_rows
from console.views.common.tables import RowFilter
from console.views.dispatch.model import (
    _CTX,
    ADMISSION_ID_ROLE,
    MIME_TYPE,
    VISIT_ID_ROLE,
    DraggedVisit,
    _t,
    dragged_visits,
    hours_text,
    shift_label,
    stops_text,
    visits_mime,
)


class TrayColumn(enum.IntEnum):
    PATIENT = 0
    TOWN = 1
    KIND = 2
    WINDOW = 3
    MINUTES = 4
    LOCATION = 5
    STATUS = 6


_STATE_TEXTS = {"not_placed": QT_TRANSLATE_NOOP(_CTX, "Not placed"),
                "late": QT_TRANSLATE_NOOP(_CTX, "Window passed"),
                "open": QT_TRANSLATE_NOOP(_CTX, "Window open")}
_WAITING = QT_TRANSLATE_NOOP(_CTX, "Waiting")
_STATE_COLOURS = {"not_placed": (palette.WARNING_BG, palette.WARNING_FG),
                  "late": (palette.DANGER_BG, palette.DANGER_FG),
                  "open": (palette.INFO_BG, palette.INFO_FG)}
_WAITING_COLOURS = (QColor("#e5e7eb"), QColor("#374151"))


def _visit_id(v: MbeVisitRow) -> object:
    return v.visit_id


# The tray's sort values that read only the row (any thread); status and kind are the model's
_PLAIN_SORT: dict[int, Callable[[MbeVisitRow], Any]] = {
    TrayColumn.WINDOW: lambda v: v.window_start.timestamp(),
    TrayColumn.MINUTES: lambda v: v.service_minutes,
    TrayColumn.PATIENT: lambda v: v.patient.casefold(),
    TrayColumn.TOWN: lambda v: v.municipality.casefold(),
    TrayColumn.LOCATION: lambda v: "≈" if v.location_approximate else "",
}


def prepare_tray(base: RowsBase[MbeVisitRow], snapshot: BoardSnapshot
                 ) -> tuple[BoardSnapshot, RowsPlan[MbeVisitRow]]:
    """``snapshot`` and the plan that takes a tray showing ``base`` to its tray (plain Python:
    the worker's pool thread)."""
    return snapshot, plan_rows(base, snapshot.tray)


class TrayTableModel(FrozenRowsModel[MbeVisitRow]):
    """MBE visits on no car; drag a row onto a board lane to put it on that car."""

    KEY = "visit_id"
    CONTEXT = _CTX
    ID_ROLES: ClassVar[dict[int, str]] = {VISIT_ID_ROLE: "visit_id",
                                          ADMISSION_ID_ROLE: "admission_id"}
    CENTRED = frozenset({TrayColumn.WINDOW, TrayColumn.MINUTES, TrayColumn.LOCATION})

    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(_CTX, "Town"),
               QT_TRANSLATE_NOOP(_CTX, "Kind"), QT_TRANSLATE_NOOP(_CTX, "Window"),
               QT_TRANSLATE_NOOP(_CTX, "Min"), QT_TRANSLATE_NOOP(_CTX, "Place"),
               QT_TRANSLATE_NOOP(_CTX, "Status"))
    unassign_requested = Signal(int, int)  # visit id, version: a board block dropped here

    def __init__(self, parent: QObject | None = None,
                 now: Callable[[], datetime] = now_utc) -> None:
        super().__init__(parent)
        self._now = now
        self._reasons: dict[int, str] = {}
        self._nearest: dict[int, str] = {}
        self._fits: dict[int, frozenset[str]] = {}
        self.drag_enabled = True

    def set_snapshot(self, snapshot: BoardSnapshot,
                     plan: RowsPlan[MbeVisitRow] | None = None) -> None:
        """The tray of ``snapshot``; ``plan`` (made by ``prepare_tray`` on the pool thread from
        this model's ``off_thread_base``) takes the rows there without comparing them here."""
        self._nearest, self._fits = dict(snapshot.nearest_base), dict(snapshot.fits)
        if plan is None:
            self.replace_rows(snapshot.tray)
        else:
            self.apply_plan(plan)

    def off_thread_base(self) -> RowsBase[MbeVisitRow] | None:
        """The rows' visit ids and, sorted by a column whose value is the row's own (window,
        minutes, patient, town, place), that value: a plan can be made on the pool thread (a
        tray of 3,900 visits took 20-45 ms of the GUI thread on every reload; issue 17). Sorted
        by status or kind (the clock, the last plan's reasons, translated words): None."""
        value: Callable[[MbeVisitRow], Any] | None = None
        if self._order is not None:
            column, _order, role = self._order
            if role != SORT_ROLE or column not in _PLAIN_SORT:
                return None
            value = _PLAIN_SORT[column]
        return RowsBase(self._rows, self._keys, _visit_id, self._order, value, self._order_keys)

    def set_reasons(self, reasons: dict[int, str]) -> None:
        """Why the last plan could not place these visits (shown until the next plan)."""
        self._reasons = {k: translate_service_message(v) for k, v in reasons.items()}
        self.tick()

    def tick(self) -> None:
        """The clock moved: the status column (window open / passed) is recomputed."""
        if self._rows:
            self.dataChanged.emit(self.index(0, TrayColumn.STATUS),
                                  self.index(len(self._rows) - 1, TrayColumn.STATUS))

    def in_scope(self, row: int, base: str | None, shift: str | None) -> bool:
        v = self._rows[row]
        return ((base is None or self._nearest.get(v.visit_id) == base)
                and (shift is None or shift in self._fits.get(v.visit_id, frozenset())))

    def state(self, v: MbeVisitRow) -> str:
        if v.visit_id in self._reasons:
            return "not_placed"
        now = self._now()
        if v.window_end < now:
            return "late"
        return "open" if v.window_start <= now else "waiting"

    def _sort_key(self, v: MbeVisitRow, col: int) -> Any:
        plain = _PLAIN_SORT.get(col)
        return plain(v) if plain is not None else str(self._display(v, col)).casefold()

    def _colours(self, v: MbeVisitRow, col: int) -> tuple[QColor | None, QColor | None]:
        if col != TrayColumn.STATUS:
            return None, None
        return _STATE_COLOURS.get(self.state(v), _WAITING_COLOURS)

    def _display(self, v: MbeVisitRow, col: int) -> str:
        """The one cell asked for (the view asks each cell several times per paint: the whole
        row's texts, four of them translated, cost 12 µs a call on a 2,000-visit tray)."""
        if col == TrayColumn.STATUS:
            return _t(_STATE_TEXTS.get(self.state(v), _WAITING))
        if col == TrayColumn.KIND:
            return visit_label(v.kind, v.task)
        if col == TrayColumn.WINDOW:
            return hours_text(v.window_start, v.window_end)
        if col == TrayColumn.MINUTES:
            return str(v.service_minutes)
        if col == TrayColumn.LOCATION:
            return "≈" if v.location_approximate else ""
        return v.patient if col == TrayColumn.PATIENT else v.municipality

    def _tooltip(self, v: MbeVisitRow, col: int) -> str | None:
        if col == TrayColumn.STATUS and v.visit_id in self._reasons:
            return _t("The plan could not place it: {reason}").format(
                reason=self._reasons[v.visit_id])
        if col == TrayColumn.LOCATION and v.location_approximate:
            return _t("No exact address point: the municipality's point is used, so travel "
                      "times are estimates.")
        if col == TrayColumn.PATIENT:
            return "\n".join(filter(None, (v.address, v.phone)))
        if col in (TrayColumn.TOWN, TrayColumn.KIND):
            return self._display(v, col)  # whole when the column gives way to the name
        return None

    # drag out, and take board blocks back

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.drag_enabled else Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.drag_enabled else flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return visits_mime(DraggedVisit(self._rows[r].visit_id, self._rows[r].version, None)
                           for r in rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.drag_enabled and any(v.shift_car_id is not None for v in dragged_visits(data))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        taken = [v for v in dragged_visits(data) if v.shift_car_id is not None]
        for v in taken if self.drag_enabled else ():
            self.unassign_requested.emit(v.visit_id, v.version)
        return False  # the rows arrive with the reload, not from the drop


class ScopeFilter(RowFilter[object]):
    """Only one base and/or shift kind (None: all); the source model says what is in scope."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base: str | None = None
        self.shift: str | None = None

    def set_scope(self, base: str | None, shift: str | None) -> None:
        with self.filter_change():
            self.base, self.shift = base, shift

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        return not isinstance(model, TrayTableModel | CarsTableModel) or model.in_scope(
            source_row, self.base, self.shift)


class CarsColumn(enum.IntEnum):
    BASE = 0
    SHIFT = 1
    CAR = 2
    CREW = 3
    IN_SERVICE = 4
    VISITS = 5


class CarsTableModel(FrozenRowsModel[Lane]):
    """The day's cars per base and shift; crew and service edits become requests."""

    KEY = "shift_car_id"
    CONTEXT = _CTX

    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Base"), QT_TRANSLATE_NOOP(_CTX, "Shift"),
               QT_TRANSLATE_NOOP(_CTX, "Car"), QT_TRANSLATE_NOOP(_CTX, "Crew"),
               QT_TRANSLATE_NOOP(_CTX, "In service"), QT_TRANSLATE_NOOP(_CTX, "Visits"))
    crew_edit_requested = Signal(int, str, int)  # shift car id, crew, version
    service_requested = Signal(int, bool, int)  # shift car id, in service, version

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = True

    def set_lanes(self, lanes: Sequence[Lane]) -> None:
        self.replace_rows(lanes)

    def in_scope(self, row: int, base: str | None, shift: str | None) -> bool:
        return base in (None, self._rows[row].base) and shift in (None, self._rows[row].kind)

    def flags(self, index: Index) -> Qt.ItemFlag:
        extras: dict[int, Qt.ItemFlag] = {CarsColumn.CREW: Qt.ItemFlag.ItemIsEditable,
                                          CarsColumn.IN_SERVICE: Qt.ItemFlag.ItemIsUserCheckable}
        extra = extras.get(index.column())
        flags = super().flags(index)
        return flags | extra if extra is not None and index.isValid() and self.editable else flags

    def _cell(self, lane: Lane, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (lane.base, f"{shift_label(lane.kind)} {hours_text(lane.starts_at, lane.ends_at)}",
                    lane.call_sign, lane.crew or ("" if role == Qt.ItemDataRole.EditRole else "—"),
                    None, str(len(lane.planned)))[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == CarsColumn.IN_SERVICE:
            return (Qt.CheckState.Checked if lane.in_service else Qt.CheckState.Unchecked).value
        if role == SORT_ROLE:
            return (lane.base, lane.starts_at.timestamp(), lane.call_sign)
        if role == Qt.ItemDataRole.ForegroundRole and not lane.in_service:
            return palette.MUTED_FG
        if (role == Qt.ItemDataRole.ToolTipRole and col == CarsColumn.IN_SERVICE
                and not lane.in_service):
            return _t("Out of service: {reason}").format(
                reason=lane.out_of_service_reason or _t("no reason recorded"))
        if role == Qt.ItemDataRole.ToolTipRole and col == CarsColumn.VISITS:
            return _t("{stops} · {m} min driving · back {back}").format(
                stops=stops_text(len(lane.planned)), m=lane.driving_minutes,
                back=format_local(lane.returns_at))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        lane = self._rows[index.row()]
        if index.column() == CarsColumn.CREW and role == Qt.ItemDataRole.EditRole:
            crew = str(value or "").strip()
            if crew != (lane.crew or ""):
                self.crew_edit_requested.emit(lane.shift_car_id, crew, lane.version)
            return False  # the new crew shows with the reload after the write
        if index.column() == CarsColumn.IN_SERVICE and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            wanted = state == Qt.CheckState.Checked.value
            if wanted != lane.in_service:
                self.service_requested.emit(lane.shift_car_id, wanted, lane.version)
            return False
        return False
