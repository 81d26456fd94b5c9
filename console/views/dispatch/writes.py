"""The Dispatch screen's writes: put on a car, take off, pin, car in or out of service, crew.

Each goes through the worker with the version it was based on; the service decides and a
refusal is shown naming the rule; a Conflict shows who changed what, with Reload. The screen
reloads after every write and keeps the visit selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from console.services.core.errors import Conflict, RuleViolation
from console.services.dispatch import board as service
from console.services.dispatch.board import MbeVisitRow, RouteRow, ServiceChange, ShiftCarRow
from console.timeutil import format_local
from console.views.common.worker import message_of
from console.views.common.write_dialog import violation_text
from console.views.dispatch.model import stops_text

if TYPE_CHECKING:
    from console.views.dispatch.screen import DispatchScreen


class DispatchWrites(QObject):
    def __init__(self, screen: DispatchScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def write(self, fn: Callable[[Session], Any], done: Callable[[Any], str],
               failed_head: str, visit_id: int | None = None) -> None:
        self.screen._writing += 1
        self.screen.loading_label.setText(self.tr("Saving…"))
        self.screen.loading_label.setVisible(True)
        self.screen.conflict.clear()

        def ok(result: Any) -> None:
            self.screen._writing -= 1
            self.screen._show_message(done(result))
            if visit_id is not None:
                self.screen._pending_visit = visit_id
                self.screen.visit_changed.emit(visit_id)
            self.screen.reload()

        def failed(error: Exception) -> None:
            self.screen._writing -= 1
            self.screen.loading_label.setVisible(self.screen._loading)
            if isinstance(error, Conflict):
                self.screen.error_label.setVisible(False)
                self.screen.message_label.setVisible(False)
                self.screen.conflict.show_conflict(error)
                text = self.screen.conflict.label.text()
            else:
                detail = violation_text(error) if isinstance(error, RuleViolation) \
                    else message_of(error)
                text = self.tr("{head} — {detail}").format(head=failed_head, detail=detail)
                self.screen._show_error(text)
                self.screen.reload()
            self.screen.write_failed.emit(text)

        self.screen.context.worker.write(fn, ok, failed, owner=self)

    def assign(self, visit_id: int, shift_car_id: int, version: int) -> None:
        """Put a visit on a car (from the tray, or moved from another car); a pinned visit
        stays pinned on its new car."""
        row = self.screen.snapshot.visit(visit_id) if self.screen.snapshot else None
        pin = bool(row and row.pinned)
        patient = self.screen._patient(visit_id)

        def done(route: RouteRow) -> str:
            stop = next((s for s in route.stops if s.visit_id == visit_id), None)
            return self.tr("{patient} is on {car} at {eta}: {stops}, back at base {back}.") \
                .format(patient=patient, car=route.call_sign, eta=format_local(
                    stop.eta if stop else None), stops=stops_text(len(route.stops)),
                    back=format_local(route.returns_at))

        self.write(lambda s: service.assign_visit_to_car(s, visit_id, shift_car_id, pin=pin,
                                                          expected_version=version),
                    done, self.tr("Not put on the car"), visit_id)

    def assign_selected_visit(self, shift_car_id: int) -> None:
        """Enter on a lane: the tray's selected visit goes onto that car."""
        visit_id = self.screen.selected_visit_id()
        row = self.screen.snapshot.visit(visit_id) if self.screen.snapshot and visit_id is not None else None
        if row is None:
            self.screen._show_message(self.tr("Select a visit in the tray first, then press Enter on "
                                       "a car's lane."))
            return
        self.assign(row.visit_id, shift_car_id, row.version)

    def unassign(self, visit_id: int, version: int) -> None:
        patient = self.screen._patient(visit_id)
        self.write(lambda s: service.unassign_visit(s, visit_id, expected_version=version),
                    lambda _row: self.tr("{patient} is back in the tray.").format(
                        patient=patient), self.tr("Not taken off the car"), visit_id)

    def set_pinned(self, visit_id: int, pinned: bool, version: int) -> None:
        patient = self.screen._patient(visit_id)

        def done(row: MbeVisitRow) -> str:
            if row.pinned:
                return self.tr("{patient} is pinned to {car}: the planner keeps it there.") \
                    .format(patient=patient, car=row.call_sign)
            return self.tr("{patient} is no longer pinned.").format(patient=patient)

        self.write(lambda s: service.set_pinned(s, visit_id, pinned, expected_version=version),
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
                    names=", ".join(self.screen._patient(v) for v in change.unassigned))
            if change.kept_pinned:
                text += " " + self.tr("Pinned, still on {car} until you move them: {names}.") \
                    .format(car=car, names=", ".join(self.screen._patient(v) for v in change.kept_pinned))
            if not change.unassigned and not change.kept_pinned:
                text += " " + self.tr("It had no planned visits.")
            return text

        self.write(lambda s: service.set_car_in_service(s, shift_car_id, in_service,
                                                         expected_version=version),
                    done, self.tr("Service not changed"))

    def set_crew(self, shift_car_id: int, crew: str, version: int) -> None:
        def done(row: ShiftCarRow) -> str:
            return self.tr("{car}: crew {crew}.").format(car=row.call_sign, crew=row.crew or "—")

        self.write(lambda s: service.set_crew(s, shift_car_id, crew or None,
                                               expected_version=version),
                    done, self.tr("Crew not changed"))
