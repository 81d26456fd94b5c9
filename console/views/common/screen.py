"""What every screen is given (explicitly: no global singletons) and what it offers the shell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from console.db import Database
    from console.views.common.change_bridge import ChangeBridge
    from console.views.common.worker import Worker


@dataclass(frozen=True)
class ScreenContext:
    database: Database
    user: str
    worker: Worker
    changes: ChangeBridge
    settings: QSettings  # per-user UI state (never the shared database)


class Screen(QWidget):
    """A page of the main window. Subclasses load through ``context.worker`` only.

    The change feed: when another desk (or this one) changes one of ``relevant_tables``, a
    visible screen reloads at once and a hidden one marks itself stale and reloads when it is
    shown again (style.md practice 6). Subclasses implement ``reload``.
    """

    relevant_tables: frozenset[str] = frozenset()

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = day
        self._stale = True  # nothing loaded yet
        context.changes.tables_changed.connect(self.on_tables_changed)

    def reload(self) -> None:
        """Load what the screen shows, through the worker (a newer load wins)."""

    def reload_or_mark_stale(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def on_tables_changed(self, tables: frozenset[str]) -> None:
        if tables & self.relevant_tables:
            self.reload_or_mark_stale()

    def title(self) -> str:
        raise NotImplementedError

    def set_day(self, day: date) -> None:
        """The ward day chosen in the main window changed."""
        self.day = day

    def activate(self) -> None:
        """The screen became the visible page: reload if marked stale."""
        if self._stale:
            self.reload()

    def save_state(self, settings: QSettings) -> None:
        """Store per-user view state (column widths, sort order)."""

    def restore_state(self, settings: QSettings) -> None:
        """Restore what ``save_state`` stored."""

    def retranslate_ui(self) -> None:
        """Set every visible text again (a language switch applies live)."""

    def set_roles(self, roles: frozenset[str]) -> None:
        """The signed-in person's roles: show only the actions they may take (issue 8).

        Until this is called every action shows and the service decides; the service checks
        the role again on every write whatever the screen shows.
        """
