"""What a proposed plan changes against the routes as they are (issue 18: re-plan from now).

The dispatcher sees, before accepting, which visits change car (or go to or come from the tray),
which keep their car but get another ETA, and which cars the plan frees or adds. ``save_plan``
writes exactly the proposal, so the diff is what gets saved (tests hold it to that). Done,
missed and cancelled visits are not in the plan, and pinned ones keep their car, so neither ever
appears as a move.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from console.services.dispatch.plan_types import PlanDiff, PlannedRoute, VisitMove


@dataclass(frozen=True, slots=True)
class Current:
    """A visit of the plan's scope as it is: its car (shift car id) and ETA."""

    patient: str
    shift_car_id: int | None
    eta: datetime | None


def diff_plan(current: Mapping[int, Current], routes: Sequence[PlannedRoute],
              calls: Mapping[int, str]) -> PlanDiff:
    """``current`` holds every visit the plan considered; ``calls`` names every shift car."""
    planned = {s.visit_id: (r.shift_car_id, s.eta) for r in routes for s in r.stops}
    moves = []
    for visit_id in sorted(current):
        now = current[visit_id]
        car, eta = planned.get(visit_id, (None, None))
        if (car, eta) != (now.shift_car_id, now.eta):
            moves.append(VisitMove(visit_id, now.patient, _call(calls, now.shift_car_id),
                                   _call(calls, car), now.eta, eta))
    before = {c.shift_car_id for c in current.values() if c.shift_car_id is not None}
    after = {r.shift_car_id for r in routes if r.stops}
    return PlanDiff(tuple(moves), tuple(sorted(calls[c] for c in before - after)),
                    tuple(sorted(calls[c] for c in after - before)))


def _call(calls: Mapping[int, str], shift_car_id: int | None) -> str | None:
    return None if shift_car_id is None else calls[shift_car_id]
