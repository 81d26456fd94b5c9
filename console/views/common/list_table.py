"""The main list of a screen whose columns start at fixed widths and then fit what they show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QTableView

from console.views.common.tables import compact_table, fit_on_first_rows


def fitted_list_table(proxy: QSortFilterProxyModel, widths: Sequence[int]) -> QTableView:
    """The compact table over ``proxy``, sorted by its first column, its columns starting at
    ``widths`` and fitted to the content of the first rows that arrive (issue 20: a long name
    was cut in a column of fixed width while another column had room to give). The messages
    and referrals screens lay out their lists so."""
    table = compact_table(proxy, sort_column=0)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    fit_on_first_rows(table, range(len(widths)))
    return table
