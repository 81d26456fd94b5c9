"""R-REGISTER (clarified, issue 14): a planned visit whose window closed more than the grace
setting ago without a registration is overdue, and shows as such in the visit lists, the record,
the census ("Next visit": the overdue one first) and the status bar's count, until it is
registered done or missed. The course below started two days ago, so its first day's visits are
past at any hour the test runs, and tomorrow's are not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Setting
from console.services.core.errors import Conflict
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.census import load_census
from console.services.course.overdue import count_overdue
from console.services.course.record import load_record
from console.services.course.referral import parse_referral
from console.services.course.visits import (
    VisitRow,
    list_visits,
    register_visit_done,
    register_visit_missed,
)
from console.timeutil import today_local
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral

FIRST_DAY = today_local() - timedelta(days=2)


@pytest.fixture
def ward(db: Database) -> tuple[Database, int]:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(FIRST_DAY)))
    return db, result.admission_id


def _planned(rows: list[VisitRow]) -> list[VisitRow]:
    return [v for v in rows if v.status == "planned"]


def test_r_register_a_passed_dose_is_overdue_everywhere_until_registered(
        ward: tuple[Database, int]) -> None:
    db, admission_id = ward
    with read_only(db) as s:
        first_day = _planned(list_visits(s, FIRST_DAY) + list_visits(s, FIRST_DAY + timedelta(days=1)))
        tomorrow = _planned(list_visits(s, today_local() + timedelta(days=1)))
        before = count_overdue(s)
    assert len(first_day) >= 4  # two days' doses (and the MBE's first visit), all past
    assert all(v.overdue and v.shown_status == "overdue" for v in first_day)
    assert tomorrow
    assert not any(v.overdue for v in tomorrow)
    assert before.visits >= len(first_day)
    assert before.patients == 1
    assert before.oldest_window_end == first_day[0].window_end

    with read_only(db) as s:
        (row,) = load_census(s).rows
    assert row.overdue_since == first_day[0].window_start  # the census shows the oldest first
    assert row.overdue_visits == before.visits
    with unit_of_work(db, NURSE) as s:
        record = load_record(s, admission_id)
    assert [v.id for v in record.visits if v.overdue][:len(first_day)] == [v.id for v in first_day]

    one, two = first_day[0], first_day[1]
    with unit_of_work(db, NURSE) as s:
        register_visit_missed(s, one.id, reason="Patient not at home", expected_version=one.version)
        done = register_visit_done(s, two.id, performed_at=two.window_start, minutes=30,
                                   expected_version=two.version)
    assert not done.overdue
    assert done.shown_status == "done"
    with read_only(db) as s:
        after = count_overdue(s)
        (row,) = load_census(s).rows
        shown = {v.id: v.shown_status for v in list_visits(s, FIRST_DAY)}
        (still,) = [v for v in list_visits(s, FIRST_DAY) if v.id == first_day[2].id] or [
            v for v in list_visits(s, FIRST_DAY + timedelta(days=1)) if v.id == first_day[2].id]
    assert after.visits == before.visits - 2  # cleared by the registrations
    assert row.overdue_visits == before.visits - 2
    assert row.overdue_since == first_day[2].window_start
    assert (shown[one.id], shown[two.id]) == ("missed", "done")
    assert still.shown_status == "overdue"


def test_r_register_overdue_only_after_the_configurable_grace(ward: tuple[Database, int]) -> None:
    db, _ = ward
    with read_only(db) as s:
        first = _planned(list_visits(s, FIRST_DAY))[0]
        assert count_overdue(s, first.window_end + timedelta(minutes=29)).visits == 0
        assert count_overdue(s, first.window_end + timedelta(minutes=31)).visits == 1
    with unit_of_work(db, "system") as s:
        s.scalars(select(Setting).where(Setting.key == "visit_overdue_grace_minutes")).one() \
            .value = "90"
    with read_only(db) as s:
        assert count_overdue(s, first.window_end + timedelta(minutes=31)).visits == 0
        assert count_overdue(s, first.window_end + timedelta(minutes=91)).visits == 1


def test_r_register_two_desks_registering_the_same_overdue_visit(
        ward: tuple[Database, int]) -> None:
    db, _ = ward
    with read_only(db) as s:
        visit = _planned(list_visits(s, FIRST_DAY))[0]
    with unit_of_work(db, NURSE) as s:  # the first desk: done
        register_visit_done(s, visit.id, performed_at=visit.window_start, minutes=25,
                            expected_version=visit.version)
    with unit_of_work(db, DOCTOR) as s, pytest.raises(Conflict):  # the second, on the old version
        register_visit_missed(s, visit.id, reason="not reached", expected_version=visit.version)
    with read_only(db) as s:
        assert next(v for v in list_visits(s, FIRST_DAY) if v.id == visit.id).status == "done"
