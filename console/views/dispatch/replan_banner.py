"""The board's own offer to re-plan (issue 18): a bar under the toolbar that says why today's plan
no longer holds and opens Auto-plan with one click.

The service decides (``replan_offer``: visits in the tray since the last plan that can still be
served, stops that can no longer meet their window); this bar only words it. Only a dispatcher
sees it, and Dismiss hides it until the reasons change.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QWidget

from console.services.dispatch.replan_offer import ReplanOffer
from console.views.common.widgets import hidden_bar, push_button, wrapped_label

STYLE = ("QFrame#replanBanner { background: #e8f0fe; border: 1px solid #1a56db;"
         " border-radius: 4px; } QFrame#replanBanner QLabel { color: #0b3d91; }")


class ReplanBanner(QFrame):
    """Hidden until the board has something to offer; ``replan_requested`` is Re-plan's click."""

    replan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = wrapped_label()
        self.replan_button = push_button(clicked=self.replan_requested)
        self.dismiss_button = push_button(clicked=self._dismiss)
        hidden_bar(self, "replanBanner", STYLE, self.label, self.replan_button,
                   self.dismiss_button)
        self.offer = ReplanOffer()
        self.dismissed: ReplanOffer | None = None
        self.allowed = False
        self.retranslate_ui()

    def show_offer(self, offer: ReplanOffer, *, allowed: bool) -> None:
        """``allowed``: the person may plan (a dispatcher)."""
        self.offer, self.allowed = offer, allowed
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.replan_button.setText(self.tr("Re-plan from now…"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        offer = self.offer
        parts = []
        if offer.waiting and offer.planned:
            parts.append(self.tr("MBE visits that came to the tray since the last plan and can "
                                 "still be served today: {n}").format(n=len(offer.waiting)))
        elif offer.waiting:  # no plan accepted today yet
            parts.append(self.tr("MBE visits in the tray that can still be served today: "
                                 "{n}").format(n=len(offer.waiting)))
        if offer.late:
            parts.append(self.tr("stops that can no longer meet their time window: {n} "
                                 "({cars})").format(n=len(offer.late),
                                                    cars=", ".join(offer.late_cars)))
        self.label.setText(self.tr("Re-plan suggested — {reasons}.").format(
            reasons="; ".join(parts)))
        self.setVisible(bool(offer) and self.allowed and offer != self.dismissed)

    def _dismiss(self) -> None:
        self.dismissed = self.offer
        self.setVisible(False)
