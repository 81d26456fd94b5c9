"""A patient on two regimens gets a two-line row that stays with them (issue 20, LineRows).

At 1280 px the census elided the second regimen; each regimen now has its own line and only
those rows are taller. The height must follow the patient through a sort (the model sorts
itself, issue 17), a filter, and an in-place update from another desk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.views.census.model import SEARCH_ROLE, CensusTableModel, Column
from console.views.common.line_rows import LineRows
from console.views.common.tables import house_table, sorted_proxy
from tests.gui.test_census_model import DAY, make_row

TWO = "Ceftriaxon 2 g ×1; NaCl 0.9 % 1000 ml ×1"


def _census(qtbot: QtBot) -> tuple[CensusTableModel, object, LineRows]:
    model = CensusTableModel()
    proxy = sorted_proxy(model, model, filter_role=SEARCH_ROLE, filter_column=Column.NAME,
                         ignore_case=True)
    table = house_table(proxy, sort_column=Column.NAME, row_height=28)
    qtbot.addWidget(table)
    lines = LineRows(table, Column.TREATMENT)
    model.set_rows((make_row(1, "Anna Jensen"), make_row(2, "Bent Hansen", treatment_detail=TWO),
                    make_row(3, "Carla Nielsen")), DAY)
    return model, table, lines


def _heights(table: object) -> dict[str, int]:
    model = table.model()  # type: ignore[attr-defined]
    return {model.index(r, Column.NAME).data(): table.rowHeight(r)  # type: ignore[attr-defined]
            for r in range(model.rowCount())}


def test_each_regimen_has_its_own_line_and_only_that_row_is_taller(qtbot: QtBot) -> None:
    model, table, lines = _census(qtbot)
    assert model.index(1, Column.TREATMENT).data() == "Ceftriaxon 2 g ×1\nNaCl 0.9 % 1000 ml ×1"
    two = lines.line_height(2)
    assert two > 28
    assert _heights(table) == {"Anna Jensen": 28, "Bent Hansen": two, "Carla Nielsen": 28}


def test_the_tall_row_moves_with_its_patient_on_sort_and_filter(qtbot: QtBot) -> None:
    _model, table, lines = _census(qtbot)
    two = lines.line_height(2)
    table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert _heights(table) == {"Carla Nielsen": 28, "Bent Hansen": two, "Anna Jensen": 28}
    table.model().setFilterFixedString("bent")
    assert _heights(table) == {"Bent Hansen": two}
    table.model().setFilterFixedString("")
    assert _heights(table) == {"Carla Nielsen": 28, "Bent Hansen": two, "Anna Jensen": 28}


def test_an_update_in_place_grows_and_shrinks_the_row(qtbot: QtBot) -> None:
    model, table, lines = _census(qtbot)
    model.upsert_rows([make_row(1, "Anna Jensen", treatment_detail=TWO),
                       make_row(2, "Bent Hansen")])
    assert _heights(table) == {"Anna Jensen": lines.line_height(2), "Bent Hansen": 28,
                               "Carla Nielsen": 28}
    model.upsert_rows([make_row(4, "Dorte Holm", treatment_detail=TWO)])  # a new admission
    assert _heights(table)["Dorte Holm"] == lines.line_height(2)
