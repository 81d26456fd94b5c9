"""The base of the dialogs that write on the open patient's course as it was loaded: discharge,
a change of regimen, an MBE task."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from console.services.course.record import PatientRecord
from console.views.common.screen import ScreenContext
from console.views.common.write_dialog import WriteDialog


class RecordDialog(WriteDialog):
    """A write on ``record``, the course the dialog was opened on; when the owner reloads it
    after a conflict, the reloaded record takes its place (the next save carries its
    versions)."""

    def __init__(self, context: ScreenContext, record: PatientRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.record = record

    def rebase(self, record: PatientRecord) -> None:
        self.record = record
