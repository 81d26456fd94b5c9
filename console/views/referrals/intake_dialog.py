"""Taking in a referral by hand (issue 19): the phone call or letter from a department, a GP,
the out-of-hours GP or the COPD pre-care team, typed in as it comes.

The admission dialog's own fields (patient, course, regimen), without the consent, which is
given at admission. Only what makes the referral unreadable blocks it: the patient's identity,
the regimen lines, and the referral document's schema (``parse_referral`` over
``referral_document``, the same check ``eward referral add`` makes). The agreement's rules are
listed as what the visitation must settle (R-ELIGIBLE), not enforced: the e-doctor decides.
Take in is one service call, ``referrals.add_referral``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from console.services.core.errors import InvalidInput, RuleViolation
from console.services.core.operations import ServiceCall, call
from console.services.course import referrals
from console.services.course.admission_rules import check_referral
from console.services.course.admissions import AdmissionOptions
from console.services.course.referral import ReferralInput, parse_referral, referral_document
from console.services.course.referrals import ReferralRow
from console.views.admission.dialog import AdmissionDialog
from console.views.common.combos import coded_combo
from console.views.common.screen import ScreenContext
from console.views.common.write_dialog import violation_text
from console.views.referrals.model import SOURCES, word
from console.vocabulary import ReferralSource

_TO_SETTLE_STYLE = "QLabel { color: #7a4b00; }"
_BLOCKING_STYLE = "QLabel { color: #9b1c13; }"
# What makes a referral unreadable: a field that is not a value, a CPR that names nobody.
_BLOCKING_RULES = frozenset({"INPUT", "R-CPR", "R-TARIFF"})
# The patient's consent is given when the e-doctor admits, not by the referrer (R-CONSENT).
_GIVEN_AT_ADMISSION = frozenset({"R-CONSENT"})


class ReferralIntakeDialog(AdmissionDialog):
    taken_in = Signal(int)  # referral id

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        self.source = coded_combo(ReferralSource, lambda code: word(SOURCES, code))
        self.to_settle: list[RuleViolation] = []
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Take in a referral"))
        self.save_button.setText(self.tr("Take in"))
        self.form.consent_group.setVisible(False)
        self.source.currentIndexChanged.connect(self.check)
        self.status_label.setToolTip(self.tr(
            "The referral waits as \"referred\" for the e-doctor's visitation."))

    def _build(self) -> None:
        super()._build()
        course = self.form.course_group.layout()
        assert isinstance(course, QFormLayout)
        course.insertRow(0, self.tr("Referred from"), self.source)
        for widget, text in ((self.form.referred_by, self.tr("Referrer")),
                             (self.form.admitted_at, self.tr("Admission planned at"))):
            row = widget.parentWidget()  # the field with its error line (field_row)
            label = course.labelForField(row) if row is not None else None
            if isinstance(label, QLabel):
                label.setText(text)

    def set_options(self, options: AdmissionOptions) -> None:
        super().set_options(options)
        self.capacity_label.setVisible(False)  # R-CAPACITY is weighed when admitting, not here

    def on_result(self, result: object) -> None:
        assert isinstance(result, ReferralRow)
        self.taken_in.emit(result.id)

    def build_referral(self) -> tuple[ReferralInput, list[RuleViolation]]:
        referral, problems = super().build_referral()
        return replace(referral, consent=None), problems

    def check(self) -> None:
        """Block on what makes the referral unreadable; list the rest for the visitation."""
        if self.options is None:
            return
        self.errors.clear()
        referral, problems = self.build_referral()
        self.blanks = [b for b in self.form.blanks()
                       if not (b.field or "").startswith("consent.")]
        blank_fields = {b.field for b in self.blanks}
        blocking = [p for p in problems if p.rule_id in _BLOCKING_RULES]
        self.blanks += [p for p in blocking if p.field and p.field.endswith((".drug", ".dose"))]
        blocking = [p for p in blocking if p not in self.blanks]
        if not blocking and not self.blanks:
            try:
                parse_referral(referral_document(referral))
            except InvalidInput as error:
                blocking.append(error)
        self.problems = blocking
        rules = [v for v in check_referral(referral, self.options.rules)
                 if v.field not in blank_fields and v.rule_id not in _GIVEN_AT_ADMISSION]
        self.problems += [v for v in rules if v.rule_id in _BLOCKING_RULES]
        self.to_settle = [v for v in rules if v.rule_id not in _BLOCKING_RULES]
        self.show_findings()

    def summary_notes(self) -> list[str]:
        if not self.to_settle:
            return []
        return [self.tr("For the visitation to settle (R-ELIGIBLE):"),
                *(f"  – {violation_text(v)}" for v in self.to_settle)]

    def summary_style(self) -> str:
        return _BLOCKING_STYLE if self.problems or self.blanks else _TO_SETTLE_STYLE

    def operation(self) -> ServiceCall | None:
        self.check()
        if self.problems or self.blanks:
            return None
        referral, _ = self.build_referral()
        return call(referrals.add_referral, ReferralSource(self.source.currentData()),
                    referral_document(referral),
                    referrer=self.form.referred_by.text().strip() or None)
