"""How a MedCom message row reads in any table: its state (overdue stands out) and colours.

Shared by the ward's Messages screen and the record's thread (R-MESSAGE).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.services.messaging.reads import MessageRow
from console.timeutil import format_local
from console.views.common import palette
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import MESSAGE_KINDS, MESSAGE_STATES, label
from console.views.common.rows_model import ColumnSpec, RowsTableModel

CONTEXT = "MessageRows"  # the translation context of the columns below


def unmatched(r: MessageRow) -> bool:
    """Received and on no course: it names no patient of the ward (R-MESSAGE: a person
    matches it)."""
    return r.direction == "in" and r.admission_id is None and r.kind != "acknowledgement"


def message_state(r: MessageRow) -> str:
    """The state as a thread shows it; no acknowledgement in time, and a received message on no
    course, are marked."""
    if r.overdue:
        return "⚠ " + label(MESSAGE_STATES, "overdue")
    if unmatched(r):
        return "⚠ " + label(MESSAGE_STATES, "unmatched")
    text = label(MESSAGE_STATES, r.state)
    return f"{text} ({r.ack_code})" if r.ack_code and r.direction == "out" else text


def message_topic(r: MessageRow) -> str:
    return r.topic or label(MESSAGE_KINDS, r.kind)


WHEN: ColumnSpec[MessageRow] = ColumnSpec(
    QT_TRANSLATE_NOOP(CONTEXT, "When"), lambda r: format_local(r.sent_at or r.created_at,
                                                               "%d/%m %H:%M"),
    sort=lambda r: r.sent_at or r.created_at)
WAY: ColumnSpec[MessageRow] = ColumnSpec(
    QT_TRANSLATE_NOOP(CONTEXT, "Way"), lambda r: "→" if r.direction == "out" else "←",
    align_center=True)
PATIENT: ColumnSpec[MessageRow] = ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Patient"),
                                             lambda r: r.patient or "—")
PARTY: ColumnSpec[MessageRow] = ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Party"),
                                           lambda r: r.party or "")
TOPIC: ColumnSpec[MessageRow] = ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Topic"), message_topic)
STATE: ColumnSpec[MessageRow] = ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "State"), message_state,
                                           tooltip=lambda r: r.ack_reason or r.problem or None)
TEXT: ColumnSpec[MessageRow] = ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Text"),
                                          lambda r: (r.text or "").split("\n")[0],
                                          tooltip=lambda r: r.text or None)


class MessageRowsModel(RowsTableModel[MessageRow]):
    """The state column is red when a person must act (no acknowledgement in time, rejected,
    failed, unreadable, on no course), amber for what was received and awaits an answer."""

    def __init__(self, columns: tuple[ColumnSpec[MessageRow], ...],
                 parent: Any = None) -> None:
        super().__init__(CONTEXT, columns, parent)
        self.state_column = columns.index(STATE)

    def extra_data(self, row: MessageRow, column: int, role: int) -> Any:
        if column != self.state_column or not row.needs_attention:
            return None
        danger = (row.overdue or row.state in ("rejected", "failed") or row.kind == "invalid"
                  or unmatched(row))
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.DANGER_BG if danger else palette.WARNING_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.DANGER_FG if danger else palette.WARNING_FG
        return None
