"""Register a visit as done or missed (R-REGISTER): time spent, who, observations, CRP.

The visit's kind is the type of treatment and the home is the place; the dialog asks for the
rest. A blood-sample visit asks for the CRP value (or an observation saying why there is none).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.course import visits as visit_service
from console.services.course.record import PatientRecord
from console.services.course.visits import VisitRow
from console.timeutil import now_utc, to_local
from console.views.common.dates import datetime_edit, from_qdatetime
from console.views.common.i18n import day_text
from console.views.common.labels import PLACES, PROVIDERS, label, visit_label
from console.views.common.screen import ScreenContext
from console.views.common.write_dialog import WriteDialog

DONE, MISSED = "done", "missed"


class VisitRegisterDialog(WriteDialog):
    def __init__(self, context: ScreenContext, visit: VisitRow, mode: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.visit = visit
        self.mode = mode
        self.expected_version = visit.version
        self.setWindowTitle(self.tr("Register visit done") if mode == DONE
                            else self.tr("Register visit missed"))
        start, end = to_local(visit.window_start), to_local(visit.window_end)
        window = f"{day_text(start.date(), 'ddd dd/MM')} {start:%H:%M}–{end:%H:%M}"
        summary = QLabel(self.tr("{kind} · {provider} · {window}").format(
            kind=visit_label(visit.kind, visit.task), provider=label(PROVIDERS, visit.provider),
            window=window))
        summary.setStyleSheet("QLabel { font-weight: 600; }")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.performed_at = datetime_edit(min(now_utc(), visit.window_end))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 599)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(visit.service_minutes or 30)
        self.who = QLineEdit(visit.performed_by or "")
        self.who.setPlaceholderText(self.tr("Initials or name (empty: you, {user})").format(
            user=context.user))
        self.observations = QPlainTextEdit()
        self.observations.setFixedHeight(70)
        self.crp = QLineEdit()
        self.crp.setValidator(QDoubleValidator(0, 1000, 1))
        self.crp.setPlaceholderText(self.tr("mg/L"))
        self.place = QComboBox()  # R-REGISTER: the course's place unless this visit differs
        self.place.addItem(self.tr("As the course"), None)
        for code in PLACES:
            self.place.addItem(label(PLACES, code), code)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("Why was the visit missed? What happens now?"))
        row = partial(self.field_row, form)
        if mode == DONE:
            row(self.tr("Performed at"), self.performed_at, "at")
            row(self.tr("Time with the patient"), self.minutes, "minutes")
            row(self.tr("Performed by"), self.who, "performed_by")
            row(self.tr("Place"), self.place, "place")
            if visit.kind == "blood_sample":
                row(self.tr("CRP result"), self.crp, "crp")
            row(self.tr("Observations"), self.observations, "observations")
        else:
            row(self.tr("Reason"), self.reason, "reason")
        self.lay_out_form(form, above=[summary])
        self.resize(460, self.sizeHint().height())

    def operation(self) -> ServiceCall | None:
        visit_id, version = self.visit.id, self.expected_version
        if self.mode == MISSED:
            return call(visit_service.register_visit_missed, visit_id,
                        reason=self.reason.toPlainText(), expected_version=version)
        crp_text = self.crp.text().strip().replace(",", ".")
        try:
            crp = float(crp_text) if crp_text else None
        except ValueError:
            self.errors.show("crp", self.tr("Write the CRP as a number, e.g. 42."))
            return None
        return call(visit_service.register_visit_done, visit_id,
                    performed_at=from_qdatetime(self.performed_at.dateTime()),
                    minutes=self.minutes.value(), performed_by=self.who.text().strip() or None,
                    observations=self.observations.toPlainText().strip() or None, crp=crp,
                    place=self.place.currentData(), expected_version=version)

    def rebase(self, record: PatientRecord) -> None:
        for v in record.visits:
            if v.id == self.visit.id:
                self.visit, self.expected_version = v, v.version
