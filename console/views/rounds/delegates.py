"""Delegates of the round list: rounded badges (status, flags) and a CRP sparkline."""

from __future__ import annotations

from PySide6.QtCore import (
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from console.views.common import palette
from console.views.common.column_room import ShortColumnHider
from console.views.common.frozen_rows import Index
from console.views.common.tables import fit_columns, house_table
from console.views.rounds.model import (
    BADGES_ROLE,
    STATUS_LABELS,
    TREND_ROLE,
    Badge,
    Column,
    status_label,
)

COLUMN_WIDTHS = {Column.TIME: 48, Column.PATIENT: 150, Column.DAY: 36, Column.FLAGS: 176,
                 Column.CRP: 116, Column.VISITS: 50, Column.ESCALATIONS: 36, Column.STATUS: 78}
REGIMEN_MIN_WIDTH = 110  # "Ceftriaxon 2 g …": less than a drug and its dose says nothing



BADGE_H_PAD = 7
BADGE_GAP = 4
BADGE_HEIGHT = 20
SPARK_WIDTH = 46
SPARK_MIN_WIDTH = 22


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """Selection/alternate background and focus, without the display text."""
    opt = QStyleOptionViewItem(option)
    QStyledItemDelegate().initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class BadgeDelegate(QStyledItemDelegate):
    """Draws ``BADGES_ROLE`` (text, background, foreground) as rounded pills, left to right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badges: list[Badge] | None = index.data(BADGES_ROLE)
        if not badges:
            super().paint(painter, option, index)
            return
        _background(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 0.5))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        rect: QRect = option.rect
        x = rect.left() + 4
        height = min(BADGE_HEIGHT, rect.height() - 4)
        y = rect.top() + (rect.height() - height) / 2
        for text, background, foreground in badges:
            width = metrics.horizontalAdvance(text) + 2 * BADGE_H_PAD
            if x + width > rect.right() - 2:  # out of room: the tooltip lists every flag
                painter.setPen(palette.MUTED_FG)
                painter.drawText(QRectF(x, y, rect.right() - x, height),
                                 int(Qt.AlignmentFlag.AlignVCenter), "…")
                break
            pill = QRectF(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(foreground)
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
            x += width + BADGE_GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        badges: list[Badge] | None = index.data(BADGES_ROLE)
        base = super().sizeHint(option, index)
        if not badges:
            return base
        width = badges_width(option.font, [b[0] for b in badges])
        return QSize(width, max(base.height(), BADGE_HEIGHT + 4))


def badges_width(font: QFont, texts: list[str]) -> int:
    """The width of a cell showing these texts as badges, side by side."""
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    return sum(metrics.horizontalAdvance(t) + 2 * BADGE_H_PAD + BADGE_GAP for t in texts) + 8


def fit_status_column(table: QTableView) -> None:
    """The status column as wide as its widest badge in the current language: a status turns
    from "Planned" to "Signed" during the day, and in Danish "Underskrevet" showed as "…" in
    the 78 px the English labels needed (issue 20)."""
    widest = max(badges_width(table.font(), [status_label(s)]) for s in STATUS_LABELS)
    table.setColumnWidth(Column.STATUS, max(COLUMN_WIDTHS[Column.STATUS], widest))


class SparklineDelegate(QStyledItemDelegate):
    """The latest CRP as text and the last results (``TREND_ROLE``) as a small curve."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        trend: tuple[float, ...] = index.data(TREND_ROLE) or ()
        _background(painter, option, index)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # The value and its date come first (a stale CRP must show as stale); the curve takes
        # what is left, up to SPARK_WIDTH, and is left out when that is too little to read.
        text_width = option.fontMetrics.horizontalAdvance(text)
        spark = min(SPARK_WIDTH, rect.width() - text_width - 18)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(colour if isinstance(colour, QColor) and not selected
                       else option.palette.color(role))
        painter.drawText(QRect(rect.left() + 6, rect.top(), rect.width() - 10, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        if len(trend) >= 2 and spark >= SPARK_MIN_WIDTH:
            self._draw_curve(painter, QRectF(rect.right() - spark - 4, rect.top() + 6,
                                             spark, rect.height() - 12), trend, selected)
        painter.restore()

    @staticmethod
    def _draw_curve(painter: QPainter, box: QRectF, trend: tuple[float, ...],
                    selected: bool) -> None:
        low, high = min(trend), max(trend)
        span = (high - low) or 1.0
        step = box.width() / (len(trend) - 1)
        points = [QPointF(box.left() + i * step,
                          box.bottom() - (v - low) / span * box.height())
                  for i, v in enumerate(trend)]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        # Falling CRP is good news: green; rising: red.
        colour = palette.OK_FG if trend[-1] < trend[0] else palette.DANGER_FG
        if trend[-1] == trend[0]:
            colour = palette.MUTED_FG
        if selected:
            colour = QColor("#ffffff")
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(colour)
        painter.drawEllipse(points[-1], 2.2, 2.2)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(base.width() + SPARK_WIDTH + 12, base.height())


def round_list_table(proxy: QSortFilterProxyModel) -> QTableView:
    """The day's round list: rows dragged into the order of the round, badges and sparklines."""
    table = house_table(proxy, row_height=30, alternating=True)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDragDropOverwriteMode(False)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDropIndicatorShown(True)
    table.setItemDelegateForColumn(Column.CRP, SparklineDelegate(table))
    badges = BadgeDelegate(table)
    table.setItemDelegateForColumn(Column.STATUS, badges)
    table.setItemDelegateForColumn(Column.FLAGS, badges)
    # The flags (CRP decision due, CRP missing, new, planned end) are what the round is ordered
    # by: they stand next to the day and keep their width; the regimen, also in the panel's
    # heading, takes what is left and elides (issue 20: at 1280×720 the flags read "…").
    fit_columns(table, COLUMN_WIDTHS, Column.REGIMEN, pad=None)
    fit_status_column(table)
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.FLAGS), header.visualIndex(Column.REGIMEN))
    header.setStretchLastSection(False)
    # A regimen column of a few pixels shows only "…": on a narrow screen it gives way; the
    # patient's tooltip and the round panel's heading name the regimen (issue 20).
    ShortColumnHider(table, Column.REGIMEN, REGIMEN_MIN_WIDTH)
    return table
