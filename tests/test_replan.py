"""Re-plan from now (issue 18, R-SHIFT): done and pinned visits never move, the proposal carries a
diff against the routes as they are (visits that change car or ETA, cars freed), and saving the
proposal writes exactly that diff."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Visit, VisitStatus
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.planner import PlanProposal, propose_plan, save_plan
from console.timeutil import utc_at
from tests.factories import DISPATCHER, add_ward_staff
from tests.test_dispatch import DAY, add_visit, assign, make_shifts, visit_of

ROOMY = 60.0


@pytest.fixture
def ward(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    return sqlite_db


def replan(db: Database, **kw: object) -> PlanProposal:
    kw.setdefault("iterations", 600)
    kw.setdefault("time_limit", ROOMY)
    with read_only(db, DISPATCHER) as s:
        return propose_plan(s, DAY, **kw)  # type: ignore[arg-type]


def stored(db: Database) -> dict[int, tuple[int | None, object]]:
    with read_only(db) as s:
        return {v.id: (v.shift_car_id, v.eta) for v in s.scalars(select(Visit))}


def test_R_SHIFT_the_diff_is_what_gets_saved(ward: Database) -> None:
    cars = make_shifts(ward)
    calls = {i: call for (call, kind), i in cars.items()}
    # Two Næstved visits on a Holbæk car and one on a Næstved car: the plan moves and re-times.
    far = [add_visit(ward, "10:00", "13:00", dlat=0.01 * n) for n in range(2)]
    for v in far:
        assign(ward, v, cars[("HOL-1", "day")])
    near = add_visit(ward, "09:00", "14:00", dlat=0.03)
    assign(ward, near, cars[("NAE-2", "day")])
    tray = add_visit(ward, "11:00", "12:00", dlat=0.02)
    before = stored(ward)
    proposal = replan(ward)
    diff = proposal.diff
    assert diff is not None
    moved = {m.visit_id: m for m in diff.moves}
    assert tray in moved
    assert moved[tray].from_car is None
    assert "HOL-1" in diff.cars_freed  # fewest cars: the far car's visits go to Næstved
    for m in diff.moves:
        assert (m.from_car, m.from_eta) == (calls.get(before[m.visit_id][0]), before[m.visit_id][1])
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
    after = stored(ward)
    for visit_id, (car, eta) in after.items():
        if visit_id in moved:
            assert (calls.get(car), eta) == (moved[visit_id].to_car, moved[visit_id].to_eta)
        else:
            assert (car, eta) == before[visit_id]


def test_R_SHIFT_replanning_from_now_never_moves_done_or_pinned_visits(ward: Database) -> None:
    cars = make_shifts(ward)
    done = add_visit(ward, "07:30", "08:30")
    assign(ward, done, cars[("NAE-1", "day")])
    with unit_of_work(ward, "system") as s:
        s.get(Visit, done).status = VisitStatus.DONE  # type: ignore[union-attr]
    pinned = add_visit(ward, "12:00", "14:00", town="Ringsted")
    assign(ward, pinned, cars[("HOL-2", "day")], pin=True)  # a poor car for it, but pinned
    stuck = add_visit(ward, "12:00", "14:00", town="Guldborgsund")
    assign(ward, stuck, cars[("HOL-3", "day")], pin=True)  # no longer fits from 11:00: stays
    later = add_visit(ward, "12:00", "14:00", dlat=0.02)
    assign(ward, later, cars[("NAE-3", "day")])
    before_done, before_pinned = visit_of(ward, done), visit_of(ward, pinned)
    proposal = replan(ward, now=utc_at(DAY, time(11, 0)))
    assert proposal.diff is not None
    moved = {m.visit_id: m for m in proposal.diff.moves}
    assert done not in moved
    assert pinned not in moved or moved[pinned].to_car == "HOL-2"  # re-timed at most
    assert stuck not in moved  # reported, and left as it was
    assert stuck in {u.visit_id for u in proposal.unassigned if u.pinned}
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
    after_done, after_pinned = visit_of(ward, done), visit_of(ward, pinned)
    assert (after_done.version, after_done.shift_car_id, after_done.eta) == (
        before_done.version, before_done.shift_car_id, before_done.eta)
    assert after_pinned.shift_car_id == before_pinned.shift_car_id
    assert after_pinned.pinned
    assert after_pinned.eta is not None
    assert after_pinned.eta >= utc_at(DAY, time(11, 0))
    assert visit_of(ward, stuck).shift_car_id == cars[("HOL-3", "day")]


def test_an_unchanged_day_plans_no_moves(ward: Database) -> None:
    cars = make_shifts(ward)
    only = add_visit(ward, "09:00", "10:00")
    first = replan(ward)
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, first)
    assert visit_of(ward, only).shift_car_id in cars.values()
    again = replan(ward)  # warm-started from the saved routes, which are already the best
    assert again.diff is not None
    assert again.diff.moves == ()
    assert again.diff.cars_freed == ()
