"""Referrals on the dashboard (issue 19, R-ELIGIBLE): how many came in, from whom, how they were
decided, and how long the e-doctor's visitation took from referral to decision.

A referral counts in the week it was received (local ward days). Time to decision is
``decided_at - received_at`` of the referrals received in the period and decided by now;
the ones still waiting are counted as waiting, with the age of the oldest, never as a time.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Referral
from console.services.monitoring.periods import GroupedSeries, Period, grouped, median, week_of
from console.timeutil import local_date, now_utc
from console.vocabulary import ReferralSource, ReferralStatus

DECISION_ORDER = tuple(s.value for s in (ReferralStatus.ADMITTED, ReferralStatus.DECLINED,
                                         ReferralStatus.REFERRED))
SOURCE_ORDER = tuple(s.value for s in ReferralSource)


@dataclass(frozen=True, slots=True)
class ReferralFlow:
    by_decision: GroupedSeries  # per week received: admitted, declined, still referred
    by_source: GroupedSeries  # per week received: department, GP, out-of-hours GP, COPD team
    hours_to_decision: tuple[tuple[str, float], ...]  # (admitted|declined, hours), shortest first
    median_hours: float | None
    p90_hours: float | None  # 9 of 10 decisions came within this many hours
    waiting: int  # received in the period and not decided yet
    oldest_waiting_hours: float | None

    @property
    def received(self) -> int:
        return self.by_decision.total

    def count(self, status: str) -> int:
        return sum(self.by_decision.series(status))


def _hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def percentile_90(values: list[float]) -> float | None:
    """The 90th percentile (inclusive method: within the observed range); None when empty."""
    if len(values) < 2:
        return values[0] if values else None
    return float(statistics.quantiles(values, n=10, method="inclusive")[-1])


def referral_flow(session: Session, period: Period, *, now: datetime | None = None
                  ) -> ReferralFlow:
    now = now or now_utc()
    lo, hi = period.bounds()
    rows = session.execute(
        select(Referral.received_at, Referral.source, Referral.status, Referral.decided_at)
        .where(Referral.received_at >= lo, Referral.received_at < hi)).all()
    weeks = period.weeks
    decided = sorted(((r.status.value, _hours(r.received_at, r.decided_at)) for r in rows
                      if r.decided_at is not None), key=lambda item: item[1])
    hours = [h for _, h in decided]
    waiting = [_hours(r.received_at, now) for r in rows if r.status == ReferralStatus.REFERRED]
    return ReferralFlow(
        by_decision=grouped(weeks, ((week_of(local_date(r.received_at)), r.status.value)
                                    for r in rows), DECISION_ORDER),
        by_source=grouped(weeks, ((week_of(local_date(r.received_at)), r.source.value)
                                  for r in rows), SOURCE_ORDER),
        hours_to_decision=tuple(decided), median_hours=median(hours),
        p90_hours=percentile_90(hours), waiting=len(waiting),
        oldest_waiting_hours=max(waiting) if waiting else None)
