"""Discharge (R-DISCHARGE): outcome, epikrise sent to the GP, municipality informed.

Says plainly what else happens: the remaining planned visits and open deliveries are
cancelled; the eHospital keeps the treatment responsibility until the GP has the epikrise
(R-EPIKRISE). Without an epikrise message sent from the console or one sent from the EPR, the
discharge needs the reason no epikrise is sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.course import course
from console.services.course.record import PatientRecord
from console.timeutil import now_utc, today_local
from console.views.common.combos import coded_combo
from console.views.common.i18n import day_text
from console.views.common.labels import DISCHARGE_OUTCOMES, label
from console.views.common.screen import ScreenContext
from console.views.common.widgets import wrapped_label
from console.views.patient.record_dialog import RecordDialog
from console.vocabulary import DischargeOutcome

OPEN_DELIVERIES = frozenset({"requested", "packed", "out"})


def remaining_work(record: PatientRecord) -> tuple[int, int]:
    """(planned visits still ahead, open deliveries): what a discharge now cancels."""
    now = now_utc()
    visits = sum(v.status == "planned" and v.window_end > now for v in record.visits)
    deliveries = sum(d.status in OPEN_DELIVERIES for d in record.deliveries)
    return visits, deliveries


class DischargeDialog(RecordDialog):
    def __init__(self, context: ScreenContext, record: PatientRecord,
                 outcome: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, record, parent)
        self.setWindowTitle(self.tr("Discharge {name}").format(name=record.name))
        self.outcome = coded_combo(DischargeOutcome, lambda code: label(DISCHARGE_OUTCOMES, code),
                                   current=outcome)
        self.epikrise = QCheckBox(self.tr("Discharge summary (epikrise) sent to the GP from the EPR"))
        self.epikrise_reason = QLineEdit()
        self.epikrise_reason.setPlaceholderText(self.tr(
            "Only when no epikrise is sent: why (R-EPIKRISE)"))
        self.informed = QCheckBox(self.tr("Municipality informed"))
        self.consequences = wrapped_label()
        form = QFormLayout()
        self.field_row(form, self.tr("Outcome"), self.outcome, "outcome")
        self.field_row(form, "", self.epikrise, "at")
        self.field_row(form, self.tr("No epikrise because"), self.epikrise_reason, "epikrise")
        form.addRow("", self.informed)
        self.lay_out_form(form, below=[self.consequences])
        self.save_button.setText(self.tr("Discharge"))
        self._show_consequences()
        self.resize(480, self.sizeHint().height())

    def _show_consequences(self) -> None:
        visits, deliveries = remaining_work(self.record)
        gp = self.record.gp or self.tr("the patient's GP")
        text = self.tr(
            "{visits} planned visit(s) and {deliveries} open delivery(ies) will be cancelled. "
            "The eHospital keeps the treatment responsibility until {gp} has the epikrise.").format(
                visits=visits, deliveries=deliveries, gp=gp)
        until = course.first_coming_weekday(today_local())
        text += " " + self.tr(
            "Give the medicine (after a switch, the tablets) until {date}, the first coming "
            "weekday, update FMK and tell the municipality (R-EPIKRISE).").format(
                date=day_text(until, "dddd dd/MM"))
        self.consequences.setText(text)

    def operation(self) -> ServiceCall | None:
        return call(course.discharge, self.record.admission_id,
                    outcome=DischargeOutcome(self.outcome.currentData()),
                    epikrise_sent=self.epikrise.isChecked(),
                    municipality_informed=self.informed.isChecked(),
                    expected_version=self.record.version,
                    epikrise_missing_reason=self.epikrise_reason.text().strip() or None)

    def rebase(self, record: PatientRecord) -> None:
        super().rebase(record)
        self._show_consequences()
