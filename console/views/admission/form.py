"""The admission form's patient, consent and course fields, and the options they offer.

``admissions.admission_options`` runs once in the worker when the dialog opens (the agreement's
``RuleContext`` and the e-doctors' names); ``AdmissionForm.referral`` builds the
``ReferralInput`` from the fields on the GUI thread, with the blanks still to fill in.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from console.services.core.errors import InvalidInput
from console.services.course.admissions import AdmissionOptions
from console.services.course.referral import (
    ConsentInput,
    ParentsInput,
    PatientInput,
    ReferralInput,
    RegimenInput,
    RelativeInput,
)
from console.timeutil import now_utc
from console.views.common.combos import coded_combo
from console.views.common.dates import datetime_edit, from_qdatetime
from console.views.common.labels import PLACES, PROVIDERS, condition_label, label
from console.views.common.write_dialog import FieldErrors, field_error_label, field_row
from console.vocabulary import Condition, PlaceOfTreatment, Provider


class AdmissionForm(QWidget):
    """Patient, consent and course fields; the regimen lines and tariff live beside it."""

    changed = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.cpr, self.name, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.cpr.setPlaceholderText(self.tr("DDMMYY-SSSS"))
        self.municipality = QComboBox()
        self.phone, self.gp = QLineEdit(), QLineEdit()
        self.relative_name, self.relative_relation = QLineEdit(), QLineEdit()
        self.relative_phone = QLineEdit()
        self.relative_name.setPlaceholderText(self.tr("Name"))
        self.relative_relation.setPlaceholderText(self.tr("Relation"))
        self.relative_phone.setPlaceholderText(self.tr("Phone"))
        self.referred_by = QLineEdit()
        self.referred_by.setPlaceholderText(self.tr("e.g. Medicinsk afdeling, Holbæk"))
        self.doctor = QComboBox()
        self.condition = coded_combo(Condition, condition_label)
        self.condition_text = QLineEdit()
        self.condition_text.setPlaceholderText(self.tr("Diagnosis in words (needed for Other)"))
        self.provider = coded_combo(Provider, lambda code: label(PROVIDERS, code))
        # R-REGISTER: where the patient is treated
        self.place = coded_combo(PlaceOfTreatment, lambda code: label(PLACES, code))
        # One reading of the clock: read twice across a second's edge, the consent came a
        # second after the admission and R-CONSENT held Admit back (a CI run's timeout).
        now = now_utc()
        self.admitted_at = datetime_edit(now)
        self.informed_by = QLineEdit()
        self.informed_by.setPlaceholderText(self.tr("Initials"))
        self.consent_at = datetime_edit(now)
        self.written_info = QCheckBox(self.tr("Written information given and home treatment "
                                              "accepted"))
        self.parents_by = QLineEdit()  # R-PARENTS: only for a patient of 15-17
        self.parents_by.setPlaceholderText(self.tr("Patient 15-17: who informed the parents"))
        self.parents_at = datetime_edit(now)
        self.medication_list = QCheckBox(self.tr("Medication list (FMK) updated"))
        self.medication_list.setChecked(True)
        self.patient_group, self.consent_group = QGroupBox(), QGroupBox()
        self.course_group = QGroupBox()
        self._build()
        self._connect()

    def _row(self, form: QFormLayout, text: str, widget: QWidget, field: str) -> None:
        field_row(form, self.errors, text, widget, field)

    def _build(self) -> None:
        self.patient_group.setTitle(self.tr("Patient"))
        patient = QFormLayout(self.patient_group)
        self._row(patient, self.tr("CPR"), self.cpr, "patient.cpr")
        self._row(patient, self.tr("Name"), self.name, "patient.name")
        self._row(patient, self.tr("Address"), self.address, "patient.address")
        self._row(patient, self.tr("Municipality"), self.municipality, "patient.municipality")
        self._row(patient, self.tr("Phone"), self.phone, "patient.phone")
        self._row(patient, self.tr("GP"), self.gp, "patient.gp")
        relative = QWidget()
        row = QHBoxLayout(relative)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.relative_name, 2)
        row.addWidget(self.relative_relation, 1)
        row.addWidget(self.relative_phone, 1)
        self._row(patient, self.tr("Relative"), relative, "patient.relatives")

        self.consent_group.setTitle(self.tr("Consent (R-CONSENT)"))
        consent = QFormLayout(self.consent_group)
        self._row(consent, self.tr("Informed by"), self.informed_by, "consent.informed_by")
        self._row(consent, self.tr("When"), self.consent_at, "consent.at")
        self._row(consent, "", self.written_info, "consent")
        self.errors.add("consent.written_info_given", self.errors.label_for("consent")
                        or field_error_label())
        self._row(consent, self.tr("Parents informed"), self.parents_by, "parents_informed")
        self._row(consent, self.tr("Parents informed at"), self.parents_at,
                  "parents_informed.at")

        self.course_group.setTitle(self.tr("Course"))
        course = QFormLayout(self.course_group)
        self._row(course, self.tr("Referring department"), self.referred_by, "referred_by")
        self._row(course, self.tr("Responsible doctor"), self.doctor, "responsible_doctor")
        self._row(course, self.tr("Condition"), self.condition, "condition")
        self._row(course, self.tr("Condition details"), self.condition_text, "condition_text")
        self._row(course, self.tr("Provider"), self.provider, "provider")
        self._row(course, self.tr("Place of treatment"), self.place, "place_of_treatment")
        self._row(course, self.tr("Admitted at"), self.admitted_at, "admitted_at")
        self._row(course, "", self.medication_list, "medication_list_updated")

    def _connect(self) -> None:
        for edit in (self.cpr, self.name, self.address, self.phone, self.gp, self.relative_name,
                     self.relative_relation, self.relative_phone, self.referred_by,
                     self.condition_text, self.informed_by, self.parents_by):
            edit.textChanged.connect(self.changed)
        for combo in (self.municipality, self.doctor, self.condition, self.provider, self.place):
            combo.currentIndexChanged.connect(self.changed)
        for dt in (self.admitted_at, self.consent_at, self.parents_at):
            dt.dateTimeChanged.connect(self.changed)
        for box in (self.written_info, self.medication_list):
            box.toggled.connect(self.changed)

    def set_options(self, options: AdmissionOptions, user: str) -> None:
        self.municipality.clear()
        self.municipality.addItem(self.tr("Choose…"), "")
        for name in options.municipalities:
            self.municipality.addItem(name, name)
        self.doctor.clear()
        self.doctor.addItem(self.tr("Choose…"), "")
        for initials, name in options.doctors:
            self.doctor.addItem(f"{name} ({initials})", initials)
        if self.doctor.findData(user) >= 0:
            self.doctor.setCurrentIndex(self.doctor.findData(user))
        if not self.informed_by.text().strip():
            self.informed_by.setText(user)  # R-CONSENT: who informed; the person at the desk

    @property
    def admitted(self) -> datetime:
        return from_qdatetime(self.admitted_at.dateTime())

    def blanks(self) -> list[InvalidInput]:
        """Required fields still empty (shown in the summary, not as red at the field)."""
        required = ((self.cpr.text(), "patient.cpr", self.tr("CPR")),
                    (self.name.text(), "patient.name", self.tr("name")),
                    (self.address.text(), "patient.address", self.tr("address")),
                    (self.municipality.currentData(), "patient.municipality",
                     self.tr("municipality")),
                    (self.doctor.currentData(), "responsible_doctor",
                     self.tr("responsible doctor")),
                    (self.informed_by.text(), "consent.informed_by", self.tr("who informed")))
        blanks = [InvalidInput(field, what) for value, field, what in required
                  if not (value or "").strip()]
        if not self.written_info.isChecked():  # R-CONSENT: confirmed, not assumed
            blanks.append(InvalidInput("consent.written_info_given",
                                       self.tr("written information and consent")))
        return blanks

    def referral(self, regimen: tuple[RegimenInput, ...], *, planned_end: date | None,
                 tariff: str | None,
                 tariff_reason: str | None) -> ReferralInput:
        relatives: tuple[RelativeInput, ...] = ()
        if self.relative_name.text().strip():
            relatives = (RelativeInput(self.relative_name.text().strip(),
                                       self.relative_phone.text().strip() or None,
                                       self.relative_relation.text().strip() or None),)
        patient = PatientInput(
            cpr=self.cpr.text().strip(), name=self.name.text().strip(),
            address=self.address.text().strip(), municipality=self.municipality.currentData() or "",
            phone=self.phone.text().strip() or None, gp=self.gp.text().strip() or None,
            relatives=relatives)
        consent = ConsentInput(self.informed_by.text().strip(),
                               from_qdatetime(self.consent_at.dateTime()),
                               self.written_info.isChecked())
        return ReferralInput(
            patient=patient, admitted_at=self.admitted,
            responsible_doctor=self.doctor.currentData() or "",
            condition=Condition(self.condition.currentData()), consent=consent,
            provider=Provider(self.provider.currentData()),
            planned_end=planned_end,
            regimen=regimen,
            referred_by=self.referred_by.text().strip() or None, tariff=tariff,
            tariff_override_reason=tariff_reason,
            medication_list_updated=self.medication_list.isChecked(),
            condition_text=self.condition_text.text().strip() or None,
            place_of_treatment=PlaceOfTreatment(self.place.currentData()),
            parents_informed=ParentsInput(self.parents_by.text().strip(),
                                          from_qdatetime(self.parents_at.dateTime()))
            if self.parents_by.text().strip() else None)
