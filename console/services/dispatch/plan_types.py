"""What the route planner returns: frozen rows for the dispatch screen (issue 18 moved them out
of ``planner`` so that module stays readable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class PlannedStop:
    visit_id: int
    patient: str
    eta: datetime
    window_start: datetime
    window_end: datetime
    service_minutes: int
    pinned: bool


@dataclass(frozen=True, slots=True)
class PlannedRoute:
    shift_car_id: int
    car: str
    base: str
    shift: str
    starts_at: datetime
    ends_at: datetime
    stops: tuple[PlannedStop, ...]
    driving_minutes: int
    distance_km: float
    returns_at: datetime
    rest_at: datetime | None = None  # the crew's break at the base (R-BREAK)
    rest_minutes: int = 0


@dataclass(frozen=True, slots=True)
class UnplacedVisit:
    visit_id: int
    patient: str
    window_start: datetime
    window_end: datetime
    reason: str
    pinned: bool


@dataclass(frozen=True, slots=True)
class PlanProposal:
    """A plan to show and, if the dispatcher accepts it, to save with :func:`save_plan`.

    ``objective`` is the solver's cost: driving in units of 100 m, plus a fixed cost per car used,
    plus the prize of every offered visit left out (lower is better; comparable between plans of
    the same visits and cars only).
    ``visit_versions`` and ``car_versions`` are what the plan was based on. ``seed``,
    ``iteration_budget`` and ``iterations`` (used) are saved with it (``route_plan``).
    """

    day: date
    base: str | None
    shift: str | None
    routes: tuple[PlannedRoute, ...]
    unassigned: tuple[UnplacedVisit, ...]
    objective: int
    seconds: float
    first_feasible_seconds: float | None
    cancelled: bool
    seed: int
    visit_versions: tuple[tuple[int, int], ...]
    car_versions: tuple[tuple[int, int], ...]
    iteration_budget: int = 0
    iterations: int = 0  # used; with ``capped`` false, seed and budget reproduce the plan
    time_limit: float = 0.0
    capped: bool = False
    diff: PlanDiff | None = None  # against the routes as they are (``plan_diff``)

    @property
    def placed(self) -> int:
        return sum(len(r.stops) for r in self.routes)

    @property
    def driving_minutes(self) -> int:
        return sum(r.driving_minutes for r in self.routes)


@dataclass(frozen=True, slots=True)
class SavedPlan:
    assigned: int
    to_tray: tuple[int, ...]
    routes: int


@dataclass(frozen=True, slots=True)
class VisitMove:
    """A visit whose car or ETA the plan changes; a car of ``None`` is the tray."""

    visit_id: int
    patient: str
    from_car: str | None
    to_car: str | None
    from_eta: datetime | None
    to_eta: datetime | None

    @property
    def changes_car(self) -> bool:
        return self.from_car != self.to_car


@dataclass(frozen=True, slots=True)
class PlanDiff:
    moves: tuple[VisitMove, ...]  # car changes and ETA changes, by visit id
    cars_freed: tuple[str, ...]  # cars with planned visits now and none in the plan
    cars_added: tuple[str, ...]  # cars with none now and some in the plan

    @property
    def car_changes(self) -> int:
        return sum(1 for m in self.moves if m.changes_car)

    @property
    def eta_changes(self) -> int:
        return sum(1 for m in self.moves if not m.changes_car)
