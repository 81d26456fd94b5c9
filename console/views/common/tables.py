"""The read-only table every list of the console uses, and its sorting proxy."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from console.views.common.rows_model import SORT_ROLE


def sorted_proxy(model: QAbstractItemModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


def compact_table(proxy: QSortFilterProxyModel, *, stretch_last: bool = True,
                  sort_column: int = 0) -> QTableView:
    """A read-only, row-selecting, sortable table for one of the record's lists."""
    table = QTableView()
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_last)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table



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


def fit_columns(table: QTableView, columns: Iterable[int], *, header_padding: int = 18) -> None:
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
