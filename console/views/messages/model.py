"""The message list's columns and its filter (needs attention / drafts / all).

"Needs attention" is the service's judgement (``reads.needs_attention``: R-MESSAGE).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from console.services.messaging.reads import MessageRow
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import MESSAGE_KINDS, label
from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.patient.tables import message_state

CONTEXT = "MessageList"


MESSAGE_LIST_COLUMNS: tuple[ColumnSpec[MessageRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "When"),
               lambda r: format_local(r.sent_at or r.created_at, "%d/%m %H:%M"),
               sort=lambda r: r.sent_at or r.created_at),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Way"), lambda r: "→" if r.direction == "out" else "←",
               align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Patient"), lambda r: r.patient or "—"),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Party"), lambda r: r.party or ""),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Topic"),
               lambda r: r.topic or label(MESSAGE_KINDS, r.kind)),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "State"), message_state,
               tooltip=lambda r: r.ack_reason or r.problem or None),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Text"), lambda r: (r.text or "").split("\n")[0],
               tooltip=lambda r: r.text or None),
)


class Show(enum.IntEnum):
    ATTENTION = 0
    DRAFTS = 1
    ALL = 2


def message_model(parent: QObject) -> RowsTableModel[MessageRow]:
    return RowsTableModel(CONTEXT, MESSAGE_LIST_COLUMNS, parent)


class MessageFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show = Show.ATTENTION

    def set_show(self, show: Show) -> None:
        self.beginFilterChange()
        self.show = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsTableModel)
        row: MessageRow = model.row_at(source_row)
        if self.show is Show.DRAFTS:
            return row.state == "drafted"
        if self.show is Show.ATTENTION:
            return row.needs_attention
        return True
