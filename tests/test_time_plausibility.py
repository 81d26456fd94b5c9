"""Issue 15: times are plausible (R-ADMIT-TIME, R-REGISTER, R-DISCHARGE, R-CHANGE-PAST,
R-COURSE-LEN), through the command line on SQLite and PostgreSQL.

Every time here is relative to the clock when the test runs (or passed explicitly), so the tests
hold at any hour; the shipped window (3 days) is stored in each database, as an admin would.
"""

from __future__ import annotations

import time as wall
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.models import Admission, AdmissionStatus, Setting, Visit, VisitStatus
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import admit
from console.services.course.course import change_regimen
from console.services.course.referral import parse_referral
from console.timeutil import LOCAL_TZ, local_date, now_utc
from tests.factories import DOCTOR, add_ward_staff, referral
from tests.test_input_trust import admit_doc, counts, run, staffed

SHIPPED = {"admission_past_days": "3", "admission_future_days": "3", "max_course_days": "90"}


def store_settings(url: str, **values: str) -> None:
    db = open_ward(url, migrate=False)
    try:
        with unit_of_work(db, "system") as s:
            for key, value in values.items():
                s.merge(Setting(key=key, value=value))
    finally:
        db.dispose()


@pytest.fixture
def ward(db_url: str) -> str:
    store_settings(staffed(db_url), **SHIPPED)
    return db_url


def admitted_at(at: datetime, **changes: Any) -> dict[str, Any]:
    """A valid referral admitted at ``at`` (any time of day: dose times are left to defaults)."""
    day = local_date(at)
    return referral(day, admitted_at=at.isoformat(), **{
        "consent.at": (at - timedelta(minutes=30)).isoformat(), "regimen.0.dose_times": None,
        "regimen.0.start": day.isoformat(), **changes})


@pytest.mark.parametrize("offset", [timedelta(days=-365), timedelta(days=365),
                                    timedelta(days=-4), timedelta(days=4)])
def test_past_and_future_times_admissions_a_year_ago_or_next_year_are_refused(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path,
        offset: timedelta) -> None:
    before = counts(ward)
    code, payload, said = admit_doc(capsys, ward, tmp_path, admitted_at(now_utc() + offset))
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("R-ADMIT-TIME", "admitted_at")
    assert counts(ward) == before


@pytest.mark.parametrize("offset", [timedelta(hours=-2), timedelta(days=-2), timedelta(days=2)])
def test_past_and_future_times_inside_the_window_are_admitted(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path,
        offset: timedelta) -> None:
    code, _payload, said = admit_doc(capsys, ward, tmp_path, admitted_at(now_utc() + offset))
    assert code == 0, said


def test_past_and_future_times_the_admission_window_is_a_setting(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    store_settings(ward, admission_past_days="400")
    code, _payload, said = admit_doc(capsys, ward, tmp_path,
                                     admitted_at(now_utc() - timedelta(days=365)))
    assert code == 0, said


def _admitted_now(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> Any:
    code, payload, said = admit_doc(capsys, url, tmp_path,
                                    admitted_at(now_utc() - timedelta(hours=1)))
    assert code == 0, said
    return payload


def _visit(url: str, visit_id: int) -> tuple[str, int]:
    db = open_ward(url, migrate=False)
    try:
        with read_only(db) as s:
            v = s.get(Visit, visit_id)
            assert v is not None
            return v.status.value, v.version
    finally:
        db.dispose()


@pytest.mark.parametrize(("at", "rule"), [("2001-01-01T10:00:00+01:00", "R-REGISTER"),
                                          ("tomorrow", "INPUT")])
def test_past_and_future_times_a_visit_done_in_2001_or_tomorrow_is_refused(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, at: str,
        rule: str) -> None:
    visit_id = _admitted_now(capsys, ward, tmp_path)["visits"][0]["id"]
    when = (now_utc() + timedelta(days=1)).isoformat() if at == "tomorrow" else at
    before = _visit(ward, visit_id)
    code, payload, said = run(capsys, ward, "visit", "done", str(visit_id), "--at", when,
                              "--minutes", "30")
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == (rule, "at")
    assert _visit(ward, visit_id) == before == ("planned", before[1])


def test_past_and_future_times_a_discharge_dated_2030_is_refused(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    admission_id = _admitted_now(capsys, ward, tmp_path)["admission_id"]
    code, payload, said = run(capsys, ward, "discharge", str(admission_id), "--outcome",
                              "completed", "--at", "2030-01-01T10:00:00+01:00")
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("R-DISCHARGE", "at")
    db = open_ward(ward, migrate=False)
    try:
        with read_only(db) as s:
            adm = s.get(Admission, admission_id)
            assert adm is not None
            assert adm.status is AdmissionStatus.ADMITTED
    finally:
        db.dispose()


def _visits_of(url: str) -> list[tuple[int, str, datetime]]:
    db = open_ward(url, migrate=False)
    try:
        with read_only(db) as s:
            return [(v.id, v.status.value, v.window_start)
                    for v in s.scalars(select(Visit).order_by(Visit.id))]
    finally:
        db.dispose()


def test_the_regimen_change_from_a_past_date_is_refused_and_nothing_changes(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    _admitted_now(capsys, ward, tmp_path)
    _code, record, _said = run(capsys, ward, "patient", "1")
    regimen_id = record["regimens"][0]["id"]
    before = _visits_of(ward)
    code, payload, said = run(capsys, ward, "regimen", "change", str(regimen_id), "--from",
                              "2020-01-01T00:00:00+01:00", "--doses-per-day", "2")
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("R-CHANGE-PAST",
                                                                     "effective_from")
    assert _visits_of(ward) == before


def test_the_regimen_change_from_a_moment_ago_never_alters_past_visits(db_url: str) -> None:
    """A dialog left open a while says "from" a little before now: the change applies from
    now, and every visit before now keeps its status and time."""
    db = open_ward(db_url)
    try:
        add_ward_staff(db)
        start = date(2026, 11, 2)
        with unit_of_work(db, DOCTOR) as s:
            adm = admit(s, parse_referral(referral(start, planned_end="2026-11-15",
                                                   **{"regimen.0.days": 14})))
        now = datetime(2026, 11, 5, 12, 0, tzinfo=LOCAL_TZ)  # the scenario's clock
        with read_only(db) as s:
            reg_id = s.scalar(select(func.min(Visit.regimen_id)).where(
                Visit.admission_id == adm.admission_id))
            past = {v.id: (v.status, v.window_start) for v in s.scalars(
                select(Visit).where(Visit.regimen_id == reg_id, Visit.window_start < now))}
        assert past
        with unit_of_work(db, DOCTOR) as s:
            change_regimen(s, reg_id, effective_from=now - timedelta(minutes=40),
                           doses_per_day=2, dose_times=[time(8), time(20)], now=now)
        with read_only(db) as s:
            after = {v.id: (v.status, v.window_start) for v in s.scalars(
                select(Visit).where(Visit.regimen_id == reg_id, Visit.window_start < now))}
            new = list(s.scalars(select(Visit).where(Visit.regimen_id == reg_id,
                                                     Visit.status == VisitStatus.PLANNED,
                                                     Visit.window_start >= now)))
        assert after == past
        assert new
        assert all(v.window_start.astimezone(LOCAL_TZ).hour in (7, 19) for v in new)
    finally:
        db.dispose()


@pytest.mark.parametrize("days", [91, 100_000, 1_000_000])
def test_the_course_length_cap_refuses_long_courses_at_once(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path, days: int) -> None:
    before = counts(ward)
    started = wall.monotonic()
    code, payload, said = admit_doc(capsys, ward, tmp_path, admitted_at(
        now_utc() - timedelta(hours=1), **{"regimen.0.days": days, "planned_end": None}))
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("R-COURSE-LEN",
                                                                     "regimen[0].days")
    assert wall.monotonic() - started < 30  # was: minutes of visit generation
    assert counts(ward) == before


def test_the_course_length_cap_is_a_setting_and_holds_on_regimen_change(
        capsys: pytest.CaptureFixture[str], ward: str, tmp_path: Path) -> None:
    store_settings(ward, max_course_days="10")
    code, payload, said = admit_doc(capsys, ward, tmp_path, admitted_at(
        now_utc() - timedelta(hours=1), **{"regimen.0.days": 11, "planned_end": None}))
    assert (code, payload["error"]["code"]) == (2, "R-COURSE-LEN"), said
    _admitted_now(capsys, ward, tmp_path)  # 7 days
    _code, record, _said = run(capsys, ward, "patient", "1")
    regimen = record["regimens"][0]
    far = (date.fromisoformat(regimen["start"]) + timedelta(days=10)).isoformat()
    code, payload, said = run(capsys, ward, "regimen", "change", str(regimen["id"]), "--from",
                              now_utc().isoformat(), "--end-date", far)
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("R-COURSE-LEN", "end_date")
