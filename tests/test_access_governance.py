"""Issue 21: who may open which record, break-the-glass, the review queue, retention, MinLog.

On SQLite and PostgreSQL (through the owner's connection; ``test_pg_roles`` probes the
database's own functions as each login).
"""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.db import Database
from console.models import AccessEvent, Admission, Role
from console.services.core.access_governance import (
    PurposeRequired,
    flagged_accesses,
    minlog_export,
    open_record,
    purge_expired_access_log,
    review_access,
    write_minlog_csv,
)
from console.services.core.errors import Conflict, Forbidden, InvalidInput
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.record import read_record
from console.services.course.referral import parse_referral
from console.timeutil import now_utc
from tests.factories import DOCTOR, NURSE, add_staff, add_ward_staff, referral

LOGISTICS, ADMIN = "LOG", "ADM"
REASON = "The municipal nurse called about the PICC line"


@pytest.fixture
def ward(db: Database) -> tuple[Database, int]:
    add_ward_staff(db)
    add_staff(db, LOGISTICS, Role.LOGISTICS)
    add_staff(db, ADMIN, Role.ADMIN)
    with unit_of_work(db, DOCTOR) as session:
        admission_id = admit(session, parse_referral(referral())).admission_id
    return db, admission_id


def _views(db: Database, **where: object) -> list[AccessEvent]:
    with read_only(db) as session:
        query = select(AccessEvent).order_by(AccessEvent.id)
        for column, value in where.items():
            query = query.where(getattr(AccessEvent, column) == value)
        return list(session.scalars(query))


def test_clinical_staff_open_a_current_patients_record_without_a_purpose(
        ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    with unit_of_work(db, NURSE) as session:
        opening = open_record(session, admission_id)
    assert (opening.purpose, opening.flagged) == ("view", False)
    [event] = _views(db)
    assert (event.user, event.purpose, event.roles, event.flagged) == (
        NURSE, "view", "e_nurse", False)


def test_someone_unknown_opens_nothing(ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    for who, said in (("NOBODY", "not on the ward's staff"), (None, "Sign in first")):
        with pytest.raises(Forbidden, match=said), unit_of_work(db, who) as session:
            read_record(session, admission_id)
    assert _views(db) == []


def test_break_the_glass_requires_a_reason_is_flagged_and_time_boxed(
        ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    # A logistics assistant has no clinical role for the record.
    with pytest.raises(PurposeRequired) as info, unit_of_work(db, LOGISTICS) as session:
        open_record(session, admission_id)
    assert info.value.code == "ACCESS-PURPOSE"
    assert info.value.field == "reason"
    with pytest.raises(PurposeRequired), unit_of_work(db, LOGISTICS) as session:
        read_record(session, admission_id)  # reading without opening is refused too
    with pytest.raises(PurposeRequired, match="at least 10"), \
            unit_of_work(db, LOGISTICS) as session:
        open_record(session, admission_id, "because")
    assert _views(db) == []  # nothing logged for a refusal
    with unit_of_work(db, LOGISTICS) as session:
        opening = open_record(session, admission_id, REASON)
        record = read_record(session, admission_id)
    assert record.admission_id == admission_id
    assert (opening.purpose, opening.flagged) == ("emergency", True)
    assert opening.until is not None
    assert timedelta(hours=7) < opening.until - now_utc() <= timedelta(hours=8)
    # Within the time box: opens again without asking, each opening flagged.
    with unit_of_work(db, LOGISTICS) as session:
        again = open_record(session, admission_id)
    assert (again.purpose, again.flagged, again.until) == ("view", True, opening.until)
    events = _views(db, user=LOGISTICS)
    assert [(e.purpose, e.reason, e.flagged) for e in events] == [
        ("emergency", REASON, True), ("view", None, True)]


def test_a_long_discharged_patient_needs_a_purpose_even_for_the_nurse(
        ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    with unit_of_work(db, "system") as session:
        adm = session.get(Admission, admission_id)
        assert adm is not None
        adm.discharged_at = now_utc() - timedelta(days=5)
    with unit_of_work(db, NURSE) as session:
        assert not open_record(session, admission_id).flagged  # 5 days: still hers
    with unit_of_work(db, "system") as session:
        adm = session.get(Admission, admission_id)
        assert adm is not None
        adm.discharged_at = now_utc() - timedelta(days=31)
    with pytest.raises(PurposeRequired), unit_of_work(db, NURSE) as session:
        open_record(session, admission_id)


def test_flagged_accesses_wait_in_the_admins_review_queue(ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    with unit_of_work(db, LOGISTICS) as session:
        open_record(session, admission_id, REASON)
    with unit_of_work(db, NURSE) as session:
        open_record(session, admission_id)  # not flagged
    with pytest.raises(Forbidden), read_only(db, NURSE) as session:
        flagged_accesses(session)
    with read_only(db, ADMIN) as session:
        [queued] = flagged_accesses(session)
    assert (queued.user, queued.purpose, queued.reason, queued.roles) == (
        LOGISTICS, "emergency", REASON, "logistics")
    with pytest.raises(InvalidInput, match="Say what is questioned"), \
            unit_of_work(db, ADMIN) as session:
        review_access(session, queued.id, "questioned")
    with unit_of_work(db, ADMIN) as session:
        review_access(session, queued.id, "justified")
    with read_only(db, ADMIN) as session:
        assert flagged_accesses(session) == []
        [done] = flagged_accesses(session, include_reviewed=True)
    assert (done.reviewed_by, done.outcome) == (ADMIN, "justified")
    with pytest.raises(Conflict), unit_of_work(db, ADMIN) as session:
        review_access(session, queued.id, "questioned", "twice")


def test_the_retention_purge_keeps_at_least_three_years(ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    with unit_of_work(db, "system") as session:
        adm = session.get(Admission, admission_id)
        assert adm is not None
        for years in (2, 4, 6):
            session.add(AccessEvent(at=now_utc() - timedelta(days=round(365.25 * years)),
                                    user=NURSE, patient_id=adm.patient_id, purpose="view"))
        from console.models import Setting

        setting = session.get(Setting, "access_log_retention_years")
        assert setting is not None
        setting.value = "1"  # too short: the floor holds
    with pytest.raises(Forbidden), unit_of_work(db, NURSE) as session:
        purge_expired_access_log(session)
    with unit_of_work(db, ADMIN) as session:
        assert purge_expired_access_log(session) == 2  # 4 and 6 years; 3 is the floor
    with read_only(db) as session:
        oldest = session.scalar(select(func.min(AccessEvent.at)))
    assert oldest is not None
    assert now_utc() - oldest < timedelta(days=3 * 366)


def test_a_patients_access_log_exports_in_minlogs_fields_and_the_export_is_logged(
        ward: tuple[Database, int], tmp_path: Path) -> None:
    db, admission_id = ward
    with unit_of_work(db, LOGISTICS) as session:
        open_record(session, admission_id, REASON)
    with pytest.raises(Forbidden), unit_of_work(db, NURSE) as session:
        minlog_export(session, admission_id)
    with unit_of_work(db, ADMIN) as session:
        export = minlog_export(session, admission_id)
    path = tmp_path / "minlog.csv"
    write_minlog_csv(export, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["PersonIdentifier", "UserIdentifier", "UserRole", "SystemName",
                             "Activity", "Reason", "OrganisationName", "DateTime"]
    assert rows[0]["PersonIdentifier"] == "010150-1234"
    assert (rows[0]["UserIdentifier"], rows[0]["UserRole"], rows[0]["Reason"]) == (
        LOGISTICS, "logistics", REASON)
    assert rows[0]["Activity"] == "Opslag uden aktuel relation"
    assert rows[0]["SystemName"] == "eWard Console"
    assert [(e.user, e.purpose) for e in _views(db)][-1] == (ADMIN, "export")


def test_the_cli_asks_for_a_purpose_and_takes_it(ward: tuple[Database, int], db_url: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _db, admission_id = ward
    argv = ["--database", db_url, "--user", LOGISTICS, "patient", str(admission_id), "--json"]
    assert main(argv) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert (error["code"], error["field"]) == ("ACCESS-PURPOSE", "reason")
    assert main([*argv, "--reason", REASON]) == 0
    assert json.loads(capsys.readouterr().out)["admission_id"] == admission_id


def test_the_cli_reviews_purges_and_exports_for_an_admin(
        ward: tuple[Database, int], db_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db, admission_id = ward
    with unit_of_work(db, LOGISTICS) as session:
        open_record(session, admission_id, REASON)
    base = ["--database", db_url, "--user", ADMIN, "access-log"]
    assert main([*base, "--flagged", "--json"]) == 0
    [queued] = json.loads(capsys.readouterr().out)
    assert queued["reason"] == REASON
    assert main([*base, "--review", str(queued["id"]), "--json"]) == 2  # no outcome
    capsys.readouterr()
    assert main([*base, "--review", str(queued["id"]), "--outcome", "justified", "--json"]) == 0
    capsys.readouterr()
    assert main([*base, "--flagged", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    out = tmp_path / "minlog.csv"
    assert main([*base, "--patient", str(admission_id), "--minlog", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == 1
    assert out.read_text(encoding="utf-8").startswith("PersonIdentifier,")
    assert main([*base, "--purge", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"deleted": 0}
    nurse = ["--database", db_url, "--user", NURSE, "access-log", "--purge", "--json"]
    assert main(nurse) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "FORBIDDEN"
