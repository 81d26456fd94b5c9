"""A load that stays current: the one reload-on-change mechanism of every screen and panel.

``LiveQuery`` runs ONE service call through the worker (cancel-latest by its key), remembers
which tables the call read (the worker tells it), and when a change from any desk touches one
of them it loads again: at once when its widget is visible, on ``activate()`` when it is hidden
(marked stale meanwhile). A holder that can refresh single rows gives ``refresh_rows``, which
sees the change event first and answers whether it handled it. A holder that gives ``prepare``
has, at each load, a plain function made of what it shows now (``Worker.refresh``): it runs on
the pool thread after the load, and ``loaded`` carries its answer (a table's row plan).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from console.change_events import ChangeEvent
from console.services.core.operations import ServiceCall
from console.views.common.worker import Preparer

if TYPE_CHECKING:
    from console.views.common.context import ScreenContext

RowsHandler = Callable[[ChangeEvent], bool]


class LiveQuery(QObject):
    started = Signal()
    loaded = Signal(object)  # the service call's result
    failed = Signal(object)  # the Exception, already a sentence (message_of)

    def __init__(self, context: ScreenContext, key: str,
                 request: Callable[[], ServiceCall | None], *,
                 is_visible: Callable[[], bool] = lambda: True,
                 refresh_rows: RowsHandler | None = None, write: bool = False,
                 prepare: Callable[[], Preparer | None] = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.write = write  # the load may write (runs with the writes; see Worker.refresh)
        self.context = context
        self.key = key
        self._request = request
        self._is_visible = is_visible
        self._refresh_rows = refresh_rows
        self._prepare = prepare
        self.stale = True  # nothing loaded yet
        self.loading = False
        self.reads: frozenset[str] | None = frozenset()  # hears no change before its first load
        context.changes.changed.connect(self.on_changed)

    def reload(self) -> bool:
        """Load now (a newer load supersedes an older one); False when there is nothing to load."""
        request = self._request()
        if request is None:
            return False
        self.loading = True
        self.stale = False
        self.started.emit()
        self.context.worker.refresh(self.key, request, self._on_loaded, self._on_failed,
                                    owner=self, on_reads=self._on_reads, write=self.write,
                                    prepare=self._prepare())
        return True

    def activate(self) -> None:
        """The holder became visible: load if a change arrived while it was hidden."""
        if self.stale:
            self.reload()

    def reload_or_mark_stale(self) -> None:
        if self._is_visible():
            self.reload()
        else:
            self.stale = True

    def on_changed(self, event: ChangeEvent) -> None:
        if not event.touches(self.reads):
            return
        if not self._is_visible():
            self.stale = True
        elif self.loading or self._refresh_rows is None or not self._refresh_rows(event):
            self.reload()

    def _on_reads(self, tables: frozenset[str] | None) -> None:
        self.reads = tables

    def _on_loaded(self, result: Any) -> None:
        self.loading = False
        self.loaded.emit(result)

    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        self.failed.emit(error)
