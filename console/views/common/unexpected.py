"""The GUI's last line for errors (issue 15): an exception no screen caught (in a slot on the GUI
thread, say) becomes one sentence in a dialog with a reference to a log entry, like the CLI's
handler. The log entry holds the error's type and where it happened, never its message, so no
CPR number or name reaches it (``console.redact``); the person sees no traceback.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from console.services.core.operations import explain
from console.views.common.worker import message_of

_shown: list[QMessageBox] = []


def show_unexpected(kind: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    """``sys.excepthook`` while the console runs."""
    if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: as Python does
        sys.__excepthook__(kind, exc, tb)
        return
    said = explain(exc.with_traceback(tb))
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("App", "eWard Console"), message_of(said))
    _shown.append(box)  # a parentless dialog lives while Python holds it
    box.finished.connect(lambda _result: _shown.remove(box))
    box.open()  # not modal to the event loop: the console goes on


def install_unexpected_handler() -> None:
    sys.excepthook = show_unexpected
