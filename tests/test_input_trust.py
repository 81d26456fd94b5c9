"""Issue 15, each finding by name, through the command line on SQLite and PostgreSQL: bad input
is exit 2 naming the field (and the rule), nothing is written, no CPR is printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.models import Admission, Patient, Regimen, Visit
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from console.services.course.record import NOTICE_ITEM
from tests.factories import DOCTOR, add_ward_staff, referral, with_changes

CPR = "010150-1234"  # tests/factories.referral()'s patient
COUNTED = (Admission, Patient, Regimen, Visit)


def staffed(url: str) -> str:
    """The migrated database at ``url`` with the ward's doctor, nurse and dispatcher."""
    db = open_ward(url)
    try:
        add_ward_staff(db)
    finally:
        db.dispose()
    return url


@pytest.fixture
def ward(db_url: str) -> str:
    return staffed(db_url)


def with_one_patient(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> str:
    """A staffed ward with the factory's patient admitted (admission 1, regimen 1, visit 1)."""
    staffed(url)
    code, _payload, said = admit_doc(capsys, url, tmp_path, referral())
    assert code == 0, said
    return url


def counts(url: str) -> tuple[int, ...]:
    db = open_ward(url, migrate=False)
    try:
        with read_only(db) as s:
            return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0) for t in COUNTED)
    finally:
        db.dispose()


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, Any, str]:
    code = main(["--database", url, "--user", DOCTOR, *argv, "--json"])
    captured = capsys.readouterr()
    out = captured.out
    return code, json.loads(out) if out.strip() else {}, captured.out + captured.err


def write_referral(tmp_path: Path, doc: dict[str, Any] | bytes) -> Path:
    path = tmp_path / "referral.json"
    if isinstance(doc, bytes):
        path.write_bytes(doc)
    else:
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def admit_doc(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path,
              doc: dict[str, Any] | bytes) -> tuple[int, Any, str]:
    return run(capsys, url, "admit", str(write_referral(tmp_path, doc)))


def refused(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path,
            doc: dict[str, Any] | bytes, code: str, field: str) -> str:
    """Admit ``doc`` and expect exit 2 with ``code`` at ``field``, nothing written, no CPR."""
    before = counts(url)
    exit_code, payload, said = admit_doc(capsys, url, tmp_path, doc)
    assert exit_code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == (code, field), payload
    assert counts(url) == before
    assert CPR not in said
    assert "0101501234" not in said
    return str(payload["error"]["message"])


# --- the dose -------------------------------------------------------------------------------


@pytest.mark.parametrize("dose", ["-4 g", "0", "0 g", "lots", "4", "4 kg", "1e9 g", "4 g g"])
def test_dose_forms_minus_zero_and_garbage_are_refused_at_admission(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, dose: str) -> None:
    refused(capsys, ward, tmp_path, referral(**{"regimen.0.dose": dose}), "R-DOSE",
            "regimen[0].dose")


@pytest.mark.parametrize(("dose", "shown"), [("4 g", "4 g"), ("1,5 g", "1.5 g"),
                                             ("500 MG", "500 mg"), ("2 MIE", "2 MIE"),
                                             ("1000 ml", "1000 ml")])
def test_dose_forms_that_are_doses_are_stored_as_amount_and_unit(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, dose: str,
        shown: str) -> None:
    code, payload, said = admit_doc(capsys, ward, tmp_path, referral(**{"regimen.0.dose": dose}))
    assert code == 0, said
    code, record, said = run(capsys, ward, "patient", str(payload["admission_id"]))
    assert code == 0, said
    assert [line["dose"] for line in record["regimens"]] == [shown]


def _first_regimen(url: str) -> tuple[int, int, int]:
    db = open_ward(url, migrate=False)
    try:
        with read_only(db) as s:
            reg = s.scalars(select(Regimen)).one()
            visits = int(s.scalar(select(func.count()).select_from(Visit)) or 0)
            return reg.id, reg.version, visits
    finally:
        db.dispose()


@pytest.mark.parametrize(("dose", "code", "field"), [
    ("-2 g", "R-DOSE", "dose"), ("0 mg", "R-DOSE", "dose"), ("lots", "R-DOSE", "dose"),
    ("", "INPUT", "--dose")])
def test_dose_forms_refused_on_regimen_change(capsys: pytest.CaptureFixture[str], ward: str,
                                              tmp_path: Path, dose: str, code: str,
                                              field: str) -> None:
    from console.timeutil import now_utc

    exit_code, _payload, said = admit_doc(capsys, ward, tmp_path, referral())
    assert exit_code == 0, said
    regimen_id, version, visits = _first_regimen(ward)
    exit_code, payload, said = run(capsys, ward, "regimen", "change", str(regimen_id), "--from",
                              now_utc().isoformat(), f"--dose={dose}")
    assert exit_code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == (code, field)
    assert _first_regimen(ward) == (regimen_id, version, visits)  # nothing written


# --- the CPR number ---------------------------------------------------------------------------


@pytest.mark.parametrize("cpr", ["０１０１５０-１２３４",  # full-width
                                 "٠١٠١٥٠-١٢٣٤",  # Arabic-Indic
                                 "०१०१५०-१२३४"])  # Devanagari
def test_cpr_digits_in_other_scripts_are_refused(capsys: pytest.CaptureFixture[str], ward: str,
                                                 tmp_path: Path, cpr: str) -> None:
    message = refused(capsys, ward, tmp_path, referral(**{"patient.cpr": cpr}), "R-CPR",
                      "patient.cpr")
    assert "0-9" in message


def test_cpr_digits_in_other_scripts_cannot_admit_an_admitted_patient_twice(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    code, _payload, said = admit_doc(capsys, ward, tmp_path, referral())
    assert code == 0, said
    refused(capsys, ward, tmp_path, referral(**{"patient.cpr": "０１０１５０-１２３４"}), "R-CPR",
            "patient.cpr")
    refused(capsys, ward, tmp_path, referral(**{"patient.cpr": "0101501234"}), "R-ONE-ACTIVE",
            "patient.cpr")
    assert counts(ward)[:2] == (1, 1)


def test_a_cpr_with_an_impossible_birth_date_is_refused_without_echoing_it(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    message = refused(capsys, ward, tmp_path, referral(**{"patient.cpr": "310250-1234"}),
                      "R-CPR", "patient.cpr")
    assert "310250" not in message


# --- text: lengths, NUL bytes, encodings --------------------------------------------------


@pytest.mark.parametrize(("path", "length"), [("patient.name", 100_000), ("patient.name", 129),
                                              ("patient.address", 201), ("regimen.0.drug", 129),
                                              ("patient.relatives.0.name", 129),
                                              ("responsible_doctor", 17)])
def test_100000_character_names_and_over_long_text_give_the_same_field_error_on_both_databases(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, path: str,
        length: int) -> None:
    field = path.replace(".0.", "[0].")
    message = refused(capsys, ward, tmp_path, referral(**{path: "x" * length}), "INPUT", field)
    assert "too long" in message


def test_text_at_its_column_length_is_stored_on_both_databases(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    doc = referral(**{"patient.name": "Æ" * 128, "patient.address": "ø" * 200})
    code, _payload, said = admit_doc(capsys, ward, tmp_path, doc)
    assert code == 0, said


@pytest.mark.parametrize("path", ["patient.name", "patient.address", "regimen.0.drug",
                                  "patient.phone", "condition_text", "referred_by"])
def test_nul_bytes_and_control_characters_are_refused(capsys: pytest.CaptureFixture[str],
                                                      ward: str, tmp_path: Path,
                                                      path: str) -> None:
    message = refused(capsys, ward, tmp_path, referral(**{path: "Test\x00vej"}), "INPUT",
                      path.replace(".0.", "[0]."))
    assert "control character" in message


def test_text_is_stored_in_nfc(capsys: pytest.CaptureFixture[str], ward: str,
                               tmp_path: Path) -> None:
    decomposed = "Jo\u0308rgensen"  # o + combining diaeresis
    code, payload, said = admit_doc(capsys, ward, tmp_path,
                                    referral(**{"patient.name": decomposed}))
    assert code == 0, said
    code, record, said = run(capsys, ward, "patient", str(payload["admission_id"]))
    assert record["name"] == "Jörgensen"


def test_latin1_files_are_refused_in_one_sentence(capsys: pytest.CaptureFixture[str], ward: str,
                                                  tmp_path: Path) -> None:
    latin1 = json.dumps(referral(), ensure_ascii=False).encode("latin-1")
    message = refused(capsys, ward, tmp_path, latin1, "INPUT", "file")
    assert "UTF-8" in message


# --- unknown keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(("typo", "field"), [("regimen.0.dosetimes", "regimen[0].dosetimes"),
                                             ("patient.adress", "patient.adress"),
                                             ("admited_at", "admited_at"),
                                             ("consent.writen_info_given",
                                              "consent.writen_info_given")])
def test_typo_keys_are_refused_with_the_key_named(capsys: pytest.CaptureFixture[str], ward: str,
                                                 tmp_path: Path, typo: str, field: str) -> None:
    doc = with_changes(referral(), **{typo: "08:00"})
    message = refused(capsys, ward, tmp_path, doc, "INPUT", field)
    assert f"'{field.rsplit('.', 1)[-1]}'" in message


def test_typo_keys_lat_and_lon_are_kept_not_dropped(capsys: pytest.CaptureFixture[str],
                                                    ward: str, tmp_path: Path) -> None:
    doc = referral(**{"patient.lat": 55.23, "patient.lon": 11.76})
    code, _payload, said = admit_doc(capsys, ward, tmp_path, doc)
    assert code == 0, said
    db = open_ward(ward, migrate=False)
    try:
        with read_only(db) as s:
            patient = s.scalars(select(Patient)).one()
            assert (patient.lat, patient.lon, patient.location_approximate) == (55.23, 11.76, False)
    finally:
        db.dispose()


# --- R-HANDOVER: a missing item is recorded as missing, never invented ----------------------


def test_a_missing_iv_access_removal_date_is_listed_missing_not_invented(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    doc = referral()
    del doc["regimen"][0]["iv_access_remove_by"]
    del doc["medication_list_updated"]
    code, payload, said = admit_doc(capsys, ward, tmp_path, doc)
    assert code == 0, said
    code, record, said = run(capsys, ward, "patient", str(payload["admission_id"]))
    assert code == 0, said
    assert [line["iv_access_remove_by"] for line in record["regimens"]] == [None]
    assert [m for m in record["handover_missing"] if m != NOTICE_ITEM] == [
        "IV access and when to remove it", "updated medication list"]


def test_a_complete_referral_leaves_nothing_missing_for_the_handover(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    code, payload, said = admit_doc(capsys, ward, tmp_path, referral())
    assert code == 0, said
    code, record, said = run(capsys, ward, "patient", str(payload["admission_id"]))
    # the referral completes the handover; the advis comes from the EPR (MedCom, issue 16)
    assert record["handover_missing"] == [NOTICE_ITEM]
    assert [line["iv_access_remove_by"] for line in record["regimens"]] == ["2026-11-30"]


# --- any write path: the same text limits on both databases --------------------------------


@pytest.mark.parametrize(("option", "text", "field"), [
    ("--note", "Dose given\x00", "--note"),
    ("--note", "ok\ud800", "--note"),
    ("--by", "X" * 129, "--by"),
])
def test_nul_bytes_and_over_long_text_in_any_command_give_the_same_field_error_on_both_databases(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, option: str, text: str,
        field: str) -> None:
    from console.timeutil import now_utc

    code, payload, said = admit_doc(capsys, ward, tmp_path, referral())
    assert code == 0, said
    visit_id = payload["visits"][0]["id"]
    before = counts(ward)
    code, payload, said = run(capsys, ward, "visit", "done", str(visit_id), "--at",
                              now_utc().isoformat(), "--minutes", "20", option, text)
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("INPUT", field)
    assert counts(ward) == before
    code, _record, said = run(capsys, ward, "patient", "1")  # the record still reads
    assert code == 0, said


@pytest.mark.parametrize(("argv", "code", "field"), [
    (["--doses-per-day=-1"], "R-FREQ", "doses_per_day"),  # was exit 1 (ValueError)
    (["--end-date=\ud800"], "INPUT", "--end-date"),  # was exit 1: the echo could not print
])
def test_regimen_change_options_found_by_the_generated_cases_are_refused(
        capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path, argv: list[str],
        code: str, field: str) -> None:
    from console.timeutil import now_utc

    ward = with_one_patient(capsys, db_url, tmp_path)
    exit_code, payload, said = run(capsys, ward, "regimen", "change", "1",
                                   f"--from={now_utc().isoformat()}", *argv)
    assert exit_code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == (code, field)


@pytest.mark.parametrize(("values", "field"), [
    ({"observations": "Dose given\x00"}, "visit.observations"),
    ({"observations": "ok\ud800"}, "visit.observations"),
    ({"performed_by": "X" * 129}, "visit.performed_by"),
])
def test_the_text_guard_refuses_what_no_schema_checked_on_both_databases(
        capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path,
        values: dict[str, str], field: str) -> None:
    """A dialog hands the service its values directly: the flush guard gives the same
    refusal on SQLite (which would store it) and PostgreSQL (which would crash)."""
    from console.services.core.errors import InvalidInput
    from console.services.core.uow import unit_of_work
    from console.services.course.visits import register_visit_done
    from console.timeutil import now_utc

    url = with_one_patient(capsys, db_url, tmp_path)
    before = counts(url)
    db = open_ward(url, migrate=False)
    try:
        with pytest.raises(InvalidInput) as refused, unit_of_work(db, DOCTOR) as s:
            register_visit_done(s, 1, performed_at=now_utc(), minutes=20, **values)
    finally:
        db.dispose()
    assert refused.value.field == field
    assert counts(url) == before
