"""The referral queue's columns, the sources' and states' words (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from console.services.course.referrals import ReferralRow
from console.timeutil import format_local, now_utc
from console.views.common.durations import duration_text
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers
from console.views.common.labels import code_label, condition_label, spaced
from console.views.common.rows_model import ColumnSpec, RowsTableModel

CONTEXT = "ReferralsScreen"

SOURCES = {
    "department": QT_TRANSLATE_NOOP(CONTEXT, "Hospital department"),
    "gp": QT_TRANSLATE_NOOP(CONTEXT, "GP"),
    "out_of_hours_gp": QT_TRANSLATE_NOOP(CONTEXT, "Out-of-hours GP"),
    "copd_pre_care": QT_TRANSLATE_NOOP(CONTEXT, "COPD pre-care team"),
}
STATUSES = {
    "referred": QT_TRANSLATE_NOOP(CONTEXT, "Waiting"),
    "admitted": QT_TRANSLATE_NOOP(CONTEXT, "Admitted"),
    "declined": QT_TRANSLATE_NOOP(CONTEXT, "Declined"),
}


def waited(row: ReferralRow) -> str:
    """How long a waiting referral has waited; how long a decided one took (R-ELIGIBLE)."""
    end = row.decided_at or now_utc()
    text = duration_text(max(0, int((end - row.received_at).total_seconds() // 60)))
    if row.decided_at is None:
        return text
    return QCoreApplication.translate(CONTEXT, "decided after {d}").format(d=text)


def word(table: dict[str, str], code: str) -> str:
    """A source's or a state's word; a code newer than the table with its underscores as
    spaces (``code_label``, as every vocabulary of the console is looked up)."""
    return code_label(CONTEXT, table, code, spaced)


COLUMNS: tuple[ColumnSpec[ReferralRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Received"),
               lambda r: format_local(r.received_at, "%d/%m %H:%M"),
               sort=lambda r: r.received_at),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Time waiting"), waited,
               sort=lambda r: (r.decided_at or now_utc()) - r.received_at),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "From"), lambda r: word(SOURCES, r.source),
               tooltip=lambda r: r.referrer),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Patient"),
               lambda r: f"{r.patient_name} ({r.cpr_masked})"),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Municipality"), lambda r: r.municipality),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Condition"), lambda r: condition_label(r.condition)),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Treatment"), lambda r: decimal_numbers(r.treatment)),
    ColumnSpec(QT_TRANSLATE_NOOP(CONTEXT, "Status"), lambda r: word(STATUSES, r.status)),
)


def referral_model(parent: QObject) -> RowsTableModel[ReferralRow]:
    return RowsTableModel(CONTEXT, COLUMNS, parent)
