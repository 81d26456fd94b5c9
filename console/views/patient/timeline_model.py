"""The record's visit timeline: one row per visit, status as a coloured badge, today emphasised.

``BADGE_ROLE`` gives ``(text, background, foreground)`` for the status column, which
``StatusBadgeDelegate`` paints as a rounded badge (design rule 7: delegates for badges).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from console.services.course.visits import VisitRow
from console.timeutil import now_utc, to_local, today_local
from console.views.common import palette
from console.views.common.column_room import ShortColumnHider, give_way_once_fitted
from console.views.common.fonts import bold_font
from console.views.common.i18n import QT_TRANSLATE_NOOP, day_text
from console.views.common.labels import PROVIDERS, VISIT_STATUSES, label, visit_label
from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.common.tables import compact_table, fit_columns, fit_on_first_rows

BADGE_ROLE = Qt.ItemDataRole.UserRole + 10
_CTX = "VisitTimelineModel"

_BADGE_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "planned": (palette.INFO_BG, palette.INFO_FG),
    "done": (QColor("#d7f5de"), palette.OK_FG),
    "missed": (palette.DANGER_BG, palette.DANGER_FG),
    "cancelled": (QColor("#eceef1"), palette.MUTED_FG),
    "overdue": (QColor("#b42318"), QColor("white")),  # R-REGISTER: register done or missed
}


def status_badge(v: VisitRow) -> tuple[str, QColor, QColor]:
    """A visit's status as a badge (text, background, foreground); overdue in solid red."""
    bg, fg = _BADGE_COLOURS.get(v.shown_status, _BADGE_COLOURS["cancelled"])
    return label(VISIT_STATUSES, v.shown_status), bg, fg


class TimelineColumn(enum.IntEnum):
    WHEN = 0
    KIND = 1
    PROVIDER = 2
    STATUS = 3
    CAR = 4
    WHO = 5
    MINUTES = 6
    NOTES = 7


def window_text(v: VisitRow) -> str:
    """The visit's window as the timeline and the visit board show it: "Tue 01/12  08:00–10:00"."""
    start, end = to_local(v.window_start), to_local(v.window_end)
    return f"{day_text(start.date(), 'ddd dd/MM')}  {start:%H:%M}–{end:%H:%M}"


def _notes(v: VisitRow) -> str:
    return v.missed_reason or v.observations or ""


def _minutes(v: VisitRow) -> str:
    if v.minutes_spent is not None:
        return str(v.minutes_spent)
    return f"({v.service_minutes})" if v.status == "planned" else ""


COLUMNS: tuple[ColumnSpec[VisitRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "When"), window_text, sort=lambda v: v.window_start),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Kind"), lambda v: visit_label(v.kind, v.task),
               tooltip=lambda v: _notes(v) or None),  # the notes, when their column gave way
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Provider"), lambda v: label(PROVIDERS, v.provider)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Status"), lambda v: label(VISIT_STATUSES, v.shown_status),
               align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Car"), lambda v: v.car or ""),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Who"), lambda v: v.performed_by or "",
               tooltip=lambda v: v.performed_by),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Minutes"), _minutes,
               sort=lambda v: v.minutes_spent or 0, align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Notes"), _notes,
               tooltip=lambda v: _notes(v) or None),
)


class VisitTimelineModel(RowsTableModel[VisitRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_CTX, COLUMNS, parent)
        self.today: date = today_local()

    def set_visits(self, visits: tuple[VisitRow, ...], today: date | None = None) -> None:
        self.today = today or today_local()
        self.set_rows(visits)

    def row_nearest_now(self, now: datetime | None = None) -> int | None:
        """Where the timeline opens: today's first visit still planned (overdue ones first),
        else the first visit not yet over, else the last one."""
        rows = self.rows()
        if not rows:
            return None
        at = now or now_utc()
        today = to_local(at).date()
        for n, v in enumerate(rows):
            if v.status == "planned" and to_local(v.window_end).date() >= today:
                return n
        for n, v in enumerate(rows):
            if v.window_end >= at:
                return n
        return len(rows) - 1

    def extra_data(self, row: VisitRow, column: int, role: int) -> Any:
        if role == BADGE_ROLE and column == TimelineColumn.STATUS:
            return status_badge(row)
        if role == Qt.ItemDataRole.FontRole and to_local(row.window_start).date() == self.today:
            return bold_font()
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "cancelled":
            return palette.MUTED_FG
        if role == Qt.ItemDataRole.BackgroundRole and to_local(row.window_start).date() == self.today:
            return QColor("#f3f7ff")
        return None


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints ``BADGE_ROLE`` as a rounded, coloured badge centred in the cell."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the badge in the row's own font: a bold overdue row's badge was wider
        than the column fitted to the plain text, and both its ends were cut (issue 20)."""
        hint = super().sizeHint(option, index)
        badge = index.data(BADGE_ROLE)
        if not badge:
            return hint
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return QSize(max(hint.width(), opt.fontMetrics.horizontalAdvance(badge[0]) + 16 + 8),
                     hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        badge = index.data(BADGE_ROLE)
        if not badge:
            super().paint(painter, option, index)
            return
        text, bg, fg = badge
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = opt.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 4
        rect = opt.rect
        box = QRectF(rect.x() + (rect.width() - width) / 2, rect.y() + (rect.height() - height) / 2,
                     width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(fg)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


TIMELINE_WIDTHS = {TimelineColumn.WHEN: 178, TimelineColumn.KIND: 116,
                   TimelineColumn.PROVIDER: 96, TimelineColumn.STATUS: 82,
                   TimelineColumn.CAR: 48, TimelineColumn.WHO: 90, TimelineColumn.MINUTES: 60}
NOTES_ROOM = 240  # the notes' first words; the rest is in the tooltip
NOTES_LEAST = 110  # less than this shows only "…"


def timeline_table(proxy: QSortFilterProxyModel) -> QTableView:
    """The record's visits, newest plans below, sized to what they say."""
    # the notes stretch; no other column does (a stretched last column would refill what the
    # hidden notes' neighbours give back)
    table = compact_table(proxy, sort_column=TimelineColumn.WHEN, stretch_last=False)
    table.setItemDelegateForColumn(TimelineColumn.STATUS, StatusBadgeDelegate(table))
    table.verticalHeader().setDefaultSectionSize(28)
    fit_columns(table, TIMELINE_WIDTHS, TimelineColumn.NOTES, pad=None)
    # "Blood sample (CRP)" and who did it whole (issue 20: they read "Blood sample (…" and
    # "MBE Næstv…" beside wide notes); on a narrow screen "who" gives the notes some room
    fit_on_first_rows(table, (TimelineColumn.WHEN, TimelineColumn.KIND, TimelineColumn.CAR,
                              TimelineColumn.WHO), header_padding=6,
                      then=give_way_once_fitted(table, TimelineColumn.NOTES,
                                                {TimelineColumn.WHO: 90}, at_most=NOTES_ROOM))
    # still too narrow (1280×720): the notes give way rather than push a scroll bar under the
    # visits; the kind's tooltip and the register dialog show them
    ShortColumnHider(table, TimelineColumn.NOTES, NOTES_LEAST)
    return table
