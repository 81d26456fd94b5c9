"""Change a running regimen line: dose, doses a day, dose times, end date, from when.

The service re-checks R-FREQ, R-PUMP, R-DOSE-TIMES and R-WINDOW and re-plans the line's future
dose visits; a rule it names is shown next to its field and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.course import course
from console.services.course.record import PatientRecord, RegimenRow
from console.services.course.schedule import default_dose_times, format_dose_times
from console.timeutil import now_utc
from console.views.common.dates import datetime_edit, from_qdatetime, parse_times_text, to_date
from console.views.common.i18n import decimal_numbers
from console.views.common.labels import REGIMEN_KINDS, label
from console.views.common.screen import ScreenContext
from console.views.patient.record_dialog import RecordDialog


class RegimenDialog(RecordDialog):
    """A regimen line's new dose or end; a reloaded record's line carries its new version."""

    def __init__(self, context: ScreenContext, record: PatientRecord,
                 regimen_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, record, parent)
        self.setWindowTitle(self.tr("Change regimen — {name}").format(name=record.name))
        self.line = QComboBox()
        for r in record.regimens:
            self.line.addItem(decimal_numbers(f"{label(REGIMEN_KINDS, r.kind)}: {r.drug} {r.dose}"), r.id)
        if regimen_id is not None and self.line.findData(regimen_id) >= 0:
            self.line.setCurrentIndex(self.line.findData(regimen_id))
        self.dose = QLineEdit()
        self.doses_per_day = QSpinBox()
        self.doses_per_day.setRange(1, 4)
        self.dose_times = QLineEdit()
        self.dose_times.setPlaceholderText("08:00, 15:00, 22:00")
        self.end_date = QDateEdit()
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("dd/MM/yyyy")
        self.effective_from = datetime_edit(now_utc())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, fields in (
            (self.tr("Regimen line"), self.line, ("regimen",)),
            (self.tr("Dose"), self.dose, ("dose",)),
            (self.tr("Doses per day"), self.doses_per_day, ("doses_per_day", "system")),
            (self.tr("Dose times"), self.dose_times, ("dose_times",)),
            (self.tr("Last dose day"), self.end_date, ("end_date",)),
            (self.tr("Effective from"), self.effective_from, ("effective_from",)),
        ):
            self.field_row(form, text, widget, *fields)
        self.lay_out_form(form)
        self.line.currentIndexChanged.connect(self._fill_from_line)
        self.doses_per_day.valueChanged.connect(self._default_times)
        self._fill_from_line()
        self.resize(480, self.sizeHint().height())

    def current_line(self) -> RegimenRow | None:
        regimen_id = self.line.currentData()
        return next((r for r in self.record.regimens if r.id == regimen_id), None)

    def _fill_from_line(self) -> None:
        line = self.current_line()
        if line is None:
            return
        self.dose.setText(line.dose)
        self.doses_per_day.blockSignals(True)
        self.doses_per_day.setValue(line.doses_per_day)
        self.doses_per_day.blockSignals(False)
        self.dose_times.setText(line.dose_times.replace(",", ", "))
        self.end_date.setDate(QDate(line.end.year, line.end.month, line.end.day))

    def _default_times(self, n: int) -> None:
        self.dose_times.setText(format_dose_times(default_dose_times(n)).replace(",", ", "))

    def operation(self) -> ServiceCall | None:
        line = self.current_line()
        if line is None:
            self.errors.show("regimen", self.tr("This admission has no regimen line to change."))
            return None
        times = parse_times_text(self.dose_times.text())
        if times is None:
            self.errors.show("dose_times", self.tr("Write the dose times as HH:MM, separated "
                                                   "by commas."))
            return None
        return call(course.change_regimen, line.id,
                    effective_from=from_qdatetime(self.effective_from.dateTime()),
                    dose=self.dose.text().strip() or None,
                    doses_per_day=self.doses_per_day.value(), dose_times=times,
                    end_date=to_date(self.end_date.date()), expected_version=line.version)
