"""The yearly monitoring (R-MONITOR, seed 000 §12): courses, their length, the settlement."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from console.services.core.errors import InvalidInput
from console.services.core.settings_store import get_int
from console.services.monitoring.patient_flow import (
    NOT_RECORDED,
    OUTCOME_ORDER,
    CapacitySeries,
    bed_days_per_month,
    courses_between,
    daily_admitted,
    ended_in,
)
from console.services.monitoring.periods import (
    LabelledCounts,
    Period,
    counted,
    mean,
    median,
)
from console.services.monitoring.settlement import (
    MunicipalitySettlement,
    SettlementLine,
    Totals,
    region_name,
    settlement_for_period,
)
from console.timeutil import local_date, now_utc

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
    courses = courses_between(session, *period.bounds())
    ended = ended_in(courses, period)
    lengths = sorted(c.days() for c in ended)
    daily = CapacitySeries(period.days, daily_admitted(courses, period, today),
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
