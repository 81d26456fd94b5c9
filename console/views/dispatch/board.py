"""The dispatcher's timeline board: one lane per car in a shift, grouped by base and shift.

How it is drawn lives in ``board_paint.PaintedBoard``; this is what a person does with it. The
board sits in a vertical scroll area.

The board never writes: drops (from the tray, or a block from another lane), its context menu
and its keys become requests (``assign_requested``…) the screen runs through the worker.
Keys: Up/Down choose a lane, Left/Right a block, Enter puts the tray's selected visit on the
lane, Space pins/unpins, Delete takes the block off its car, the menu key opens the menu.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from console.services.dispatch.board_view import Lane, LaneBlock
from console.timeutil import format_local
from console.views.common.labels import visit_label
from console.views.dispatch.board_paint import PaintedBoard
from console.views.dispatch.model import (
    MIME_TYPE,
    DraggedVisit,
    dragged_visits,
    hours_text,
    shift_label,
    stops_text,
    visits_mime,
)


class DispatchBoard(PaintedBoard):
    assign_requested = Signal(int, int, int)  # visit id, shift car id, version
    unassign_requested = Signal(int, int)  # visit id, version
    pin_requested = Signal(int, bool, int)  # visit id, pinned, version
    service_requested = Signal(int, bool, int)  # shift car id, in service, version
    patient_requested = Signal(int)  # admission id
    assign_selected_requested = Signal(int)  # shift car id: the tray's selected visit goes here

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.tooltip_at(event.pos()), self)
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPoint) -> str:
        hit = self.block_at(pos)
        if hit is not None:
            lane, b = hit
            v = b.visit
            lines = [f"{v.patient} — {v.municipality}", self.tr(
                "{kind} · {minutes} min · window {window}").format(
                kind=visit_label(v.kind, v.task), minutes=v.service_minutes,
                window=hours_text(v.window_start, v.window_end)),
                self.tr("Done at about {at}").format(at=format_local(b.start)) if b.done
                else self.tr("ETA {eta} on {car}, after {m} min driving").format(
                    eta=format_local(b.start), car=lane.call_sign, m=b.travel_minutes)]
            for flag, text in ((v.pinned, self.tr("Pinned: the planner keeps it on this car.")),
                               (v.location_approximate,
                                self.tr("Location approximate (the municipality's point).")),
                               (b.late_minutes > 0, self.tr(
                                   "Late: starts {m} min after its window closes.").format(
                                   m=b.late_minutes)),
                               (b.late and b.late_minutes == 0, self.tr(
                                   "Late: a later stop or the return to base is late from "
                                   "here on.")),
                               (not b.late and b.slack_minutes is not None, self.tr(
                                   "Slack {m} min: it can start that much later and the rest "
                                   "of the route still fits.").format(m=b.slack_minutes))):
                lines += [text] if flag else []
            return "\n".join(lines)
        row = self.lane_at(pos)
        return "" if row is None else self.tr(
            "{car} · {base} {shift} {hours}\nCrew: {crew}\n{stops} · {m} min driving · back "
            "{back}").format(car=row.call_sign, base=row.base, shift=shift_label(row.kind),
                             hours=hours_text(row.starts_at, row.ends_at), crew=row.crew or "—",
                             stops=stops_text(len(row.planned)), m=row.driving_minutes,
                             back=format_local(row.returns_at))

    # -- mouse and drag ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        hit = self.block_at(pos)
        lane = hit[0] if hit else self.lane_at(pos)
        if lane is not None:
            self.select(lane.shift_car_id, hit[1].visit_id if hit else None)
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = (pos, hit[0], hit[1]) if hit and left else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or not self.editable or press[2].done or (
                event.position().toPoint() - press[0]).manhattanLength() \
                < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(visits_mime([DraggedVisit(press[2].visit_id, press[2].visit.version,
                                                   press[1].shift_car_id)]))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.block_at(event.position().toPoint())
        if hit is not None:
            self.patient_requested.emit(hit[1].visit.admission_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.editable and event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        lane = self.lane_at(event.position())
        if (lane.shift_car_id if lane else None) != self._drop_lane:
            self._drop_lane = lane.shift_car_id if lane else None
            self.update()
        if lane is not None and self.editable:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_lane = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_drop(event.mimeData(), event.position()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def handle_drop(self, mime: QMimeData | None, pos: QPoint | QPointF) -> bool:
        """Visits dropped at ``pos``: each one not already on that lane is asked onto it."""
        self._drop_lane = None
        self.update()
        lane = self.lane_at(pos)
        if lane is None or not self.editable:
            return False
        moved = [v for v in dragged_visits(mime) if v.shift_car_id != lane.shift_car_id]
        for v in moved:
            self.assign_requested.emit(v.visit_id, lane.shift_car_id, v.version)
        self.select(lane.shift_car_id)
        return bool(moved)

    # -- context menu and keys -----------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self.block_at(event.pos())
        lane = hit[0] if hit else self.lane_at(event.pos())
        if lane is not None:
            self.select(lane.shift_car_id, hit[1].visit_id if hit else None)
            self.build_menu(lane, hit[1] if hit else None).exec(event.globalPos())

    def build_menu(self, lane: Lane, block: LaneBlock | None) -> QMenu:
        """The menu for a block (or, with ``block`` None, for the lane)."""
        menu = QMenu(self)
        if block is not None:
            v = block.visit
            if self.editable and not block.done:
                menu.addAction(self.tr("Unpin") if v.pinned else self.tr("Pin to {car}").format(
                    car=lane.call_sign)).triggered.connect(
                    lambda: self.pin_requested.emit(v.visit_id, not v.pinned, v.version))
                menu.addAction(self.tr("Take off the car")).triggered.connect(
                    lambda: self.unassign_requested.emit(v.visit_id, v.version))
                menu.addSeparator()
            menu.addAction(self.tr("Open the patient")).triggered.connect(
                lambda: self.patient_requested.emit(v.admission_id))
        elif self.editable:
            menu.addAction(self.tr("Put the tray's selected visit on {car}").format(
                car=lane.call_sign)).triggered.connect(
                lambda: self.assign_selected_requested.emit(lane.shift_car_id))
            menu.addAction(self.tr("Take out of service") if lane.in_service
                           else self.tr("Put in service")).triggered.connect(
                lambda: self.service_requested.emit(lane.shift_car_id, not lane.in_service,
                                                    lane.version))
        return menu

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, lane, block = event.key(), self.current_lane(), self.current_block()
        writable = block is not None and self.editable and not block.done
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._shown:
            at = self._shown.index(lane) + (-1 if key == Qt.Key.Key_Up else 1) if lane else 0
            self.select(self._shown[max(0, min(len(self._shown) - 1, at))].shift_car_id)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and lane is not None and lane.blocks:
            ordered, step = sorted(lane.blocks, key=lambda b: b.start), \
                1 if key == Qt.Key.Key_Right else -1
            at = ordered.index(block) + step if block else (0 if step > 0 else len(ordered) - 1)
            self.select(lane.shift_car_id, ordered[max(0, min(len(ordered) - 1, at))].visit_id)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and lane is not None and self.editable:
            self.assign_selected_requested.emit(lane.shift_car_id)
        elif key == Qt.Key.Key_Space and writable and block is not None:
            self.pin_requested.emit(block.visit_id, not block.visit.pinned, block.visit.version)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and writable and block is not None:
            self.unassign_requested.emit(block.visit_id, block.visit.version)
        elif key == Qt.Key.Key_Menu and lane is not None:
            rect = self.block_rect(block.visit_id) if block else QRectF(
                self.lane_rect(lane.shift_car_id))
            self.build_menu(lane, block).exec(self.mapToGlobal(rect.center().toPoint()))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
