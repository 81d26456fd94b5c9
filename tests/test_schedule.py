"""Dose times and visit windows: counts, order, R-WINDOW clamping and the daylight-saving days."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest

from console.services.course.schedule import (
    MUNICIPAL_WINDOW,
    course_day,
    default_dose_times,
    dose_windows,
    first_visit_window,
    format_dose_times,
    parse_dose_times,
    sample_window,
)
from console.timeutil import LOCAL_TZ, to_local

SPRING = date(2026, 3, 29)  # 02:00 -> 03:00, a 23-hour day
AUTUMN = date(2026, 10, 25)  # 03:00 -> 02:00, a 25-hour day


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_default_dose_times_are_evenly_spread_inside_R_WINDOW(n: int) -> None:
    times = default_dose_times(n)
    assert len(times) == n
    assert times == sorted(set(times))
    assert all(time(7) <= t <= time(22) for t in times)
    if n > 1:
        gaps = [(b.hour * 60 + b.minute) - (a.hour * 60 + a.minute) for a, b in itertools.pairwise(times)]
        assert min(gaps) >= 4 * 60
    assert default_dose_times(1) == [time(8)]
    assert default_dose_times(2) == [time(8), time(20)]
    assert default_dose_times(4) == [time(7), time(12), time(17), time(22)]


@pytest.mark.parametrize("n", [0, 5, -1])
def test_default_dose_times_refuses_other_frequencies(n: int) -> None:
    with pytest.raises(ValueError, match="1-4"):
        default_dose_times(n)


def test_dose_times_text_round_trip() -> None:
    times = default_dose_times(3)
    assert format_dose_times(times) == "07:00,15:00,22:00"
    assert parse_dose_times("22:00, 07:00,15:00,") == times


def test_dose_windows_count_and_order() -> None:
    start, end = date(2026, 5, 4), date(2026, 5, 10)
    windows = dose_windows(start, end, [time(20), time(8), time(14)], 60)
    assert len(windows) == 7 * 3
    assert [w[2] for w in windows] == sorted(w[2] for w in windows)
    assert [(w[0], w[1]) for w in windows[:4]] == [
        (start, time(8)), (start, time(14)), (start, time(20)), (start + timedelta(days=1), time(8))
    ]
    assert windows[-1][0] == end
    for day, at, lo, hi in windows:
        assert lo.tzinfo is UTC
        assert hi.tzinfo is UTC
        assert to_local(lo) == datetime.combine(day, at, LOCAL_TZ) - timedelta(hours=1)
        assert hi - lo == timedelta(minutes=120)


def test_dose_windows_empty_when_end_before_start() -> None:
    assert dose_windows(date(2026, 5, 4), date(2026, 5, 3), [time(8)], 60) == []


def test_dose_windows_in_summer_and_winter_are_utc_offset_by_the_season() -> None:
    (_, _, winter, _), = dose_windows(date(2026, 1, 15), date(2026, 1, 15), [time(8)], 0)
    (_, _, summer, _), = dose_windows(date(2026, 7, 15), date(2026, 7, 15), [time(8)], 0)
    assert (winter.hour, summer.hour) == (7, 6)


@pytest.mark.parametrize("day", [SPRING, AUTUMN])
@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_dose_windows_on_DST_change_days_keep_real_length_and_wall_times(day: date,
                                                                         minutes: int) -> None:
    times = default_dose_times(4)
    windows = dose_windows(day - timedelta(days=1), day + timedelta(days=1), times, minutes)
    assert len(windows) == 12
    for d, at, lo, hi in windows:
        assert hi - lo == timedelta(minutes=2 * minutes)  # real minutes, on the UTC line
        dose = to_local(lo + timedelta(minutes=minutes))
        assert (dose.date(), dose.time()) == (d, at)  # the local wall time asked for


def test_dose_window_across_the_DST_change_itself_is_real_minutes() -> None:
    # A dose at 02:30 on the autumn day (a repeated hour) and at 03:30 on the spring day
    # (right after the missing hour): the window is still 2 x 60 real minutes.
    (_, _, lo, hi), = dose_windows(AUTUMN, AUTUMN, [time(2, 30)], 60)
    assert hi - lo == timedelta(hours=2)
    assert lo == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)  # first 02:30 (CEST) - 1 h
    (_, _, lo, hi), = dose_windows(SPRING, SPRING, [time(3, 30)], 90)
    assert hi - lo == timedelta(hours=3)
    assert to_local(lo).strftime("%d %H:%M") == "29 01:00"  # 03:30 CEST - 90 min = 01:00 CET
    assert to_local(hi).strftime("%d %H:%M") == "29 05:00"


@pytest.mark.parametrize("day", [SPRING, AUTUMN, date(2026, 6, 1)])
def test_clamped_windows_stay_inside_R_WINDOW(day: date) -> None:
    windows = dose_windows(day, day, default_dose_times(4), 90, clamp_to=MUNICIPAL_WINDOW)
    for d, _at, lo, hi in windows:
        assert to_local(lo).date() == d == to_local(hi).date()
        assert time(7) <= to_local(lo).time()
        assert to_local(hi).time() <= time(23)
        assert lo < hi
    first, last = windows[0], windows[-1]
    assert to_local(first[2]).time() == time(7)  # 07:00 - 90 min clamped to 07:00
    assert to_local(first[3]).time() == time(8, 30)
    assert to_local(last[2]).time() == time(20, 30)
    assert to_local(last[3]).time() == time(23)  # 22:00 + 90 min clamped to 23:00
    assert last[3] - last[2] == timedelta(minutes=150)


def test_clamp_refuses_a_dose_time_outside_R_WINDOW() -> None:
    with pytest.raises(ValueError, match="06:00"):
        dose_windows(SPRING, SPRING, [time(6), time(12)], 60, clamp_to=MUNICIPAL_WINDOW)


def test_first_visit_window_follows_admission_rounded_to_quarter_hour() -> None:
    admitted = datetime.combine(date(2026, 5, 4), time(10, 7), LOCAL_TZ)
    lo, hi = first_visit_window(admitted, 60)
    assert to_local(lo).time() == time(11, 15)
    assert hi - lo == timedelta(hours=2)
    on_the_quarter = datetime.combine(date(2026, 5, 4), time(10, 0), LOCAL_TZ)
    assert to_local(first_visit_window(on_the_quarter, 60)[0]).time() == time(11, 0)


def test_first_visit_window_stays_inside_the_day_span() -> None:
    late = datetime.combine(AUTUMN, time(22, 10), LOCAL_TZ)
    lo, hi = first_visit_window(late, 60)
    assert (to_local(lo).time(), to_local(hi).time()) == (time(21), time(23))
    early = datetime.combine(SPRING, time(4, 0), LOCAL_TZ)
    lo, hi = first_visit_window(early, 60)
    assert (to_local(lo).time(), to_local(hi).time()) == (time(7), time(9))
    assert hi - lo == timedelta(hours=2)


def test_sample_window_is_on_course_day_three() -> None:
    first = date(2026, 3, 27)
    day, lo, hi = sample_window(first, 3)
    assert day == course_day(first, 3) == SPRING
    assert (to_local(lo).time(), to_local(hi).time()) == (time(8), time(11))
    assert hi - lo == timedelta(hours=3)
