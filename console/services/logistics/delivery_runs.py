"""The logistics assistant's run: a ward day's open deliveries in a sensible driving order.

The run starts at an MBE base: the one asked for, else the ward setting
``delivery_run_start_base`` when an admin stored one, else the base from which the day's run is
shortest (with no stops: Næstved, the eHospital's home). The order is nearest-neighbour improved
by 2-opt over the travel provider's minutes (``console.services.core.travel``), and is never worse
than the list's own order (due by, id). ETAs run from the start time (09:00 local by default)
with a few minutes at each door. Each stop carries the patient's address, phone and
municipality and what to pack (the delivery's items: doses plus the IV box, R-IVBOX). Pure
reads; no Qt.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, MbeBase, Patient
from console.services.core.audit_log import patient_export
from console.services.core.errors import InvalidInput
from console.services.core.settings_store import get_setting
from console.services.core.travel import Place, minutes_matrix, travel_provider
from console.services.logistics.deliveries import DeliveryRow, deliveries_for_day
from console.services.logistics.packing import PackLine
from console.timeutil import local_datetime
from console.vocabulary import DeliveryStatus

HOME_BASE = "Næstved"  # the eHospital's home
START_SETTING = "delivery_run_start_base"
DEFAULT_START = time(9, 0)
STOP_MINUTES = 10  # at each door: hand over, check the box with the patient
OPEN_STATUSES = frozenset({DeliveryStatus.REQUESTED.value, DeliveryStatus.PACKED.value,
                           DeliveryStatus.OUT.value})


@dataclass(frozen=True, slots=True)
class RunStop:
    order: int  # 1-based position in the run
    delivery_id: int
    admission_id: int
    patient: str
    address: str
    phone: str | None
    municipality: str
    status: str
    due_by: datetime
    eta: datetime
    travel_minutes: int  # from the previous place
    late: bool  # the ETA is after the delivery is due
    needs_review: bool  # packed before a regimen change: check the box against the regimen
    items: tuple[PackLine, ...]
    contents: str
    version: int
    key_notes: str | None = None  # the patient's (key box, dog…): what the courier needs at the door


@dataclass(frozen=True, slots=True)
class DeliveryRun:
    day: date
    start_base: str
    start_at: datetime
    stops: tuple[RunStop, ...]
    travel_minutes: int  # whole run, back to the base included
    input_order_minutes: int  # the same deliveries driven in the list's own order
    back_at: datetime  # at the base again

    def admission_ids(self) -> tuple[int, ...]:
        return tuple(stop.admission_id for stop in self.stops)

    def stop_for(self, delivery_id: int) -> RunStop | None:
        return next((s for s in self.stops if s.delivery_id == delivery_id), None)

    def packing_totals(self) -> tuple[PackLine, ...]:
        """Everything to load into the car for the run, per item: the medicine first, then the
        IV box items (R-IVBOX), each in first-seen order."""
        totals: dict[str, int] = {}
        regimen: dict[str, int | None] = {}
        for stop in self.stops:
            for line in stop.items:
                totals[line.item] = totals.get(line.item, 0) + line.quantity
                regimen[line.item] = regimen.get(line.item) or line.regimen_id
        ordered = sorted(totals, key=lambda item: regimen[item] is None)  # stable
        return tuple(PackLine(regimen[item], item, totals[item]) for item in ordered)


# -- ordering (pure) ----------------------------------------------------------------------------


def run_minutes(matrix: Sequence[Sequence[int]], order: Sequence[int], *,
                return_to_start: bool = True) -> int:
    """Minutes to drive from place 0 through ``order`` (indices into ``matrix``)."""
    path = [0, *order, 0] if return_to_start else [0, *order]
    return sum(matrix[a][b] for a, b in itertools.pairwise(path))


def _nearest_neighbour(matrix: Sequence[Sequence[int]], n: int) -> list[int]:
    left = set(range(1, n))
    order: list[int] = []
    here = 0
    while left:
        here = min(left, key=lambda j: (matrix[here][j], j))
        order.append(here)
        left.remove(here)
    return order


def _two_opt(matrix: Sequence[Sequence[int]], order: list[int], *,
             return_to_start: bool) -> list[int]:
    """Reverse segments while that shortens the run (full cost: asymmetric providers too)."""
    best = list(order)
    best_cost = run_minutes(matrix, best, return_to_start=return_to_start)
    improved = True
    while improved:
        improved = False
        for i in range(len(best) - 1):
            for k in range(i + 1, len(best)):
                candidate = best[:i] + best[i:k + 1][::-1] + best[k + 1:]
                cost = run_minutes(matrix, candidate, return_to_start=return_to_start)
                if cost < best_cost:
                    best, best_cost, improved = candidate, cost, True
    return best


def order_stops(matrix: Sequence[Sequence[int]], *, return_to_start: bool = True) -> list[int]:
    """The visiting order of places 1…n-1 starting from place 0: nearest neighbour then 2-opt,
    and 2-opt of the given order too, whichever is shorter (so never worse than 1, 2, …)."""
    n = len(matrix)
    given = list(range(1, n))
    candidates = [_two_opt(matrix, _nearest_neighbour(matrix, n), return_to_start=return_to_start),
                  _two_opt(matrix, given, return_to_start=return_to_start)]
    return min(candidates, key=lambda o: run_minutes(matrix, o, return_to_start=return_to_start))


# -- the run ------------------------------------------------------------------------------------


def _bases(session: Session) -> dict[str, Place]:
    return {b.name: Place(b.lat, b.lon) for b in session.scalars(select(MbeBase).order_by(MbeBase.id))}


def configured_start_base(session: Session) -> str | None:
    value = get_setting(session, START_SETTING).strip()
    return value or None


def plan_delivery_run(session: Session, day: date, *, start_base: str | None = None,
                      start_time: time = DEFAULT_START, stop_minutes: int = STOP_MINUTES,
                      return_to_start: bool = True,
                      deliveries: Sequence[DeliveryRow] | None = None) -> DeliveryRun:
    """The day's open deliveries (not delivered, failed or cancelled) as one ordered run.

    ``deliveries`` may be given when the caller has just read ``deliveries_for_day`` in the same
    session; only the open ones are used either way.
    """
    if stop_minutes < 0:
        raise InvalidInput("stop_minutes", "Minutes at each stop cannot be negative.")
    rows = [d for d in (deliveries if deliveries is not None else deliveries_for_day(session, day))
            if d.status in OPEN_STATUSES]
    bases = _bases(session)
    if not bases:
        raise InvalidInput("start_base", "No MBE base is set up: add one under reference data.")
    places = [Place(d.lat, d.lon) for d in rows]
    provider = travel_provider(session)
    wanted = start_base or configured_start_base(session)
    if wanted is not None and wanted not in bases:
        raise InvalidInput("start_base", f"There is no MBE base called {wanted!r} "
                           f"(bases: {', '.join(bases)}).")

    def plan_from(base: str) -> tuple[int, list[int], list[list[int]]]:
        matrix = minutes_matrix(provider, [bases[base], *places])
        order = order_stops(matrix, return_to_start=return_to_start)
        return run_minutes(matrix, order, return_to_start=return_to_start), order, matrix

    if wanted is not None:
        chosen = wanted
    elif not rows:
        chosen = HOME_BASE if HOME_BASE in bases else next(iter(bases))
    else:  # the base the run is shortest from; ties go to the home base, then by name
        chosen = min(bases, key=lambda b: (plan_from(b)[0], b != HOME_BASE, b))
    total, order, matrix = plan_from(chosen)

    start_at = local_datetime(day, start_time).astimezone(UTC)
    key_notes = _key_notes(session, {d.admission_id for d in rows})
    stops: list[RunStop] = []
    clock, here = start_at, 0
    for n, index in enumerate(order, 1):
        d = rows[index - 1]
        travel = matrix[here][index]
        eta = clock + timedelta(minutes=travel)
        stops.append(RunStop(
            order=n, delivery_id=d.id, admission_id=d.admission_id, patient=d.patient,
            address=d.address, phone=d.phone, municipality=d.municipality, status=d.status,
            due_by=d.due_by, eta=eta, travel_minutes=travel, late=eta > d.due_by,
            needs_review=d.needs_review, items=d.items, contents=d.contents, version=d.version,
            key_notes=key_notes.get(d.admission_id)))
        clock, here = eta + timedelta(minutes=stop_minutes), index
    back_at = clock + timedelta(minutes=matrix[here][0] if return_to_start else 0)
    return DeliveryRun(
        day=day, start_base=chosen, start_at=start_at, stops=tuple(stops), travel_minutes=total,
        input_order_minutes=run_minutes(matrix, list(range(1, len(matrix))),
                                        return_to_start=return_to_start),
        back_at=back_at)


def _key_notes(session: Session, admission_ids: set[int]) -> dict[int, str]:
    """The patients' key notes (key box, dog…) by admission, the route sheet's too (issue 20)."""
    if not admission_ids:
        return {}
    return {adm_id: notes for adm_id, notes in session.execute(
        select(Admission.id, Patient.key_notes).join(Patient, Admission.patient_id == Patient.id)
        .where(Admission.id.in_(admission_ids))) if notes}


@patient_export("print")
def run_list_for_print(session: Session, day: date) -> DeliveryRun:
    """The day's packing and run list to print: names, addresses and phones of every stop, so
    each patient's access log records the print (§ 42 a)."""
    return plan_delivery_run(session, day)
