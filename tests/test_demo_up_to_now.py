"""Issue 14: a demo seeded during its ward day looks like a ward that has worked until then:
past visits registered (a couple of genuine overdue doses left, R-REGISTER), no call received
in the future, calls acknowledged (R-CONTACT), deliveries due before now delivered (R-SUPPLY),
today's rounds signed where their slot has passed. ``now`` is given, so the hour the test runs
does not matter."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import (
    Delivery,
    DeliveryStatus,
    Escalation,
    RoundStatus,
    Visit,
    VisitStatus,
    WardRound,
)
from console.services.core.uow import read_only, unit_of_work
from console.services.course.overdue import count_overdue
from console.services.demo.seed import seed_demo
from console.services.demo.up_to_now import LEFT_OVERDUE
from console.services.escalations.escalations import escalation_counts
from console.timeutil import LOCAL_TZ
from console.vocabulary import Provider

DAY = date(2026, 12, 3)


@pytest.mark.parametrize("hour", [8, 13, 21])
def test_the_demo_at_an_hour_looks_like_a_working_ward(sqlite_db: Database, hour: int) -> None:
    now = datetime.combine(DAY, time(hour), tzinfo=LOCAL_TZ)
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=DAY, now=now)
    with read_only(sqlite_db) as s:
        overdue = count_overdue(s, now)
        counts = escalation_counts(s, now)
        late_calls = s.scalar(select(func.count()).select_from(Escalation)
                              .where(Escalation.received_at > now))
        open_past = s.scalar(select(func.count()).select_from(Delivery).where(
            Delivery.due_by <= now, Delivery.status.in_(
                (DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT))))
        unregistered = s.scalar(select(func.count()).select_from(Visit).where(
            Visit.status == VisitStatus.PLANNED, Visit.window_end <= now))
        signed_today = s.scalar(select(func.count()).select_from(WardRound).where(
            WardRound.round_date == DAY, WardRound.status == RoundStatus.SIGNED))
        # an MBE visit done today was driven by a car: on its lane, not "done without a car"
        done_mbe = s.execute(select(Visit.shift_car_id).where(
            Visit.provider == Provider.MBE, Visit.status == VisitStatus.DONE,
            Visit.performed_at >= datetime.combine(DAY, time(0), tzinfo=LOCAL_TZ),
            Visit.performed_at <= now)).scalars().all()
    assert overdue.visits <= LEFT_OVERDUE  # a few genuine problems, not hundreds
    assert unregistered <= LEFT_OVERDUE
    if hour >= 13:
        assert overdue.visits >= 1  # and there are some to find
    assert late_calls == 0
    assert counts.urgent_unacknowledged <= 1
    assert counts.overdue <= 1
    assert open_past == 0
    if hour >= 13:
        assert done_mbe  # the day shift has driven
    assert None not in done_mbe
    if hour == 8:
        assert signed_today == 0  # the round starts at 09:00
    else:
        assert signed_today > 0


def test_another_day_is_seeded_as_it_stood_when_it_began(sqlite_db: Database) -> None:
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=DAY, now=datetime(2026, 12, 10, 12, tzinfo=LOCAL_TZ))
    with read_only(sqlite_db) as s:
        assert s.scalar(select(func.count()).select_from(WardRound).where(
            WardRound.round_date == DAY)) == 0
