"""The logistics screen's table models over frozen service rows (never the database).

- ``DeliveryTableModel``: the ward day's deliveries with their place in the run (order, ETA),
  the patient's first run-out and flags (review after a regimen change, overdue, late on the
  run, arrives after the run-out, failed with its reason).
- ``AtRiskTableModel``: "runs out within 48 h and no delivery planned" (R-SUPPLY), every cell
  red.

``SORT_ROLE`` gives raw sortable values; ``DELIVERY_ID_ROLE`` / ``ADMISSION_ID_ROLE`` the ids the
screen keeps its selection and opens the record by. Also the labels of delivery statuses and
packing items, shared by the dialogs and the printed run list.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from console.services.logistics.deliveries import DeliveryRow
from console.services.logistics.delivery_runs import DeliveryRun, RunStop
from console.services.logistics.packing import PackLine
from console.services.logistics.stock import RED_HOURS
from console.timeutil import format_local, now_utc, to_local
from console.views.common import palette
from console.views.common.fonts import bold_font
from console.views.common.frozen_rows import FrozenRowsModel, Row
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers, translate
from console.views.common.labels import code_label

DELIVERY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ADMISSION_ID_ROLE = Qt.ItemDataRole.UserRole + 3
_CTX = "LogisticsModel"
OPEN_STATUSES = frozenset({"requested", "packed", "out"})

STATUS_LABELS: dict[str, str] = {
    "requested": QT_TRANSLATE_NOOP("Delivery", "Requested"),
    "packed": QT_TRANSLATE_NOOP("Delivery", "Packed"),
    "out": QT_TRANSLATE_NOOP("Delivery", "Out for delivery"),
    "delivered": QT_TRANSLATE_NOOP("Delivery", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("Delivery", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("Delivery", "Cancelled"),
}
STATUS_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "requested": (QColor("#e5e7eb"), QColor("#374151")),
    "packed": (palette.INFO_BG, palette.INFO_FG),
    "out": (palette.WARNING_BG, palette.WARNING_FG),
    "delivered": (QColor("#d3f2dc"), palette.OK_FG),
    "failed": (palette.DANGER_BG, palette.DANGER_FG),
    "cancelled": (QColor("#f3f4f6"), palette.MUTED_FG),
}
# R-IVBOX items as the packing service names them
ITEM_LABELS: dict[str, str] = {
    "infusion sets": QT_TRANSLATE_NOOP("Packing", "infusion sets"),
    "10 ml NaCl flushes": QT_TRANSLATE_NOOP("Packing", "10 ml NaCl flushes"),
    "sharps box": QT_TRANSLATE_NOOP("Packing", "sharps box"),
    "IV access supplies": QT_TRANSLATE_NOOP("Packing", "IV access supplies"),
    "patient information": QT_TRANSLATE_NOOP("Packing", "patient information"),
}

FLAG_REVIEW = "review"  # packed before a regimen change: check the box against the regimen
FLAG_OVERDUE = "overdue"
FLAG_LATE_ON_RUN = "late_on_run"
FLAG_AFTER_RUN_OUT = "after_run_out"
FLAG_FAILED = "failed"
FLAG_WITH_MBE = "with_mbe"
FLAG_LABELS: dict[str, str] = {
    FLAG_WITH_MBE: QT_TRANSLATE_NOOP("Delivery", "With an MBE car"),
    FLAG_REVIEW: QT_TRANSLATE_NOOP("Delivery", "Review: regimen changed"),
    FLAG_OVERDUE: QT_TRANSLATE_NOOP("Delivery", "Overdue"),
    FLAG_LATE_ON_RUN: QT_TRANSLATE_NOOP("Delivery", "ETA after due"),
    FLAG_AFTER_RUN_OUT: QT_TRANSLATE_NOOP("Delivery", "Due after run-out"),
    FLAG_FAILED: QT_TRANSLATE_NOOP("Delivery", "Failed: {reason}"),
}
RED_FLAGS = frozenset({FLAG_REVIEW, FLAG_AFTER_RUN_OUT, FLAG_OVERDUE})


def status_label(code: str) -> str:
    return code_label("Delivery", STATUS_LABELS, code, str.capitalize)


def item_label(item: str) -> str:
    return decimal_numbers(code_label("Packing", ITEM_LABELS, item))  # "Cefuroxim 1,5 g"


def pack_line_text(line: PackLine) -> str:
    return translate(_CTX, "{n} × {item}", n=line.quantity, item=item_label(line.item))


def items_summary(items: tuple[PackLine, ...], contents: str = "") -> str:
    """"21 × Piperacillin/Tazobactam 4 g + IV box": the doses, then the box (R-IVBOX)."""
    if not items:
        return contents
    medicine = [pack_line_text(i) for i in items if i.item not in ITEM_LABELS]
    box = any(i.item in ITEM_LABELS for i in items)
    text = ", ".join(medicine)
    if box:
        text = translate(_CTX, "{doses} + IV box", doses=text) if text else _t("IV box")
    return text


def when_text(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "—"
    local, today = to_local(value), to_local(now).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d/%m %H:%M")


def hours_text(hours: float) -> str:
    if hours < 0:
        return translate(_CTX, "ran out {h} h ago", h=math.ceil(-hours))
    if hours < 1:
        return translate(_CTX, "{m} min", m=max(0, int(hours * 60)))
    return translate(_CTX, "{h} h", h=int(hours))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class RowsModel(FrozenRowsModel[Row]):
    """The logistics tables: frozen rows, and a clock (tests give a fixed one)."""

    CONTEXT = _CTX

    def __init__(self, parent: QObject | None = None,
                 now: Callable[[], datetime] = now_utc) -> None:
        super().__init__(parent)
        self._now = now



class Column(enum.IntEnum):
    STOP = 0
    PATIENT = 1
    MUNICIPALITY = 2
    DUE = 3
    STATUS = 4
    COURIER = 5
    ETA = 6
    RUNS_OUT = 7
    ITEMS = 8
    FLAGS = 9


class DeliveryTableModel(RowsModel[DeliveryRow]):
    HEADERS = (
        QT_TRANSLATE_NOOP("LogisticsModel", "#"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Patient"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Municipality"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Due by"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Status"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Courier"),
        QT_TRANSLATE_NOOP("LogisticsModel", "ETA"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Runs out"),
        QT_TRANSLATE_NOOP("LogisticsModel", "What to pack"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Flags"),
    )
    ID_ROLES: ClassVar[dict[int, str]] = {DELIVERY_ID_ROLE: "id", ADMISSION_ID_ROLE: "admission_id"}
    CENTRED = frozenset({Column.STOP, Column.DUE, Column.ETA, Column.STATUS})

    def __init__(self, parent: QObject | None = None,
                 now: Callable[[], datetime] = now_utc) -> None:
        super().__init__(parent, now)
        self._runs_out: dict[int, datetime | None] = {}
        self._stops: dict[int, RunStop] = {}

    def set_rows(self, rows: tuple[DeliveryRow, ...], runs_out: dict[int, datetime | None],
                 run: DeliveryRun | None = None) -> None:
        self._runs_out = dict(runs_out)
        self._stops = {s.delivery_id: s for s in run.stops} if run is not None else {}
        self.replace_rows(tuple(rows))

    def delivery(self, delivery_id: int) -> DeliveryRow | None:
        return self.record(delivery_id)

    def stop_of(self, delivery_id: int) -> RunStop | None:
        return self._stops.get(delivery_id)

    def runs_out_of(self, admission_id: int) -> datetime | None:
        return self._runs_out.get(admission_id)

    def flags_of(self, row: DeliveryRow) -> tuple[str, ...]:
        now, flags = self._now(), []
        open_ = row.status in OPEN_STATUSES
        runs_out = self._runs_out.get(row.admission_id)
        stop = self._stops.get(row.id)
        if row.needs_review and open_:
            flags.append(FLAG_REVIEW)
        if open_ and runs_out is not None and row.due_by > runs_out:
            flags.append(FLAG_AFTER_RUN_OUT)
        if open_ and row.due_by < now:
            flags.append(FLAG_OVERDUE)
        elif stop is not None and stop.late:
            flags.append(FLAG_LATE_ON_RUN)
        if row.status == "failed":
            flags.append(FLAG_FAILED)
        if open_ and row.visit_id is not None:
            flags.append(FLAG_WITH_MBE)
        return tuple(flags)

    def flags_text(self, row: DeliveryRow) -> str:
        return " · ".join(translate("Delivery", FLAG_LABELS[f], reason=row.failed_reason or "")
                          for f in self.flags_of(row))

    def _more(self, row: DeliveryRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and col == Column.FLAGS and (
                set(self.flags_of(row)) & RED_FLAGS):
            return bold_font()
        return None

    def _display(self, row: DeliveryRow, col: int) -> str:
        now, stop = self._now(), self._stops.get(row.id)
        match col:
            case Column.STOP:
                return str(stop.order) if stop else ""
            case Column.PATIENT:
                return row.patient
            case Column.MUNICIPALITY:
                return row.municipality
            case Column.DUE:
                return when_text(row.due_by, now)
            case Column.STATUS:
                return status_label(row.status)
            case Column.COURIER:
                return row.courier or ""
            case Column.ETA:
                return format_local(stop.eta, "%H:%M") if stop else ""
            case Column.RUNS_OUT:
                runs_out = self._runs_out.get(row.admission_id)
                return when_text(runs_out, now) if runs_out else _t("covered")
            case Column.ITEMS:
                return items_summary(row.items, row.contents)
            case Column.FLAGS:
                return self.flags_text(row)
        return ""

    def _sort_key(self, row: DeliveryRow, col: int) -> Any:
        stop = self._stops.get(row.id)
        match col:
            case Column.STOP:
                return float(stop.order) if stop else math.inf  # one type: int vs inf is unordered
            case Column.DUE:
                return row.due_by.timestamp()
            case Column.STATUS:
                return list(STATUS_LABELS).index(row.status) if row.status in STATUS_LABELS else 99
            case Column.ETA:
                return stop.eta.timestamp() if stop else math.inf
            case Column.RUNS_OUT:
                runs_out = self._runs_out.get(row.admission_id)
                return runs_out.timestamp() if runs_out else math.inf
            case Column.FLAGS:
                flags = self.flags_of(row)  # red flags first, then the most flags
                return -(10 * len(set(flags) & RED_FLAGS) + len(flags))
        return self._display(row, col).casefold()

    def _colours(self, row: DeliveryRow, col: int) -> tuple[QColor | None, QColor | None]:
        flags = set(self.flags_of(row))
        if col == Column.STATUS:
            return STATUS_COLOURS.get(row.status, (None, None))
        if col == Column.FLAGS and flags & RED_FLAGS:
            return palette.DANGER_BG, palette.DANGER_FG
        if col == Column.FLAGS and flags:
            return palette.WARNING_BG, palette.WARNING_FG
        if col == Column.RUNS_OUT:
            runs_out = self._runs_out.get(row.admission_id)
            if runs_out is None:
                return None, palette.OK_FG
            if FLAG_AFTER_RUN_OUT in flags:
                return palette.DANGER_BG, palette.DANGER_FG
            if runs_out - self._now() <= timedelta(hours=RED_HOURS):
                return palette.WARNING_BG, palette.WARNING_FG
        if col == Column.DUE and FLAG_OVERDUE in flags:
            return None, palette.DANGER_FG
        if row.status in ("delivered", "cancelled") and col != Column.STATUS:
            return None, palette.MUTED_FG
        return None, None

    def _tooltip(self, row: DeliveryRow, col: int) -> str | None:
        match col:
            case Column.PATIENT:
                return "\n".join(filter(None, (row.address, row.phone)))
            case Column.ITEMS:
                return "\n".join(pack_line_text(i) for i in row.items) or row.contents or None
            case Column.DUE:
                return format_local(row.due_by, "%Y-%m-%d %H:%M")
            case Column.FLAGS if FLAG_REVIEW in self.flags_of(row):
                return _t("Packed before a regimen change: check the box against the current "
                          "regimen before it goes out (sending it out clears the flag).")
            case Column.FLAGS if FLAG_AFTER_RUN_OUT in self.flags_of(row):
                return _t("The patient runs out before this delivery is due: bring it forward.")
        return None
