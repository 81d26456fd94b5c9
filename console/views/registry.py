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
    picture: Picture = Picture()

    def create(self, context: ScreenContext, day: date) -> Screen:
        """Import the screen's module (on first use) and build the screen."""
        cls = getattr(importlib.import_module(self.module), self.class_name)
        screen: Screen = cls(context, day)
        return screen


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("census", "console.views.census.screen", "CensusScreen"),
    ScreenEntry("patient", "console.views.patient.screen", "PatientScreen",
                Picture(admission=11)),
    ScreenEntry("rounds", "console.views.rounds.screen", "RoundsScreen",
                Picture(select_first=True)),
    ScreenEntry("dispatch", "console.views.dispatch.screen", "DispatchScreen"),
    ScreenEntry("logistics", "console.views.logistics.screen", "LogisticsScreen"),
    ScreenEntry("escalations", "console.views.escalations.screen", "EscalationsScreen",
                Picture(select_first=True)),
    ScreenEntry("dashboard", "console.views.dashboard.screen", "DashboardScreen"),
    ScreenEntry("messages", "console.views.messages.screen", "MessagesScreen",
                Picture(select_first=True)),
)
SCREEN_KEYS: tuple[str, ...] = tuple(entry.key for entry in SCREENS)
DIALOGS: tuple[str, ...] = ("admission",)  # pictured filled with an example (screenshot_dialogs)


def entry(key: str) -> ScreenEntry:
    for candidate in SCREENS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
