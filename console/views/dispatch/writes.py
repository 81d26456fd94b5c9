"""The Dispatch screen's writes: put on a car, take off, pin, car in or out of service, crew.

Each is one service call through the worker with the version it was based on; the service
decides. The screen hears the outcome by signal: the sentence to show, or the error (a refusal
names the rule; a Conflict shows who changed what, with Reload), and reloads keeping the visit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from console.services.core.operations import ServiceCall, call
from console.services.dispatch import board as service
from console.services.dispatch.board_view import BoardSnapshot
from console.services.dispatch.routes import MbeVisitRow, RouteRow, ServiceChange, ShiftCarRow
from console.timeutil import format_local
from console.views.common.screen import ScreenContext
from console.views.dispatch.model import stops_text


class Board(Protocol):
    """What the writes read of the screen: the board shown and the tray's selection."""

    snapshot: BoardSnapshot | None

    def selected_visit_id(self) -> int | None: ...

    def patient_name(self, visit_id: int) -> str: ...


class DispatchWrites(QObject):
    """Each write is ONE service call; the screen hears how it went by signal."""

    started = Signal()
    succeeded = Signal(str, object)  # the sentence to show, the visit written (or None)
    failed = Signal(object, str)  # the error, what was not done ("Not put on the car")
    hint = Signal(str)  # nothing written: what to do first

    def __init__(self, context: ScreenContext, board: Board, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.board = board
        self.pending = 0

    def write(self, action: ServiceCall, done: Callable[[Any], str], failed_head: str,
              visit_id: int | None = None) -> None:
        self.pending += 1
        self.started.emit()

        def ok(result: Any) -> None:
            self.pending -= 1
            self.succeeded.emit(done(result), visit_id)

        def failed(error: Exception) -> None:
            self.pending -= 1
            self.failed.emit(error, failed_head)

        self.context.worker.write(action, ok, failed, owner=self)

    def assign(self, visit_id: int, shift_car_id: int, version: int) -> None:
        """Put a visit on a car (from the tray, or moved from another car); a pinned visit
        stays pinned on its new car."""
        row = self.board.snapshot.visit(visit_id) if self.board.snapshot else None
        pin = bool(row and row.pinned)
        patient = self.board.patient_name(visit_id)

        def done(route: RouteRow) -> str:
            stop = next((s for s in route.stops if s.visit_id == visit_id), None)
            return self.tr("{patient} is on {car} at {eta}: {stops}, back at base {back}.") \
                .format(patient=patient, car=route.call_sign, eta=format_local(
                    stop.eta if stop else None), stops=stops_text(len(route.stops)),
                    back=format_local(route.returns_at))

        self.write(call(service.assign_visit_to_car, visit_id, shift_car_id, pin=pin,
                        expected_version=version),
                    done, self.tr("Not put on the car"), visit_id)

    def assign_selected_visit(self, shift_car_id: int) -> None:
        """Enter on a lane: the tray's selected visit goes onto that car."""
        visit_id = self.board.selected_visit_id()
        row = self.board.snapshot.visit(visit_id) if self.board.snapshot and visit_id is not None else None
        if row is None:
            self.hint.emit(self.tr("Select a visit in the tray first, then press Enter on a "
                                   "car's lane."))
            return
        self.assign(row.visit_id, shift_car_id, row.version)

    def unassign(self, visit_id: int, version: int) -> None:
        patient = self.board.patient_name(visit_id)
        self.write(call(service.unassign_visit, visit_id, expected_version=version),
                    lambda _row: self.tr("{patient} is back in the tray.").format(
                        patient=patient), self.tr("Not taken off the car"), visit_id)

    def set_pinned(self, visit_id: int, pinned: bool, version: int) -> None:
        patient = self.board.patient_name(visit_id)

        def done(row: MbeVisitRow) -> str:
            if row.pinned:
                return self.tr("{patient} is pinned to {car}: the planner keeps it there.") \
                    .format(patient=patient, car=row.call_sign)
            return self.tr("{patient} is no longer pinned.").format(patient=patient)

        self.write(call(service.set_pinned, visit_id, pinned, expected_version=version),
                    done, self.tr("Not pinned") if pinned else self.tr("Not unpinned"), visit_id)

    def set_in_service(self, shift_car_id: int, in_service: bool, version: int) -> None:
        """In or out of service; out sends its un-pinned visits back to the tray (said)."""
        def done(change: ServiceChange) -> str:
            car = change.car.call_sign
            if in_service:
                return self.tr("{car} is in service.").format(car=car)
            text = self.tr("{car} is out of service.").format(car=car)
            if change.unassigned:
                text += " " + self.tr("Back in the tray: {names}.").format(
                    names=", ".join(self.board.patient_name(v) for v in change.unassigned))
            if change.kept_pinned:
                text += " " + self.tr("Pinned, still on {car} until you move them: {names}.") \
                    .format(car=car, names=", ".join(self.board.patient_name(v) for v in change.kept_pinned))
            if not change.unassigned and not change.kept_pinned:
                text += " " + self.tr("It had no planned visits.")
            return text

        self.write(call(service.set_car_in_service, shift_car_id, in_service,
                        expected_version=version),
                    done, self.tr("Service not changed"))

    def set_crew(self, shift_car_id: int, crew: str, version: int) -> None:
        def done(row: ShiftCarRow) -> str:
            return self.tr("{car}: crew {crew}.").format(car=row.call_sign, crew=row.crew or "—")

        self.write(call(service.set_crew, shift_car_id, crew or None, expected_version=version),
                    done, self.tr("Crew not changed"))
