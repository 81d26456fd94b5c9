"""Route times in whole minutes: the arithmetic a hand assignment and the planner share.

Pure (no database, no Qt), so both front ends agree on what fits. A car leaves its base at the
shift start, drives to each stop in order, waits when early, must *start* each visit by its
window end, and must be back at base by the shift end (R-SHIFT). Window starts are rounded up
and window ends down to the minute, travel minutes are rounded up by the travel provider, so the
integer problem is never looser than the real one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class TimedStop:
    """A stop in whole minutes after a reference instant; ``late`` is the latest service start."""

    visit_id: int
    node: int
    early: int
    late: int
    service: int


@dataclass(frozen=True, slots=True)
class Breach:
    """A broken limit: a visit started after its window closed, or (``visit_id`` None) the car
    came back to base after the shift end."""

    visit_id: int | None
    at: int
    limit: int

    @property
    def minutes(self) -> int:
        return self.at - self.limit


@dataclass(frozen=True, slots=True)
class Schedule:
    starts: tuple[int, ...]
    back_at: int
    driving: int
    breaches: tuple[Breach, ...]

    @property
    def feasible(self) -> bool:
        return not self.breaches

    @property
    def lateness(self) -> int:
        return sum(b.minutes for b in self.breaches)


def minutes_after(ref: datetime, at: datetime, *, up: bool) -> int:
    """Whole minutes from ``ref`` to ``at``; round window starts up and window ends down, so the
    integer problem is never looser than the real one."""
    seconds = (at - ref).total_seconds() / 60
    return math.ceil(seconds) if up else math.floor(seconds)


def schedule_route(stops: Sequence[TimedStop], minutes: Sequence[Sequence[int]], *, depot: int,
                   start: int, end: int) -> Schedule:
    """Earliest service starts along ``stops`` in this order, leaving ``depot`` at ``start``.

    Lateness propagates: after a late stop the rest of the route is computed from the late time,
    so every broken limit is reported with the minutes it is broken by.
    """
    t, here, driving = start, depot, 0
    starts: list[int] = []
    breaches: list[Breach] = []
    for stop in stops:
        leg = minutes[here][stop.node]
        driving += leg
        t = max(t + leg, stop.early)
        if t > stop.late:
            breaches.append(Breach(stop.visit_id, t, stop.late))
        starts.append(t)
        t += stop.service
        here = stop.node
    leg = minutes[here][depot]
    driving += leg
    t += leg
    if t > end:
        breaches.append(Breach(None, t, end))
    return Schedule(tuple(starts), t, driving, tuple(breaches))


def best_insertion(stops: Sequence[TimedStop], new: TimedStop, minutes: Sequence[Sequence[int]], *,
                   depot: int, start: int, end: int) -> tuple[int, Schedule]:
    """The position for ``new`` that keeps the route feasible with the least driving; when no
    position is feasible, the one that breaks the limits by the fewest minutes."""
    best: tuple[tuple[int, int, int], int, Schedule] | None = None
    for pos in range(len(stops) + 1):
        trial = [*stops[:pos], new, *stops[pos:]]
        sched = schedule_route(trial, minutes, depot=depot, start=start, end=end)
        key = (sched.lateness, sched.driving, sched.back_at)
        if best is None or key < best[0]:
            best = (key, pos, sched)
    assert best is not None
    return best[1], best[2]


@dataclass(frozen=True, slots=True)
class StopTime:
    """One stop of a route as driven in its order: when it starts, how many minutes after its
    window closed (0: on time), and its slack: how many minutes later it could start before it,
    a later stop or the return to base breaks a limit (waiting absorbs delay; negative when the
    route is already late from here on)."""

    visit_id: int
    start: int
    late_by: int
    slack: int


def route_times(stops: Sequence[TimedStop], minutes: Sequence[Sequence[int]], *, depot: int,
                start: int, end: int) -> tuple[Schedule, tuple[StopTime, ...]]:
    """:func:`schedule_route` and every stop's :class:`StopTime` (forward time slack, computed
    from the last stop back: a stop's slack is the smaller of its own window's and the next
    stop's slack plus the wait before it)."""
    sched = schedule_route(stops, minutes, depot=depot, start=start, end=end)
    waits: list[int] = []
    t, here = start, depot
    for stop, begins in zip(stops, sched.starts, strict=True):
        waits.append(begins - (t + minutes[here][stop.node]))
        t, here = begins + stop.service, stop.node
    times: list[StopTime] = []
    after = end - sched.back_at  # the return to base: its slack, and no wait before it
    wait_next = 0
    for stop, begins, wait in reversed(list(zip(stops, sched.starts, waits, strict=True))):
        slack = min(stop.late - begins, after + wait_next)
        times.append(StopTime(stop.visit_id, begins, max(0, begins - stop.late), slack))
        after, wait_next = slack, wait
    return sched, tuple(reversed(times))


# --- the crew's break (R-BREAK, issue 18) -------------------------------------------------------

BREAK_ID = 0  # the "visit id" of a break in the route arithmetic (visit ids start at 1)


@dataclass(frozen=True, slots=True)
class Rested:
    """A route's times with the crew's break at its best place: the schedule and stop times of
    the visits (the break left out of both, its lateness kept among the breaches), where the
    break goes (visits before it) and when it starts; ``rest_at`` None: no break on this route."""

    schedule: Schedule
    times: tuple[StopTime, ...]
    rest_after: int | None = None
    rest_at: int | None = None


def route_times_rested(stops: Sequence[TimedStop], rest: TimedStop | None,
                       minutes: Sequence[Sequence[int]], *, depot: int, start: int,
                       end: int) -> Rested:
    """:func:`route_times` with the break (a stop at the base: ``rest``) where it breaks the
    fewest limits and adds the least driving; a car without visits takes no break here."""
    if rest is None or not stops:
        return Rested(*route_times(stops, minutes, depot=depot, start=start, end=end))
    pos, _ = best_insertion(stops, rest, minutes, depot=depot, start=start, end=end)
    sched, times = route_times([*stops[:pos], rest, *stops[pos:]], minutes, depot=depot,
                               start=start, end=end)
    visits = Schedule(sched.starts[:pos] + sched.starts[pos + 1:], sched.back_at, sched.driving,
                      sched.breaches)
    return Rested(visits, times[:pos] + times[pos + 1:], pos, sched.starts[pos])


def best_insertion_rested(stops: Sequence[TimedStop], new: TimedStop, rest: TimedStop | None,
                          minutes: Sequence[Sequence[int]], *, depot: int, start: int,
                          end: int) -> tuple[int, Rested]:
    """:func:`best_insertion` when the route also holds the crew's break (placed anew for every
    position of ``new``)."""
    best: tuple[tuple[int, int, int], int, Rested] | None = None
    for pos in range(len(stops) + 1):
        trial = route_times_rested([*stops[:pos], new, *stops[pos:]], rest, minutes, depot=depot,
                                   start=start, end=end)
        sched = trial.schedule
        key = (sched.lateness, sched.driving, sched.back_at)
        if best is None or key < best[0]:
            best = (key, pos, trial)
    assert best is not None
    return best[1], best[2]
