"""The round list model: one row per ward round of the day, in the doctor's own order.

Never touches the database: the screen hands it the ``RoundRow`` tuples the worker loaded.
The order is the list's meaning (the doctor's plan for the morning), so the view does not sort;
rows move by drag and drop (``mimeData``/``dropMimeData``) or by keyboard (``move_round``), and
the model announces the new order with ``order_changed`` for the screen to store.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from console.services.rounds.rounds import (
    FLAG_CRP_DECISION,
    FLAG_CRP_DECISION_OVERDUE,
    FLAG_CRP_MISSING,
    FLAG_CRP_OVERDUE,
    FLAG_END_TODAY,
    FLAG_NEW,
    FLAG_OVER_CAPACITY,
    RoundRow,
)
from console.timeutil import format_local
from console.views.common import palette
from console.views.common.frozen_rows import FrozenRowsModel, Index
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers, decimal_text

ROUND_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
BADGES_ROLE = Qt.ItemDataRole.UserRole + 3  # list[Badge] for the badge delegate
TREND_ROLE = Qt.ItemDataRole.UserRole + 4  # tuple[float, ...] for the sparkline delegate

MIME_TYPE = "application/x-eward-round-ids"
_CTX = "RoundsTableModel"


class Column(enum.IntEnum):
    TIME = 0
    PATIENT = 1
    DAY = 2
    REGIMEN = 3
    CRP = 4
    VISITS = 5
    ESCALATIONS = 6
    STATUS = 7
    FLAGS = 8


HEADERS = (
    QT_TRANSLATE_NOOP(_CTX, "Time"),
    QT_TRANSLATE_NOOP(_CTX, "Patient"),
    QT_TRANSLATE_NOOP(_CTX, "Day"),
    QT_TRANSLATE_NOOP(_CTX, "Regimen"),
    QT_TRANSLATE_NOOP(_CTX, "CRP"),
    QT_TRANSLATE_NOOP(_CTX, "Visits"),
    QT_TRANSLATE_NOOP(_CTX, "Esc."),
    QT_TRANSLATE_NOOP(_CTX, "Status"),
    QT_TRANSLATE_NOOP(_CTX, "Flags"),
)
HEADER_TIPS: dict[int, str] = {
    Column.TIME: QT_TRANSLATE_NOOP(_CTX, "Planned time of the video round (local time)"),
    Column.DAY: QT_TRANSLATE_NOOP(_CTX, "Day of the course"),
    Column.CRP: QT_TRANSLATE_NOOP(_CTX, "Latest CRP (mg/L) and the last results as a curve"),
    Column.VISITS: QT_TRANSLATE_NOOP(_CTX, "Today's visits: done / missed"),
    Column.ESCALATIONS: QT_TRANSLATE_NOOP(_CTX, "Open escalations"),
}

# Flag code (from the service) → translatable label, badge colours, shown in rows?
FLAG_LABELS: dict[str, str] = {
    FLAG_CRP_DECISION: QT_TRANSLATE_NOOP(_CTX, "CRP day 3: decision due"),
    FLAG_CRP_MISSING: QT_TRANSLATE_NOOP(_CTX, "CRP missing"),
    FLAG_CRP_OVERDUE: QT_TRANSLATE_NOOP(_CTX, "CRP overdue"),
    FLAG_CRP_DECISION_OVERDUE: QT_TRANSLATE_NOOP(_CTX, "CRP decision overdue"),
    FLAG_END_TODAY: QT_TRANSLATE_NOOP(_CTX, "Planned end today"),
    FLAG_NEW: QT_TRANSLATE_NOOP(_CTX, "New admission"),
    FLAG_OVER_CAPACITY: QT_TRANSLATE_NOOP(_CTX, "Over capacity"),
}
_FLAG_COLOURS: dict[str, tuple[QColor, QColor]] = {
    FLAG_CRP_DECISION: (palette.DANGER_FG, QColor("#ffffff")),  # prominent: solid red
    FLAG_CRP_MISSING: (palette.DANGER_BG, palette.DANGER_FG),
    FLAG_CRP_OVERDUE: (palette.DANGER_FG, QColor("#ffffff")),  # R-CRP3: the gate is closed
    FLAG_CRP_DECISION_OVERDUE: (palette.DANGER_FG, QColor("#ffffff")),  # R-CRP3: late
    FLAG_END_TODAY: (palette.WARNING_BG, palette.WARNING_FG),
    FLAG_NEW: (palette.INFO_BG, palette.INFO_FG),
    FLAG_OVER_CAPACITY: (palette.WARNING_BG, palette.WARNING_FG),
}
# The ward-wide over-capacity fact is on every row; the screen shows it once, in its header.
ROW_FLAGS_HIDDEN = frozenset({FLAG_OVER_CAPACITY})

STATUS_LABELS: dict[str, str] = {
    "planned": QT_TRANSLATE_NOOP(_CTX, "Planned"),
    "ready": QT_TRANSLATE_NOOP(_CTX, "Ready"),
    "signed": QT_TRANSLATE_NOOP(_CTX, "Signed"),
}
_STATUS_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "planned": (QColor("#eceff3"), QColor("#374151")),
    "ready": (palette.INFO_BG, palette.INFO_FG),
    "signed": (QColor("#d7f2de"), palette.OK_FG),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def flag_label(flag: str) -> str:
    return _t(FLAG_LABELS.get(flag, flag))


def status_label(status: str) -> str:
    return _t(STATUS_LABELS.get(status, status))


def flag_colours(flag: str) -> tuple[QColor, QColor]:
    return _FLAG_COLOURS.get(flag, (palette.INFO_BG, palette.INFO_FG))


def status_colours(status: str) -> tuple[QColor, QColor]:
    return _STATUS_COLOURS.get(status, _STATUS_COLOURS["planned"])


Badge = tuple[str, QColor, QColor]  # text, background, foreground


def row_badges(row: RoundRow) -> list[Badge]:
    return [(flag_label(f), *flag_colours(f)) for f in row.flags if f not in ROW_FLAGS_HIDDEN]


def regimen_text(row: RoundRow) -> str:
    """"Cefuroxim 1,5 g ×3" in Danish (issue 20)."""
    return decimal_numbers(row.regimen)


def crp_text(row: RoundRow) -> str:
    """The latest CRP with the day it was taken ("48 · 04/11"), so a stale value is seen."""
    if row.latest_crp is None:
        return "—"
    value = decimal_text(f"{row.latest_crp:g}")
    return f"{value} · {format_local(row.latest_crp_at, '%d/%m')}" if row.latest_crp_at else value


class RoundsTableModel(FrozenRowsModel[RoundRow]):
    order_changed = Signal(list)  # list[int]: every round id of the day, in the new order
    HEADERS = HEADERS
    HEADER_TIPS = HEADER_TIPS
    CONTEXT = _CTX

    # -- content -------------------------------------------------------------------------------

    KEY = "round_id"
    ID_ROLES: ClassVar[dict[int, str]] = {ROUND_ID_ROLE: "round_id"}
    CENTRED = frozenset({Column.TIME, Column.DAY, Column.VISITS, Column.ESCALATIONS})

    def set_rows(self, rows: Sequence[RoundRow]) -> None:
        """The day's rounds in their order; the selection stays (by round id)."""
        self.replace_rows(rows)

    def row_of_round(self, round_id: int) -> int | None:
        return self.row_of(round_id)

    def round_ids(self) -> list[int]:
        return [r.round_id for r in self._rows]

    def move_round(self, round_id: int, to_row: int) -> bool:
        """Move one round to position ``to_row`` (0-based, in the final list); emits the order."""
        source = self.row_of_round(round_id)
        to_row = max(0, min(to_row, len(self._rows) - 1))
        if source is None or source == to_row:
            return False
        # beginMoveRows wants the destination *before* removal: one past it when moving down.
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(),
                                  to_row + 1 if to_row > source else to_row):
            return False
        rows = list(self._rows)
        rows.insert(to_row, rows.pop(source))
        self._hold(rows)
        self.endMoveRows()
        self.order_changed.emit(self.round_ids())
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drop between rows
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def _more(self, row: RoundRow, col: int, role: int) -> Any:
        if role == SEARCH_ROLE:
            return " ".join((row.patient, row.cpr_masked, row.municipality, row.regimen))
        if role == BADGES_ROLE:
            if col == Column.STATUS:
                return [(status_label(row.status), *status_colours(row.status))]
            return row_badges(row) if col == Column.FLAGS else None
        if role == TREND_ROLE and col == Column.CRP:
            return row.crp_trend
        return None

    def _display(self, row: RoundRow, col: int) -> str:
        match col:
            case Column.TIME:
                return format_local(row.planned_at, "%H:%M")
            case Column.PATIENT:
                return row.patient
            case Column.DAY:
                return str(row.day_of_course)
            case Column.REGIMEN:
                return regimen_text(row)
            case Column.CRP:
                return crp_text(row)
            case Column.VISITS:
                return f"{row.visits_done} / {row.visits_missed}"
            case Column.ESCALATIONS:
                return str(row.open_escalations) if row.open_escalations else "—"
            case Column.STATUS:
                return status_label(row.status)
            case Column.FLAGS:
                return ", ".join(b[0] for b in row_badges(row))
        return ""

    def _colours(self, row: RoundRow, col: int) -> tuple[None, QColor | None]:
        if col == Column.VISITS and row.visits_missed:
            return None, palette.DANGER_FG
        if col == Column.ESCALATIONS and row.open_escalations:
            return None, palette.DANGER_FG
        if col == Column.CRP and row.latest_crp is None:
            return None, palette.MUTED_FG
        return None, None

    def _tooltip(self, row: RoundRow, col: int) -> str | None:
        match col:
            case Column.PATIENT:
                # the regimen too: on a narrow screen its own column gives way (hide_when_short)
                return "\n".join(filter(None, (f"{row.patient}\n{row.cpr_masked} · {row.municipality}",
                                                regimen_text(row).replace("; ", "\n"))))
            case Column.REGIMEN:
                return regimen_text(row).replace("; ", "\n") or None
            case Column.CRP if row.crp_trend:
                return _t("CRP (mg/L), oldest first: {values}").format(
                    values=" → ".join(decimal_text(f"{v:g}") for v in row.crp_trend))
            case Column.VISITS:
                return _t("{done} done, {missed} missed, {planned} still planned today").format(
                    done=row.visits_done, missed=row.visits_missed, planned=row.visits_planned)
            case Column.FLAGS if row.flags:
                return "\n".join(flag_label(f) for f in row.flags)
        return None

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self._rows[i.row()].round_id for i in indexes if i.isValid()},
                     key=self.round_ids().index)
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Move the dragged round to the drop position. The move is done here; the view's
        follow-up ``removeRows`` for a move is refused (not implemented), so nothing is lost."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        ids = [int(x) for x in raw.split(",") if x.strip().isdigit()]
        if len(ids) != 1 or self.row_of_round(ids[0]) is None:
            return False
        if row < 0:  # dropped onto a row: take its place; dropped below the rows: go last
            row = parent.row() if parent.isValid() else len(self._rows)
        source = self.row_of_round(ids[0])
        assert source is not None
        target = row - 1 if row > source else row  # position after the row left its place
        self.move_round(ids[0], target)
        return True
