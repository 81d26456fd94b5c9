"""When the board offers a re-plan by itself (issue 18), and why.

The dispatcher re-plans by hand with Auto-plan; the board also offers it, once, when today's plan
no longer holds:

- **waiting**: MBE visits in the tray that reached it *after the day's last accepted plan that
  covered them* (a visit added, or sent back to the tray when its car went out of service) and
  can still be served today: the window has not closed, and a car in service has a shift with
  time left in which the visit fits (R-SHIFT, ``rules.fits_shift`` from now on). A plan covers a
  tray visit as Auto-plan's scope does: all bases or the visit's nearest base, both shifts or a
  shift kind its window fits. A visit the last such plan could not place is not offered again;
  one no plan has covered yet is.
- **late**: planned stops on cars in service that can no longer meet their window
  (``board_view.Lane.missed``): the route as ordered starts them after the window or makes a
  later stop late, or the window closed before now and the visit is not registered done.

Only for today: on any other day there is no "now" to re-plan from. Pure reads; no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import RoutePlan, Visit
from console.services.dispatch.routes import MbeVisitRow, ShiftRow
from console.services.dispatch.rules import fits_shift
from console.timeutil import local_date


@dataclass(frozen=True, slots=True)
class ReplanOffer:
    """Visit ids behind the offer; empty tuples: nothing to offer."""

    waiting: tuple[int, ...] = ()  # in the tray since the last plan, still servable today
    late: tuple[int, ...] = ()  # on a car, and can no longer meet its window
    late_cars: tuple[str, ...] = ()  # call signs of the cars with a late stop
    planned: bool = False  # a plan was accepted for the day ("since the last plan")

    def __bool__(self) -> bool:
        return bool(self.waiting or self.late)


def servable(visit: MbeVisitRow, shifts: Sequence[ShiftRow], now: datetime) -> bool:
    """R-SHIFT from now on: a car in service has a shift in which the visit can still start in
    its window and end before the shift does."""
    return any(any(c.in_service for c in s.cars)
               and fits_shift(max(visit.window_start, now), visit.window_end,
                              visit.service_minutes, max(s.starts_at, now), s.ends_at)
               for s in shifts)


def replan_offer(session: Session, day: date, shifts: Sequence[ShiftRow],
                 tray: Sequence[MbeVisitRow], missed: Sequence[tuple[str, int]],
                 now: datetime, nearest_base: Mapping[int, str],
                 fits: Mapping[int, frozenset[str]]) -> ReplanOffer:
    """What the board offers to re-plan on ``day`` at ``now`` (see the module's rules);
    ``missed`` holds (call sign, visit id) of the stops that can no longer meet their window,
    ``nearest_base`` and ``fits`` each tray visit's base and shift kinds (the plan's scope)."""
    if day != local_date(now):
        return ReplanOffer()
    open_now = [v.visit_id for v in tray if servable(v, shifts, now)]
    plans = session.execute(select(RoutePlan.base, RoutePlan.shift_kind, RoutePlan.saved_at)
                            .where(RoutePlan.day == day)).all()

    def last_covering(visit_id: int) -> datetime | None:
        return max((at for base, kind, at in plans
                    if base in (None, nearest_base.get(visit_id))
                    and (kind is None or kind in fits.get(visit_id, ()))), default=None)

    changed: dict[int, datetime | None] = {}
    if plans and open_now:
        changed = dict(session.execute(
            select(Visit.id, Visit.updated_at).where(Visit.id.in_(open_now))).all())

    def offered(visit_id: int) -> bool:
        seen, at = last_covering(visit_id), changed.get(visit_id)
        return seen is None or (at is not None and at > seen)

    open_now = [i for i in open_now if offered(i)]
    return ReplanOffer(tuple(open_now), tuple(v for _, v in missed),
                       tuple(sorted({car for car, _ in missed})), bool(plans))
