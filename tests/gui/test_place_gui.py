"""R-REGISTER (issue 14): the census filter finds patients by their place of treatment."""

from __future__ import annotations

from console.views.census.model import SEARCH_ROLE, CensusTableModel, Column
from tests.gui.test_census_model import DAY, make_row


def test_r_register_the_census_filter_finds_the_place_of_treatment() -> None:
    model = CensusTableModel()
    model.set_rows((make_row(1, "Anna Jensen"),
                    make_row(2, "Bent Hansen", place="municipal_acute_bed")), DAY)
    texts = [model.index(r, Column.NAME).data(SEARCH_ROLE) for r in range(2)]
    assert "Municipal acute bed" not in texts[0]
    assert "Municipal acute bed" in texts[1]
