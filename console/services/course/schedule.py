"""Dose times and visit windows: pure calendar arithmetic, no database, no Qt.

A ward day is a local date (Europe/Copenhagen); every instant returned is aware UTC. Windows are
computed on the UTC timeline, so a window is always exactly as long in real minutes as asked,
also on the daylight-saving change days (design rule 6).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from console.timeutil import local_date, utc_at

# R-WINDOW: municipal administrations happen between 07:00 and 23:00 local time.
MUNICIPAL_WINDOW: tuple[time, time] = (time(7, 0), time(23, 0))

# Evenly spread inside 07:00-23:00, leaving room for a ±60 min window at the evening end.
_DEFAULT_DOSE_TIMES: dict[int, tuple[time, ...]] = {
    1: (time(8, 0),),
    2: (time(8, 0), time(20, 0)),
    3: (time(7, 0), time(15, 0), time(22, 0)),
    4: (time(7, 0), time(12, 0), time(17, 0), time(22, 0)),
}

DoseWindow = tuple[date, time, datetime, datetime]


def default_dose_times(doses_per_day: int) -> list[time]:
    """Sensible local dose times for 1-4 doses a day, all inside R-WINDOW."""
    try:
        return list(_DEFAULT_DOSE_TIMES[doses_per_day])
    except KeyError:
        raise ValueError(f"doses per day must be 1-4, not {doses_per_day}") from None


def format_dose_times(times: list[time]) -> str:
    """``[08:00, 20:00]`` -> ``"08:00,20:00"`` (the ``regimen.dose_times`` column)."""
    return ",".join(t.strftime("%H:%M") for t in times)


def parse_dose_times(text: str) -> list[time]:
    """``"08:00,20:00"`` -> sorted times; blanks are ignored."""
    return sorted(time.fromisoformat(part.strip()) for part in text.split(",") if part.strip())


def days(start: date, end: date) -> list[date]:
    """The local dates from ``start`` to ``end`` inclusive (empty when end < start)."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def course_day(first_day: date, n: int) -> date:
    """The local date of course day ``n`` (day 1 is the admission day)."""
    return first_day + timedelta(days=n - 1)


def local_window(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """UTC bounds of a local wall-clock window on one ward day."""
    return utc_at(day, start), utc_at(day, end)


def _clamp(day: date, start: datetime, end: datetime,
           clamp_to: tuple[time, time] | None) -> tuple[datetime, datetime]:
    if clamp_to is None:
        return start, end
    lo, hi = local_window(day, *clamp_to)
    return max(start, lo), min(end, hi)


def dose_windows(
    start: date,
    end: date,
    dose_times: list[time],
    window_minutes: int,
    clamp_to: tuple[time, time] | None = None,
) -> list[DoseWindow]:
    """One ``(day, dose time, window_start_utc, window_end_utc)`` per dose per day, in order.

    The window is the dose time ± ``window_minutes`` in real time. With ``clamp_to`` (e.g.
    ``MUNICIPAL_WINDOW`` for R-WINDOW) a window never leaves that local span; a dose time outside
    it is refused.
    """
    if window_minutes < 0:
        raise ValueError("window_minutes cannot be negative")
    ordered = sorted(dose_times)
    if clamp_to is not None:
        outside = [t for t in ordered if not clamp_to[0] <= t <= clamp_to[1]]
        if outside:
            raise ValueError(
                f"dose time {outside[0]:%H:%M} is outside {clamp_to[0]:%H:%M}-{clamp_to[1]:%H:%M}"
            )
    half = timedelta(minutes=window_minutes)
    out: list[DoseWindow] = []
    for day in days(start, end):
        for at in ordered:
            dose = utc_at(day, at)
            lo, hi = _clamp(day, dose - half, dose + half, clamp_to)
            out.append((day, at, lo, hi))
    return out


def first_visit_window(
    admitted_at: datetime,
    window_minutes: int,
    *,
    lead_minutes: int = 60,
    clamp_to: tuple[time, time] | None = MUNICIPAL_WINDOW,
) -> tuple[datetime, datetime]:
    """The MBE's first visit (R-FIRST): from ``lead_minutes`` after admission, rounded up to the
    quarter hour, lasting ``2 * window_minutes``; kept inside ``clamp_to`` on the admission day
    when given (a late admission gets the window at the end of that span)."""
    at = admitted_at.astimezone(UTC) + timedelta(minutes=lead_minutes)
    spare = (at.minute % 15) * 60 + at.second + at.microsecond / 1e6
    if spare:
        at += timedelta(seconds=15 * 60 - spare)
    length = timedelta(minutes=2 * window_minutes)
    start, end = at, at + length
    if clamp_to is None:
        return start, end
    day = local_date(admitted_at)
    lo, hi = local_window(day, *clamp_to)
    if start < lo:
        start, end = lo, lo + length
    if end > hi:
        start, end = max(lo, hi - length), hi
    return start, end


def sample_window(
    first_day: date, crp_day: int, start: time = time(8, 0), end: time = time(11, 0)
) -> tuple[date, datetime, datetime]:
    """The blood sample on course day ``crp_day`` (R-CRP3): its date and UTC window."""
    day = course_day(first_day, crp_day)
    lo, hi = local_window(day, start, end)
    return day, lo, hi
