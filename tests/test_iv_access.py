"""Issue 19, R-ACCESS: the IV access is a record of its own; a failed access replaced by a new
PVK ends the current record, starts the new one and the handover check reads the new access."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from console.cli import main
from console.db import Database
from console.services.core.errors import Conflict, Forbidden, InvalidInput, RuleViolation
from console.services.core.uow import unit_of_work
from console.services.course.admissions import admit
from console.services.course.iv_access import access_history, place_access
from console.services.course.record import load_record
from console.services.course.referral import parse_referral
from console.timeutil import local_date, now_utc, today_local
from console.vocabulary import IvAccess
from tests.factories import DISPATCHER, DOCTOR, NURSE, add_ward_staff, referral


@pytest.fixture
def course(db: Database) -> int:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        return admit(s, parse_referral(referral(today_local() - timedelta(days=2)))).admission_id


def test_a_blocked_access_replaced_by_a_pvk_follows_through_to_the_handover(
        db: Database, course: int) -> None:
    placed = now_utc() - timedelta(hours=1)
    with unit_of_work(db, NURSE) as s:
        new = place_access(s, course, kind=IvAccess.PVK, placed_at=placed,
                           placed_by="MBE Næstved", remove_by=None, reason="PICC blocked")
    with unit_of_work(db, DOCTOR) as s:
        history = access_history(s, course)
        record = load_record(s, course)
    assert [(r.kind, r.end_reason) for r in history] == [("picc", "PICC blocked"), ("pvk", None)]
    assert history[0].ended_at == placed
    assert history[1].id == new.id
    assert {line.iv_access for line in record.regimens} == {"pvk"}
    # R-HANDOVER: the new access has no planned removal yet, so the handover lists it missing
    assert any("remove" in item.lower() for item in record.handover_missing)
    with unit_of_work(db, NURSE) as s:
        place_access(s, course, kind=IvAccess.PVK, placed_at=now_utc(), placed_by="NUR",
                     remove_by=local_date(now_utc()) + timedelta(days=3),
                     reason="PVK lost", expected_version=new.version)
    with unit_of_work(db, DOCTOR) as s:
        record = load_record(s, course)
        assert len(access_history(s, course)) == 3
    assert not any("remove" in item.lower() for item in record.handover_missing)


def test_a_replacement_needs_a_reason_and_a_sensible_time(db: Database, course: int) -> None:
    for kwargs, field in (({"reason": " "}, "reason"),
                          ({"reason": "x", "placed_at": now_utc() + timedelta(hours=1)},
                           "placed_at"),
                          ({"reason": "x", "remove_by": today_local() - timedelta(days=9)},
                           "remove_by")):
        args = {"kind": IvAccess.PVK, "placed_at": now_utc(), "placed_by": None,
                "remove_by": None} | kwargs
        with unit_of_work(db, NURSE) as s, pytest.raises((RuleViolation, InvalidInput)) as info:
            place_access(s, course, **args)  # type: ignore[arg-type]
        assert info.value.field == field


def test_only_nurses_and_doctors_and_a_stale_version_is_a_conflict(db: Database,
                                                                   course: int) -> None:
    with unit_of_work(db, DISPATCHER) as s, pytest.raises(Forbidden):
        place_access(s, course, kind=IvAccess.PVK, placed_at=now_utc(), placed_by=None,
                     remove_by=None, reason="blocked")
    with unit_of_work(db, NURSE) as s:
        place_access(s, course, kind=IvAccess.PVK, placed_at=now_utc() - timedelta(hours=2),
                     placed_by=None, remove_by=None, reason="blocked")
    with unit_of_work(db, NURSE) as s, pytest.raises(Conflict):
        place_access(s, course, kind=IvAccess.MIDLINE, placed_at=now_utc(), placed_by=None,
                     remove_by=None, reason="lost", expected_version=7)


def test_cli_access_place_and_list(db: Database, db_url: str, course: int,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--database", db_url, "--user", NURSE, "--json", "access"]
    at = (now_utc() - timedelta(minutes=30)).isoformat()
    assert main([*base, "place", str(course), "--kind", "pvk", "--placed-at", at,
                 "--by", "MBE Holbæk", "--reason", "PICC blocked"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "pvk"
    assert main([*base, "list", str(course)]) == 0
    assert [r["kind"] for r in json.loads(capsys.readouterr().out)] == ["picc", "pvk"]
    assert main([*base, "place", str(course), "--kind", "pvk", "--placed-at", at]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "reason"
