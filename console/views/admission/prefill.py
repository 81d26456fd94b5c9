"""The admission dialog filled from a referral in the queue (issue 19, R-ELIGIBLE).

The referral's document becomes the dialog's fields, so the e-doctor reviews and completes
what the referrer sent instead of typing it again; Admit then decides the referral and admits
in one unit of work (``referrals.admit_referral``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit

from console.services.course.referral import ReferralInput, RegimenInput
from console.services.course.schedule import format_dose_times
from console.views.admission.form import AdmissionForm
from console.views.admission.regimen import RegimenLineEditor, RegimenLinesEditor
from console.views.common.dates import to_qdatetime


def _choose(combo: QComboBox, code: str | None) -> None:
    at = combo.findData(code)
    if at >= 0:
        combo.setCurrentIndex(at)


def _set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def fill_form(form: AdmissionForm, referral: ReferralInput) -> None:
    p = referral.patient
    form.cpr.setText(p.cpr)
    form.name.setText(p.name)
    form.address.setText(p.address)
    _choose(form.municipality, p.municipality)
    form.phone.setText(p.phone or "")
    form.gp.setText(p.gp or "")
    if p.relatives:
        relative = p.relatives[0]
        form.relative_name.setText(relative.name)
        form.relative_relation.setText(relative.relation or "")
        form.relative_phone.setText(relative.phone or "")
    form.referred_by.setText(referral.referred_by or "")
    _choose(form.doctor, referral.responsible_doctor)
    _choose(form.condition, referral.condition.value)
    form.condition_text.setText(referral.condition_text or "")
    _choose(form.provider, referral.provider.value)
    _choose(form.place, referral.place_of_treatment.value)
    form.admitted_at.setDateTime(to_qdatetime(referral.admitted_at))
    if referral.consent is not None:
        form.informed_by.setText(referral.consent.informed_by)
        form.consent_at.setDateTime(to_qdatetime(referral.consent.at))
        form.written_info.setChecked(referral.consent.written_info_given)
    if referral.parents_informed is not None:
        form.parents_by.setText(referral.parents_informed.informed_by)
        form.parents_at.setDateTime(to_qdatetime(referral.parents_informed.at))
    form.medication_list.setChecked(referral.medication_list_updated)


def fill_line(editor: RegimenLineEditor, line: RegimenInput) -> None:
    _choose(editor.kind, line.kind.value)
    editor.drug.setText(line.drug)
    editor.dose.setText(line.dose)
    editor.doses_per_day.setValue(line.doses_per_day)
    if line.dose_times:
        editor.dose_times.setText(format_dose_times(list(line.dose_times)).replace(",", ", "))
    _choose(editor.system, line.system.value)
    _choose(editor.iv_access, line.iv_access.value)
    _set_date(editor.start, line.start)
    editor.days.setValue(line.days)
    editor.minutes.setValue(line.infusion_minutes)
    editor.first_dose.setChecked(line.first_dose_given_in_hospital)
    editor.remove_by_known.setChecked(line.iv_access_remove_by is not None)
    if line.iv_access_remove_by is not None:
        _set_date(editor.remove_by, line.iv_access_remove_by)
    editor.doses_sent.setValue(-1 if line.doses_sent is None else line.doses_sent)


def fill_lines(lines: RegimenLinesEditor, regimen: tuple[RegimenInput, ...]) -> None:
    while len(lines.lines) < len(regimen):
        lines.add_line()
    for editor, line in zip(lines.lines, regimen, strict=False):
        fill_line(editor, line)
