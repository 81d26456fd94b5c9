"""What a course needs on the calendar: the visits and the supply delivery (pure, no database).

- R-FIRST: the MBE always makes the first visit. When the first antibiotic dose was not given in
  hospital, the first visit *is* that dose (the MBE gives it), so it is not planned twice.
- Each further dose is a visit in a window around its dose time, by the admission's provider;
  municipal windows never leave 07:00-23:00 (R-WINDOW).
- R-CRP3: antibiotic courses get a blood sample on the CRP day (day 3 unless the doctor chose
  another day with a reason).
- R-SUPPLY: the ward sends about 7 days of supply; a longer course gets a delivery due before
  that runs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from console.services.course.schedule import (
    MUNICIPAL_WINDOW,
    course_day,
    dose_windows,
    first_visit_window,
    sample_window,
)
from console.timeutil import local_date, utc_at
from console.vocabulary import Provider, RegimenKind, VisitKind

FIRST_VISIT_EXTRA_MINUTES = 15  # checking the IV access and instructing, beyond the infusion
SAMPLE_MINUTES = 15
DELIVERY_DUE_AT = time(12, 0)  # local noon of the last supplied day


@dataclass(frozen=True)
class LinePlan:
    """One regimen line as the planner needs it."""

    index: int
    kind: RegimenKind
    doses_per_day: int
    dose_times: tuple[time, ...]
    start: date
    end: date
    infusion_minutes: int
    first_dose_given_in_hospital: bool


@dataclass(frozen=True)
class PlannedVisit:
    kind: VisitKind
    provider: Provider
    line_index: int | None
    window_start: datetime
    window_end: datetime
    service_minutes: int


@dataclass(frozen=True)
class PlannedDelivery:
    due_by: datetime
    days_covered: int
    doses: tuple[tuple[int, int], ...]  # (line index, doses to deliver)


def plan_doses(
    line: LinePlan, provider: Provider, window_minutes: int, not_before: datetime
) -> list[PlannedVisit]:
    """Dose visits of one line whose window starts at or after ``not_before``."""
    return [
        PlannedVisit(VisitKind.IV_DOSE, provider, line.index, lo, hi, line.infusion_minutes)
        for _day, _at, lo, hi in dose_windows(
            line.start, line.end, list(line.dose_times), window_minutes, MUNICIPAL_WINDOW
        )
        if lo >= not_before
    ]


def plan_course(
    *,
    admitted_at: datetime,
    provider: Provider,
    lines: list[LinePlan],
    crp_day: int,
    window_minutes: int,
) -> list[PlannedVisit]:
    """All visits of a new course, in time order."""
    first_lo, first_hi = first_visit_window(admitted_at, window_minutes)
    visits: list[PlannedVisit] = []
    first_dose_taken_by_first_visit = False
    first_line: int | None = None
    first_minutes = FIRST_VISIT_EXTRA_MINUTES + max((ln.infusion_minutes for ln in lines), default=30)
    for line in lines:
        doses = plan_doses(line, provider, window_minutes, not_before=admitted_at)
        if (line.kind is RegimenKind.ANTIBIOTIC and not line.first_dose_given_in_hospital
                and doses and not first_dose_taken_by_first_visit):
            # R-FIRST: the first antibiotic dose at home is given by the MBE at its first visit.
            first = doses.pop(0)
            first_lo, first_hi = first.window_start, first.window_end
            first_dose_taken_by_first_visit = True
            first_line = line.index
        visits += doses
    # R-FIRST: nothing is planned before the MBE's first visit.
    visits = [v for v in visits if v.window_start >= first_lo]
    visits.append(PlannedVisit(VisitKind.FIRST_VISIT, Provider.MBE, first_line, first_lo, first_hi,
                               min(first_minutes, 59)))
    if any(ln.kind is RegimenKind.ANTIBIOTIC for ln in lines):
        first_day = local_date(admitted_at)
        last_day = max(ln.end for ln in lines)
        sample_day, lo, hi = sample_window(first_day, crp_day)
        if sample_day <= last_day and lo >= admitted_at:
            visits.append(PlannedVisit(VisitKind.BLOOD_SAMPLE, provider, None, lo, hi,
                                       SAMPLE_MINUTES))
    return sorted(visits, key=lambda v: (v.window_start, v.kind.value))


def plan_supply_delivery(*, first_day: date, lines: list[LinePlan],
                         supply_days: int) -> PlannedDelivery | None:
    """R-SUPPLY: a delivery before the ward's supply runs out, when the course is longer: the
    doses of the days after the supplied ones."""
    last_day = max(ln.end for ln in lines)
    total_days = (last_day - first_day).days + 1
    if total_days <= supply_days:
        return None
    last_supplied = course_day(first_day, supply_days)
    doses = tuple((ln.index, ln.doses_per_day * max(0, (ln.end - last_supplied).days))
                  for ln in lines)
    return PlannedDelivery(
        due_by=utc_at(last_supplied, DELIVERY_DUE_AT),
        days_covered=total_days - supply_days,
        doses=tuple(d for d in doses if d[1] > 0),
    )
