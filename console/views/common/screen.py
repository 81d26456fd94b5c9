"""The one screen recipe: what every screen is given, how it loads, and when it reloads.

A screen names ONE service call for what it shows (``load_call``), and the base does the rest
through its ``LiveQuery``: the load runs through the worker (cancel-latest per screen),
"Loading…" shows meanwhile, a failure shows in the error banner, and the result goes to
``show_loaded``. A change from any desk to a table the load read reloads the screen when it is
visible and marks it stale when it is hidden (it reloads when shown again). A screen that can
refresh single rows overrides ``refresh_rows`` and gets the change event first; one that gives
``prepare_load`` has its load's result prepared on the worker's pool thread (a large table's
row plan, issue 17) and ``show_loaded`` gets what that answered.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from console.change_events import ChangeEvent
from console.services.core.operations import ServiceCall
from console.views.common import palette
from console.views.common.context import ScreenContext
from console.views.common.i18n import translate
from console.views.common.live_query import LiveQuery
from console.views.common.tables import RESTORED
from console.views.common.widgets import styled_label
from console.views.common.worker import Preparer, message_of

_CTX = "Screen"


class Screen(QWidget):
    """A page of the main window. Subclasses name their ``TITLE`` and implement ``load_call``
    and ``show_loaded``; they place ``loading_label`` and ``error_label`` in their layout."""

    loaded = Signal()  # a load arrived and is shown
    load_failed = Signal(str)  # the sentence shown in the error banner
    load_writes = False  # the load may write (Worker.refresh): the day's rounds are generated
    # The page's name and its load failure ("Could not load the …: {message}"), each marked
    # QT_TRANSLATE_NOOP("<the screen's class>", …): ``title`` and ``load_error_text`` translate
    # them through ``self.tr``, in the screen class's own context. No LOAD_ERROR: the general one.
    TITLE = ""
    LOAD_ERROR = ""

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = day
        self.roles: frozenset[str] | None = None
        self.loading_label = QLabel(translate(_CTX, "Loading…"))
        self.loading_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
        self.loading_label.setVisible(False)
        self.error_label = styled_label(palette.ERROR_BANNER_STYLE, wrap=True, visible=False)
        self._load_error_shown = False
        self.query = LiveQuery(context, type(self).__name__, self.load_call,
                               is_visible=self.isVisible, refresh_rows=self.refresh_rows,
                               write=self.load_writes, prepare=self.prepare_load, parent=self)
        self.query.started.connect(lambda: self.loading_label.setVisible(True))
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(self._on_load_failed)

    # -- what a screen says --------------------------------------------------------------------

    def title(self) -> str:
        return self.tr(self.TITLE)

    def load_call(self) -> ServiceCall | None:
        """The one service call that loads what the screen shows now (None: nothing to load)."""
        return None

    def show_loaded(self, result: Any) -> None:
        """Show what ``load_call`` returned (on the GUI thread), or what ``prepare_load``'s
        function made of it; a screen that prepares takes the plain result too (a test's)."""

    def prepare_load(self) -> Preparer | None:
        """A plain function of the load's result, made now from what the screen shows, to run
        on the pool thread after the load (None: ``show_loaded`` gets the result as it is)."""
        return None

    def load_error_text(self, message: str) -> str:
        if self.LOAD_ERROR:
            return self.tr(self.LOAD_ERROR).format(message=message)
        return translate(_CTX, "Could not load: {message}", message=message)

    def refresh_rows(self, event: ChangeEvent) -> bool:
        """Refresh only the rows ``event`` names; False when the screen must reload whole."""
        del event
        return False

    # -- layout --------------------------------------------------------------------------------

    def page_layout(self, top: QLayout, body: QWidget) -> QVBoxLayout:
        """The page as most screens stand: the tool row, the error banner, then ``body``
        taking the height (the returned layout takes anything more)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(body, 1)
        return layout

    # -- loading -------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        return self.query.loading

    @property
    def reads(self) -> frozenset[str] | None:
        """The tables the last load read (None: unknown, so every change reloads)."""
        return self.query.reads

    def reload(self) -> None:
        """Load what the screen shows, through the worker (a newer load wins)."""
        self.query.reload()

    def reload_or_mark_stale(self) -> None:
        self.query.reload_or_mark_stale()

    def _on_loaded(self, result: Any) -> None:
        self.loading_label.setVisible(False)
        if self._load_error_shown:  # a refusal of an action shown there stays until dismissed
            self.error_label.setVisible(False)
            self._load_error_shown = False
        self.show_loaded(result)
        self.loaded.emit()

    def _on_load_failed(self, error: Exception) -> None:
        self.loading_label.setVisible(False)
        message = message_of(error)
        self.error_label.setText(self.load_error_text(message))
        self.error_label.setVisible(True)
        self._load_error_shown = True
        self.load_failed.emit(message)

    # -- the shell -----------------------------------------------------------------------------

    def set_day(self, day: date) -> None:
        """The ward day chosen in the main window changed."""
        if day == self.day:
            return
        self.day = day
        self.reload_or_mark_stale()

    def activate(self) -> None:
        """The screen became the visible page: reload if marked stale."""
        self.query.activate()

    def state_widgets(self) -> dict[str, Any]:
        """Per-user view state to keep (key → a splitter or header with saveState and
        restoreState): column widths, sort order, panel sizes. Never in the shared database."""
        return {}

    def save_state(self, settings: QSettings) -> None:
        """Store per-user view state (column widths, sort order)."""
        for key, widget in self.state_widgets().items():
            settings.setValue(key, widget.saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore what ``save_state`` stored."""
        for key, widget in self.state_widgets().items():
            state = settings.value(key)
            if state is not None and widget.restoreState(state):
                widget.setProperty(RESTORED, True)  # fit_on_first_rows leaves these widths

    def retranslate_ui(self) -> None:
        """Set every visible text again (a language switch applies live)."""
        self.loading_label.setText(translate(_CTX, "Loading…"))

    def set_roles(self, roles: frozenset[str]) -> None:
        """The signed-in person's roles: show only the actions they may take (issue 8).

        Until this is called every action shows and the service decides; the service checks
        the role again on every write whatever the screen shows.
        """
        self.roles = roles
