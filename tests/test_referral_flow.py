"""The dashboard's referral figures (issue 19, R-ELIGIBLE): referrals per week by decision and
by source, and the hours from referral to decision (median and 9 of 10), the waiting ones
counted apart with the age of the oldest."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from console.db import Database
from console.models import Referral
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.monitoring.dashboard import dashboard_figures
from console.services.monitoring.periods import Period
from console.services.monitoring.referral_flow import percentile_90, referral_flow
from console.timeutil import LOCAL_TZ
from console.vocabulary import ReferralSource, ReferralStatus
from tests.factories import DOCTOR, add_ward_staff, referral

MONDAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ)


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=LOCAL_TZ)


@pytest.fixture
def flow_db(db: Database) -> Database:
    """Six referrals: received (local), decided after h hours, how, from whom."""
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        admission_id = admit(s, parse_referral(referral(date(2026, 11, 3)))).admission_id
        rows = (  # received, hours to decision, status, source
            (_at(2, 9), 2, ReferralStatus.ADMITTED, ReferralSource.DEPARTMENT),
            (_at(3, 10), 4, ReferralStatus.ADMITTED, ReferralSource.GP),
            (_at(4, 23), 10, ReferralStatus.DECLINED, ReferralSource.DEPARTMENT),
            (_at(10, 8), 1, ReferralStatus.ADMITTED, ReferralSource.COPD_PRE_CARE),
            (_at(11, 8), None, ReferralStatus.REFERRED, ReferralSource.OUT_OF_HOURS_GP),
            (_at(1, 8), 3, ReferralStatus.ADMITTED, ReferralSource.GP),  # before the period
        )
        for received, hours, status, source in rows:
            decided = received + timedelta(hours=hours) if hours is not None else None
            s.add(Referral(
                source=source, received_at=received, document=json.dumps(referral()),
                status=status, decided_at=decided, decided_by=DOCTOR if decided else None,
                decline_reason="Needs a bed" if status == ReferralStatus.DECLINED else None,
                admission_id=admission_id if status == ReferralStatus.ADMITTED else None))
    return db


def test_referrals_per_week_by_decision_and_source(flow_db: Database) -> None:
    with read_only(flow_db) as s:
        flow = referral_flow(s, Period(MONDAY, MONDAY + timedelta(days=13)), now=NOW)
    assert flow.by_decision.keys == (MONDAY, MONDAY + timedelta(days=7))
    assert flow.by_decision.series("admitted") == (2, 1)
    assert flow.by_decision.series("declined") == (1, 0)
    assert flow.by_decision.series("referred") == (0, 1)
    assert flow.by_source.series("department") == (2, 0)
    assert flow.by_source.series("gp") == (1, 0)  # the GP's earlier referral is before the period
    assert flow.received == 5
    assert (flow.count("admitted"), flow.count("declined"), flow.waiting) == (3, 1, 1)


def test_hours_from_referral_to_decision(flow_db: Database) -> None:
    with read_only(flow_db) as s:
        flow = referral_flow(s, Period(MONDAY, MONDAY + timedelta(days=13)), now=NOW)
    assert flow.hours_to_decision == (("admitted", 1.0), ("admitted", 2.0), ("admitted", 4.0),
                                      ("declined", 10.0))
    assert flow.median_hours == 3.0
    assert flow.p90_hours == pytest.approx(8.2)  # inclusive: within the observed range
    assert flow.oldest_waiting_hours == pytest.approx(9 * 24 + 4)  # 11/11 08:00 → 20/11 12:00


def test_percentile_90_of_few_values() -> None:
    assert percentile_90([]) is None
    assert percentile_90([5.0]) == 5.0
    assert percentile_90([float(n) for n in range(1, 11)]) == pytest.approx(9.1)


def test_the_dashboard_carries_the_referral_figures(flow_db: Database) -> None:
    with read_only(flow_db) as s:
        figures = dashboard_figures(s, Period(MONDAY, MONDAY + timedelta(days=13)), now=NOW)
    assert figures.referrals.received == 5
    assert figures.referrals.median_hours == 3.0
