"""Saving the files a MedCom message carries: a photo of an IV site, a medicine list, the care
plan's PDF (issue 16).

One button. A message with one file saves it at a click; with more, the button's menu names
them. The save is an export of patient data and goes the one way (``DocumentExport``):
``files.attachment_file`` logs it for the message's course first (issue 13), then the bytes are
written, readable by the owner only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from console.services.core.operations import call
from console.services.messaging.files import MessageFile, attachment_file, safe_filename
from console.services.messaging.reads import AttachmentRef
from console.views.common.context import ScreenContext
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import decimal_text, translate

_CTX = "MessageFiles"
_FILTERS = {"application/pdf": "PDF (*.pdf)", "image/png": "PNG (*.png)",
            "image/jpeg": "JPEG (*.jpg *.jpeg)", "image/gif": "GIF (*.gif)"}


def size_text(size: int) -> str:
    """A file's size as people say it: "12 kB", "1.4 MB" (never "0 kB" for a small file)."""
    if size < 1000 * 1000:
        return translate(_CTX, "{n} kB", n=max(1, round(size / 1000)))
    return translate(_CTX, "{n} MB", n=decimal_text(f"{size / 1_000_000:.1f}"))


def file_label(ref: AttachmentRef) -> str:
    return f"{ref.filename} ({size_text(ref.size)})"


def write_file(document: MessageFile, path: Path) -> None:
    path.write_bytes(document.data)


class SaveFileButton(QPushButton):
    """*Save file…* for the selected message; greyed out when it carries none."""

    saved = Signal(str)  # the path written (the export is logged)
    failed = Signal(str)  # one sentence

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: tuple[AttachmentRef, ...] = ()
        self.export = DocumentExport(context, self)
        self.export.written.connect(self.saved)
        self.export.failed.connect(self.failed)
        self.clicked.connect(self._on_clicked)
        self.retranslate_ui()
        self.show_files(())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # the button words itself
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Save file…"))
        self.setToolTip(self.tr("Save a file the message carries; the save is logged"))

    def show_files(self, files: tuple[AttachmentRef, ...]) -> None:
        self.files = files
        self.setEnabled(bool(files))
        if len(files) < 2:
            self.setMenu(None)  # type: ignore[arg-type]
            return
        menu = QMenu(self)
        for ref in files:
            menu.addAction(file_label(ref), self._saver(ref))
        self.setMenu(menu)

    def _saver(self, ref: AttachmentRef) -> Callable[[], None]:
        def save() -> None:
            self.save(ref)

        return save

    def _on_clicked(self) -> None:
        if len(self.files) == 1:
            self.save(self.files[0])

    def save(self, ref: AttachmentRef, path: Path | None = None) -> None:
        name = safe_filename(ref.filename, f"attachment-{ref.id}")
        suffix = Path(name).suffix
        path = path or ask_path(self, self.tr("Save the message's file"), name,
                                _FILTERS.get(ref.content_type, f"*{suffix}"), suffix)
        if path is not None:
            self.export.run(call(attachment_file, ref.id), write_file, path)
