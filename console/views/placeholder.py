"""Screens not built yet: each says so plainly, in the screen itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.common.screen import Screen, ScreenContext

_CTX = "PlaceholderScreen"


@dataclass(frozen=True)
class PlaceholderSpec:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP, translated when shown
    purpose: str


PLACEHOLDERS = (
    PlaceholderSpec("dispatch", QT_TRANSLATE_NOOP(_CTX, "Dispatch"), QT_TRANSLATE_NOOP(
        _CTX, "Mobile Treatment Unit cars, shifts and routes for the day.")),
)


class PlaceholderScreen(Screen):
    def __init__(self, spec: PlaceholderSpec, context: ScreenContext, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.spec = spec
        self.headline = QLabel()
        self.headline.setStyleSheet("QLabel { font-size: 18px; font-weight: 600; }")
        self.headline.setWordWrap(True)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.purpose.setStyleSheet("QLabel { color: #4b5563; font-size: 14px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(12)
        for label in (self.headline, self.purpose):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        return translate(_CTX, self.spec.title)

    def retranslate_ui(self) -> None:
        self.headline.setText(translate(
            _CTX, "{title} — placeholder: this screen is not built yet.", title=self.title()))
        self.purpose.setText(translate(_CTX, self.spec.purpose))
