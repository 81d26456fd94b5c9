"""Every print and export of patient data, the one way: logged first, then written.

A ``DocumentExport`` runs ONE service call marked ``@patient_export`` (the access log records
the print or export for every patient in the document, in that unit of work), then hands the
document to a writer (a PDF, a workbook) that puts it at the chosen path. ``written(path)`` or
``failed(sentence)`` says how it went; nothing is written when the logging fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from console.private_files import make_private
from console.services.core.operations import ServiceCall
from console.views.common.context import ScreenContext
from console.views.common.worker import message_of

Writer = Callable[[Any, Path], object]


def ask_path(parent: QWidget, title: str, default_name: str, file_filter: str,
             suffix: str) -> Path | None:
    """Where to write (None: cancelled); the suffix is added when the person left it out."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, default_name, file_filter)
    if not chosen:
        return None
    return Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)


class DocumentExport(QObject):
    written = Signal(str)  # the path written
    failed = Signal(str)  # one sentence: the logging or the writing failed

    def __init__(self, context: ScreenContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def run(self, fetch: ServiceCall, write: Writer, path: Path) -> None:
        def ready(document: object) -> None:
            try:
                write(document, path)
                make_private(path)  # patient data: the owner's only (issue 21)
            except OSError as exc:
                self.failed.emit(self.tr("Could not write {path}: {error}").format(
                    path=path, error=exc.strerror or exc))
                return
            self.written.emit(str(path))

        self.context.worker.write(fetch, ready, lambda error: self.failed.emit(message_of(error)),
                                  owner=self)
