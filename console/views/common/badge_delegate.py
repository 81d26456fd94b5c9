"""A table cell painted as one rounded badge in the model's background/foreground colours.

Used for severities (escalations) and delivery statuses (logistics): the model supplies the
text, ``BackgroundRole`` and ``ForegroundRole``; selection keeps the row's highlight around it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

INSET = 6  # between the cell's edge and the badge
INNER = 6  # between the badge's edge and its text


def badge_width(widget: QWidget, texts: Iterable[str]) -> int:
    """The column width the widest of ``texts`` needs as a badge: a status column sized for
    the statuses of the moment cut "Out for delivery" later in the day (issue 20)."""
    return max((_badge_width(widget.font(), t) for t in texts), default=2 * (INSET + INNER))


def _badge_width(font: QFont, text: str) -> int:
    """``text`` drawn bold inside its badge, with the cell's inset around it."""
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(text) + 2 * (INSET + INNER)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the severity as a rounded badge in the model's colours."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the bold text inside its badge: a column fitted to its content showed
        "Window ope" (issue 20)."""
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), _badge_width(option.font, str(index.data() or ""))),
                     hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect: QRect = option.rect.adjusted(INSET, 4, -INSET, -4)
        bg = index.data(Qt.ItemDataRole.BackgroundRole)
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(bg if isinstance(bg, QColor) else QColor("#e5e7eb")))
        painter.drawRoundedRect(rect, 8, 8)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(fg if isinstance(fg, QColor) else QColor("#111827"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data() or ""))
        painter.restore()
