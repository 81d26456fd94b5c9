"""Every screen of the console, registered once.

The main window builds its navigation from this list, ``eward screenshot`` offers these keys,
and ``eward screenshots`` (``make screenshots``) renders each as its picture says. Adding a
screen is one entry here (docs/adding.md).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from console.views.common.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from console.views.common.screen import Screen, ScreenContext


@dataclass(frozen=True)
class Picture:
    """How the user guide pictures a screen (``make screenshots``)."""

    select_first: bool = False  # select the first row (opens its detail panel)
    admission: int | None = None  # the patient screen: whose record


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    module: str
    class_name: str
    title: str  # the navigation's word, translated in the screen class's own context
    picture: Picture = Picture()

    def translated_title(self) -> str:
        """The title without building the screen (screens are built when first shown)."""
        return translate(self.class_name, self.title)

    def create(self, context: ScreenContext, day: date) -> Screen:
        """Import the screen's module (on first use) and build the screen."""
        cls = getattr(importlib.import_module(self.module), self.class_name)
        screen: Screen = cls(context, day)
        return screen


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("census", "console.views.census.screen", "CensusScreen",
                QT_TRANSLATE_NOOP("CensusScreen", "Census")),
    ScreenEntry("patient", "console.views.patient.screen", "PatientScreen",
                QT_TRANSLATE_NOOP("PatientScreen", "Patient"),
                Picture(admission=11)),
    ScreenEntry("rounds", "console.views.rounds.screen", "RoundsScreen",
                QT_TRANSLATE_NOOP("RoundsScreen", "Rounds"),
                Picture(select_first=True)),
    ScreenEntry("visits", "console.views.visit_board.screen", "VisitBoardScreen",
                QT_TRANSLATE_NOOP("VisitBoardScreen", "Visits"),
                Picture(select_first=True)),  # the e-nurse's visit board (issue 14)
    ScreenEntry("dispatch", "console.views.dispatch.screen", "DispatchScreen",
                QT_TRANSLATE_NOOP("DispatchScreen", "Dispatch")),
    ScreenEntry("logistics", "console.views.logistics.screen", "LogisticsScreen",
                QT_TRANSLATE_NOOP("LogisticsScreen", "Logistics")),
    ScreenEntry("escalations", "console.views.escalations.screen", "EscalationsScreen",
                QT_TRANSLATE_NOOP("EscalationsScreen", "Escalations"),
                Picture(select_first=True)),
    ScreenEntry("dashboard", "console.views.dashboard.screen", "DashboardScreen",
                QT_TRANSLATE_NOOP("DashboardScreen", "Dashboard")),
    ScreenEntry("messages", "console.views.messages.screen", "MessagesScreen",
                QT_TRANSLATE_NOOP("MessagesScreen", "Messages"),
                Picture(select_first=True)),  # MedCom correspondence (issue 16)
    ScreenEntry("referrals", "console.views.referrals.screen", "ReferralsScreen",
                QT_TRANSLATE_NOOP("ReferralsScreen", "Referrals"),
                Picture(select_first=True)),  # the referral queue (issue 19, R-ELIGIBLE)
)
SCREEN_KEYS: tuple[str, ...] = tuple(entry.key for entry in SCREENS)
# Dialogs pictured filled with an example (screenshot_dialogs).
DIALOGS: tuple[str, ...] = ("admission", "referral-intake", "replan")


def entry(key: str) -> ScreenEntry:
    for candidate in SCREENS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
