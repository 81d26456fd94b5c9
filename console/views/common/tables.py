"""The read-only table every list of the console uses, and its sorting proxy.

- ``house_table``: a read-only, row-selecting table view; keywords name how a screen's table
  differs from the house one (sorting, row height, alternating rows, editing, resize mode).
- ``fit_columns``: starting column widths, never narrower than the header text; one column
  takes the spare width.
- ``sorted_proxy``: the sorting proxy over a frozen-rows model (``SORT_ROLE``), ``proxy_over``
  a screen's own filter set the same way; ``RowFilter``:
  a proxy that shows the frozen rows its ``accepts(row)`` lets through (``ShowFilter``: by one
  choice of what to show).
- ``select_row``: select a source row (kept by id) through its proxy; ``selected_id`` and
  ``selected_record``: what is selected, as an id or as the model's frozen row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from console.views.common.frozen_rows import SORT_ROLE, FrozenRowsModel, Index, Row

Choice = TypeVar("Choice")
Proxy = TypeVar("Proxy", bound=QSortFilterProxyModel)
AS_LOADED = -1  # ``sort_column``: sortable by a click, shown in the order the rows came
Mode = QAbstractItemView.SelectionMode


def sorted_proxy(model: QAbstractItemModel, parent: QObject, *, sort_role: int = SORT_ROLE,
                 filter_role: int | None = None, filter_column: int | None = None,
                 ignore_case: bool = False) -> QSortFilterProxyModel:
    """The sorting proxy over ``model`` (by its ``sort_role``); a filter box matches the
    ``filter_role`` text of ``filter_column`` (-1: any column), ``ignore_case`` if asked."""
    proxy = proxy_over(SortingProxy(parent), model, sort_role=sort_role)
    if filter_role is not None:
        proxy.setFilterRole(filter_role)
    if filter_column is not None:
        proxy.setFilterKeyColumn(filter_column)
    if ignore_case:
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def proxy_over(proxy: Proxy, model: QAbstractItemModel, *, sort_role: int = SORT_ROLE) -> Proxy:
    """``proxy`` (the house one, or a screen's own filter) set over ``model``, sorting by its
    ``sort_role`` and again as the rows change."""
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    proxy.setDynamicSortFilter(True)
    return proxy


class SortingProxy(QSortFilterProxyModel):
    """The house proxy: a frozen-rows model sorts itself (``FrozenRowsModel.sort_rows``: one key
    per row, issue 17) and the proxy only filters; any other model is sorted by the proxy."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, FrozenRowsModel):
            source.sort_rows(column, order, self.sortRole())
        else:
            super().sort(column, order)

    def setSortRole(self, role: int) -> None:  # the model re-sorts by the new role
        super().setSortRole(role)
        source = self.sourceModel()
        if isinstance(source, FrozenRowsModel):
            source.resort(role)


class RowFilter(SortingProxy, Generic[Row]):
    """Shows the rows of a ``FrozenRowsModel[Row]`` that ``accepts`` lets through; a subclass
    changes what it asks inside ``with self.filter_change():`` (the view filters again once)."""

    def accepts(self, row: Row) -> bool:
        del row
        return True

    @contextmanager
    def filter_change(self) -> Iterator[None]:
        self.beginFilterChange()
        try:
            yield
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        return not isinstance(model, FrozenRowsModel) or self.accepts(model.row_at(source_row))


class ShowFilter(RowFilter[Row], Generic[Row, Choice]):
    """A ``RowFilter`` with one choice of what to show (a screen's ``Show`` enum: open, all …);
    ``accepts`` reads ``self.show``."""

    def __init__(self, show: Choice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show = show

    def set_show(self, show: Choice) -> None:
        with self.filter_change():
            self.show = show


FIT_SAMPLE_ROWS = 100


def house_table(model: QAbstractItemModel, *, selection: Mode = Mode.SingleSelection,
                sortable: bool | None = None, sort_column: int | None = None,
                sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
                editable: bool = False, row_height: int | None = 26, alternating: bool = False,
                wrap: bool = False, highlight: bool = False, stretch_last: bool | None = None,
                resize: QHeaderView.ResizeMode | None = None) -> QTableView:
    """The house table: whole rows selected, read-only unless ``editable``, no vertical header.

    Sortable when ``sortable`` or a ``sort_column`` is given (``AS_LOADED``: the rows' own
    order); ``row_height`` None keeps the style's height; ``resize`` sets every column's mode.
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(sort_column is not None if sortable is None else sortable)
    if sort_column is not None:
        table.sortByColumn(sort_column, sort_order)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    # Sizing a column to its content reads the rows in view and at most this many more, not a
    # whole ward (issue 17: at 1,000 patients the census's first fit took 0.6 s on the GUI thread)
    table.verticalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    if row_height is not None:
        table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(highlight)
    # a column narrowed to make room shows "Besætn…", not a title cut at both ends ("esætnin")
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    if stretch_last is not None:
        header.setStretchLastSection(stretch_last)
    if resize is not None:
        header.setSectionResizeMode(resize)
    return table


def fit_columns(table: QTableView, widths: Mapping[Any, int], stretch: int | None = None, *,
                pad: int | None = 18, content: Mapping[Any, int] | None = None) -> None:
    """Starting widths, never narrower than the header text plus ``pad`` (None: exactly the
    widths) or the ``content`` a column must show; ``stretch`` takes the spare width."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for column, width in widths.items():
        if pad is None:
            table.setColumnWidth(column, width)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        widest = max(metrics.horizontalAdvance(title), (content or {}).get(column, 0))
        table.setColumnWidth(column, max(width, widest + pad))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def compact_table(proxy: QSortFilterProxyModel, *, stretch_last: bool = True,
                  sort_column: int = 0) -> QTableView:
    """A read-only, row-selecting, sortable table for one of the record's lists."""
    return house_table(proxy, sort_column=sort_column, alternating=True,
                       stretch_last=stretch_last, resize=QHeaderView.ResizeMode.Interactive)



class RowsFit(QObject):
    """Keeps a short table exactly as tall as its rows (up to ``max_rows``, then it scrolls),
    with room for the horizontal scroll bar whenever the columns are wider than the view, so
    the last row is never half hidden under it (issue 20: the record's regimen line)."""

    def __init__(self, table: QTableView, max_rows: int) -> None:
        super().__init__(table)
        self.table, self.max_rows, self.rows = table, max_rows, 1
        table.installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(lambda *_: self.fit())

    def set_rows(self, rows: int) -> None:
        self.rows = rows
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        table = self.table
        header = table.horizontalHeader()
        shown = max(1, min(self.rows, self.max_rows))
        overflow = header.length() > table.viewport().width()
        bar = table.horizontalScrollBar().sizeHint().height() if overflow else 0
        table.setFixedHeight(header.sizeHint().height()
                             + shown * table.verticalHeader().defaultSectionSize()
                             + 2 * table.frameWidth() + bar + 2)


def select_row(table: QTableView, proxy: QSortFilterProxyModel, source_row: int | None, *,
               column: int = 0, scroll_to: bool = True,
               hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
               ) -> bool:
    """Select a source-model row (kept by id across reloads) through its proxy; False when it is
    gone or filtered out."""
    if source_row is None:
        return False
    source = proxy.sourceModel()
    index = proxy.mapFromSource(source.index(source_row, column))
    if not index.isValid():
        return False
    selection = table.selectionModel()
    selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                              | selection.SelectionFlag.Rows)
    if scroll_to:
        table.scrollTo(index, hint)
    return True


def selected_id(table: QTableView, role: int) -> int | None:
    """The id (the model's ``role``) of the selected row; None when nothing is selected."""
    rows = table.selectionModel().selectedRows()
    value = rows[0].data(role) if rows else None
    return int(value) if value is not None else None


def selected_record(table: QTableView, model: FrozenRowsModel[Row]) -> Row | None:
    """The frozen row of ``model`` selected in ``table`` (through its proxy, if any)."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    index, shown = rows[0], table.model()
    if isinstance(shown, QSortFilterProxyModel):
        index = shown.mapToSource(index)
    return model.row_at(index.row())


def fit_to_content(table: QTableView, columns: Iterable[int], *, header_padding: int = 18) -> None:
    """Size each column to its widest cell and its header text (with room for the sort arrow),
    grown or shrunk (issue 20): a column with short texts gives its room to the one that needs
    it (the stretched one)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for column in columns:
        if not table.isColumnHidden(column):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            table.setColumnWidth(column, max(table.sizeHintForColumn(column),
                                             metrics.horizontalAdvance(title) + header_padding))


def fit_to_content_in_turns(table: QTableView, columns: Iterable[int], *,
                            header_padding: int | None = 18,
                            then: Callable[[], None] | None = None) -> None:
    """``fit_to_content``, one column per turn of the event loop: sizing a column reads up to
    a hundred rows' cells, about 10-15 ms on a large ward, so the nine columns of a census of
    1,000 would otherwise freeze the window for 0.1-0.15 s in one go (issue 17). ``then`` runs
    once every column is sized; ``header_padding`` None sizes as Qt's ``resizeColumnToContents``
    does (the header's own hint). A table of at most ``FIT_SAMPLE_ROWS`` rows is sized at once:
    it is quick, and a screen is then laid out when its rows first show.

    Meanwhile the table is not painted: each new width repainted every visible cell (25-40 ms
    on the visit board), so the rows show once, at their widths. A table held by
    ``hold_paint`` before its rows came is painted again here too."""
    pending = list(columns)

    def fit(columns: list[int]) -> None:
        if header_padding is None:
            for column in columns:
                table.resizeColumnToContents(column)
        else:
            fit_to_content(table, columns, header_padding=header_padding)

    if table.model().rowCount() <= FIT_SAMPLE_ROWS:
        fit(pending)
        pending = []

    def finish() -> None:
        table.viewport().setUpdatesEnabled(True)
        if then is not None:
            then()

    def next_column() -> None:
        if pending:
            fit([pending.pop(0)])
        # not called once the table is gone; the paint after the last width in a turn of its own
        QTimer.singleShot(0, table, next_column if pending else finish)

    if pending:
        hold_paint(table)
        QTimer.singleShot(0, table, next_column)
    else:
        finish()


def hold_paint(table: QTableView) -> None:
    """Paint nothing of ``table`` until ``fit_to_content_in_turns`` has sized its columns:
    called before the first rows come, so that they are not painted first at the old widths
    (a region marked for painting before the hold is painted all the same). The cells only:
    the header is quick to paint, and a table that is a window of its own would otherwise
    not be painted again in Qt's offscreen platform."""
    table.viewport().setUpdatesEnabled(False)


RESTORED = "eward-restored"  # a header property: the user's own widths came back (Screen)


def fit_on_first_rows(table: QTableView, columns: Iterable[int], *,
                      header_padding: int | None = 6,
                      then: Callable[[], None] | None = None) -> None:
    """Size ``columns`` to their content the first time the table has rows (issue 20: a long
    name was cut in a column of fixed width while the stretched one had room to give);
    after that the user's widths stand, and a header whose widths were restored from the
    user's settings is left as they were."""
    model, wanted = table.model(), tuple(columns)

    def restored() -> bool:
        return bool(table.horizontalHeader().property(RESTORED))

    def coming(*_: object) -> None:  # the first rows are painted once, at their widths
        if model.rowCount() == 0 and not restored():
            hold_paint(table)

    def first_rows(*_: object) -> None:
        if model.rowCount() == 0:
            table.viewport().setUpdatesEnabled(True)  # nothing came after all
            return
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.disconnect(first_rows)
        for signal in (model.modelAboutToBeReset, model.rowsAboutToBeInserted):
            signal.disconnect(coming)
        if not restored():
            fit_to_content_in_turns(table, wanted, header_padding=header_padding, then=then)

    for signal in (model.modelAboutToBeReset, model.rowsAboutToBeInserted):
        signal.connect(coming)
    for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
        signal.connect(first_rows)
    first_rows()
