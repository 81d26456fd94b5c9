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
