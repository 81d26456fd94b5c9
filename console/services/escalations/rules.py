"""R-CONTACT routing and response clocks for escalations (pure, no database).

Municipal nurses reach the e-doctor 24/7 (worsening, complications, IV access problems) and the
e-nurse in the e-nurse's hours (07:30-19:30 by default, every day of the week: the eHospital
runs all week) for missing medicine or supplies, procedure questions and MBE support; outside
those hours a nurse-type question goes to the e-doctor on call. The hours are half-open:
07:30:00 is the e-nurse's, 19:30:00 is already the doctor's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from console.timeutil import as_utc, to_local
from console.vocabulary import EscalationCategory, RoutedTo, Severity

DOCTOR_ALWAYS = frozenset({
    EscalationCategory.CLINICAL_WORSENING,
    EscalationCategory.COMPLICATION,
    EscalationCategory.IV_ACCESS_PROBLEM,
})
AMBER_FRACTION = 0.75  # a clock turns amber when 75 % of its target has passed


def route(category: EscalationCategory, received_at: datetime, nurse_from: time,
          nurse_until: time) -> RoutedTo:
    """R-CONTACT: who answers this call."""
    if category in DOCTOR_ALWAYS:
        return RoutedTo.E_DOCTOR
    local = to_local(received_at).time()
    return RoutedTo.E_NURSE if nurse_from <= local < nurse_until else RoutedTo.E_DOCTOR


@dataclass(frozen=True)
class Clock:
    due_at: datetime
    state: str  # ok | amber | red | met | late (met/late once stopped)
    minutes_left: int  # negative when overdue


def clock(started: datetime, target_minutes: int, stopped: datetime | None,
          now: datetime) -> Clock:
    # Arithmetic on UTC: adding to a Copenhagen-local datetime would add wall-clock time and be
    # an hour off across a daylight-saving change.
    started = as_utc(started)
    due = started + timedelta(minutes=target_minutes)
    if stopped is not None:
        return Clock(due, "met" if stopped <= due else "late", int((due - stopped) / timedelta(minutes=1)))
    left = int((due - now) / timedelta(minutes=1))
    elapsed = (now - started) / timedelta(minutes=1)
    if now > due:
        state = "red"
    elif elapsed >= AMBER_FRACTION * target_minutes:
        state = "amber"
    else:
        state = "ok"
    return Clock(due, state, left)


SEVERITY_ORDER = {Severity.URGENT: 0, Severity.TODAY: 1, Severity.ROUTINE: 2}
