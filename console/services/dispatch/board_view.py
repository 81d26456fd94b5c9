"""The Dispatch screen's board in one read: lanes per car with their drives, and the tray.

``load_board(session, day)`` gathers the shift and MBE visit rows of a ward day into frozen
``Lane``/``LaneBlock`` rows with the drive before every planned stop (the travel provider,
whole minutes rounded up, as the dispatch arithmetic), and each tray visit's nearest base and
the shift kinds its window fits (``rules``: the tray filter and Auto-plan agree). The screen
only draws what this computes (R-SHIFT, R-FIRST).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import MbeBase
from console.services.core.travel import Place, travel_provider
from console.services.dispatch.breaks import Window, break_window, rest_stop
from console.services.dispatch.replan_offer import ReplanOffer, replan_offer
from console.services.dispatch.routes import MbeVisitRow, ShiftRow, list_shifts, mbe_visits
from console.services.dispatch.routing import (
    Rested,
    StopTime,
    TimedStop,
    minutes_after,
    route_times_rested,
)
from console.services.dispatch.rules import fits_shift, nearest
from console.timeutil import now_utc


@dataclass(frozen=True, slots=True)
class LaneBlock:
    """A visit on a car: where it sits (its ETA, else its window start) and the drive that
    brings the car to it (leaving the previous place at ``travel_from``)."""

    visit: MbeVisitRow
    start: datetime
    travel_from: datetime | None
    travel_minutes: int
    late_minutes: int = 0  # started after its window closed by this much (R-SHIFT)
    slack_minutes: int | None = None  # could start this much later and break nothing (planned)

    @property
    def visit_id(self) -> int:
        return self.visit.visit_id

    @property
    def done(self) -> bool:
        return self.visit.status == "done"

    @property
    def late(self) -> bool:
        """Starts after its window closes, or makes a later stop or the return late."""
        return not self.done and (self.late_minutes > 0 or (self.slack_minutes or 0) < 0)


@dataclass(frozen=True, slots=True)
class Lane:
    """One car in one shift, and its route (planned and done stops, in route order)."""

    shift_car_id: int
    shift_id: int
    base: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    call_sign: str
    crew: str | None
    in_service: bool
    version: int
    blocks: tuple[LaneBlock, ...]
    driving_minutes: int
    home_from: datetime | None  # when the car leaves its last planned stop for the base
    home_minutes: int
    out_of_service_reason: str | None = None  # R-SHIFT: why the car is off the road
    rest_at: datetime | None = None  # the crew's break at the base (R-BREAK)
    rest_minutes: int = 0

    @property
    def planned(self) -> tuple[LaneBlock, ...]:
        return tuple(b for b in self.blocks if not b.done)

    def missed(self, now: datetime) -> tuple[LaneBlock, ...]:
        """Planned stops that can no longer meet their window at ``now``: the route as ordered
        makes them (or a later stop) late, or the window closed and the visit is not done."""
        return tuple(b for b in self.planned if b.late or b.visit.window_end <= now)

    @property
    def returns_at(self) -> datetime:
        if self.home_from is None:
            return self.starts_at
        return self.home_from + timedelta(minutes=self.home_minutes)


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    day: date
    shifts: tuple[ShiftRow, ...]
    visits: tuple[MbeVisitRow, ...]
    lanes: tuple[Lane, ...]
    nearest_base: dict[int, str]  # tray visit id -> base name (by travel time)
    fits: dict[int, frozenset[str]]  # tray visit id -> shift kinds its window fits
    offer: ReplanOffer = field(default_factory=ReplanOffer)  # why the board offers a re-plan now (issue 18)

    @property
    def tray(self) -> tuple[MbeVisitRow, ...]:
        return tuple(v for v in self.visits if v.status == "planned" and v.shift_car_id is None)

    def visit(self, visit_id: int) -> MbeVisitRow | None:
        return next((v for v in self.visits if v.visit_id == visit_id), None)

    def lane(self, shift_car_id: int) -> Lane | None:
        return next((ln for ln in self.lanes if ln.shift_car_id == shift_car_id), None)


def build_lanes(shifts: Sequence[ShiftRow], visits: Iterable[MbeVisitRow],
                bases: dict[int, Place], minutes: Callable[[Place, Place], int],
                rests: Mapping[int, Window | None] | None = None) -> tuple[Lane, ...]:
    """Lanes in the services' order (base, then day before evening, then call sign);
    ``rests`` holds each shift's break window (R-BREAK, ``breaks.break_window``)."""
    on_car: dict[int, list[MbeVisitRow]] = {}
    for v in visits:
        if v.shift_car_id is not None and v.status in ("planned", "done"):
            on_car.setdefault(v.shift_car_id, []).append(v)
    lanes = []
    for s in shifts:
        base = bases.get(s.base_id)
        for car in s.cars:
            stops = sorted(on_car.get(car.shift_car_id, []), key=lambda v: (
                v.route_order is None, v.route_order or 0, v.eta or v.window_start))
            window = (rests or {}).get(s.shift_id)
            times, rest = _times(s, stops, base, minutes, window)
            blocks, t, here, driving, planned = [], s.starts_at, base, 0, 0
            for v in stops:
                start, leg, leaves, timed = v.eta or v.window_start, 0, None, times.get(v.visit_id)
                if v.status == "planned" and base is not None and here is not None:
                    if rest is not None and rest.rest_after == planned and rest.rest_at is not None:
                        driving += minutes(here, base) if here is not base else 0
                        here = base  # back at base for the break, out again after it
                        t = s.starts_at + timedelta(minutes=rest.rest_at + _length(window))
                    planned += 1
                    spot = Place(v.lat, v.lon)
                    leg, leaves = minutes(here, spot), t
                    driving += leg
                    if timed is not None:
                        start = s.starts_at + timedelta(minutes=timed.start)
                    here, t = spot, start + timedelta(minutes=v.service_minutes)
                blocks.append(LaneBlock(v, start, leaves, leg, timed.late_by if timed else 0,
                                        timed.slack if timed else None))
            away = base is not None and here is not None and here is not base
            home = minutes(here, base) if away and here is not None and base is not None else 0
            lanes.append(Lane(car.shift_car_id, s.shift_id, s.base, s.kind, s.starts_at,
                              s.ends_at, car.call_sign, car.crew, car.in_service, car.version,
                              tuple(blocks), driving + home, t if away else None, home,
                              car.out_of_service_reason, *_rest_of(s.starts_at, rest, window)))
    return tuple(lanes)


def _length(window: Window | None) -> int:
    return 0 if window is None else window[2]


def _rest_of(ref: datetime, rest: Rested | None,
             window: Window | None) -> tuple[datetime | None, int]:
    if rest is None or rest.rest_at is None:
        return None, 0
    return ref + timedelta(minutes=rest.rest_at), _length(window)


def _times(s: ShiftRow, stops: Sequence[MbeVisitRow], base: Place | None,
           minutes: Callable[[Place, Place], int],
           window: Window | None) -> tuple[dict[int, StopTime], Rested | None]:
    """Every planned stop's start, lateness and slack as the car drives them in this order,
    with the crew's break (R-BREAK) at its best place, recomputed from the route
    (``routing.route_times_rested``, the arithmetic of a hand assignment): after a manual move
    the board shows what the new order does, not what was stored."""
    planned = [v for v in stops if v.status == "planned"]
    if base is None or not planned:
        return {}, None
    places = [base, *(Place(v.lat, v.lon) for v in planned)]
    matrix = [[minutes(a, b) if a is not b else 0 for b in places] for a in places]
    ref = s.starts_at
    timed = [TimedStop(v.visit_id, n, minutes_after(ref, v.window_start, up=True),
                       minutes_after(ref, v.window_end, up=False), v.service_minutes)
             for n, v in enumerate(planned, start=1)]
    rested = route_times_rested(timed, rest_stop(window, ref, 0), matrix, depot=0, start=0,
                                end=minutes_after(ref, s.ends_at, up=False))
    return {t.visit_id: t for t in rested.times}, rested


def load_board(session: Session, day: date, now: datetime | None = None) -> BoardSnapshot:
    """Everything the Dispatch screen shows for a ward day (runs in the worker), with the
    re-plan the board offers at ``now`` (the clock's now when None; ``replan_offer``)."""
    shifts = list_shifts(session, day)
    visits = mbe_visits(session, day)
    provider = travel_provider(session)
    # Plain columns, no ORM objects: where each base is (the drive to the first stop and home).
    bases = {i: Place(lat, lon) for i, lat, lon in
             session.execute(select(MbeBase.id, MbeBase.lat, MbeBase.lon))}
    names = {s.base_id: s.base for s in shifts}

    def drive(a: Place, b: Place) -> int:
        return 0 if a == b else math.ceil(provider.minutes(a, b))  # as travel.minutes_matrix

    nearest_base: dict[int, str] = {}
    fits: dict[int, frozenset[str]] = {}
    staffed = {b: bases[b] for b in names}
    for v in visits:
        if v.shift_car_id is None and v.status == "planned":
            if staffed:
                nearest_base[v.visit_id] = names[nearest(staffed, Place(v.lat, v.lon), drive)]
            fits[v.visit_id] = frozenset(
                s.kind for s in shifts
                if fits_shift(v.window_start, v.window_end, v.service_minutes, s.starts_at,
                              s.ends_at))
    rests = {s.shift_id: break_window(session, s.starts_at, s.ends_at) for s in shifts}
    lanes = build_lanes(shifts, visits, bases, drive, rests)
    now = now or now_utc()
    tray = [v for v in visits if v.shift_car_id is None and v.status == "planned"]
    missed = [(ln.call_sign, b.visit_id) for ln in lanes if ln.in_service for b in ln.missed(now)]
    return BoardSnapshot(day, tuple(shifts), tuple(visits), lanes, nearest_base, fits,
                         replan_offer(session, day, shifts, tray, missed, now, nearest_base, fits))
