"""A status-bar label that shows one service call's answer and keeps it current.

``LiveStatusLabel`` loads through a ``LiveQuery`` (again when a change touches what it read)
and every ``refresh_ms`` (time alone can change what it says: a visit turns overdue); a click
emits ``clicked`` (the shell shows the screen behind the count). A subclass says what it asks
(``request``) and how the answer reads (``retranslate_ui`` with ``show_status``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from console.services.core.operations import ServiceCall
from console.views.common.live_query import LiveQuery
from console.views.common.screen import ScreenContext
from console.views.common.widgets import interval_timer
from console.views.common.worker import message_of

REFRESH_MS = 60_000
QUIET_STYLE = "QLabel { padding: 0 6px; }"
ALERT_STYLE = ("QLabel { color: white; background: #b42318; font-weight: 600;"
               " border-radius: 3px; padding: 0 6px; }")


class LiveStatusLabel(QLabel):
    loaded = Signal(object)  # the service call's answer
    clicked = Signal()  # the shell shows the screen behind the count

    def __init__(self, context: ScreenContext, key: str, request: Callable[[], ServiceCall],
                 parent: QWidget | None = None, *, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.value: Any = None  # the last answer; None before the first load
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.timer = interval_timer(self, refresh_ms, self.reload)
        self.query = LiveQuery(context, key, request, parent=self)
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(lambda error: self.setToolTip(message_of(error)))

    def reload(self) -> None:
        self.query.reload()

    def _on_loaded(self, value: object) -> None:
        self.value = value
        self.retranslate_ui()
        self.loaded.emit(value)

    def show_status(self, text: str, *, alert: bool) -> None:
        """The label's text, in red when it asks for attention."""
        self.setText(text)
        self.setStyleSheet(ALERT_STYLE if alert else QUIET_STYLE)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
