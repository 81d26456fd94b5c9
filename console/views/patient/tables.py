"""Column declarations for the record's compact tables, and one way to build such a table.

Each table is a ``RowsTableModel`` behind a ``QSortFilterProxyModel`` in a read-only,
row-selecting ``QTableView`` (style.md practice 7: one recipe for every table).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.course.iv_access import AccessRow
from console.services.course.record import DeliveryRow, EscalationRow, LabRow, RegimenRow, RoundRow
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers, decimal_text
from console.views.common.labels import (
    DELIVERY_STATUSES,
    ESCALATION_CATEGORIES,
    ESCALATION_SEVERITIES,
    ESCALATION_STATES,
    IV_ACCESS,
    REGIMEN_KINDS,
    ROUND_DECISIONS,
    ROUND_STATUSES,
    SYSTEMS,
    label,
)
from console.views.common.message_rows import PARTY, STATE, TEXT, TOPIC, WAY, WHEN
from console.views.common.rows_model import ColumnSpec

_CTX = "PatientTables"
CONTEXT = _CTX  # the translation context of these headers


def _regimen_access(r: RegimenRow) -> str:
    text = label(IV_ACCESS, r.iv_access)
    if r.iv_access_remove_by is not None:
        return f"{text} → {r.iv_access_remove_by:%d/%m}"
    return text


def _regimen_level(r: RegimenRow) -> str:
    """The drug level beside its drug (issue 19): "24 mg/L ! (05/12)", or that none is taken."""
    if r.level_analysis is None:
        return ""
    if r.level is None:
        return _tr(QT_TRANSLATE_NOOP(_CTX, "none taken yet"))
    return f"{lab_value(r.level)} ({format_local(r.level.taken_at, '%d/%m')})"


def _regimen_level_tip(r: RegimenRow) -> str | None:
    if r.level_analysis is None:
        return None
    name = analysis_name(r.level_analysis)
    if r.level is None:
        return name
    return f"{name}: {r.level.reference}" + (f" — {_tr(_OUTSIDE)}" if r.level.out_of_interval
                                               else "")


REGIMEN_LEVEL_COLUMN = 2  # the drug level stands next to its drug
# Issue 20: at 1280 px the period was cut behind a scroll bar; the system, the kind and then the
# IV access narrow first, in that order, whole in their tooltips, so the period shows.
REGIMEN_KIND_COLUMN, REGIMEN_SYSTEM_COLUMN, REGIMEN_ACCESS_COLUMN = 0, 5, 6
REGIMEN_PERIOD_COLUMN = 7
REGIMEN_NARROWED = {REGIMEN_SYSTEM_COLUMN: 56, REGIMEN_KIND_COLUMN: 48, REGIMEN_ACCESS_COLUMN: 100}
REGIMEN_COLUMNS: tuple[ColumnSpec[RegimenRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Kind"), lambda r: label(REGIMEN_KINDS, r.kind),
               text_tip=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Drug / fluid"), lambda r: decimal_numbers(f"{r.drug} {r.dose}")),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Drug level"), _regimen_level,
               tooltip=_regimen_level_tip),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Per day"), lambda r: f"{r.doses_per_day}×",
               sort=lambda r: r.doses_per_day, align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Dose times"), lambda r: r.dose_times.replace(",", ", ")),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "System"), lambda r: label(SYSTEMS, r.system),
               text_tip=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "IV access (remove by)"), _regimen_access,
               text_tip=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Period"), lambda r: f"{r.start:%d/%m}–{r.end:%d/%m}",
               sort=lambda r: r.start),
)

# Issue 19: the analyses' names and the readings of cultures and stix (services/course/labs.py)
LAB_NAMES = {
    "crp": QT_TRANSLATE_NOOP(_CTX, "CRP"),
    "sodium": QT_TRANSLATE_NOOP(_CTX, "Sodium"),
    "potassium": QT_TRANSLATE_NOOP(_CTX, "Potassium"),
    "creatinine": QT_TRANSLATE_NOOP(_CTX, "Creatinine"),
    "egfr": QT_TRANSLATE_NOOP(_CTX, "eGFR"),
    "leukocytes": QT_TRANSLATE_NOOP(_CTX, "Leukocytes"),
    "s_vancomycin": QT_TRANSLATE_NOOP(_CTX, "S-vancomycin (trough)"),
    "s_gentamicin": QT_TRANSLATE_NOOP(_CTX, "S-gentamicin (trough)"),
    "blood_culture": QT_TRANSLATE_NOOP(_CTX, "Blood culture"),
    "urine_stix": QT_TRANSLATE_NOOP(_CTX, "Urine stix"),
}
LAB_READINGS = {
    "negative": QT_TRANSLATE_NOOP(_CTX, "negative"),
    "positive": QT_TRANSLATE_NOOP(_CTX, "positive"),
    "leukocytes": QT_TRANSLATE_NOOP(_CTX, "leukocytes"),
    "nitrite": QT_TRANSLATE_NOOP(_CTX, "nitrite"),
    "blood": QT_TRANSLATE_NOOP(_CTX, "blood"),
    "protein": QT_TRANSLATE_NOOP(_CTX, "protein"),
    "glucose": QT_TRANSLATE_NOOP(_CTX, "glucose"),
}


_OUTSIDE = QT_TRANSLATE_NOOP(_CTX, "Outside the reference interval")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def lab_name(r: LabRow) -> str:
    return analysis_name(r.analysis, r.name)


def analysis_name(code: str, name: str | None = None) -> str:
    """An analysis's name in the reader's language (issue 19: ``labs.ANALYSES``)."""
    text = LAB_NAMES.get(code)
    return _tr(text) if text else (name or code.upper())


def lab_value(r: LabRow) -> str:
    """"142 mmol/L", "positive"; a result outside its reference interval ends in " !"."""
    if r.reading is not None:
        text = ", ".join(_tr(LAB_READINGS[w]) if w in LAB_READINGS else w
                         for w in r.reading.split(", "))
    else:
        text = f"{decimal_text(f'{r.value:g}')} {r.unit}".strip()
    return f"{text} !" if r.out_of_interval else text


LAB_COLUMNS: tuple[ColumnSpec[LabRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Taken"), lambda r: format_local(r.taken_at, "%d/%m %H:%M"),
               sort=lambda r: r.taken_at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Analysis"), lab_name),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Value"), lab_value, sort=lambda r: r.value,
               align_center=True,
               tooltip=lambda r: _tr(_OUTSIDE) if r.out_of_interval
               else None),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Reference"),
               lambda r: ", ".join(_tr(LAB_READINGS.get(w, w)) for w in r.reference.split("/"))
               if r.reading is not None else decimal_text(r.reference)),
)

ROUND_COLUMNS: tuple[ColumnSpec[RoundRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Date"), lambda r: f"{r.round_date:%d/%m}",
               sort=lambda r: r.round_date),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Decision"), lambda r: label(ROUND_DECISIONS, r.decision)
               or label(ROUND_STATUSES, r.status)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Signed by"), lambda r: r.signed_by or ""),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Note"), lambda r: r.note,
               tooltip=lambda r: r.note or None),
)

DELIVERY_COLUMNS: tuple[ColumnSpec[DeliveryRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Due by"), lambda r: format_local(r.due_by, "%d/%m %H:%M"),
               sort=lambda r: r.due_by),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Status"), lambda r: label(DELIVERY_STATUSES, r.status)
               + (" ⚠" if r.needs_review else "")),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Days"), lambda r: str(r.days_covered),
               sort=lambda r: r.days_covered, align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Contents"), lambda r: r.contents,
               tooltip=lambda r: r.contents or None),
)

_CURRENT = QT_TRANSLATE_NOOP(_CTX, "current")
ACCESS_COLUMNS: tuple[ColumnSpec[AccessRow], ...] = (  # R-ACCESS, newest last
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Placed"),
               lambda r: format_local(r.placed_at, "%d/%m %H:%M"), sort=lambda r: r.placed_at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Access"), lambda r: r.kind.upper(),  # PVK, CVK, PICC
               tooltip=lambda r: label(IV_ACCESS, r.kind)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "By"), lambda r: r.placed_by or "",
               tooltip=lambda r: r.placed_by or None),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Remove by"),
               lambda r: r.remove_by.strftime("%d/%m") if r.remove_by else "—"),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Ended"),
               lambda r: (f"{format_local(r.ended_at, '%d/%m')}: {r.end_reason or ''}"
                          if r.ended_at else _tr(_CURRENT)),
               tooltip=lambda r: (f"{format_local(r.ended_at, '%d/%m %H:%M')}: "
                                  f"{r.end_reason or ''}" if r.ended_at else None)),
)

ESCALATION_COLUMNS: tuple[ColumnSpec[EscalationRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Received"),
               lambda r: format_local(r.received_at, "%d/%m %H:%M"), sort=lambda r: r.received_at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Category"),
               lambda r: label(ESCALATION_CATEGORIES, r.category)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Severity"),
               lambda r: label(ESCALATION_SEVERITIES, r.severity)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "State"), lambda r: label(ESCALATION_STATES, (
        "resolved" if r.resolved_at else "acknowledged" if r.acknowledged_at else "open"))),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Text"), lambda r: r.text, tooltip=lambda r: r.text or None),
)



MESSAGE_COLUMNS = (WHEN, WAY, STATE, TOPIC, TEXT, PARTY)  # the record's thread: state first
