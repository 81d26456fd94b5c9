"""The escalation inbox model over frozen ``EscalationRow`` tuples, with live response clocks.

Rows keep the service's urgency order. The clocks tick without the database: ``tick()``
recomputes each clock from its due time and ``now`` (``console.timeutil.now_utc`` unless a
``now`` function is given), with the service's own ``clock`` rule (amber at 75 % of the target).
Also the human labels of the escalation codes, shared by the dialogs.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from console.services.escalations.rules import Clock, clock
from console.timeutil import format_local, now_utc
from console.views.common import palette
from console.views.common.durations import duration_text
from console.views.common.frozen_rows import FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.common.labels import code_label, spaced

ESCALATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
if TYPE_CHECKING:  # the service loads with the first escalations (issue 17: a fast start)
    from console.services.escalations.escalations import EscalationRow

_CTX = "EscalationTableModel"

CATEGORY_LABELS: dict[str, str] = {
    "clinical_worsening": QT_TRANSLATE_NOOP("Escalation", "Clinical worsening"),
    "complication": QT_TRANSLATE_NOOP("Escalation", "Complication"),
    "iv_access_problem": QT_TRANSLATE_NOOP("Escalation", "IV access problem"),
    "missing_medicine": QT_TRANSLATE_NOOP("Escalation", "Missing medicine"),
    "missing_supplies": QT_TRANSLATE_NOOP("Escalation", "Missing supplies"),
    "procedure_question": QT_TRANSLATE_NOOP("Escalation", "Procedure question"),
    "mbe_support": QT_TRANSLATE_NOOP("Escalation", "MBE support needed"),
    "other": QT_TRANSLATE_NOOP("Escalation", "Other"),
}
SEVERITY_LABELS: dict[str, str] = {
    "urgent": QT_TRANSLATE_NOOP("Escalation", "Urgent"),
    "today": QT_TRANSLATE_NOOP("Escalation", "Today"),
    "routine": QT_TRANSLATE_NOOP("Escalation", "Routine"),
}
ROUTED_LABELS: dict[str, str] = {
    "e_doctor": QT_TRANSLATE_NOOP("Escalation", "e-doctor"),
    "e_nurse": QT_TRANSLATE_NOOP("Escalation", "e-nurse"),
}
ACTION_LABELS: dict[str, str] = {
    "advice_given": QT_TRANSLATE_NOOP("Escalation", "Advice given"),
    "regimen_changed": QT_TRANSLATE_NOOP("Escalation", "Regimen changed"),
    "mbe_visit_created": QT_TRANSLATE_NOOP("Escalation", "MBE visit created"),
    "delivery_created": QT_TRANSLATE_NOOP("Escalation", "Delivery created"),
    "readmitted": QT_TRANSLATE_NOOP("Escalation", "Readmitted to hospital"),
    "no_action_needed": QT_TRANSLATE_NOOP("Escalation", "No action needed"),
}
SEVERITY_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "urgent": (QColor("#b42318"), QColor("#ffffff")),
    "today": (palette.WARNING_BG, palette.WARNING_FG),
    "routine": (QColor("#e5e7eb"), QColor("#374151")),
}
CLOCK_COLOURS: dict[str, tuple[QColor | None, QColor | None]] = {
    "ok": (None, palette.OK_FG),
    "amber": (palette.WARNING_BG, palette.WARNING_FG),
    "red": (palette.DANGER_BG, palette.DANGER_FG),
    "met": (None, palette.MUTED_FG),
    "late": (None, palette.DANGER_FG),
}


def label(labels: dict[str, str], code: str | None) -> str:
    """The translated label of a code (a code newer than the console is shown as it is)."""
    return "" if code is None else code_label("Escalation", labels, code, spaced)


def ack_clock_text(row: EscalationRow, *, in_column: bool = False) -> str:
    """The acknowledge clock as a sentence, or (``in_column``, under the "Acknowledge" header)
    without the verb the header already says: the inbox fits 1280 px in Danish (issue 20)."""
    c = row.ack_clock
    if row.acknowledged_at is not None:
        time, who = format_local(row.acknowledged_at), row.acknowledged_by or ""
        if in_column:
            return translate(_CTX, "✓ {time} {who}", time=time, who=who)
        return translate(_CTX, "acked {time} {who}", time=time, who=who)
    if in_column:
        return _due_in_column(c)
    if c.state == "red":
        return translate(_CTX, "ack overdue {d}", d=duration_text(c.minutes_left))
    return translate(_CTX, "ack in {d}", d=duration_text(c.minutes_left))


def resolve_clock_text(row: EscalationRow, *, in_column: bool = False) -> str:
    c = row.resolve_clock
    if row.resolved_at is not None:
        time = format_local(row.resolved_at)
        if in_column:
            return translate(_CTX, "✓ {time}", time=time)
        return translate(_CTX, "resolved {time}", time=time)
    if in_column:
        return _due_in_column(c)
    if c.state == "red":
        return translate(_CTX, "resolve overdue {d}", d=duration_text(c.minutes_left))
    return translate(_CTX, "resolve in {d}", d=duration_text(c.minutes_left))


def _due_in_column(clock: Clock) -> str:
    if clock.state == "red":
        return translate(_CTX, "{d} overdue", d=duration_text(clock.minutes_left))
    return translate(_CTX, "in {d}", d=duration_text(clock.minutes_left))


def links_text(row: EscalationRow) -> str:
    parts = []
    if row.visit_id is not None:
        parts.append(translate(_CTX, "visit #{n}", n=row.visit_id))
    if row.delivery_id is not None:
        parts.append(translate(_CTX, "delivery #{n}", n=row.delivery_id))
    return ", ".join(parts)


def _retick(c: Clock, started: datetime, stopped: datetime | None, now: datetime) -> Clock:
    target = round((c.due_at - started) / timedelta(minutes=1))
    return clock(started, target, stopped, now)


def tick_row(row: EscalationRow, now: datetime) -> EscalationRow:
    """The row with its clocks as they stand at ``now`` (same targets, same due times)."""
    return replace(row,
                   ack_clock=_retick(row.ack_clock, row.received_at, row.acknowledged_at, now),
                   resolve_clock=_retick(row.resolve_clock, row.received_at, row.resolved_at, now))


def _current_time() -> datetime:
    return now_utc()  # looked up at call time, so tests may patch it


class Column(enum.IntEnum):
    SEVERITY = 0
    RECEIVED = 1
    PATIENT = 2
    MUNICIPALITY = 3
    CALLER = 4
    CATEGORY = 5
    ROUTED = 6
    ACK = 7
    RESOLVE = 8
    LINKS = 9


HEADERS = (
    QT_TRANSLATE_NOOP(_CTX, "Severity"), QT_TRANSLATE_NOOP(_CTX, "Received"),
    QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(_CTX, "Municipality"),
    QT_TRANSLATE_NOOP(_CTX, "Caller"), QT_TRANSLATE_NOOP(_CTX, "Category"),
    QT_TRANSLATE_NOOP(_CTX, "Routed to"), QT_TRANSLATE_NOOP(_CTX, "Acknowledge"),
    QT_TRANSLATE_NOOP(_CTX, "Resolve"), QT_TRANSLATE_NOOP(_CTX, "Links"),
)


class EscalationTableModel(FrozenRowsModel["EscalationRow"]):
    HEADERS = HEADERS
    CONTEXT = _CTX
    ID_ROLES: ClassVar[dict[int, str]] = {ESCALATION_ID_ROLE: "id"}
    CENTRED = frozenset({Column.SEVERITY, Column.RECEIVED})

    def __init__(self, parent: QObject | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._now = now or _current_time

    # -- content -------------------------------------------------------------------------------

    def set_rows(self, rows: list[EscalationRow] | tuple[EscalationRow, ...]) -> None:
        now = self._now()
        self.replace_rows(tuple(tick_row(r, now) for r in rows))

    def tick(self) -> None:
        """Recompute the clocks for the current time (no database)."""
        now = self._now()
        self.replace_rows(tuple(tick_row(r, now) for r in self._rows))

    def escalation(self, escalation_id: int) -> EscalationRow | None:
        return self.record(escalation_id)

    def _display(self, row: EscalationRow, col: int) -> str:
        match col:
            case Column.SEVERITY:
                return label(SEVERITY_LABELS, row.severity)
            case Column.RECEIVED:
                return format_local(row.received_at)
            case Column.PATIENT:
                return f"{row.patient}  {row.cpr_masked}"
            case Column.MUNICIPALITY:
                return row.municipality
            case Column.CALLER:
                return row.caller_name
            case Column.CATEGORY:
                return label(CATEGORY_LABELS, row.category)
            case Column.ROUTED:
                text = label(ROUTED_LABELS, row.routed_to)
                return f"{text} *" if row.route_override_reason else text
            case Column.ACK:
                return ack_clock_text(row, in_column=True)
            case Column.RESOLVE:
                return resolve_clock_text(row, in_column=True)
            case Column.LINKS:
                return links_text(row)
        return ""

    def _colours(self, row: EscalationRow, col: int) -> tuple[QColor | None, QColor | None]:
        if col == Column.SEVERITY:
            return SEVERITY_COLOURS.get(row.severity, (None, None))
        if row.resolved_at is not None:  # the "all" filter: resolved ones greyed
            return None, palette.MUTED_FG
        if col == Column.ACK:
            return CLOCK_COLOURS[row.ack_clock.state]
        if col == Column.RESOLVE:
            return CLOCK_COLOURS[row.resolve_clock.state]
        return None, None

    def _tooltip(self, row: EscalationRow, col: int) -> str | None:
        match col:
            case Column.ROUTED if row.route_override_reason:
                return translate(_CTX, "override: {reason}", reason=row.route_override_reason)
            case Column.CALLER if row.caller_phone:
                return row.caller_phone
            case Column.ACK:
                return translate(_CTX, "Target {time}",
                                 time=format_local(row.ack_clock.due_at, "%d/%m %H:%M"))
            case Column.RESOLVE:
                return translate(_CTX, "Target {time}",
                                 time=format_local(row.resolve_clock.due_at, "%d/%m %H:%M"))
            case Column.RECEIVED:
                return format_local(row.received_at, "%d/%m/%Y %H:%M")
        return None
