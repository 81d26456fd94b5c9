"""Issue 21 through the command line, on SQLite and PostgreSQL: signing keeps the note, every
edit carries its version, no patient data in an error, files for their owner only."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from console.cli import main
from console.models import WardRound
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.rounds.rounds import (
    RoundNote,
    add_lab_result,
    rounds_of_day,
    save_round_note,
)
from console.timeutil import now_utc, today_local
from tests.factories import DOCTOR, add_ward_staff, referral

CPR = "010150-1234"  # tests/factories.referral()'s patient


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    out = captured.out
    return code, json.loads(out) if out.strip() else {}, captured.out + captured.err


@pytest.fixture
def ward(db_url: str) -> str:
    db = open_ward(db_url)
    try:
        add_ward_staff(db)
        with unit_of_work(db, DOCTOR) as session:
            admit(session, parse_referral(referral()))
    finally:
        db.dispose()
    return db_url


def test_signing_with_a_note_keeps_what_was_written(capsys: pytest.CaptureFixture[str],
                                                    ward: str) -> None:
    """The reviewer's data loss: ``round sign --note`` set S/O/A and participants to NULL."""
    db = open_ward(ward, migrate=False)
    try:
        with unit_of_work(db, DOCTOR) as session:
            row = rounds_of_day(session, today_local()).rows[0]
            save_round_note(session, row.round_id, RoundNote(
                participants="e_doctor, e_nurse", subjective="tired", objective="T 37.9",
                assessment="improving", plan="continue IV"), expected_version=row.version)
            add_lab_result(session, row.admission_id, crp=42,  # R-CRP3 holds after the CRP day
                           taken_at=now_utc() - timedelta(hours=1))
        with read_only(db) as session:
            version = session.get(WardRound, row.round_id).version  # type: ignore[union-attr]
    finally:
        db.dispose()
    code, _out, said = run(capsys, "--database", ward, "--user", DOCTOR, "round", "sign",
                          str(row.round_id), "--decision", "continue", "--note",
                          "CRP on day 3", "--version", str(version), "--json")
    assert code == 0, said
    db = open_ward(ward, migrate=False)
    try:
        with read_only(db) as session:
            signed = session.get(WardRound, row.round_id)
            assert signed is not None
            assert (signed.participants, signed.subjective, signed.objective,
                    signed.assessment) == ("e_doctor, e_nurse", "tired", "T 37.9", "improving")
            assert signed.plan == "continue IV\nCRP on day 3"
            assert signed.signed_by == DOCTOR
    finally:
        db.dispose()


def test_a_note_field_left_out_is_kept_and_an_emptied_one_is_cleared(ward: str) -> None:
    db = open_ward(ward, migrate=False)
    try:
        with unit_of_work(db, DOCTOR) as session:
            row = rounds_of_day(session, today_local()).rows[0]
            save_round_note(session, row.round_id, RoundNote(subjective="tired", plan="x"))
            save_round_note(session, row.round_id, RoundNote(objective="T 37", plan=""))
        with read_only(db) as session:
            w = session.get(WardRound, row.round_id)
            assert w is not None
            assert (w.subjective, w.objective, w.plan) == ("tired", "T 37", None)
    finally:
        db.dispose()


def _regimen(capsys: pytest.CaptureFixture[str], ward: str) -> tuple[int, int]:
    code, record, said = run(capsys, "--database", ward, "--user", DOCTOR, "patient", "1",
                             "--json")
    assert code == 0, said
    regimen = record["regimens"][0]
    return regimen["id"], regimen["version"]


def test_two_regimen_changes_on_one_version_the_second_exits_3(
        capsys: pytest.CaptureFixture[str], ward: str) -> None:
    regimen_id, version = _regimen(capsys, ward)
    start = (now_utc() + timedelta(days=1)).isoformat()

    def change(dose: str) -> tuple[int, Any, str]:
        return run(capsys, "--database", ward, "--user", DOCTOR, "regimen", "change",
                   str(regimen_id), "--from", start, "--dose", dose, "--version", str(version),
                   "--json")

    first = change("2 g")
    assert first[0] == 0, first[2]
    code, out, _said = change("3 g")
    assert code == 3
    assert out["error"]["code"] == "CONFLICT"
    assert DOCTOR in out["error"]["message"]  # who changed it
    assert _regimen(capsys, ward)[1] == version + 1


def test_discharge_and_escalation_edits_carry_their_version(
        capsys: pytest.CaptureFixture[str], ward: str) -> None:
    code, out, _ = run(capsys, "--database", ward, "--user", DOCTOR, "discharge", "1",
                       "--outcome", "completed", "--epikrise-sent", "--version", "999", "--json")
    assert code == 3
    assert out["error"]["code"] == "CONFLICT"


def _fail_with(sql: str) -> Callable[..., Any]:
    def admit_that_breaks(session: Any, _referral: Any) -> Any:
        session.execute(text(sql))
        raise AssertionError("the statement should have failed")

    return admit_that_breaks


@pytest.mark.parametrize("sql", [
    # the concurrent-admission race: the patient row arrives twice (unique key with DETAIL)
    f"INSERT INTO patient (cpr, name, address, municipality_id, lat, lon, "
    f"location_approximate, version, updated_at) SELECT '{CPR}', name, address, "
    f"municipality_id, lat, lon, location_approximate, 1, CURRENT_TIMESTAMP FROM patient",
    # a row the database refuses with the whole row in its DETAIL
    f"INSERT INTO patient (cpr, name, municipality_id) VALUES ('{CPR}', NULL, 1)",
], ids=["unique", "not-null"])
def test_a_database_error_never_prints_or_logs_a_cpr(
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch, ward: str, tmp_path: Path, sql: str) -> None:
    monkeypatch.setattr("console.services.course.admissions.admit", _fail_with(sql))
    doc = tmp_path / "referral.json"
    doc.write_text(json.dumps(referral(), default=str), encoding="utf-8")
    caplog.set_level(logging.DEBUG)
    code, out, said = run(capsys, "--database", ward, "--user", DOCTOR, "admit", str(doc),
                          "--json")
    assert code != 0
    assert out["error"]["code"] == ("CONFLICT" if "SELECT" in sql else "UNEXPECTED")
    everything = said + caplog.text
    for form in (CPR, CPR.replace("-", "")):
        assert form not in everything
    assert "Testesen" not in everything


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_the_console_writes_are_for_their_owner_only(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_url: str) -> None:
    fresh = tmp_path / "new-folder" / "eward.sqlite"
    code, _out, said = run(capsys, "--database", f"sqlite:///{fresh}", "--user", DOCTOR,
                           "seed", "--demo", "--json")
    assert code == 0, said
    assert _mode(fresh.parent) == 0o700
    assert _mode(fresh) == 0o600
    url = f"sqlite:///{fresh}"
    last_month = today_local().replace(day=1) - timedelta(days=1)
    exports = tmp_path / "exports"
    exports.mkdir()
    old = exports / "settlement.csv"
    old.write_text("old", encoding="utf-8")
    os.chmod(old, 0o644)  # an older file of the same name, readable by all
    for argv in (["report", "settlement", "--month", f"{last_month:%Y-%m}", "--out", str(old)],
                 ["report", "settlement", "--month", f"{last_month:%Y-%m}",
                  "--out", str(exports / "settlement.xlsx")],
                 ["rounds", "--pdf", str(exports / "rounds.pdf")],
                 ["screenshot", "census", "--out", str(exports / "census.png")]):
        code, _out, said = run(capsys, "--database", url, "--user", "ABE", *argv, "--json")
        assert code == 0, said
    written = sorted(exports.iterdir())
    assert [p.name for p in written] == ["census.png", "rounds.pdf", "settlement.csv",
                                         "settlement.xlsx"]
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}


def test_two_admins_editing_one_person_on_one_version_the_second_is_told(db: Any) -> None:
    """HAZ-19 for staff: `user add`/the staff dialog carry the version they were based on."""
    from console.models import Role
    from console.services.core.errors import Conflict
    from console.services.core.staff import save_staff
    from tests.factories import add_staff

    add_staff(db, "ADM", Role.ADMIN)
    with unit_of_work(db, "ADM") as s:
        row = save_staff(s, "NIS", name="Nina Sørensen", roles=[Role.E_NURSE])
    with unit_of_work(db, "ADM") as s:
        save_staff(s, "NIS", name="Nina Sørensen", roles=[Role.E_NURSE, Role.DISPATCHER],
                   expected_version=row.version)
    with pytest.raises(Conflict), unit_of_work(db, "ADM") as s:
        save_staff(s, "NIS", name="Nina S.", roles=[Role.E_NURSE], expected_version=row.version)
    with read_only(db) as s:
        from console.services.core.staff import list_staff

        (nis,) = [p for p in list_staff(s) if p.initials == "NIS"]
    assert nis.name == "Nina Sørensen"
