"""Issue 15: two desks admitting the same new patient at once end in a clear answer.

Both desks read the ward (no active admission of the CPR) before either writes, held there by
a barrier, so the race the issue found is made to happen every time: the loser's insert meets
the winner's unique CPR. The loser gets exit 3 (a conflict), never exit 1 and never the CPR.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.models import Admission, Patient
from console.services.core.errors import SimultaneousWrite
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course import admissions
from console.services.course.referral import parse_referral
from tests.factories import DOCTOR, add_ward_staff, referral
from tests.test_input_trust import write_referral

ROUNDS = 20


def already_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both desks run in this process: Alembic's module-level proxy is not for two threads at
    once (in the field each desk is its own process), and the fixture has migrated already."""
    import console.db

    monkeypatch.setattr(console.db, "upgrade", lambda _db: None)


def hold_both_desks_after_reading(monkeypatch: pytest.MonkeyPatch) -> threading.Barrier:
    barrier = threading.Barrier(2, timeout=30)
    original = admissions.load_rule_context

    def read_then_wait(session: Any) -> Any:
        ctx = original(session)
        barrier.wait()
        return ctx

    monkeypatch.setattr(admissions, "load_rule_context", read_then_wait)
    return barrier


@pytest.mark.pg
def test_two_desks_admitting_the_same_patient_at_once_on_postgresql_the_loser_gets_exit_3(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    db = open_ward(pg_url, migrate=False)
    try:
        add_ward_staff(db)
    finally:
        db.dispose()
    caplog.set_level(logging.DEBUG)
    already_migrated(monkeypatch)
    for attempt in range(ROUNDS):
        barrier = hold_both_desks_after_reading(monkeypatch)
        cpr = f"010150-{1000 + attempt}"
        path = write_referral(tmp_path, referral(**{"patient.cpr": cpr}))
        codes: list[int] = []

        def desk(path: Path = path, codes: list[int] = codes) -> None:
            codes.append(main(["--database", pg_url, "--user", DOCTOR, "admit", str(path),
                               "--json"]))

        desks = [threading.Thread(target=desk) for _ in range(2)]
        for t in desks:
            t.start()
        for t in desks:
            t.join(60)
        assert not barrier.broken
        assert sorted(codes) == [0, 3], (attempt, codes)
        said = capsys.readouterr()
        assert '"code": "CONFLICT"' in said.out
        for text in (said.out, said.err, caplog.text):
            assert cpr not in text
            assert cpr.replace("-", "") not in text
    db = open_ward(pg_url, migrate=False)
    try:
        with read_only(db) as s:
            assert s.scalar(select(func.count()).select_from(Admission)) == ROUNDS
            assert s.scalar(select(func.count()).select_from(Patient)) == ROUNDS
    finally:
        db.dispose()


@pytest.mark.pg
def test_the_losing_desk_gets_a_typed_conflict_naming_the_field(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_ward(pg_url, migrate=False)
    try:
        add_ward_staff(db)
        hold_both_desks_after_reading(monkeypatch)
        outcomes: list[object] = []

        def desk() -> None:
            try:
                with unit_of_work(db, DOCTOR) as s:
                    outcomes.append(admissions.admit(s, parse_referral(referral())).admission_id)
            except SimultaneousWrite as exc:
                outcomes.append(exc)

        desks = [threading.Thread(target=desk) for _ in range(2)]
        for t in desks:
            t.start()
        for t in desks:
            t.join(60)
        lost = [o for o in outcomes if isinstance(o, SimultaneousWrite)]
        assert len(outcomes) == 2
        assert len(lost) == 1
        assert (lost[0].code, lost[0].exit_code, lost[0].field) == ("CONFLICT", 3, "patient.cpr")
    finally:
        db.dispose()


def test_on_sqlite_the_second_desk_waits_and_is_told_the_patient_is_admitted(
        sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite serialises writers (BEGIN IMMEDIATE): the race cannot happen, the second desk
    reads the first one's admission and gets R-ONE-ACTIVE (exit 2), never a traceback."""
    db = open_ward(sqlite_url)
    try:
        add_ward_staff(db)
    finally:
        db.dispose()
    already_migrated(monkeypatch)
    path = write_referral(tmp_path, referral())
    codes: list[int] = []
    desks = [threading.Thread(target=lambda: codes.append(main(
        ["--database", sqlite_url, "--user", DOCTOR, "admit", str(path), "--json"])))
        for _ in range(2)]
    for t in desks:
        t.start()
    for t in desks:
        t.join(60)
    assert sorted(codes) == [0, 2]
    out = capsys.readouterr().out
    assert "R-ONE-ACTIVE" in out
    assert "010150-1234" not in out
