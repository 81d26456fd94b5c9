"""The automatic planner (PyVRP): R-SHIFT (windows, shifts, 4 cars), R-VISIT-LEN, pinned and done
visits on re-plan, reasons for visits no car can take, save conflicts, the demo ward, the CLI."""

from __future__ import annotations

import dataclasses
import json
import re
import time as clock
from collections import Counter
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from console.cli import main
from console.db import Database
from console.models import Setting, ShiftCar, Visit, VisitStatus
from console.services.core.errors import Conflict, InvalidInput, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.demo.seed import seed_demo
from console.services.dispatch.board import set_car_in_service
from console.services.dispatch.planner import PlanProgress, PlanProposal, propose_plan, save_plan
from console.services.dispatch.routes import mbe_visits
from console.timeutil import format_local
from tests.factories import DISPATCHER, add_ward_staff
from tests.test_dispatch import DAY, add_visit, assign, check_route_feasible, make_shifts, visit_of

LIMIT = 0.3  # seconds of search: small instances converge at once


@pytest.fixture
def ward(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    return sqlite_db


def plan(db: Database, **kw: object) -> PlanProposal:
    kw.setdefault("time_limit", LIMIT)
    with read_only(db) as s:
        return propose_plan(s, DAY, **kw)  # type: ignore[arg-type]


def save(db: Database, proposal: PlanProposal, user: str = DISPATCHER) -> None:
    with unit_of_work(db, user) as s:
        save_plan(s, proposal)


def reasons(proposal: PlanProposal) -> dict[int, str]:
    return {u.visit_id: u.reason for u in proposal.unassigned}


def assert_routes_feasible(proposal: PlanProposal) -> None:
    for route in proposal.routes:
        for stop in route.stops:
            assert stop.window_start <= stop.eta <= stop.window_end
            assert route.starts_at <= stop.eta
            assert stop.eta + timedelta(minutes=stop.service_minutes) <= route.ends_at
        etas = [s.eta for s in route.stops]
        assert etas == sorted(etas)
        assert route.returns_at <= route.ends_at


def cars_per_shift(proposal: PlanProposal) -> Counter[tuple[str, str]]:
    return Counter((r.base, r.shift) for r in proposal.routes if r.stops)


def test_R_SHIFT_plan_places_visits_inside_windows_and_shifts(ward: Database) -> None:
    cars = make_shifts(ward)
    ids = [add_visit(ward, f"{h:02d}:00", f"{h + 1:02d}:00", town=town, dlat=0.01 * n)
           for n, (h, town) in enumerate([(8, "Næstved"), (9, "Ringsted"), (11, "Holbæk"),
                                          (13, "Sorø"), (16, "Vordingborg"), (20, "Guldborgsund")])]
    proposal = plan(ward)
    assert proposal.unassigned == ()
    assert sorted(s.visit_id for r in proposal.routes for s in r.stops) == sorted(ids)
    assert_routes_feasible(proposal)
    save(ward, proposal)
    for (_call, _kind), sc in cars.items():
        check_route_feasible(ward, sc)


def test_R_SHIFT_never_more_than_four_cars_per_base_per_shift(ward: Database) -> None:
    make_shifts(ward, extra_car="NAE-5")  # five cars in service: the data is wrong, the plan is not
    for n in range(12):  # more simultaneous visits than four cars can take: one each
        add_visit(ward, "07:00", "07:20", minutes=25, dlat=0.002 * n)
    proposal = plan(ward)
    assert max(cars_per_shift(proposal).values()) <= 4
    assert proposal.placed == 4
    # The reason names the constraint (issue 18): these visits need the shift's four cars.
    assert all(r.startswith("cannot be placed together with ") and
               "can only be served by the 4 car(s) in service" in r and "(R-SHIFT)" in r
               for r in reasons(proposal).values())
    save(ward, proposal)
    with read_only(ward) as s:
        used = set(s.scalars(select(Visit.shift_car_id).where(Visit.shift_car_id.is_not(None))))
    assert len(used) == 4


def test_R_SHIFT_save_counts_the_cars_again(ward: Database) -> None:
    make_shifts(ward, extra_car="NAE-5")
    for n in range(8):
        add_visit(ward, "07:00", "07:20", minutes=25, dlat=0.002 * n)
    with unit_of_work(ward, "system") as s:
        s.merge(Setting(key="max_cars_per_shift", value="5"))
    proposal = plan(ward)
    assert cars_per_shift(proposal)[("Næstved", "day")] == 5
    with unit_of_work(ward, "system") as s:
        s.merge(Setting(key="max_cars_per_shift", value="4"))
    with pytest.raises(RuleViolation) as exc:
        save(ward, proposal)
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "plan")


def test_R_SHIFT_save_rechecks_every_stop_window(ward: Database) -> None:
    make_shifts(ward)
    add_visit(ward, "09:00", "10:00")
    proposal = plan(ward)
    route = next(r for r in proposal.routes if r.stops)
    bad_stop = dataclasses.replace(route.stops[0], eta=route.stops[0].window_end + timedelta(minutes=5))
    bad = dataclasses.replace(proposal, routes=tuple(
        dataclasses.replace(r, stops=(bad_stop,)) if r is route else r for r in proposal.routes))
    with pytest.raises(RuleViolation) as exc:
        save(ward, bad)
    assert exc.value.rule_id == "R-SHIFT"


def test_R_SHIFT_out_of_service_car_gets_nothing(ward: Database) -> None:
    out = tuple(f"NAE-{n}/day" for n in (1, 2, 3))
    make_shifts(ward, out=out)
    for n in range(3):
        add_visit(ward, "09:00", "12:00", dlat=0.01 * n)
    proposal = plan(ward)
    assert {r.car for r in proposal.routes if r.base == "Næstved" and r.shift == "day"} == {"NAE-4"}
    assert not any(r.car in {"NAE-1", "NAE-2", "NAE-3"} and r.shift == "day" and r.stops
                   for r in proposal.routes)
    assert proposal.placed == 3


def test_unplaceable_visits_get_reasons(ward: Database) -> None:
    make_shifts(ward, out=tuple(f"{b}-{n}/evening" for b in ("HOL", "NAE", "NYK") for n in range(1, 5)))
    dawn = add_visit(ward, "05:00", "06:00")
    evening = add_visit(ward, "19:00", "20:00")
    far = add_visit(ward, "07:00", "07:10", town="Kalundborg")
    long = add_visit(ward, "09:00", "12:00", minutes=60)
    ok = add_visit(ward, "09:00", "12:00")
    why = reasons(plan(ward))
    assert set(why) == {dawn, evening, far, long}
    assert why[dawn].startswith("window 05:00–06:00 (20 min) is outside every shift "
                                "(day 07:00–15:00, evening 15:00–23:00)")
    assert why[evening] == "no car in service in the evening shift at any base (R-SHIFT)"
    assert why[far].startswith("not reachable within its window from any base: needs ")
    assert "min after the window closes at 07:10" in why[far]
    assert "R-VISIT-LEN" in why[long]
    assert ok not in why


def test_R_SHIFT_unreachable_before_the_shift_ends(ward: Database) -> None:
    make_shifts(ward, out=tuple(f"{b}-{n}/evening" for b in ("HOL", "NAE", "NYK") for n in range(1, 5)))
    late = add_visit(ward, "14:20", "14:30", minutes=25, town="Kalundborg")
    why = reasons(plan(ward))
    assert "after the day shift ends at 15:00 (R-SHIFT)" in why[late]


def test_pinned_visits_stay_on_their_car_on_replan(ward: Database) -> None:
    cars = make_shifts(ward)
    # A Næstved visit pinned to a Holbæk car: any Næstved car would drive far less.
    pinned = add_visit(ward, "11:00", "13:00")
    assign(ward, pinned, cars[("HOL-2", "day")], pin=True)
    free = add_visit(ward, "11:00", "13:00", town="Guldborgsund")
    assign(ward, free, cars[("HOL-3", "day")])  # not pinned: the planner may move it
    proposal = plan(ward)
    where = {s.visit_id: r.car for r in proposal.routes for s in r.stops}
    assert where[pinned] == "HOL-2"
    # Fewest cars first (issue 18): it rides with the pinned car rather than take a second one.
    assert where[free] == "HOL-2"
    assert sum(1 for r in proposal.routes if r.stops) == 1
    save(ward, proposal)
    assert visit_of(ward, pinned).shift_car_id == cars[("HOL-2", "day")]
    assert visit_of(ward, pinned).pinned
    again = plan(ward)
    assert {s.visit_id: r.car for r in again.routes for s in r.stops}[pinned] == "HOL-2"


def test_pinned_visit_on_a_car_taken_out_of_service_is_left_and_reported(ward: Database) -> None:
    cars = make_shifts(ward)
    pinned = add_visit(ward, "11:00", "13:00")
    assign(ward, pinned, cars[("NAE-1", "day")], pin=True)
    with unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, cars[("NAE-1", "day")], False)
    proposal = plan(ward)
    assert "pinned to NAE-1, which is out of service" in reasons(proposal)[pinned]
    save(ward, proposal)
    assert visit_of(ward, pinned).shift_car_id == cars[("NAE-1", "day")]


def test_done_visits_are_untouched(ward: Database) -> None:
    cars = make_shifts(ward)
    done = add_visit(ward, "07:30", "08:00")
    assign(ward, done, cars[("NAE-1", "day")])
    with unit_of_work(ward, "system") as s:
        s.get(Visit, done).status = VisitStatus.DONE  # type: ignore[union-attr]
    before = visit_of(ward, done)
    new = add_visit(ward, "09:00", "10:00")
    proposal = plan(ward)
    assert done not in {s.visit_id for r in proposal.routes for s in r.stops}
    assert done not in reasons(proposal)
    save(ward, proposal)
    after = visit_of(ward, done)
    assert (after.version, after.shift_car_id, after.route_order, after.eta) == (
        before.version, before.shift_car_id, before.route_order, before.eta)
    stored = visit_of(ward, new)
    if stored.shift_car_id == before.shift_car_id:
        assert stored.route_order == 2  # numbered after the done stop


def test_save_refuses_a_plan_when_a_visit_changed(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "10:00")
    proposal = plan(ward)
    assign(ward, v, cars[("HOL-1", "day")])
    with pytest.raises(Conflict, match=f"visit {v} was changed by {DISPATCHER}"):
        save(ward, proposal)
    assert visit_of(ward, v).shift_car_id == cars[("HOL-1", "day")]


def test_save_refuses_a_plan_when_a_car_changed_or_a_visit_landed(ward: Database) -> None:
    cars = make_shifts(ward)
    add_visit(ward, "09:00", "10:00")
    proposal = plan(ward)
    with unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, cars[("NYK-2", "evening")], False)
    with pytest.raises(Conflict, match="car NYK-2"):
        save(ward, proposal)
    proposal = plan(ward)
    newcomer = add_visit(ward, "16:00", "17:00")
    assign(ward, newcomer, cars[("NAE-1", "evening")])
    with pytest.raises(Conflict, match=f"visit {newcomer} was put on a car"):
        save(ward, proposal)


def test_replan_sends_an_unplaceable_assigned_visit_back_to_the_tray(ward: Database) -> None:
    cars = make_shifts(ward, out=tuple(f"NAE-{n}/day" for n in (2, 3, 4)))
    first = add_visit(ward, "09:00", "09:10", minutes=50, dlat=0.03)
    assign(ward, first, cars[("NAE-1", "day")])
    # The only car in service cannot also make this one, which is nearer its base: the plan
    # takes the nearer one and sends the assigned (un-pinned) one back to the tray.
    rival = add_visit(ward, "09:00", "09:10", minutes=50)
    proposal = plan(ward, base="Næstved", shift="day")
    placed = {s.visit_id for r in proposal.routes for s in r.stops}
    assert placed == {rival}
    # Only NAE-1 reaches either, and it cannot do both: the reason names the pair (issue 18).
    assert re.match(rf"cannot be placed together with \S.* 09:00–09:10 \(#{rival}\): ",
                    reasons(proposal)[first]), reasons(proposal)[first]
    assert "NAE-1 (R-SHIFT)" in reasons(proposal)[first]
    save(ward, proposal)
    assert visit_of(ward, first).shift_car_id is None
    assert visit_of(ward, rival).shift_car_id == cars[("NAE-1", "day")]


def test_scope_by_base_and_shift(ward: Database) -> None:
    make_shifts(ward)
    nae = add_visit(ward, "09:00", "10:00")
    hol = add_visit(ward, "09:00", "10:00", town="Holbæk")
    evening = add_visit(ward, "17:00", "18:00")
    proposal = plan(ward, base="næstved", shift="day")
    assert {r.car.split("-")[0] for r in proposal.routes} == {"NAE"}
    assert {r.shift for r in proposal.routes} == {"day"}
    placed = {s.visit_id for r in proposal.routes for s in r.stops}
    assert placed == {nae}
    assert hol not in reasons(proposal)
    assert evening not in reasons(proposal)
    with pytest.raises(InvalidInput) as exc:
        plan(ward, base="Roskilde")
    assert exc.value.field == "base"


def test_cancel_stops_the_search_and_progress_is_reported(ward: Database) -> None:
    make_shifts(ward)
    for n in range(10):
        add_visit(ward, "08:00", "12:00", town=("Næstved", "Sorø", "Holbæk")[n % 3], dlat=0.01 * n)
    seen: list[PlanProgress] = []
    started = clock.perf_counter()
    proposal = plan(ward, time_limit=30.0, cancel=lambda: len(seen) > 0, on_progress=seen.append)
    assert clock.perf_counter() - started < 10
    assert proposal.cancelled
    assert seen
    assert seen[0].seconds >= 0
    assert_routes_feasible(proposal)


def test_demo_ward_plan_is_feasible_and_keeps_done_visits(ward: Database) -> None:
    with unit_of_work(ward, "system") as s:
        seed_demo(s, day=DAY, seed=1)
    proposal = plan(ward, time_limit=1.0)
    assert proposal.placed > 0
    assert_routes_feasible(proposal)
    assert max(cars_per_shift(proposal).values()) <= 4
    with read_only(ward) as s:
        tray = {v.visit_id for v in mbe_visits(s, DAY) if v.status == "planned"}
        out = {sc.id for sc in s.scalars(select(ShiftCar).where(ShiftCar.in_service.is_(False)))}
    assert {s.visit_id for r in proposal.routes for s in r.stops} | set(reasons(proposal)) == tray
    assert not any(r.shift_car_id in out for r in proposal.routes)
    with unit_of_work(ward, "KNY") as s:  # a dispatcher of the demo ward
        saved = save_plan(s, proposal)
    assert saved.assigned == proposal.placed
    for route in proposal.routes:
        if route.stops:
            check_route_feasible(ward, route.shift_car_id)


# --- CLI ----------------------------------------------------------------------------------------

def test_cli_plan_dry_run_and_save(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    db = open_ward(sqlite_url)
    add_ward_staff(db)
    make_shifts(db)
    ok = add_visit(db, "09:00", "10:00")
    dawn = add_visit(db, "05:00", "06:00")
    db.dispose()
    base = ["--database", sqlite_url, "--user", DISPATCHER, "--date", DAY.isoformat(), "--json",
            "--time-limit", str(LIMIT)]
    code = main(["plan", "--dry-run", *base])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(payload) >= {"routes", "unassigned", "objective"}
    route = next(r for r in payload["routes"] if r["stops"])
    assert set(route) >= {"car", "base", "shift", "stops", "driving_minutes"}
    assert set(route["stops"][0]) >= {"visit_id", "eta", "window_start", "window_end",
                                      "service_minutes"}
    assert route["stops"][0]["visit_id"] == ok
    assert route["stops"][0]["patient"]  # issue 20: a stop names its patient, not only "#5004"
    assert main(["plan", "--dry-run", *[a for a in base if a != "--json"]]) == 0
    text = capsys.readouterr().out
    assert f"{route['stops'][0]['patient']} (visit #{ok}," in text
    assert payload["unassigned"][0]["visit_id"] == dawn
    assert "outside every shift" in payload["unassigned"][0]["reason"]
    assert payload["saved"] is False
    db = open_ward(sqlite_url)
    assert visit_of(db, ok).shift_car_id is None
    code = main(["plan", *base, "--base", "Næstved", "--shift", "day"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["saved"] is True
    assert visit_of(db, ok).shift_car_id is not None
    db.dispose()
    code = main(["plan", *base, "--base", "Atlantis"])
    assert code == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "base"


@pytest.mark.parametrize("day", [date(2026, 3, 29), date(2026, 10, 25)])
def test_daylight_saving_days_plan_in_local_hours(ward: Database, day: date) -> None:
    """The ward day is 23 or 25 hours long; windows and shifts stay on local wall-clock hours."""
    make_shifts(ward, day)
    morning = add_visit(ward, "07:00", "07:30", day=day)
    evening = add_visit(ward, "22:00", "22:30", day=day)
    with read_only(ward) as s:
        proposal = propose_plan(s, day, time_limit=LIMIT)
    etas = {st.visit_id: format_local(st.eta) for r in proposal.routes for st in r.stops}
    assert etas == {morning: "07:00", evening: "22:00"}
    assert_routes_feasible(proposal)


def test_replanning_during_the_day_plans_nothing_into_the_past(ward: Database) -> None:
    from console.timeutil import utc_at

    make_shifts(ward)
    closed = add_visit(ward, "08:00", "09:00", town="Næstved")
    open_ = add_visit(ward, "10:00", "14:00", town="Næstved", dlat=0.01)
    now = utc_at(DAY, time(11, 30))
    with read_only(ward, DISPATCHER) as s:
        proposal = propose_plan(s, DAY, time_limit=0.5, now=now)
    reasons = {u.visit_id: u.reason for u in proposal.unassigned}
    assert reasons[closed].startswith("its window closed at 09:00")
    (stop,) = [st for r in proposal.routes for st in r.stops if st.visit_id == open_]
    assert stop.eta >= now  # no car leaves, and no visit starts, before now
    with read_only(ward, DISPATCHER) as s:  # the evening shift alone after the day shift ended
        late = propose_plan(s, DAY, time_limit=0.5, now=utc_at(DAY, time(15, 30)))
    assert {r.shift for r in late.routes} == {"evening"}
