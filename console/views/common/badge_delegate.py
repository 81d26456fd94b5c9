"""A table cell painted as one rounded badge in the model's background/foreground colours.

Used for severities (escalations) and delivery statuses (logistics): the model supplies the
text, ``BackgroundRole`` and ``ForegroundRole``; selection keeps the row's highlight around it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class BadgeDelegate(QStyledItemDelegate):
    """Paints the severity as a rounded badge in the model's colours."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect: QRect = option.rect.adjusted(6, 4, -6, -4)
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
