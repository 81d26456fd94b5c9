"""Solomon VRPTW instances: parser, integer scaling, feasibility check in the real metric, BKS table.

Format (as in /work/shared/data/solomon/): a name line, ``VEHICLE NUMBER CAPACITY``, then one line
per node ``CUST_NO XCOORD YCOORD DEMAND READY_TIME DUE_DATE SERVICE_TIME`` with node 0 the depot.
Travel time equals the Euclidean distance (speed 1) in double precision, as SINTEF reports it.

The solvers work on integers: travel times are scaled by ``scale`` and rounded *up*, while time
windows and service times (integers in every Solomon file) are scaled exactly. Rounding travel times
up means that any schedule that fits the scaled windows also fits the real ones, so a solution that
is feasible for the solver is feasible in the real Euclidean metric. :func:`check_routes` verifies
that independently in double precision anyway, for every reported solution.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path("/work/shared/data/solomon")

# Absolute slack (in time units) allowed in the double-precision check, for floating-point noise only.
FEAS_TOL = 1e-9


@dataclass(frozen=True)
class Instance:
    """One Solomon instance; index 0 is the depot, index i the customer numbered i in the file."""

    name: str
    num_vehicles: int
    capacity: int
    x: tuple[float, ...]
    y: tuple[float, ...]
    demand: tuple[int, ...]
    ready: tuple[int, ...]
    due: tuple[int, ...]
    service: tuple[int, ...]

    @property
    def num_nodes(self) -> int:
        return len(self.x)

    def dist(self, i: int, j: int) -> float:
        """Real Euclidean distance (= travel time) between nodes ``i`` and ``j``."""
        return math.hypot(self.x[i] - self.x[j], self.y[i] - self.y[j])

    def distance_matrix(self) -> list[list[float]]:
        n = self.num_nodes
        return [[self.dist(i, j) for j in range(n)] for i in range(n)]


def _as_int(value: str) -> int:
    number = float(value)
    if number != int(number):
        raise ValueError(f"expected an integer field, got {value!r}")
    return int(number)


def parse(path: str | Path) -> Instance:
    """Read a Solomon-format file."""
    lines = [line.split() for line in Path(path).read_text().splitlines()]
    name = next(parts[0] for parts in lines if parts)
    num_vehicles = capacity = -1
    rows: list[list[str]] = []
    for idx, parts in enumerate(lines):
        if parts[:2] == ["NUMBER", "CAPACITY"]:
            following = next(p for p in lines[idx + 1 :] if p)
            num_vehicles, capacity = int(following[0]), int(following[1])
        elif len(parts) == 7 and all(_is_number(p) for p in parts):
            rows.append(parts)
    if num_vehicles < 0 or not rows:
        raise ValueError(f"{path}: not a Solomon instance")
    rows.sort(key=lambda r: int(r[0]))
    if [int(r[0]) for r in rows] != list(range(len(rows))):
        raise ValueError(f"{path}: node numbers are not 0..n")
    return Instance(
        name=name,
        num_vehicles=num_vehicles,
        capacity=capacity,
        x=tuple(float(r[1]) for r in rows),
        y=tuple(float(r[2]) for r in rows),
        demand=tuple(_as_int(r[3]) for r in rows),
        ready=tuple(_as_int(r[4]) for r in rows),
        due=tuple(_as_int(r[5]) for r in rows),
        service=tuple(_as_int(r[6]) for r in rows),
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Scaled:
    """Integer data for the solvers: everything multiplied by ``scale``."""

    scale: int
    distance: list[list[int]]  # round(d * scale): the objective
    travel: list[list[int]]  # ceil(d * scale): travel time, an upper bound of the real one
    ready: list[int]
    due: list[int]
    service: list[int]


def scaled(inst: Instance, scale: int) -> Scaled:
    real = inst.distance_matrix()
    return Scaled(
        scale=scale,
        distance=[[round(d * scale) for d in row] for row in real],
        # Subtracting a hair before ceil() keeps exact integers (e.g. d = 5.0) from going up by one
        # because of floating-point noise in d * scale; 1e-9 of a scaled unit is far below any slack.
        travel=[[math.ceil(d * scale - 1e-9) if d > 0 else 0 for d in row] for row in real],
        ready=[t * scale for t in inst.ready],
        due=[t * scale for t in inst.due],
        service=[t * scale for t in inst.service],
    )


@dataclass(frozen=True)
class Check:
    feasible: bool
    distance: float  # sum of unrounded Euclidean distances over all routes
    problems: list[str]


def check_routes(inst: Instance, routes: list[list[int]]) -> Check:
    """Check routes (lists of customer numbers, depot omitted) in double precision.

    Each customer exactly once; load within capacity; service starts no later than the due date
    (waiting when early); the vehicle is back at the depot by the depot's due date; at most the
    file's number of vehicles.
    """
    problems: list[str] = []
    seen: dict[int, int] = {}
    total = 0.0
    for r_idx, route in enumerate(routes):
        if not route:
            problems.append(f"route {r_idx} is empty")
            continue
        load = 0
        time = float(inst.ready[0])
        prev = 0
        for cust in route:
            if not 1 <= cust < inst.num_nodes:
                problems.append(f"route {r_idx}: unknown customer {cust}")
                break
            seen[cust] = seen.get(cust, 0) + 1
            load += inst.demand[cust]
            dist = inst.dist(prev, cust)
            total += dist
            arrival = time + (inst.service[prev] if prev else 0) + dist
            start = max(arrival, float(inst.ready[cust]))
            if start > inst.due[cust] + FEAS_TOL:
                problems.append(
                    f"route {r_idx}: customer {cust} served at {start:.6f} > due {inst.due[cust]}"
                )
            time = start
            prev = cust
        dist = inst.dist(prev, 0)
        total += dist
        back = time + inst.service[prev] + dist
        if back > inst.due[0] + FEAS_TOL:
            problems.append(f"route {r_idx}: back at depot at {back:.6f} > {inst.due[0]}")
        if load > inst.capacity:
            problems.append(f"route {r_idx}: load {load} > capacity {inst.capacity}")
    missing = [c for c in range(1, inst.num_nodes) if c not in seen]
    doubles = sorted(c for c, k in seen.items() if k > 1)
    if missing:
        problems.append(f"customers not served: {missing}")
    if doubles:
        problems.append(f"customers served more than once: {doubles}")
    if len(routes) > inst.num_vehicles:
        problems.append(f"{len(routes)} routes > {inst.num_vehicles} vehicles")
    return Check(feasible=not problems, distance=total, problems=problems)


@dataclass(frozen=True)
class Bks:
    vehicles: int
    distance: float


def load_bks(path: str | Path = DATA_DIR / "bks.csv") -> dict[str, Bks]:
    with Path(path).open(newline="") as fh:
        return {
            row["instance"].upper(): Bks(int(row["vehicles"]), float(row["distance"]))
            for row in csv.DictReader(fh)
        }
