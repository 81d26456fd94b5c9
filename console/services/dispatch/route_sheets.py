"""A car's route sheet for the crew (issue 5), and the points the dispatch map draws.

``route_sheet`` reads one car's route in a shift (``dispatch.car_route``) and adds what the crew
needs on paper: the drive from the previous place to each stop, what to bring and the notes.
Pure reads; no Qt (the PDF is ``console.views.dispatch.route_sheet``).

- Times are the dispatch module's: the car leaves its base at the shift start, each ETA is the
  planned start of service (R-SHIFT). Drive minutes come from the same travel provider and
  minute matrix, so the legs add up to the route's driving minutes. Stops already done stay on
  the sheet (ticked), without a drive: they take no time in the schedule.
- What to bring follows the visit kind and its regimen line: the first visit (R-FIRST) takes the
  whole IV box (R-IVBOX: the medicine for the first dose when it was not given in hospital,
  patient information, infusion set, 10 ml NaCl flushes, sharps box, IV access supplies); a dose
  takes the medicine with its set, flushes and sharps box; a blood sample (R-CRP3) takes tubes.
  Item names are the packing service's, so the views label them in one place.
- A patient without a geocoded address has the municipality's point
  (``location_approximate``): the sheet and the map say so.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib.resources import files

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, MbeBase, Patient, Regimen, ShiftCar, Visit
from console.services.core.audit_log import patient_export
from console.services.core.settings_store import get_setting
from console.services.core.travel import Place, minutes_matrix, travel_provider
from console.services.core.uow import get_existing
from console.services.dispatch.routes import MbeVisitRow, car_route
from console.services.logistics.packing import FLUSHES_PER_DOSE, PackLine
from console.vocabulary import VisitKind

# Items beyond the packing service's R-IVBOX names (the views label them).
INFUSION_SET = "infusion sets"
FLUSHES = "10 ml NaCl flushes"
SHARPS_BOX = "sharps box"
IV_ACCESS_SUPPLIES = "IV access supplies"
PATIENT_INFORMATION = "patient information"
BLOOD_TUBES = "blood sample tubes (CRP)"

Point = tuple[str, float, float]  # name, latitude, longitude


@dataclass(frozen=True, slots=True)
class SheetStop:
    order: int | None  # route number on the car
    visit_id: int
    admission_id: int
    status: str  # planned / done
    eta: datetime | None  # planned start of service
    window_start: datetime
    window_end: datetime
    patient: str
    address: str
    phone: str | None
    municipality: str
    location_approximate: bool  # the municipality's point, not the address: call ahead
    lat: float
    lon: float
    kind: str
    service_minutes: int
    drive_minutes: int | None  # from the previous place (the base for the first); None if done
    bring: tuple[PackLine, ...]
    drug: str | None  # "Piperacillin/Tazobactam 4 g" for a visit with a regimen line
    iv_access: str | None  # code (pvk, picc, …) of the line's IV access
    system: str | None  # code of the closed administration system
    key_notes: str | None  # the patient's (key box, dog, hard of hearing…)
    visit_note: str | None


@dataclass(frozen=True, slots=True)
class RouteSheet:
    shift_car_id: int
    call_sign: str
    base: str
    shift: str  # day / evening
    shift_date: date
    starts_at: datetime
    ends_at: datetime
    crew: str | None
    in_service: bool
    stops: tuple[SheetStop, ...]
    driving_minutes: int  # the whole planned route, back to base included
    return_minutes: int  # from the last planned stop back to base
    returns_at: datetime
    contact_phone: str  # the eHospital's 24/7 number (R-CONTACT)
    e_nurse_hours: tuple[str, str] = ("07:30", "19:30")  # when the e-nurse answers (R-CONTACT)
    rest_at: datetime | None = None  # the crew's break at the base (R-BREAK)
    rest_minutes: int = 0

    def admission_ids(self) -> tuple[int, ...]:
        return tuple(stop.admission_id for stop in self.stops)

    @property
    def planned_stops(self) -> int:
        return sum(1 for s in self.stops if s.status == "planned")

    @property
    def approximate_stops(self) -> int:
        return sum(1 for s in self.stops if s.location_approximate)


@dataclass(frozen=True, slots=True)
class _Extra:
    regimen: Regimen | None
    key_notes: str | None
    note: str | None


def route_sheet(session: Session, shift_car_id: int) -> RouteSheet:
    """The route sheet of one car in one shift: stops in route order with drives and packing."""
    sc = get_existing(session, ShiftCar, shift_car_id, "car in a shift")
    route = car_route(session, shift_car_id)
    extras = _extras(session, [s.visit_id for s in route.stops])
    base = Place(sc.shift.base.lat, sc.shift.base.lon)
    planned = [s for s in route.stops if s.status == "planned"]
    matrix = minutes_matrix(travel_provider(session), [base, *(Place(s.lat, s.lon) for s in planned)])
    legs = {s.visit_id: matrix[n][n + 1] for n, s in enumerate(planned)}
    back = matrix[len(planned)][0] if planned else 0
    stops = tuple(_stop(row, legs.get(row.visit_id), extras[row.visit_id]) for row in route.stops)
    returns_at = route.returns_at if planned else route.starts_at
    return RouteSheet(
        shift_car_id=route.shift_car_id, call_sign=route.call_sign, base=route.base,
        shift=route.shift, shift_date=sc.shift.shift_date, starts_at=route.starts_at,
        ends_at=route.ends_at, crew=sc.crew, in_service=sc.in_service, stops=stops,
        driving_minutes=route.driving_minutes, return_minutes=back, returns_at=returns_at,
        contact_phone=get_setting(session, "contact_phone"),
        e_nurse_hours=(get_setting(session, "e_nurse_hours_start"),
                       get_setting(session, "e_nurse_hours_end")),
        rest_at=route.rest_at, rest_minutes=route.rest_minutes)


@patient_export("print")
def route_sheet_for_print(session: Session, shift_car_id: int) -> RouteSheet:
    """The sheet the crew takes: every patient's address and phone on the route, so each one's
    access log records the print (§ 42 a)."""
    return route_sheet(session, shift_car_id)


def _extras(session: Session, visit_ids: list[int]) -> dict[int, _Extra]:
    if not visit_ids:
        return {}
    rows = session.execute(
        select(Visit, Patient.key_notes, Admission)
        .join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id)
        .where(Visit.id.in_(visit_ids)))
    found: dict[int, _Extra] = {}
    for visit, key_notes, admission in rows:
        regimen = next((g for g in admission.regimens if g.id == visit.regimen_id), None)
        if regimen is None and visit.kind is VisitKind.FIRST_VISIT and admission.regimens:
            regimen = admission.regimens[0]  # first dose given in hospital: check that line's access
        found[visit.id] = _Extra(regimen, key_notes, visit.note)
    return found


def _stop(row: MbeVisitRow, drive: int | None, extra: _Extra) -> SheetStop:
    g = extra.regimen
    return SheetStop(
        order=row.route_order, visit_id=row.visit_id, admission_id=row.admission_id,
        status=row.status, eta=row.eta,
        window_start=row.window_start, window_end=row.window_end, patient=row.patient,
        address=row.address, phone=row.phone, municipality=row.municipality,
        location_approximate=row.location_approximate, lat=row.lat, lon=row.lon, kind=row.kind,
        service_minutes=row.service_minutes, drive_minutes=drive,
        bring=what_to_bring(row.kind, _drug(g) if g is not None else None,
                            gives_dose=_gives_dose(row, extra)),
        drug=_drug(g) if g is not None else None,
        iv_access=g.iv_access.value if g is not None else None,
        system=g.system.value if g is not None else None,
        key_notes=extra.key_notes or None, visit_note=extra.note or None)


def _drug(g: Regimen) -> str:
    return f"{g.drug} {g.dose}".strip()


def _gives_dose(row: MbeVisitRow, extra: _Extra) -> bool:
    """A first visit gives the first dose only when it carries its regimen line (R-FIRST: the
    course planner links the line when the first dose was not given in hospital)."""
    if row.kind == VisitKind.FIRST_VISIT.value:
        return extra.regimen is not None and not extra.regimen.first_dose_given_in_hospital
    return row.kind in (VisitKind.IV_DOSE.value, VisitKind.SUPPORT.value) and extra.regimen is not None


def what_to_bring(kind: str, drug: str | None, *, gives_dose: bool) -> tuple[PackLine, ...]:
    """What the crew takes in for one visit (pure).

    First visit (R-FIRST): the IV box (R-IVBOX), with the first dose when the visit gives it.
    Dose or support with a dose: the medicine, an infusion set, flushes and a sharps box.
    Blood sample (R-CRP3): tubes and a sharps box. Assessment and delivery: nothing fixed.
    """
    dose = (PackLine(None, drug, 1),) if gives_dose and drug else ()
    if kind == VisitKind.FIRST_VISIT.value:
        return (*dose, PackLine(None, PATIENT_INFORMATION, 1), PackLine(None, INFUSION_SET, 1),
                PackLine(None, FLUSHES, FLUSHES_PER_DOSE), PackLine(None, SHARPS_BOX, 1),
                PackLine(None, IV_ACCESS_SUPPLIES, 1))
    if kind == VisitKind.BLOOD_SAMPLE.value:
        return (PackLine(None, BLOOD_TUBES, 1), PackLine(None, SHARPS_BOX, 1))
    if dose:
        return (*dose, PackLine(None, INFUSION_SET, 1), PackLine(None, FLUSHES, FLUSHES_PER_DOSE),
                PackLine(None, SHARPS_BOX, 1))
    return ()


# --- points for the dispatch map ------------------------------------------------------------------

def base_points(session: Session) -> list[Point]:
    """The MBE bases (name, lat, lon), by name."""
    return [(b.name, b.lat, b.lon) for b in session.scalars(select(MbeBase).order_by(MbeBase.name))]


@cache
def municipality_points() -> tuple[Point, ...]:
    """The region's 17 municipality points from the reference data shipped with the console
    (no database: the map's faint background)."""
    text = files("resources.reference").joinpath("sjaelland_municipalities.csv").read_text(
        encoding="utf-8")
    return tuple((row["municipality"], float(row["lat"]), float(row["lon"]))
                 for row in csv.DictReader(io.StringIO(text)))
