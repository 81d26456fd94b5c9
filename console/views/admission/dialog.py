"""Admitting a patient: one dialog that checks the IV agreement's rules as it is filled.

When it opens it loads the ``RuleContext`` once through the worker; every edit then builds a
``ReferralInput`` and runs the pure ``check_referral`` on the GUI thread (fast), showing each
violation next to its field with its rule id and in a summary. Save stays disabled while
anything is invalid; the capacity warning (R-CAPACITY) shows but never blocks. Save runs
``admissions.admit`` through the worker: the service decides, and what it raises is shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Self, cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.services.core.errors import RuleViolation
from console.services.core.operations import ServiceCall, call
from console.services.course import admissions, referrals
from console.services.course.admission_rules import capacity_warnings, check_referral
from console.services.course.admissions import AdmissionOptions
from console.services.course.referral import ReferralInput, RegimenInput
from console.services.course.referrals import ReferralForAdmission
from console.services.course.tariffs import propose_tariff_code
from console.timeutil import local_date
from console.views.admission.form import AdmissionForm
from console.views.admission.regimen import RegimenLinesEditor
from console.views.common.dates import to_date
from console.views.common.i18n import translate_service_message
from console.views.common.screen import ScreenContext
from console.views.common.widgets import resize_within_screen, styled_label
from console.views.common.worker import message_of
from console.views.common.write_dialog import WriteDialog, violation_text

# A blank required field is "still to fill in", not a rule broken: these rules wait for it.
_WAIT_FOR_BLANK = {"patient.cpr": "R-CPR", "patient.municipality": "R-MUNICIPALITY",
                   "responsible_doctor": "R-DOCTOR"}
_WARNING_STYLE = ("QLabel { color: #7a4b00; background: #fff1c2; border-radius: 4px;"
                  " padding: 4px 8px; }")
_SUMMARY_STYLE = "QLabel { color: #9b1c13; }"


class AdmissionDialog(WriteDialog):
    PREFERRED_SIZE = (1180, 860)  # smaller where the screen is (resize_within_screen)
    admitted = Signal(int)  # admission id
    options_loaded = Signal()

    @classmethod
    def open_for(cls, context: ScreenContext, parent: QWidget | None = None) -> Self:
        """Make the dialog, load its options in the background and show it (window-modal)."""
        dialog = cls(context, parent)
        dialog.load_options()
        dialog.open()
        return dialog

    @classmethod
    def open_for_referral(cls, context: ScreenContext, filled: ReferralForAdmission,
                          parent: QWidget | None = None) -> AdmissionDialog:
        """The dialog filled from a referral in the queue (issue 19): Admit decides it."""
        dialog = cls(context, parent)
        dialog.from_referral = (filled.referral_id, filled.version)
        dialog.setWindowTitle(dialog.tr("Admit referral {n}").format(n=filled.referral_id))
        dialog.options_loaded.connect(lambda: dialog.fill_from(filled.referral))
        dialog.load_options()
        dialog.open()
        return dialog

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.from_referral: tuple[int, int] | None = None  # (referral id, version) it decides
        self.setWindowTitle(self.tr("Admit a patient"))
        self.options: AdmissionOptions | None = None
        self.problems: list[RuleViolation] = []
        self.blanks: list[RuleViolation] = []
        self._planned_end_touched = False
        self.form = AdmissionForm(self.errors)
        self.lines = RegimenLinesEditor(local_date(self.form.admitted))
        self.lines.register(self.errors)
        self.planned_end = QDateEdit()
        self.planned_end.setCalendarPopup(True)
        self.planned_end.setDisplayFormat("dd/MM/yyyy")
        self.tariff = QComboBox()
        self.tariff_reason = QLineEdit()
        self.tariff_reason.setPlaceholderText(self.tr("Why another tariff than the proposed one"))
        self.status_label = QLabel(self.tr("Loading the agreement's rules…"))
        self.capacity_label = styled_label(_WARNING_STYLE, visible=False)
        self.summary = styled_label(_SUMMARY_STYLE, wrap=True)
        self._build()
        self.save_button.setText(self.tr("Admit"))
        self.save_button.setEnabled(False)
        self.saved.connect(self.on_result)
        self.form.changed.connect(self.check)
        self.lines.changed.connect(self._on_lines_changed)
        self.planned_end.dateChanged.connect(self._on_planned_end_edited)
        self.tariff.currentIndexChanged.connect(self.check)
        self.tariff_reason.textChanged.connect(self.check)
        self._follow_last_dose_day()
        resize_within_screen(self, *self.PREFERRED_SIZE)

    def _build(self) -> None:
        plan = QGroupBox(self.tr("Plan and settlement"))
        form = QFormLayout(plan)
        for text, widget, field in ((self.tr("Planned end"), self.planned_end, "planned_end"),
                                    (self.tr("Course tariff"), self.tariff, "tariff"),
                                    (self.tr("Reason for another tariff"), self.tariff_reason,
                                     "tariff_override_reason")):
            self.field_row(form, text, widget, field)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.form.patient_group)
        left.addWidget(self.form.consent_group)
        right.addWidget(self.form.course_group)
        right.addWidget(plan)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        # The forms and the regimen scroll together; the summary and Admit stay in view
        # (issue 20: at 1280×720 the dialog needed 745 px and Admit fell off the screen).
        body = QWidget()
        inside = QVBoxLayout(body)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addLayout(top)
        inside.addWidget(QLabel(self.tr("<b>Regimen</b>")))
        inside.addWidget(self.lines, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.capacity_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def on_result(self, result: object) -> None:
        """What Admit gave back (an ``AdmitResult`` or a ``ReferralDecision``)."""
        self.admitted.emit(cast(Any, result).admission_id)

    # -- options -------------------------------------------------------------------------------

    def load_options(self) -> None:
        self.context.worker.read(call(admissions.admission_options), self.set_options,
                                 self._on_options_failed, owner=self)

    def set_options(self, options: AdmissionOptions) -> None:
        self.options = options
        self.form.set_options(options, self.context.user)
        self.tariff.blockSignals(True)
        self.tariff.clear()
        self.tariff.addItem("", None)  # the proposal; its text follows the regimen
        for code in sorted(options.rules.tariff_codes):
            self.tariff.addItem(code, code)
        self.tariff.blockSignals(False)
        warnings = [translate_service_message(w) for w in capacity_warnings(options.rules)]
        self.capacity_label.setText("\n".join(warnings))
        self.capacity_label.setVisible(bool(warnings))  # R-CAPACITY: shown, never blocks
        self.status_label.setText("")
        self.check()
        self.options_loaded.emit()

    def _on_options_failed(self, error: Exception) -> None:
        self.status_label.setText(self.tr("Could not load the agreement's rules: {message}")
                                  .format(message=message_of(error)))

    def fill_from(self, referral: ReferralInput) -> None:
        """The fields as the referral document gives them (once the options are loaded)."""
        from console.views.admission.prefill import fill_form, fill_lines

        fill_form(self.form, referral)
        fill_lines(self.lines, referral.regimen)
        if referral.planned_end is not None:
            self.planned_end.setDate(QDate(referral.planned_end.year, referral.planned_end.month,
                                           referral.planned_end.day))
        if referral.tariff and self.tariff.findData(referral.tariff) >= 0:
            self.tariff.setCurrentIndex(self.tariff.findData(referral.tariff))
        self.tariff_reason.setText(referral.tariff_override_reason or "")
        self.check()

    # -- live checking -------------------------------------------------------------------------

    def _on_lines_changed(self) -> None:
        self.errors.forget("regimen[")
        self.lines.register(self.errors)
        self._follow_last_dose_day()
        self.check()

    def _last_dose_day(self) -> date:
        return max(to_date(line.start.date()) + timedelta(days=line.days.value() - 1)
                   for line in self.lines.lines)

    def _follow_last_dose_day(self) -> None:
        if self._planned_end_touched:
            return
        last = self._last_dose_day()
        self.planned_end.blockSignals(True)
        self.planned_end.setDate(QDate(last.year, last.month, last.day))
        self.planned_end.blockSignals(False)

    def _on_planned_end_edited(self) -> None:
        self._planned_end_touched = True
        self.check()

    def build_referral(self) -> tuple[ReferralInput, list[RuleViolation]]:
        """The referral the fields describe, and what is wrong with the fields themselves."""
        regimen: list[RegimenInput] = []
        problems: list[RuleViolation] = []
        for n, editor in enumerate(self.lines.lines):
            line, line_problems = editor.value(n)
            regimen.append(line)
            problems += line_problems
        tariff = self.tariff.currentData()
        days = (to_date(self.planned_end.date()) - local_date(self.form.admitted)).days + 1
        proposed = propose_tariff_code([(ln.kind, ln.system, ln.doses_per_day)
                                        for ln in regimen], days)
        self.tariff.setItemText(0, self.tr("{code} (proposed)").format(code=proposed))
        reason = self.tariff_reason.text().strip() or None
        self.tariff_reason.setEnabled(tariff is not None and tariff != proposed)
        if tariff is not None and tariff != proposed and reason is None:
            problems.append(RuleViolation("R-TARIFF", "tariff_override_reason", self.tr(
                "Say why the course is settled as {code} rather than {proposed}.").format(
                    code=tariff, proposed=proposed)))
        referral = self.form.referral(tuple(regimen), planned_end=to_date(self.planned_end.date()),
                                      tariff=tariff, tariff_reason=reason)
        return referral, problems

    def check(self) -> None:
        """Run the agreement's rules over the form; show them; Save only when nothing is wrong."""
        if self.options is None:
            return
        self.errors.clear()
        referral, problems = self.build_referral()
        self.blanks = list(self.form.blanks())
        blank_fields = {b.field for b in self.blanks}
        for violation in check_referral(referral, self.options.rules):
            if _WAIT_FOR_BLANK.get(violation.field or "") == violation.rule_id \
                    and violation.field in blank_fields:
                continue
            if violation.field in blank_fields:
                continue
            problems.append(violation)
        blank_lines = [p for p in problems if p.rule_id == "INPUT" and p.field
                       and p.field.endswith((".drug", ".dose"))]
        self.blanks += blank_lines
        self.problems = [p for p in problems if p not in blank_lines]
        self.show_findings()

    def show_findings(self) -> None:
        """Each problem at its field and in the summary, the blanks still to fill in, then
        ``summary_notes``; Save only when nothing is wrong or blank."""
        for problem in self.problems:
            self.errors.show(problem.field, violation_text(problem))
        lines = [f"• {violation_text(p)}" for p in self.problems]
        if self.blanks:
            lines.append(self.tr("Still to fill in: {fields}.").format(
                fields=", ".join(b.message for b in self.blanks)))
        self.summary.setText("\n".join(lines + self.summary_notes()))
        self.summary.setStyleSheet(self.summary_style())
        self.save_button.setEnabled(not self.problems and not self.blanks and not self.is_saving)

    def summary_notes(self) -> list[str]:
        """Lines after the problems and blanks (the intake lists the visitation's points)."""
        return []

    def summary_style(self) -> str:
        return _SUMMARY_STYLE if self.problems else "QLabel { color: #6b7280; }"

    # -- saving --------------------------------------------------------------------------------

    def operation(self) -> ServiceCall | None:
        self.check()
        if self.problems or self.blanks:
            return None
        referral, _ = self.build_referral()
        if self.from_referral is not None:  # R-ELIGIBLE: admitting decides the referral
            referral_id, version = self.from_referral
            return call(referrals.admit_referral, referral_id, expected_version=version,
                        referral=referral)
        return call(admissions.admit, referral)
