"""Order an MBE task for the course (R-MBE-TASKS, issue 19): the task, its window and a note.

The dialog says what the chosen task is before it is saved: the crew's time on site, the
competence the crew needs (R-CREW-SKILL: the dispatcher can only put it on such a car) and what
its registration records. The window opens now by default and lasts the task's usual window;
the visit lands in the dispatcher's tray.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QTimeEdit, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.course import orders
from console.services.course.mbe_tasks import BY_CODE, RECORDS_ACCESS, RECORDS_LAB, TASKS
from console.services.course.record import PatientRecord
from console.timeutil import local_datetime, now_utc, to_local
from console.views.common.combos import coded_combo
from console.views.common.dates import to_date
from console.views.common.labels import MBE_TASKS, label
from console.views.common.screen import ScreenContext
from console.views.common.widgets import wrapped_label
from console.views.patient.record_dialog import RecordDialog
from console.views.patient.tables import analysis_name


class OrderTaskDialog(RecordDialog):
    def __init__(self, context: ScreenContext, record: PatientRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, record, parent)
        self.setWindowTitle(self.tr("Order an MBE task for {name}").format(name=record.name))
        self.task = coded_combo((t.code for t in TASKS), lambda code: label(MBE_TASKS, code))
        start = to_local(now_utc() + timedelta(minutes=5))
        self.day = QDateEdit(QDate(start.year, start.month, start.day))
        self.day.setCalendarPopup(True)
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the crew should know (optional)"))
        self.about = wrapped_label()
        form = QFormLayout()
        self.field_row(form, self.tr("Task"), self.task, "task", "admission")
        self.field_row(form, self.tr("Day"), self.day)
        self.field_row(form, self.tr("From"), self.start)
        self.field_row(form, self.tr("To"), self.end, "to")
        self.field_row(form, self.tr("Note"), self.note, "note")
        self.lay_out_form(form, below=[self.about])
        self.save_button.setText(self.tr("Order"))
        self.task.currentIndexChanged.connect(self._on_task_changed)
        self._on_task_changed()
        self.resize(520, self.sizeHint().height())

    def _on_task_changed(self) -> None:
        task = BY_CODE[str(self.task.currentData())]
        self.end.setTime(self.start.time().addSecs(task.window_hours * 3600))
        needs = ", ".join(task.needs) or self.tr("none beyond the MBE's own")
        records = {RECORDS_LAB: self.tr("the lab results ({analyses})"),
                   RECORDS_ACCESS: self.tr("the new IV access (R-ACCESS)")}.get(
            task.records, self.tr("the crew's observations")).format(
                analyses=", ".join(analysis_name(code) for code in task.analyses))
        self.about.setText(self.tr(
            "{minutes} minutes in the home. Competence the crew needs: {needs}. Its "
            "registration records {records}. The visit goes to the dispatcher's tray."
        ).format(minutes=task.minutes, needs=needs, records=records))

    def time_window(self) -> tuple[datetime, datetime]:
        """The window as instants; a "to" before "from" is the night after."""
        d = to_date(self.day.date())
        start = local_datetime(d, time(self.start.time().hour(), self.start.time().minute()))
        end = local_datetime(d, time(self.end.time().hour(), self.end.time().minute()))
        return start, end + timedelta(days=1) if end <= start else end

    def operation(self) -> ServiceCall | None:
        start, end = self.time_window()
        return call(orders.order_task, self.record.admission_id, str(self.task.currentData()),
                    window_start=start, window_end=end, note=self.note.text())
