"""Patient-flow figures of the dashboard and the yearly monitoring (R-CAPACITY, R-CRP3, R-MONITOR).

Pure read functions over a session and a period of local ward days (both ends included); they
return frozen values the views chart and tabulate. The visit, fleet, escalation and delivery
figures live in ``console.services.monitoring.operations``; ``dashboard_figures`` gathers all.

Definitions (the tests hold them):

- *admitted on a day*: the census's rule: admitted (not merely referred) before the day ends and
  not discharged before it starts. A course still admitted counts up to today, not into the
  future. *Bed days* of a month are the sum of those daily counts over the period's days in it.
- *started / ended*: admitted / discharged on a local day of the period; weeks start on Monday
  and are keyed by that Monday.
- *length of stay*: local ward days of an ended course, admission and discharge day included
  (the same count the settlement uses).
- *day-3 CRP decision* (R-CRP3): for an antibiotic course whose CRP day (``crp_day``, 3 unless a
  doctor chose another) falls in the period, is not after today and was still a day of the
  course: decided *on the day* when a signed ward round with a decision exists on exactly that
  date, *later* when the first one is after it, *missing* when there is none yet. A CRP day
  that is today and not decided yet is *pending*, not missing (the round may still come).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.models import Admission, Regimen, WardRound
from console.services.core.settings_store import get_int
from console.services.monitoring.periods import (
    GroupedSeries,
    LabelledCounts,
    Period,
    counted,
    grouped,
    mean,
    median,
    share,
    week_of,
)
from console.timeutil import local_date, now_utc
from console.vocabulary import AdmissionStatus, DischargeOutcome, RegimenKind, RoundStatus


@dataclass(frozen=True, slots=True)
class CapacitySeries:
    days: tuple[date, ...]
    admitted: tuple[int, ...]
    capacity: int

    @property
    def days_over(self) -> int:  # R-CAPACITY: over capacity warns, never blocks
        return sum(n > self.capacity for n in self.admitted)

    @property
    def peak(self) -> int:
        return max(self.admitted, default=0)

    @property
    def mean(self) -> float | None:
        return mean(self.admitted)


@dataclass(frozen=True, slots=True)
class CourseFlow:
    started_by_condition: GroupedSeries
    ended_by_condition: GroupedSeries
    started_by_treatment: GroupedSeries
    ended_by_treatment: GroupedSeries


@dataclass(frozen=True, slots=True)
class LengthOfStay:
    counts: tuple[tuple[int, int], ...]  # (days, courses), by days
    mean: float | None
    median: float | None

    @property
    def courses(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True, slots=True)
class CrpDecisions:
    due: int
    on_day: int
    later: int
    missing: int
    pending: int = 0  # the CRP day is today and its round has not decided yet (not in ``due``)

    @property
    def share_on_day(self) -> float | None:
        return share(self.on_day, self.due)


@dataclass(frozen=True, slots=True)
class _Course:
    id: int
    first_day: date
    last_day: date | None  # discharge day; None while admitted
    condition: str
    treatment: str
    outcome: str | None
    crp_day: int
    antibiotic: bool

    def days(self) -> int:
        assert self.last_day is not None
        return (self.last_day - self.first_day).days + 1


def treatment_of(kinds: Iterable[RegimenKind]) -> str:
    """antibiotic | fluid | antibiotic+fluid | none (the census's naming)."""
    return "+".join(sorted({k.value for k in kinds})) or "none"


def courses_between(session: Session, lo: datetime, hi: datetime) -> list[_Course]:
    """Courses admitted before ``hi`` and not discharged before ``lo``."""
    rows = session.execute(
        select(Admission.id, Admission.admitted_at, Admission.discharged_at, Admission.condition,
               Admission.discharge_outcome, Admission.crp_day)
        .where(Admission.status != AdmissionStatus.REFERRED, Admission.admitted_at.is_not(None),
               Admission.admitted_at < hi,
               or_(Admission.discharged_at.is_(None), Admission.discharged_at >= lo))
        .order_by(Admission.id)).all()
    kinds: dict[int, set[RegimenKind]] = defaultdict(set)
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 500):
        for adm_id, kind in session.execute(select(Regimen.admission_id, Regimen.kind).where(
                Regimen.admission_id.in_(ids[chunk:chunk + 500]))):
            kinds[adm_id].add(kind)
    return [_Course(
        id=r.id, first_day=local_date(r.admitted_at),
        last_day=local_date(r.discharged_at) if r.discharged_at is not None else None,
        condition=r.condition.value, treatment=treatment_of(kinds[r.id]),
        outcome=r.discharge_outcome.value if r.discharge_outcome is not None else None,
        crp_day=r.crp_day, antibiotic=RegimenKind.ANTIBIOTIC in kinds[r.id]) for r in rows]


def daily_admitted(courses: Sequence[_Course], period: Period, today: date) -> tuple[int, ...]:
    counts = []
    for day in period.days:
        counts.append(sum(c.first_day <= day <= (c.last_day or today) for c in courses))
    return tuple(counts)


def admitted_per_day(session: Session, period: Period, *, today: date | None = None
                     ) -> CapacitySeries:
    """Admitted patients per ward day against the capacity setting (R-CAPACITY)."""
    today = today or local_date(now_utc())
    courses = courses_between(session, *period.bounds())
    return CapacitySeries(period.days, daily_admitted(courses, period, today),
                          get_int(session, "capacity"))


def bed_days_per_month(series: CapacitySeries) -> tuple[tuple[date, int], ...]:
    """Bed days per calendar month (keyed by its first day) over the series' days."""
    months: dict[date, int] = {}
    for day, n in zip(series.days, series.admitted, strict=True):
        key = day.replace(day=1)
        months[key] = months.get(key, 0) + n
    return tuple(months.items())


def course_flow(session: Session, period: Period) -> CourseFlow:
    """Courses started and ended per week, by condition and by treatment."""
    courses = courses_between(session, *period.bounds())
    weeks = period.weeks
    started = [c for c in courses if c.first_day in period]
    ended = [c for c in courses if c.last_day is not None and c.last_day in period]
    fixed = ("antibiotic", "fluid", "antibiotic+fluid")
    return CourseFlow(
        started_by_condition=grouped(weeks, ((week_of(c.first_day), c.condition) for c in started)),
        ended_by_condition=grouped(weeks, ((week_of(c.last_day), c.condition)
                                           for c in ended if c.last_day)),
        started_by_treatment=grouped(weeks, ((week_of(c.first_day), c.treatment) for c in started),
                                     fixed),
        ended_by_treatment=grouped(weeks, ((week_of(c.last_day), c.treatment)
                                           for c in ended if c.last_day), fixed))


def ended_in(courses: Iterable[_Course], period: Period) -> list[_Course]:
    return [c for c in courses if c.last_day is not None and c.last_day in period]


def length_of_stay(session: Session, period: Period) -> LengthOfStay:
    """How long the courses that ended in the period lasted."""
    lengths = sorted(c.days() for c in ended_in(courses_between(session, *period.bounds()), period))
    return LengthOfStay(tuple(sorted(Counter(lengths).items())), mean(lengths), median(lengths))


OUTCOME_ORDER = tuple(o.value for o in DischargeOutcome)
NOT_RECORDED = "not_recorded"


def outcomes(session: Session, period: Period) -> LabelledCounts:
    """Discharge outcomes of the courses ended in the period (R-DISCHARGE)."""
    ended = ended_in(courses_between(session, *period.bounds()), period)
    return tuple((k, n) for k, n in counted(OUTCOME_ORDER, (c.outcome or NOT_RECORDED
                                                            for c in ended))
                 if k != NOT_RECORDED or n)


def crp_decisions(session: Session, period: Period, *, today: date | None = None
                  ) -> CrpDecisions:
    """R-CRP3: of the CRP days due in the period, how many had their decision that day."""
    today = today or local_date(now_utc())
    # A course due in the period still ran on its CRP day, so it overlaps the period.
    courses = courses_between(session, *period.bounds())
    due: dict[int, date] = {}
    for c in courses:
        crp_date = c.first_day + timedelta(days=c.crp_day - 1)
        if (c.antibiotic and crp_date in period and crp_date <= today
                and (c.last_day is None or crp_date <= c.last_day)):
            due[c.id] = crp_date
    decided: dict[int, date] = {}
    ids = list(due)
    for chunk in range(0, len(ids), 500):
        for adm_id, day in session.execute(
                select(WardRound.admission_id, WardRound.round_date)
                .where(WardRound.admission_id.in_(ids[chunk:chunk + 500]),
                       WardRound.status == RoundStatus.SIGNED, WardRound.decision.is_not(None),
                       WardRound.signed_at.is_not(None))):
            if day >= due[adm_id]:
                decided[adm_id] = min(day, decided.get(adm_id, day))
    pending = {i for i, d in due.items() if d == today and i not in decided}
    due = {i: d for i, d in due.items() if i not in pending}
    on_day = sum(decided.get(i) == d for i, d in due.items())
    later = sum(i in decided and decided[i] > d for i, d in due.items())
    return CrpDecisions(due=len(due), on_day=on_day, later=later,
                        missing=len(due) - on_day - later, pending=len(pending))
