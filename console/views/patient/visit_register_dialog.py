"""Register a visit as done or missed (R-REGISTER): time spent, who, observations, CRP.

The visit's kind is the type of treatment and the home is the place; the dialog asks for the
rest. A blood-sample visit asks for the CRP value (or an observation saying why there is none).
An ordered MBE task asks for what it records (R-MBE-TASKS): a result per analysis of the task,
or the IV access a PVK visit placed and its planned removal (R-ACCESS).
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.course import visits as visit_service
from console.services.course.labs import BY_CODE as ANALYSES
from console.services.course.mbe_tasks import BY_CODE as MBE_TASK_BY_CODE
from console.services.course.mbe_tasks import RECORDS_ACCESS
from console.services.course.record import PatientRecord
from console.services.course.task_records import TaskRecord
from console.services.course.visits import VisitRow
from console.timeutil import now_utc, to_local
from console.views.common.combos import coded_combo
from console.views.common.dates import datetime_edit, from_qdatetime
from console.views.common.i18n import day_text
from console.views.common.labels import IV_ACCESS, PLACES, PROVIDERS, label, visit_label
from console.views.common.screen import ScreenContext
from console.views.common.write_dialog import WriteDialog
from console.views.patient.tables import analysis_name
from console.vocabulary import IvAccess

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
        # R-REGISTER: the course's place unless this visit differs
        self.place = coded_combo(PLACES, lambda code: label(PLACES, code),
                                 first=self.tr("As the course"))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("Why was the visit missed? What happens now?"))
        row = partial(self.field_row, form)
        self.results = {code: self._result_edit(code) for code in self._task_analyses()}
        self.access = coded_combo(IvAccess, lambda code: label(IV_ACCESS, code),
                                  current=IvAccess.PVK)
        self.remove_by = QLineEdit()
        self.remove_by.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        if mode == DONE:
            row(self.tr("Performed at"), self.performed_at, "at")
            row(self.tr("Time with the patient"), self.minutes, "minutes")
            row(self.tr("Performed by"), self.who, "performed_by")
            row(self.tr("Place"), self.place, "place")
            if visit.kind == "blood_sample" and visit.task is None:
                row(self.tr("CRP result"), self.crp, "crp")
            for n, (code, edit) in enumerate(self.results.items()):  # the task's analyses
                fields = ("lab." + code, "results") if n == 0 else ("lab." + code,)
                row(analysis_name(code), edit, *fields)
            if self._records_access():
                row(self.tr("Access placed"), self.access, "access")
                row(self.tr("Planned removal"), self.remove_by, "remove_by")
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
        record = self._task_record()
        if record is False:
            return None
        return call(visit_service.register_visit_done, visit_id,
                    performed_at=from_qdatetime(self.performed_at.dateTime()),
                    minutes=self.minutes.value(), performed_by=self.who.text().strip() or None,
                    observations=self.observations.toPlainText().strip() or None, crp=crp,
                    place=self.place.currentData(), task_record=record,
                    expected_version=version)

    # -- an ordered MBE task's record (R-MBE-TASKS) ---------------------------------------------

    def _task_analyses(self) -> tuple[str, ...]:
        task = MBE_TASK_BY_CODE.get(self.visit.task or "")
        return task.analyses if task else ()

    def _records_access(self) -> bool:
        task = MBE_TASK_BY_CODE.get(self.visit.task or "")
        return task is not None and task.records == RECORDS_ACCESS

    def _result_edit(self, code: str) -> QLineEdit:
        analysis = ANALYSES[code]
        edit = QLineEdit()
        edit.setPlaceholderText(" / ".join(analysis.readings) if analysis.qualitative
                                else f"{analysis.unit} ({analysis.reference_text()})")
        return edit

    def _task_record(self) -> TaskRecord | bool | None:
        """What the task records; None for a visit that is no task; False after showing why
        the planned removal is not a date."""
        if self.visit.task is None:
            return None
        text = self.remove_by.text().strip()
        try:
            remove_by = date.fromisoformat(text) if text else None
        except ValueError:
            self.errors.show("remove_by", self.tr("Write the date as YYYY-MM-DD."))
            return False
        access = IvAccess(self.access.currentData()) if self._records_access() else None
        return TaskRecord({c: e.text() for c, e in self.results.items()}, access, remove_by)

    def rebase(self, record: PatientRecord) -> None:
        for v in record.visits:
            if v.id == self.visit.id:
                self.visit, self.expected_version = v, v.version
