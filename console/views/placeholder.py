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
    PlaceholderSpec("patient", QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(
        _CTX, "One patient's record: admission, regimen, visits, CRP, deliveries, escalations.")),
    PlaceholderSpec("rounds", QT_TRANSLATE_NOOP(_CTX, "Rounds"), QT_TRANSLATE_NOOP(
        _CTX, "The daily video ward round: decisions per patient, signed by the e-doctor.")),
    PlaceholderSpec("dispatch", QT_TRANSLATE_NOOP(_CTX, "Dispatch"), QT_TRANSLATE_NOOP(
        _CTX, "Mobile Treatment Unit cars, shifts and routes for the day.")),
    PlaceholderSpec("logistics", QT_TRANSLATE_NOOP(_CTX, "Logistics"), QT_TRANSLATE_NOOP(
        _CTX, "Deliveries of medicine and supplies to the homes.")),
    PlaceholderSpec("escalations", QT_TRANSLATE_NOOP(_CTX, "Escalations"), QT_TRANSLATE_NOOP(
        _CTX, "Calls from municipal nurses: routing, response clocks, resolutions.")),
    PlaceholderSpec("dashboard", QT_TRANSLATE_NOOP(_CTX, "Dashboard"), QT_TRANSLATE_NOOP(
        _CTX, "Occupancy, activity and settlement figures for the ward.")),
)


class PlaceholderScreen(Screen):
    def __init__(self, spec: PlaceholderSpec, context: ScreenContext, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.spec = spec
        self.requested_admission: int | None = None
        self.headline = QLabel()
        self.headline.setStyleSheet("QLabel { font-size: 18px; font-weight: 600; }")
        self.headline.setWordWrap(True)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.purpose.setStyleSheet("QLabel { color: #4b5563; font-size: 14px; }")
        self.request = QLabel()
        self.request.setStyleSheet("QLabel { font-size: 14px; }")
        self.request.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(12)
        for label in (self.headline, self.purpose, self.request):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        return translate(_CTX, self.spec.title)

    def show_admission(self, admission_id: int) -> None:
        """The census asked for a patient; say which, until the record screen exists."""
        self.requested_admission = admission_id
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.headline.setText(translate(
            _CTX, "{title} — placeholder: this screen is not built yet.", title=self.title()))
        self.purpose.setText(translate(_CTX, self.spec.purpose))
        if self.requested_admission is not None:
            self.request.setText(translate(
                _CTX, "Requested from the census: admission #{id}.", id=self.requested_admission))
        self.request.setVisible(self.requested_admission is not None)
