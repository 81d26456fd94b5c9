"""The census table model on its own: Qt's model contract, display texts, sort values, colours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from console.services.course.census import CensusRow
from console.views.census.model import (
    ADMISSION_ID_ROLE,
    SEARCH_ROLE,
    CensusTableModel,
    Column,
)
from console.views.common import palette
from console.views.common.frozen_rows import SORT_ROLE

DAY = date(2025, 3, 12)


def make_row(admission_id: int, name: str, **changes: object) -> CensusRow:
    values: dict[str, object] = {
        "admission_id": admission_id, "patient_id": admission_id, "name": name,
        "cpr_masked": "010145-XXXX", "municipality": "Næstved", "condition": "uti",
        "treatment": "antibiotic", "treatment_detail": "Cefuroxim 1.5 g ×3", "doses_per_day": 3,
        "day_of_course": 3, "planned_end": DAY + timedelta(days=4),
        "next_visit_at": datetime(2025, 3, 12, 14, 0, tzinfo=UTC), "crp_due": False,
        "supply_days_left": 4, "open_escalations": 0, "version": 1,
    }
    values.update(changes)
    return CensusRow(**values)  # type: ignore[arg-type]


ROWS = (
    make_row(1, "Anna Jensen"),
    make_row(2, "Bent Hansen", condition="copd", crp_due=True, supply_days_left=1,
             open_escalations=2, next_visit_at=None),
    make_row(3, "Carla Nielsen", treatment="fluid", treatment_detail="NaCl 1 L ×2",
             supply_days_left=2, day_of_course=1, planned_end=None,
             next_visit_at=datetime(2025, 3, 13, 7, 30, tzinfo=UTC)),
)


@pytest.mark.parametrize("rows", [ROWS, ()], ids=["rows", "empty"])
def test_model_and_proxy_pass_qt_model_tester(qtmodeltester: ModelTester,
                                               rows: tuple[CensusRow, ...]) -> None:
    model = CensusTableModel()
    model.set_rows(rows, DAY)
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.NEXT_VISIT)
    qtmodeltester.check(proxy)


def test_reload_with_other_rows_passes_model_tester(qtmodeltester: ModelTester) -> None:
    model = CensusTableModel()
    model.set_rows(ROWS, DAY)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(ROWS[1:], DAY)  # a reset while the tester watches
    model.set_rows(ROWS[1:], DAY)  # same patients: dataChanged only
    assert model.rowCount() == 2


def cell(model: CensusTableModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole
         ) -> object:
    return model.data(model.index(row, column), role)


def test_display_texts_are_for_people() -> None:
    model = CensusTableModel()
    model.set_rows(ROWS, DAY)
    assert model.headerData(Column.CPR, Qt.Orientation.Horizontal) == "CPR"
    assert cell(model, 0, Column.CONDITION) == "Urinary tract infection"
    assert cell(model, 1, Column.CONDITION) == "COPD exacerbation"
    assert cell(model, 0, Column.NEXT_VISIT) == "15:00"  # 14:00 UTC is 15:00 in Copenhagen
    assert cell(model, 2, Column.NEXT_VISIT) == "13/03 08:30"  # not on the census day
    assert cell(model, 1, Column.NEXT_VISIT) == "—"
    assert cell(model, 0, Column.DAY) == "3 of 7"
    assert cell(model, 2, Column.DAY) == "1"
    assert cell(model, 1, Column.CRP) == "CRP due"
    assert cell(model, 0, Column.CRP) == ""
    assert cell(model, 1, Column.SUPPLY) == "1 day"
    assert cell(model, 0, Column.SUPPLY) == "4 days"
    assert cell(model, 1, Column.ESCALATIONS) == "2"
    assert cell(model, 0, Column.ESCALATIONS) == "—"
    assert cell(model, 1, Column.NAME, ADMISSION_ID_ROLE) == 2


def test_under_a_day_of_medicine_left_is_said_in_hours() -> None:
    """Issue 20: "0 days" hid 21 hours; under a day the census says the hours (R-SUPPLY)."""
    model = CensusTableModel()
    model.set_rows((make_row(1, "Anna Jensen", supply_days_left=0, supply_hours_left=21),
                    make_row(2, "Bent Hansen", supply_days_left=0, supply_hours_left=0)), DAY)
    assert cell(model, 0, Column.SUPPLY) == "21 h"
    assert cell(model, 1, Column.SUPPLY) == "0 h"


def test_sort_role_gives_raw_values_and_missing_times_sort_last() -> None:
    model = CensusTableModel()
    model.set_rows(ROWS, DAY)
    assert cell(model, 0, Column.DAY, SORT_ROLE) == 3
    assert cell(model, 0, Column.ESCALATIONS, SORT_ROLE) == 0
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.NEXT_VISIT, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount())]
    assert order == ["Anna Jensen", "Carla Nielsen", "Bent Hansen"]


def test_badges_are_coloured() -> None:
    model = CensusTableModel()
    model.set_rows(ROWS, DAY)
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(model, 1, Column.SUPPLY, background) == palette.DANGER_BG  # 1 day left
    assert cell(model, 2, Column.SUPPLY, background) == palette.WARNING_BG  # 2 days left
    assert cell(model, 0, Column.SUPPLY, background) is None
    assert cell(model, 1, Column.ESCALATIONS, background) == palette.DANGER_BG
    assert cell(model, 1, Column.CRP, background) == palette.INFO_BG


def test_search_text_covers_what_the_filter_promises() -> None:
    model = CensusTableModel()
    model.set_rows(ROWS, DAY)
    text = str(cell(model, 1, Column.NAME, SEARCH_ROLE))
    for part in ("Bent Hansen", "010145-XXXX", "Næstved", "COPD exacerbation", "Cefuroxim"):
        assert part in text
    assert cell(model, 1, Column.CPR, SEARCH_ROLE) is None
