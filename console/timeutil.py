"""Time on the ward: store aware UTC, show Europe/Copenhagen, a ward day is a local date.

Design rule 6: every stored instant is timezone-aware UTC; a "day" (census day, round day,
dose day) is a local calendar date in Copenhagen, so its UTC bounds are 23 or 25 hours long on
the daylight-saving change days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Convert an aware datetime to UTC; refuse naive ones (they are ambiguous)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: give a timezone (local times are Europe/Copenhagen)")
    return value.astimezone(UTC)


def local_datetime(day: date, at: time) -> datetime:
    """The aware instant of a local wall-clock time on a ward day.

    Non-existent local times (the spring-forward hour) resolve forward, as zoneinfo does with
    fold=0; repeated ones (autumn) take the first occurrence.
    """
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=LOCAL_TZ)
    # Normalise through UTC so a non-existent time (02:30 on the spring change day) becomes real.
    return aware.astimezone(UTC).astimezone(LOCAL_TZ)


def utc_at(day: date, at: time) -> datetime:
    """The aware UTC instant of a local wall-clock time on a ward day."""
    return local_datetime(day, at).astimezone(UTC)


def ward_day_bounds(day: date) -> tuple[datetime, datetime]:
    """UTC [start, end) of a local ward day."""
    start = local_datetime(day, time(0, 0)).astimezone(UTC)
    end = local_datetime(day + timedelta(days=1), time(0, 0)).astimezone(UTC)
    return start, end


def local_date(value: datetime) -> date:
    """The ward day an instant falls on."""
    return as_utc(value).astimezone(LOCAL_TZ).date()


def to_local(value: datetime) -> datetime:
    return as_utc(value).astimezone(LOCAL_TZ)


def format_local(value: datetime | None, fmt: str = "%H:%M") -> str:
    return "" if value is None else to_local(value).strftime(fmt)


def today_local() -> date:
    return now_utc().astimezone(LOCAL_TZ).date()
