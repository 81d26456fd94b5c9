"""Issue 19: lab analyses beyond CRP (R-MBE-TASKS): each analysis from the reference list with
its unit, reference interval and plausible range; a value outside the interval is marked, a
value outside the plausible range or in another unit is refused naming the field."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from console.cli import main
from console.db import Database
from console.services.core.errors import Forbidden, InvalidInput
from console.services.core.uow import unit_of_work
from console.services.course.admissions import admit
from console.services.course.labs import ANALYSES, BY_CODE, parse_lab_value, record_lab_result
from console.services.course.record import load_record
from console.services.course.referral import parse_referral
from console.timeutil import now_utc, today_local
from tests.factories import DISPATCHER, DOCTOR, NURSE, add_ward_staff, referral

# analysis → (inside the interval, outside it, implausible, a unit it is not measured in)
NUMERIC = {
    "crp": ("5", "120 mg/L", "1500", "mmol/L"),
    "sodium": ("140 mmol/L", "128", "20", "mg/L"),
    "potassium": ("3,9 mmol/L", "5.9", "15", "µmol/L"),
    "creatinine": ("80 umol/L", "180 µmol/L", "5000", "mmol/L"),
    "egfr": ("85", "42 mL/min", "400", "mg/L"),
    "leukocytes": ("6.1 10^9/L", "14.2", "500", "mmol/L"),
    "s_vancomycin": ("15 mg/L", "27", "300", "mmol/L"),
    "s_gentamicin": ("0.5", "2.4 mg/L", "80", "µmol/L"),
}


def test_the_reference_list_holds_the_mbe_analyses_each_with_unit_and_interval() -> None:
    assert set(BY_CODE) == {*NUMERIC, "blood_culture", "urine_stix"}
    for analysis in ANALYSES:
        assert analysis.reference_text()
        if not analysis.qualitative:
            assert analysis.unit
            assert analysis.plausible[0] < analysis.plausible[1]
    assert BY_CODE["s_vancomycin"].place == BY_CODE["blood_culture"].place == "laboratory"
    assert BY_CODE["sodium"].place == "poct"


@pytest.mark.parametrize("code", sorted(NUMERIC))
def test_each_numeric_analysis_validates_unit_and_range_and_marks_its_interval(code: str) -> None:
    inside, outside, implausible, wrong_unit = NUMERIC[code]
    assert not parse_lab_value(code, inside).out_of_interval
    assert parse_lab_value(code, outside).out_of_interval
    for bad in (implausible, f"5 {wrong_unit}", "high", "-3", "< 5"):
        with pytest.raises(InvalidInput) as info:
            parse_lab_value(code, bad)
        assert info.value.field == "value", bad


def test_a_danish_decimal_comma_and_the_units_spellings_are_read() -> None:
    assert parse_lab_value("potassium", "3,9").value == pytest.approx(3.9)
    assert parse_lab_value("creatinine", "80 umol/l").value == 80
    assert parse_lab_value("egfr", "85 mL/min/1.73m2").value == 85


def test_cultures_and_urine_stix_are_readings() -> None:
    negative = parse_lab_value("blood_culture", "Negative")
    assert (negative.reading, negative.value, negative.out_of_interval) == ("negative", 0.0, False)
    assert parse_lab_value("blood_culture", "positive").out_of_interval
    stix = parse_lab_value("urine_stix", "nitrite, Leukocytes")
    assert (stix.reading, stix.out_of_interval) == ("leukocytes, nitrite", True)
    for code, bad in (("blood_culture", "12"), ("urine_stix", "negative, nitrite"),
                      ("urine_stix", "sugar"), ("blood_culture", "")):
        with pytest.raises(InvalidInput) as info:
            parse_lab_value(code, bad)
        assert info.value.field == "value"


def test_an_unknown_analysis_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_lab_value("troponin", "5")
    assert info.value.field == "analysis"


@pytest.fixture
def course(db: Database) -> int:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        return admit(s, parse_referral(referral(today_local() - timedelta(days=2)))).admission_id


def test_results_are_recorded_and_the_record_shows_them_marked(db: Database, course: int) -> None:
    taken = now_utc() - timedelta(hours=1)
    with unit_of_work(db, NURSE) as s:
        entry = record_lab_result(s, course, analysis="s_vancomycin", value="27 mg/L",
                                  taken_at=taken)
        record_lab_result(s, course, analysis="sodium", value="139", taken_at=taken)
        record_lab_result(s, course, analysis="urine_stix", value="leukocytes", taken_at=taken,
                          place="poct")
    assert (entry.out_of_interval, entry.place, entry.reference) == (True, "laboratory", "10–20")
    with unit_of_work(db, DOCTOR) as s:
        labs = {lab.analysis: lab for lab in load_record(s, course).labs}
    assert labs["s_vancomycin"].out_of_interval
    assert labs["s_vancomycin"].name == "S-vancomycin (trough)"
    assert not labs["sodium"].out_of_interval
    assert (labs["urine_stix"].reading, labs["urine_stix"].out_of_interval) == ("leukocytes", True)


def test_only_nurses_and_doctors_record_and_never_in_the_future(db: Database, course: int) -> None:
    with unit_of_work(db, DISPATCHER) as s, pytest.raises(Forbidden):
        record_lab_result(s, course, analysis="crp", value="5", taken_at=now_utc())
    with unit_of_work(db, NURSE) as s, pytest.raises(InvalidInput) as info:
        record_lab_result(s, course, analysis="crp", value="5",
                          taken_at=now_utc() + timedelta(hours=2))
    assert info.value.field == "taken_at"


def test_cli_lab_add_with_an_analysis_and_the_crp_form(db: Database, db_url: str, course: int,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    at = (now_utc() - timedelta(hours=1)).isoformat()
    base = ["--database", db_url, "--user", NURSE, "--json", "lab", "add", str(course)]
    assert main([*base, "--analysis", "s_gentamicin", "--value", "2,4 mg/L",
                 "--taken-at", at]) == 0
    added = json.loads(capsys.readouterr().out)
    assert (added["analysis"], added["out_of_interval"], added["place"]) == (
        "s_gentamicin", True, "laboratory")
    assert main([*base, "--crp", "42", "--taken-at", at]) == 0  # the short form keeps working
    assert json.loads(capsys.readouterr().out)["crp"] == 42
    assert main([*base, "--analysis", "potassium", "--value", "40", "--taken-at", at]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "value"
    with unit_of_work(db, DOCTOR) as s:  # opening the record logs the access
        assert {lab.analysis for lab in load_record(s, course).labs} >= {"crp", "s_gentamicin"}


def test_a_drug_level_stands_next_to_the_drug_it_watches(db: Database) -> None:
    """Issue 19: "drug levels show next to the regimen": the latest S-vancomycin beside a
    vancomycin line, nothing beside a drug without a level."""
    from console.services.course.labs import level_analysis

    assert level_analysis("Vancomycin 1 g") is BY_CODE["s_vancomycin"]
    assert level_analysis("GENTAMICIN") is BY_CODE["s_gentamicin"]
    assert level_analysis("Piperacillin/Tazobactam") is None
    add_ward_staff(db)
    doc = referral(today_local() - timedelta(days=2), **{"regimen.0.drug": "Vancomycin",
                                                         "regimen.0.dose": "1 g"})
    with unit_of_work(db, DOCTOR) as s:
        course = admit(s, parse_referral(doc)).admission_id
    with unit_of_work(db, DOCTOR) as s:
        line = load_record(s, course).regimens[0]
    assert (line.level_analysis, line.level) == ("s_vancomycin", None)
    with unit_of_work(db, NURSE) as s:
        for hours, value in ((30, "27"), (6, "18 mg/L")):
            record_lab_result(s, course, analysis="s_vancomycin", value=value,
                              taken_at=now_utc() - timedelta(hours=hours))
        record_lab_result(s, course, analysis="sodium", value="139",
                          taken_at=now_utc() - timedelta(hours=1))
    with unit_of_work(db, DOCTOR) as s:
        line = load_record(s, course).regimens[0]
    assert line.level is not None
    assert (line.level.value, line.level.out_of_interval) == (18, False)  # the latest
