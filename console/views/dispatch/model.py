"""The Dispatch screen's data: the board's lanes and the tray and car tables (R-SHIFT, R-FIRST).

- ``load_board(session, day)`` runs in the worker: the services' shift and MBE visit rows as
  frozen ``Lane``/``LaneBlock`` rows with the drive before every planned stop (``travel``'s
  provider, whole minutes rounded up, as the dispatch arithmetic), and each tray visit's nearest
  base and fitting shift kinds (the planner's scope rules: the filter and Auto-plan agree).
- ``TrayTableModel``: MBE visits on no car; rows drag out as ``MIME_TYPE`` (ids + versions),
  board blocks dropped on it are taken off their car. ``CarsTableModel``: crew editable, in
  service checkable; edits are requests (signals) the screen writes through the worker.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import MbeBase
from console.services.core.travel import Place, travel_provider
from console.services.dispatch import board as service
from console.services.dispatch.board import MbeVisitRow, ShiftRow
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.patient.labels import VISIT_KINDS, label

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ADMISSION_ID_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-eward-mbe-visits"
_CTX = "DispatchModel"

KIND_COLOURS: dict[str, QColor] = {  # the board's block stripes (tinted for the fill)
    "first_visit": QColor("#6d28d9"), "iv_dose": QColor("#1d4ed8"),
    "blood_sample": QColor("#b45309"), "support": QColor("#047857"),
    "assessment": QColor("#0e7490"), "delivery": QColor("#4b5563"),
}
SHIFT_LABELS = {"day": QT_TRANSLATE_NOOP("Shift", "day"),
                "evening": QT_TRANSLATE_NOOP("Shift", "evening")}


def kind_label(kind: str) -> str:
    """The patient record's label for a visit kind (one concept, one word)."""
    return label(VISIT_KINDS, kind)


def shift_label(kind: str) -> str:
    text = SHIFT_LABELS.get(kind)
    return kind if text is None else QCoreApplication.translate("Shift", text)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def hours_text(start: datetime, end: datetime) -> str:
    return f"{format_local(start)}–{format_local(end)}"


def stops_text(n: int) -> str:
    return _t("1 stop") if n == 1 else _t("{n} stops").format(n=n)


# --- the board's rows ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LaneBlock:
    """A visit on a car: where it sits (its ETA, else its window start) and the drive that
    brings the car to it (leaving the previous place at ``travel_from``)."""

    visit: MbeVisitRow
    start: datetime
    travel_from: datetime | None
    travel_minutes: int

    @property
    def visit_id(self) -> int:
        return self.visit.visit_id

    @property
    def done(self) -> bool:
        return self.visit.status == "done"

    @property
    def late(self) -> bool:
        """Starts after its window closes, or the drive does not reach it by its ETA."""
        arrive = self.start if self.travel_from is None else \
            self.travel_from + timedelta(minutes=self.travel_minutes)
        return not self.done and (self.start > self.visit.window_end
                                  or arrive > self.start + timedelta(seconds=59))


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

    @property
    def planned(self) -> tuple[LaneBlock, ...]:
        return tuple(b for b in self.blocks if not b.done)

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

    @property
    def tray(self) -> tuple[MbeVisitRow, ...]:
        return tuple(v for v in self.visits if v.status == "planned" and v.shift_car_id is None)

    def visit(self, visit_id: int) -> MbeVisitRow | None:
        return next((v for v in self.visits if v.visit_id == visit_id), None)

    def lane(self, shift_car_id: int) -> Lane | None:
        return next((ln for ln in self.lanes if ln.shift_car_id == shift_car_id), None)


def _fits(v: MbeVisitRow, s: ShiftRow) -> bool:
    """R-SHIFT: could the visit start in its window and end inside this shift?"""
    earliest = max(v.window_start, s.starts_at)
    return earliest <= min(v.window_end, s.ends_at - timedelta(minutes=v.service_minutes))


def build_lanes(shifts: Sequence[ShiftRow], visits: Iterable[MbeVisitRow],
                bases: dict[int, Place], minutes: Callable[[Place, Place], int]) -> tuple[Lane, ...]:
    """Lanes in the services' order (base, then day before evening, then call sign)."""
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
            blocks, t, here, driving = [], s.starts_at, base, 0
            for v in stops:
                start, leg, leaves = v.eta or v.window_start, 0, None
                if v.status == "planned" and base is not None and here is not None:
                    spot = Place(v.lat, v.lon)
                    leg, leaves = minutes(here, spot), t
                    driving += leg
                    here, t = spot, start + timedelta(minutes=v.service_minutes)
                blocks.append(LaneBlock(v, start, leaves, leg))
            away = base is not None and here is not None and here is not base
            home = minutes(here, base) if away and here is not None and base is not None else 0
            lanes.append(Lane(car.shift_car_id, s.shift_id, s.base, s.kind, s.starts_at,
                              s.ends_at, car.call_sign, car.crew, car.in_service, car.version,
                              tuple(blocks), driving + home, t if away else None, home))
    return tuple(lanes)


def load_board(session: Session, day: date) -> BoardSnapshot:
    """Everything the Dispatch screen shows for a ward day (runs in the worker)."""
    shifts = service.list_shifts(session, day)
    visits = service.mbe_visits(session, day)
    provider = travel_provider(session)
    # Plain columns, no ORM objects: where each base is (the drive to the first stop and home).
    bases = {i: Place(lat, lon) for i, lat, lon in
             session.execute(select(MbeBase.id, MbeBase.lat, MbeBase.lon))}
    names = {s.base_id: s.base for s in shifts}

    def drive(a: Place, b: Place) -> int:
        return 0 if a == b else math.ceil(provider.minutes(a, b))  # as travel.minutes_matrix

    nearest: dict[int, str] = {}
    fits: dict[int, frozenset[str]] = {}
    for v in visits:
        if v.shift_car_id is None and v.status == "planned":
            spot = Place(v.lat, v.lon)
            if names:
                nearest[v.visit_id] = names[min(names, key=lambda b: drive(bases[b], spot))]
            fits[v.visit_id] = frozenset(s.kind for s in shifts if _fits(v, s))
    return BoardSnapshot(day, tuple(shifts), tuple(visits),
                         build_lanes(shifts, visits, bases, drive), nearest, fits)


# --- drag and drop ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DraggedVisit:
    visit_id: int
    version: int
    shift_car_id: int | None  # the car it is dragged from (None: from the tray)


def visits_mime(visits: Iterable[DraggedVisit]) -> QMimeData:
    mime = QMimeData()
    payload = [{"visit_id": v.visit_id, "version": v.version, "shift_car_id": v.shift_car_id}
               for v in visits]
    mime.setData(MIME_TYPE, json.dumps(payload).encode())
    mime.setText(", ".join(f"#{v['visit_id']}" for v in payload))
    return mime


def dragged_visits(mime: QMimeData | None) -> list[DraggedVisit]:
    """What ``visits_mime`` packed; [] for anything else (a stray text drop)."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return []
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return [DraggedVisit(int(p["visit_id"]), int(p["version"]),
                             None if p["shift_car_id"] is None else int(p["shift_car_id"]))
                for p in payload]
    except (ValueError, KeyError, TypeError):
        return []


# --- table models -------------------------------------------------------------------------------
