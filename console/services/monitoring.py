"""The dashboard's and the yearly monitoring's figures (R-CAPACITY, R-CRP3, R-MONITOR).

Pure read functions over a session and a period of local ward days (both ends included); they
return frozen values the views chart and tabulate. The visit, fleet, escalation and delivery
figures live in ``console.services.monitoring_operations``; ``dashboard_figures`` gathers all.

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

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.models import (
    Admission,
    AdmissionStatus,
    DischargeOutcome,
    Regimen,
    RegimenKind,
    RoundStatus,
    WardRound,
)
from console.services.errors import InvalidInput
from console.services.settings_store import get_int
from console.services.settlement import (
    MunicipalitySettlement,
    SettlementLine,
    Totals,
    region_name,
    settlement_for_period,
)
from console.timeutil import local_date, now_utc, ward_day_bounds

if TYPE_CHECKING:
    from console.services.monitoring_operations import (
        CarUtilisation,
        DeliveryFigures,
        EscalationFlow,
        ResponseFigures,
        SupplyFigures,
        VisitFigures,
    )

MAX_PERIOD_DAYS = 3 * 366
LabelledCounts = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Period:
    """Local ward days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput("period", "The period ends before it starts.")
        if (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise InvalidInput("period", "Choose a period of at most three years.")

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1))

    @property
    def weeks(self) -> tuple[date, ...]:
        """The Mondays of the weeks the period touches."""
        first = week_of(self.start)
        return tuple(first + timedelta(weeks=n)
                     for n in range((week_of(self.end) - first).days // 7 + 1))

    @property
    def months(self) -> tuple[date, ...]:
        out, at = [], self.start.replace(day=1)
        while at <= self.end:
            out.append(at)
            at = date(at.year + at.month // 12, at.month % 12 + 1, 1)
        return tuple(out)

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC [start, end) of the period."""
        return ward_day_bounds(self.start)[0], ward_day_bounds(self.end)[1]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class GroupedSeries:
    """Counts per key (a day or a week's Monday) for each group, groups in display order."""

    keys: tuple[date, ...]
    groups: tuple[tuple[str, tuple[int, ...]], ...]

    def series(self, group: str) -> tuple[int, ...]:
        for name, counts in self.groups:
            if name == group:
                return counts
        return tuple(0 for _ in self.keys)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.groups)

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(c[i] for _, c in self.groups) for i in range(len(self.keys)))

    @property
    def total(self) -> int:
        return sum(sum(c) for _, c in self.groups)

    def group_totals(self) -> LabelledCounts:
        return tuple((name, sum(counts)) for name, counts in self.groups)


def grouped(keys: Sequence[date], items: Iterable[tuple[date, str]],
            fixed: Sequence[str] = ()) -> GroupedSeries:
    """Count (key, group) items; ``fixed`` groups always show, in that order, then the rest by
    size. Items whose key is not among ``keys`` are ignored."""
    index = {k: i for i, k in enumerate(keys)}
    counts: dict[str, list[int]] = {g: [0] * len(keys) for g in fixed}
    for key, group in items:
        if key in index:
            counts.setdefault(group, [0] * len(keys))[index[key]] += 1
    rest = sorted((g for g in counts if g not in fixed), key=lambda g: (-sum(counts[g]), g))
    return GroupedSeries(tuple(keys), tuple((g, tuple(counts[g])) for g in (*fixed, *rest)))


def counted(order: Sequence[str], values: Iterable[str]) -> LabelledCounts:
    """Counts in a fixed order, then any other values by size."""
    tally = Counter(values)
    rest = sorted((v for v in tally if v not in order), key=lambda v: (-tally[v], v))
    return tuple((v, tally.get(v, 0)) for v in (*order, *rest))


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def mean(values: Sequence[float]) -> float | None:
    return float(statistics.fmean(values)) if values else None


# --- census and courses ----------------------------------------------------------------------

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
        return self.on_day / self.due if self.due else None


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


def _courses(session: Session, lo: datetime, hi: datetime) -> list[_Course]:
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


def _daily_admitted(courses: Sequence[_Course], period: Period, today: date) -> tuple[int, ...]:
    counts = []
    for day in period.days:
        counts.append(sum(c.first_day <= day <= (c.last_day or today) for c in courses))
    return tuple(counts)


def admitted_per_day(session: Session, period: Period, *, today: date | None = None
                     ) -> CapacitySeries:
    """Admitted patients per ward day against the capacity setting (R-CAPACITY)."""
    today = today or local_date(now_utc())
    courses = _courses(session, *period.bounds())
    return CapacitySeries(period.days, _daily_admitted(courses, period, today),
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
    courses = _courses(session, *period.bounds())
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


def _ended(courses: Iterable[_Course], period: Period) -> list[_Course]:
    return [c for c in courses if c.last_day is not None and c.last_day in period]


def length_of_stay(session: Session, period: Period) -> LengthOfStay:
    """How long the courses that ended in the period lasted."""
    lengths = sorted(c.days() for c in _ended(_courses(session, *period.bounds()), period))
    return LengthOfStay(tuple(sorted(Counter(lengths).items())), mean(lengths), median(lengths))


OUTCOME_ORDER = tuple(o.value for o in DischargeOutcome)
NOT_RECORDED = "not_recorded"


def outcomes(session: Session, period: Period) -> LabelledCounts:
    """Discharge outcomes of the courses ended in the period (R-DISCHARGE)."""
    ended = _ended(_courses(session, *period.bounds()), period)
    return tuple((k, n) for k, n in counted(OUTCOME_ORDER, (c.outcome or NOT_RECORDED
                                                            for c in ended))
                 if k != NOT_RECORDED or n)


def crp_decisions(session: Session, period: Period, *, today: date | None = None
                  ) -> CrpDecisions:
    """R-CRP3: of the CRP days due in the period, how many had their decision that day."""
    today = today or local_date(now_utc())
    # A course due in the period still ran on its CRP day, so it overlaps the period.
    courses = _courses(session, *period.bounds())
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


# --- the yearly monitoring (R-MONITOR) -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: date
    started: int
    ended: int
    bed_days: int
    amount: float
    region_share: float
    municipality_share: float


@dataclass(frozen=True, slots=True)
class TariffFigures:
    code: str
    name: str
    courses: int
    days: int
    amount: float


@dataclass(frozen=True, slots=True)
class YearlyMonitoring:
    year: int
    region: str
    courses_started: int
    courses_ended: int
    length_mean: float | None
    length_median: float | None
    length_min: int | None
    length_max: int | None
    bed_days: int
    capacity: int
    by_month: tuple[MonthFigures, ...]
    by_municipality: tuple[MunicipalitySettlement, ...]
    by_tariff: tuple[TariffFigures, ...]
    outcomes: LabelledCounts
    settlement: Totals
    errors: tuple[SettlementLine, ...]  # ended courses without a tariff (R-TARIFF)
    length_counts: tuple[tuple[int, int], ...]


def yearly_monitoring(session: Session, year: int, *, today: date | None = None
                      ) -> YearlyMonitoring:
    """Seed 000 §12: number of courses, their length, the settlement between region and
    municipalities, for a calendar year (courses count in the year they ended)."""
    if not 2000 <= year <= 2100:
        raise InvalidInput("--year", f"'{year}' is not a year to monitor.")
    today = today or local_date(now_utc())
    period = Period(date(year, 1, 1), date(year, 12, 31))
    courses = _courses(session, *period.bounds())
    ended = _ended(courses, period)
    lengths = sorted(c.days() for c in ended)
    daily = CapacitySeries(period.days, _daily_admitted(courses, period, today),
                           get_int(session, "capacity"))
    beds = dict(bed_days_per_month(daily))
    settlement = settlement_for_period(session, period.start, period.end)
    settled = [ln for ln in settlement.lines if ln.error is None]
    started_per_month = Counter(c.first_day.replace(day=1) for c in courses if c.first_day in period)
    ended_per_month = Counter(c.last_day.replace(day=1) for c in ended if c.last_day)
    by_month = []
    for month in period.months:
        lines = [ln for ln in settled if ln.discharged_on.replace(day=1) == month]
        by_month.append(MonthFigures(
            month=month, started=started_per_month.get(month, 0),
            ended=ended_per_month.get(month, 0), bed_days=beds.get(month, 0),
            amount=_sum(ln.amount for ln in lines), region_share=_sum(ln.region_share for ln in lines),
            municipality_share=_sum(ln.municipality_share for ln in lines)))
    tariffs: dict[str, list[SettlementLine]] = defaultdict(list)
    for ln in settled:
        tariffs[ln.tariff_code or ""].append(ln)
    by_tariff = tuple(TariffFigures(code, lines[0].tariff_name or "", len(lines),
                                    sum(ln.days for ln in lines), _sum(ln.amount for ln in lines))
                      for code, lines in sorted(tariffs.items()))
    return YearlyMonitoring(
        year=year, region=region_name(session),
        courses_started=sum(started_per_month.values()), courses_ended=len(ended),
        length_mean=mean(lengths), length_median=median(lengths),
        length_min=lengths[0] if lengths else None, length_max=lengths[-1] if lengths else None,
        bed_days=sum(daily.admitted), capacity=daily.capacity, by_month=tuple(by_month),
        by_municipality=settlement.municipalities, by_tariff=by_tariff,
        outcomes=tuple((k, n) for k, n in counted(OUTCOME_ORDER, (c.outcome or NOT_RECORDED
                                                                  for c in ended))
                       if k != NOT_RECORDED or n),
        settlement=settlement.totals,
        errors=tuple(ln for ln in settlement.lines if ln.error is not None),
        length_counts=tuple(sorted(Counter(lengths).items())))


def _sum(values: Iterable[float]) -> float:
    return round(sum(values), 2)


# --- everything the dashboard shows, in one read ---------------------------------------------

@dataclass(frozen=True, slots=True)
class DashboardFigures:
    period: Period
    capacity: CapacitySeries
    bed_days: tuple[tuple[date, int], ...]
    courses: CourseFlow
    length: LengthOfStay
    outcomes: LabelledCounts
    crp: CrpDecisions
    visits: VisitFigures
    cars: CarUtilisation
    escalations: EscalationFlow
    response: tuple[ResponseFigures, ...]
    deliveries: DeliveryFigures
    supplies: SupplyFigures


def dashboard_figures(session: Session, period: Period, *, now: datetime | None = None
                      ) -> DashboardFigures:
    """Every dashboard figure for a period, read in one session (one background operation)."""
    from console.services import monitoring_operations as ops

    now = now or now_utc()
    today = local_date(now)
    capacity = admitted_per_day(session, period, today=today)
    return DashboardFigures(
        period=period, capacity=capacity, bed_days=bed_days_per_month(capacity),
        courses=course_flow(session, period), length=length_of_stay(session, period),
        outcomes=outcomes(session, period), crp=crp_decisions(session, period, today=today),
        visits=ops.visit_figures(session, period), cars=ops.car_utilisation(session, period),
        escalations=ops.escalation_flow(session, period),
        response=ops.escalation_response(session, period, now=now),
        deliveries=ops.delivery_figures(session, period, now=now),
        supplies=ops.supply_figures(session, period))
