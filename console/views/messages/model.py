"""The message list's columns and its filter (needs attention / drafts / all).

"Needs attention" is the service's judgement (``reads.needs_attention``: R-MESSAGE).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject

from console.services.messaging.reads import MessageRow
from console.views.common.message_rows import (
    PARTY,
    PATIENT,
    STATE,
    TEXT,
    TOPIC,
    WAY,
    WHEN,
    MessageRowsModel,
)
from console.views.common.tables import ShowFilter

MESSAGE_LIST_COLUMNS = (WHEN, WAY, PATIENT, PARTY, TOPIC, STATE, TEXT)


class Show(enum.IntEnum):
    ATTENTION = 0
    DRAFTS = 1
    ALL = 2


def message_model(parent: QObject) -> MessageRowsModel:
    return MessageRowsModel(MESSAGE_LIST_COLUMNS, parent)


class MessageFilter(ShowFilter[MessageRow, Show]):
    def accepts(self, row: MessageRow) -> bool:
        if self.show is Show.DRAFTS:
            return row.state == "drafted"
        if self.show is Show.ATTENTION:
            return row.needs_attention
        return True
