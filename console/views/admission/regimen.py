"""The admission form's regimen lines: one editor per line, lines added and removed freely.

Each editor turns its widgets into a ``RegimenInput`` (always: blanks become empty text that
the form reports as still to fill in) and registers its error labels under ``regimen[i].…``,
the field names ``check_referral`` uses.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.services.core.errors import InvalidInput
from console.services.course.referral import RegimenInput
from console.services.course.schedule import default_dose_times, format_dose_times
from console.views.common.combos import coded_combo
from console.views.common.dates import parse_times_text, to_date
from console.views.common.labels import IV_ACCESS, REGIMEN_KINDS, SYSTEMS, label
from console.views.common.widgets import push_button
from console.views.common.write_dialog import FieldErrors, field_error_label
from console.vocabulary import AdministrationSystem, IvAccess, RegimenKind

LINE_FIELDS = ("kind", "drug", "dose", "doses_per_day", "dose_times", "system", "iv_access",
               "start", "days", "infusion_minutes", "first_dose_given_in_hospital",
               "iv_access_remove_by", "doses_sent")


def _combo(table: dict[str, str], codes: Iterable[enum.Enum]) -> QComboBox:
    return coded_combo(codes, lambda code: label(table, code))


class RegimenLineEditor(QGroupBox):
    changed = Signal()
    remove_requested = Signal(object)  # this editor

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = _combo(REGIMEN_KINDS, RegimenKind)
        self.drug = QLineEdit()
        self.drug.setPlaceholderText(self.tr("e.g. Piperacillin/Tazobactam"))
        self.dose = QLineEdit()
        self.dose.setPlaceholderText(self.tr("e.g. 4 g"))
        self.doses_per_day = QSpinBox()
        self.doses_per_day.setRange(1, 4)
        self.doses_per_day.setValue(3)
        self.dose_times = QLineEdit(self._default_times_text(3))
        self.system = _combo(SYSTEMS, AdministrationSystem)
        self.iv_access = _combo(IV_ACCESS, IvAccess)
        self.start = QDateEdit(QDate(start.year, start.month, start.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.first_dose = QCheckBox(self.tr("First dose given in hospital"))
        # R-HANDOVER: the removal date when it is known; unticked it is recorded as missing
        self.remove_by_known = QCheckBox(self.tr("Remove IV access by"))
        self.remove_by = QDateEdit(QDate(start.year, start.month, start.day).addDays(7))
        self.remove_by.setCalendarPopup(True)
        self.remove_by.setDisplayFormat("dd/MM/yyyy")
        self.remove_by.setEnabled(False)
        self.remove_by_known.toggled.connect(self.remove_by.setEnabled)
        self.doses_sent = QSpinBox()  # R-SUPPLY: what the ward sent; -1: the configured week
        self.doses_sent.setRange(-1, 999)
        self.doses_sent.setValue(-1)
        self.doses_sent.setSpecialValueText(self.tr("the usual week"))
        self.doses_sent.setToolTip(self.tr("Doses the transferring ward sent with the patient "
                                           "(R-SUPPLY); the stock and the delivery follow it"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error_labels = {field: field_error_label() for field in LINE_FIELDS}
        self.line_error = field_error_label()
        self._build()
        self.doses_per_day.valueChanged.connect(self._on_doses_changed)
        for edit in (self.drug, self.dose, self.dose_times):
            edit.textChanged.connect(self.changed)
        for combo in (self.kind, self.system, self.iv_access):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.doses_per_day, self.days, self.minutes, self.doses_sent):
            spin.valueChanged.connect(self.changed)
        self.start.dateChanged.connect(self.changed)
        self.remove_by.dateChanged.connect(self.changed)
        for box in (self.first_dose, self.remove_by_known):
            box.toggled.connect(self.changed)

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        cells = (  # (label, widget, field, row, column, column span)
            (self.tr("Kind"), self.kind, "kind", 0, 0, 1),
            (self.tr("Drug or fluid"), self.drug, "drug", 0, 1, 2),
            (self.tr("Dose"), self.dose, "dose", 0, 3, 1),
            (self.tr("Doses per day"), self.doses_per_day, "doses_per_day", 0, 4, 1),
            (self.tr("Dose times"), self.dose_times, "dose_times", 0, 5, 1),
            (self.tr("Closed system"), self.system, "system", 3, 0, 2),
            (self.tr("IV access"), self.iv_access, "iv_access", 3, 2, 1),
            (self.tr("Start"), self.start, "start", 3, 3, 1),
            (self.tr("Length"), self.days, "days", 3, 4, 1),
            (self.tr("Minutes per visit"), self.minutes, "infusion_minutes", 3, 5, 1),
        )
        for text, widget, field, row, col, span in cells:
            grid.addWidget(QLabel(text), row, col, 1, span)
            grid.addWidget(widget, row + 1, col, 1, span)
            grid.addWidget(self.error_labels[field], row + 2, col, 1, span)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(5, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.first_dose)
        bottom.addWidget(self.error_labels["first_dose_given_in_hospital"])
        bottom.addWidget(self.remove_by_known)
        bottom.addWidget(self.remove_by)
        bottom.addWidget(self.error_labels["iv_access_remove_by"])
        bottom.addWidget(QLabel(self.tr("Doses sent")))
        bottom.addWidget(self.doses_sent)
        bottom.addWidget(self.error_labels["doses_sent"])
        bottom.addWidget(self.line_error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(grid)
        layout.addLayout(bottom)

    def _default_times_text(self, n: int) -> str:
        return format_dose_times(default_dose_times(n)).replace(",", ", ")

    def _on_doses_changed(self, n: int) -> None:
        self.dose_times.setText(self._default_times_text(n))

    def register(self, errors: FieldErrors, index: int) -> None:
        self.setTitle(self.tr("Regimen line {n}").format(n=index + 1))
        for field, error in self.error_labels.items():
            errors.add(f"regimen[{index}].{field}", error)
        errors.add(f"regimen[{index}]", self.line_error)

    def value(self, index: int) -> tuple[RegimenInput, list[InvalidInput]]:
        where = f"regimen[{index}]."
        problems: list[InvalidInput] = []
        times = parse_times_text(self.dose_times.text())
        if times is None:
            problems.append(InvalidInput(f"{where}dose_times",
                                         self.tr("Write the dose times as HH:MM, HH:MM.")))
        for field, edit, what in (("drug", self.drug, self.tr("the drug or fluid")),
                                  ("dose", self.dose, self.tr("the dose"))):
            if not edit.text().strip():
                problems.append(InvalidInput(f"{where}{field}", what))
        line = RegimenInput(
            kind=RegimenKind(self.kind.currentData()), drug=self.drug.text().strip(),
            dose=self.dose.text().strip(), doses_per_day=self.doses_per_day.value(),
            system=AdministrationSystem(self.system.currentData()),
            iv_access=IvAccess(self.iv_access.currentData()), start=to_date(self.start.date()),
            days=self.days.value(), dose_times=tuple(times) if times else None,
            first_dose_given_in_hospital=self.first_dose.isChecked(),
            iv_access_remove_by=(to_date(self.remove_by.date())
                                 if self.remove_by_known.isChecked() else None),
            infusion_minutes=self.minutes.value(),
            doses_sent=None if self.doses_sent.value() < 0 else self.doses_sent.value())
        return line, problems


class RegimenLinesEditor(QWidget):
    """The list of line editors with an "Add line" button; always at least one line."""

    changed = Signal()

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self.lines: list[RegimenLineEditor] = []
        self.add_button = push_button(self.tr("Add regimen line"), clicked=self.add_line)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)
        self._layout.addStretch(1)
        self.add_line()

    def add_line(self) -> RegimenLineEditor:
        editor = RegimenLineEditor(self._start)
        editor.changed.connect(self.changed)
        editor.remove_requested.connect(self.remove_line)
        self._layout.insertWidget(len(self.lines), editor)
        self.lines.append(editor)
        self._update_remove()
        self.changed.emit()
        return editor

    def remove_line(self, editor: RegimenLineEditor) -> None:
        if len(self.lines) <= 1:
            return
        self.lines.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self._update_remove()
        self.changed.emit()

    def _update_remove(self) -> None:
        for editor in self.lines:
            editor.remove_button.setEnabled(len(self.lines) > 1)

    def register(self, errors: FieldErrors) -> None:
        for n, editor in enumerate(self.lines):
            editor.register(errors, n)
