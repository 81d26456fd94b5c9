"""The admin's audit trail and a patient's access report (issue 8; sundhedsloven § 42 a).

Both read through the worker; both are admin-only in the service (and, on PostgreSQL, in the
grants). The access report exports as CSV in MinLog's fields for the patient who asked; the
export is itself logged (``access_governance.minlog_export``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from console.services.core import access_governance, audit_log
from console.services.core.access_governance import write_minlog_csv
from console.services.core.audit_log import AccessRow, AuditRow
from console.services.core.operations import ServiceCall, call
from console.timeutil import format_local, local_datetime, today_local
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import code_label
from console.views.common.rows_dialog import RowsDialog
from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.common.screen import ScreenContext
from console.views.common.tables import compact_table, sorted_proxy
from console.views.common.widgets import STRETCH, push_button, tool_row, wrapped_label

_CTX = "AuditViews"
_ERROR = "QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px; padding: 4px 8px; }"
_WHEN = "%d/%m/%Y %H:%M:%S"
PURPOSES = {  # audit_log.PURPOSES
    "view": QT_TRANSLATE_NOOP(_CTX, "view"),
    "print": QT_TRANSLATE_NOOP(_CTX, "print"),
    "export": QT_TRANSLATE_NOOP(_CTX, "export"),
}


def purpose_label(code: str) -> str:
    return code_label(_CTX, PURPOSES, code)


def change_summary(row: AuditRow) -> str:
    """'dose: 4 g → 5 g; status: planned → done' (the changed columns only)."""
    before, after = row.before or {}, row.after or {}
    keys = [k for k in (after or before) if k not in ("version", "updated_at", "updated_by")]
    if row.action == "update":
        return "; ".join(f"{k}: {before.get(k)} → {after.get(k)}" for k in keys)
    values = after if row.action == "insert" else before
    return ", ".join(f"{k}={values.get(k)}" for k in keys[:8])


AUDIT_COLUMNS: tuple[ColumnSpec[AuditRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "When"), lambda r: format_local(r.at, _WHEN),
               sort=lambda r: r.at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Who"), lambda r: r.user or "?"),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Action"), lambda r: r.action),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Table"), lambda r: r.table_name),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Row"), lambda r: r.row_id, align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Admission"),
               lambda r: str(r.admission_id) if r.admission_id is not None else "",
               sort=lambda r: r.admission_id or 0, align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Changes"), change_summary,
               tooltip=change_summary),
)

ACCESS_COLUMNS: tuple[ColumnSpec[AccessRow], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "When"), lambda r: format_local(r.at, _WHEN),
               sort=lambda r: r.at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Who"), lambda r: r.user or "?"),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "What for"), lambda r: purpose_label(r.purpose)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Admission"),
               lambda r: str(r.admission_id) if r.admission_id is not None else "",
               align_center=True),
)


def _table(model: RowsTableModel[Any], parent: QWidget) -> Any:
    table = compact_table(sorted_proxy(model, parent))
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
    return table


class AuditDialog(RowsDialog):
    """Filter the audit trail by patient (admission), person, table and time."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, _CTX, AUDIT_COLUMNS, parent, error_style=_ERROR)
        self.setWindowTitle(self.tr("Audit trail"))
        self.admission = QSpinBox()
        self.admission.setRange(0, 10_000_000)
        self.admission.setSpecialValueText(self.tr("any"))
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("initials"))
        self.person.setMaximumWidth(90)
        self.table_combo = QComboBox()
        self.table_combo.addItem(self.tr("all tables"), None)
        for name in audit_log.audited_table_names():
            self.table_combo.addItem(name, name)
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.since.setCalendarPopup(True)
        self.apply_button = push_button(self.tr("Show"), clicked=self.reload)
        self.count_label = QLabel()
        top = QHBoxLayout()
        for text, widget in ((self.tr("Admission"), self.admission),
                             (self.tr("Person"), self.person),
                             (self.tr("Table"), self.table_combo),
                             (self.tr("Since"), self.since)):
            top.addWidget(QLabel(text))
            top.addWidget(widget)
        top.addWidget(self.apply_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.table = _table(self.model, self)
        self.lay_out(top, self.table)
        self.resize(1100, 600)

    def request(self) -> ServiceCall:
        admission = self.admission.value() or None
        person = self.person.text().strip() or None
        table = self.table_combo.currentData()
        q = self.since.date()
        since = local_datetime(datetime(q.year(), q.month(), q.day()).date(), time(0, 0))
        return call(audit_log.list_audit, admission_id=admission, user=person, table=table,
                    since=since)

    def reload(self) -> None:
        self.apply_button.setEnabled(False)
        super().reload()

    def _on_loaded(self, rows: Sequence[AuditRow]) -> None:
        self.apply_button.setEnabled(True)
        self.count_label.setText(self.tr("{n} changes").format(n=len(rows)))
        super()._on_loaded(rows)

    def _on_failed(self, error: Exception) -> None:
        self.apply_button.setEnabled(True)
        super()._on_failed(error)


class AccessLogDialog(RowsDialog):
    """Who opened, printed or exported one patient's record; exportable as CSV."""

    exported = Signal(str)

    def __init__(self, context: ScreenContext, admission_id: int, patient: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, _CTX, ACCESS_COLUMNS, parent, error_style=_ERROR)
        self.admission_id = admission_id
        self.setWindowTitle(self.tr("Access log — {patient}").format(patient=patient))
        self.table = _table(self.model, self)
        self.note = wrapped_label(self.tr("Every opening, print and export of this patient's records "
                                          "(sundhedsloven § 42 a)."))
        self.export = DocumentExport(context, self)
        self.export.written.connect(self.exported)
        self.export.failed.connect(self._show_error)
        self.export_button = QPushButton(self.tr("Export CSV (MinLog)…"))
        self.export_button.clicked.connect(lambda: self.export_csv())  # noqa: PLW0108 - not the bool
        buttons = tool_row(STRETCH, self.export_button)
        self.lay_out(self.note, self.table, buttons)
        self.resize(700, 450)

    def request(self) -> ServiceCall:
        return call(audit_log.access_report, self.admission_id)

    def _on_failed(self, error: Exception) -> None:
        super()._on_failed(error)
        self.export_button.setEnabled(False)

    def export_csv(self, path: Path | None = None) -> Path | None:
        """The access log in MinLog's fields; the export is logged first (``exported`` says
        where, when the file is written)."""
        path = path or ask_path(self, self.tr("Export the access log"),
                                f"access-log-{self.admission_id}-{today_local():%Y%m%d}.csv",
                                "CSV (*.csv)", ".csv")
        if path is not None:
            self.export.run(call(access_governance.minlog_export, self.admission_id),
                            write_minlog_csv, path)
        return path
