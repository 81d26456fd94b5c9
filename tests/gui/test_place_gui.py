"""Issue 14 on screen: the census filter finds the place of treatment (R-REGISTER); the
admission form takes the doses sent with the patient (R-SUPPLY)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.views.admission.regimen import RegimenLineEditor
from console.views.census.model import SEARCH_ROLE, CensusTableModel, Column
from tests.gui.test_census_model import DAY, make_row


def test_r_register_the_census_filter_finds_the_place_of_treatment() -> None:
    model = CensusTableModel()
    model.set_rows((make_row(1, "Anna Jensen"),
                    make_row(2, "Bent Hansen", place="municipal_acute_bed")), DAY)
    texts = [model.index(r, Column.NAME).data(SEARCH_ROLE) for r in range(2)]
    assert "Municipal acute bed" not in texts[0]
    assert "Municipal acute bed" in texts[1]


def test_r_supply_the_admission_line_takes_the_doses_sent(qtbot: QtBot) -> None:
    editor = RegimenLineEditor(DAY)
    qtbot.addWidget(editor)
    editor.drug.setText("Cefuroxim")
    editor.dose.setText("1.5 g")
    line, problems = editor.value(0)
    assert not problems
    assert line.doses_sent is None  # the usual week (supply_days_initial)
    editor.doses_sent.setValue(6)
    assert editor.value(0)[0].doses_sent == 6
