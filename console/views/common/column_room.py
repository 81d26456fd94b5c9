"""Columns that make room for the one that needs it, as the window changes size (issue 20).

A stretched column takes the width the others leave; on a narrow screen that can be nothing
("…") while short columns keep theirs. These keep the essential text whole: a column that only
repeats what a tooltip or a panel shows gives way entirely, others narrow as far as needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView


def _others_width(table: QTableView, but: int) -> int:
    header = table.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(header.count())
               if c != but and not header.isSectionHidden(c))


def _last_shown(table: QTableView) -> int:
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    return header.logicalIndex(max(header.visualIndex(c) for c in shown)) if shown else -1


class _OnViewResize(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        raise NotImplementedError


class ShortColumnHider(_OnViewResize):
    """Hides a stretched column while the view leaves it less than ``minimum`` pixels, and shows
    it again when there is room (issue 20: at 1280×720 the round list's regimen read "…" while
    the flags and the status kept theirs). Its text must be found elsewhere meanwhile: in a
    neighbour's tooltip or the detail panel."""

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        self.column, self.minimum = column, minimum
        super().__init__(table)

    def fit(self) -> None:
        table = self.table
        room = table.viewport().width() - _others_width(table, self.column)
        if table.isColumnHidden(self.column) != (room < self.minimum):
            table.setColumnHidden(self.column, room < self.minimum)
        if room < 0 and table.isColumnHidden(self.column):
            _trim(table, -room)


def _trim(table: QTableView, over: int) -> None:
    """Take ``over`` pixels from the columns wider than their content and header need, the
    most spare first: with the stretched column gone, a column sized for a longer label left
    the visits a pixel too wide for the view, and a scroll bar (a date with wider digits)."""
    header = table.horizontalHeader()
    spare = {c: header.sectionSize(c) - max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
             for c in range(header.count()) if not header.isSectionHidden(c)}
    for column in sorted(spare, key=lambda c: (-spare[c], c)):
        cut = min(over, spare[column])
        if cut <= 0:
            break
        table.setColumnWidth(column, header.sectionSize(column) - cut)
        over -= cut


class GiveWay(_OnViewResize):
    """Narrows ``narrowed`` columns (each down to its minimum, in order) by what ``stretch``
    lacks to show its widest cell in view, and widens them back as the view grows; their full
    text must be in their tooltip. Started once the columns are fitted to the first rows; a
    column the user drags ends it: then their widths stand."""

    def __init__(self, table: QTableView, stretch: int, narrowed: Mapping[Any, int], *,
                 at_most: int | None = None) -> None:
        """``at_most``: what ``stretch`` needs at the most (free text such as notes would
        otherwise always want more than there is)."""
        self.stretch, self.minimum, self.fitting = stretch, dict(narrowed), False
        self.at_most = at_most
        self.fitted = {column: table.columnWidth(column) for column in narrowed}
        super().__init__(table)
        table.horizontalHeader().sectionResized.connect(self._resized)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            # new rows may need more room (a changed row is not worth a re-fit)
            signal.connect(self._later)
        self.fit()

    def refit(self) -> None:
        """The columns were fitted anew to other rows (another patient's): narrow from there."""
        if self.fitted:  # not ended by the user's own hand
            self.fitted = {column: self.table.columnWidth(column) for column in self.fitted}
            self.fit()

    def _later(self, *_: object) -> None:
        QTimer.singleShot(0, self, self.fit)  # once the view has taken the rows in

    def _resized(self, column: int, old: int = 1, new: int = 1) -> None:
        if column == self.stretch and 0 in (old, new):
            self._later()  # hidden or shown again (ShortColumnHider): the others fit anew
            return
        if not self.fitting and column in self.fitted and QApplication.mouseButtons():
            # the user's own hand on one of these columns' edges
            self.table.viewport().removeEventFilter(self)
            self.table.horizontalHeader().sectionResized.disconnect(self._resized)
            self.fitted = {}  # nothing more to fit

    def fit(self) -> None:
        table = self.table
        others = _others_width(table, self.stretch) + sum(
            self.fitted[c] - table.columnWidth(c) for c in self.fitted)  # as if un-narrowed
        need = max(table.sizeHintForColumn(self.stretch),
                   table.horizontalHeader().sectionSizeHint(self.stretch))
        if self.at_most is not None:
            need = min(need, self.at_most)
        if table.isColumnHidden(self.stretch):
            need = 0  # it gave way entirely: the others must fit the view by themselves
        short = others + need - table.viewport().width()
        self.fitting = True
        try:
            for column, fitted in self.fitted.items():
                cut = max(0, min(short, fitted - self.minimum[column]))
                if table.columnWidth(column) != fitted - cut:
                    table.setColumnWidth(column, fitted - cut)
                short -= cut
            header = table.horizontalHeader()
            if header.stretchLastSection() and self.stretch == _last_shown(table):
                # Qt keeps a stretched last section at its own size from before when the view
                # has less room; at what it needs, Qt stretches it over what is left.
                header.resizeSection(self.stretch, need)
        finally:
            self.fitting = False


def give_way_once_fitted(table: QTableView, stretch: int, narrowed: Mapping[Any, int], *,
                         at_most: int | None = None) -> Callable[[], None]:
    """``fit_on_first_rows``' ``then``: GiveWay from the fitted widths (the table keeps it)."""
    def start() -> None:
        GiveWay(table, stretch, narrowed, at_most=at_most)
    return start
