"""The Dispatch screen: the dispatcher's board of MBE cars and visits for a ward day (issue 5).

Top: the day's counts, a base/shift filter and **Auto-plan…** (re-plan is the same button: done
and pinned visits stay). Middle: the timeline board, a lane per car in each base's day and
evening shift (R-SHIFT). Bottom: the tray of MBE visits on no car, and the cars with crews and
service. Visits are dragged onto lanes (or put on the focused lane with Enter); the service
decides and its refusal is shown naming the rule. Every write goes through the worker with the
versions it was based on (a stale one: who changed what, with Reload). Loads
``board_view.load_board`` (cancel-latest), reloads on the change feed, keeps selections by id.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.services.core.errors import Conflict
from console.services.core.operations import ServiceCall, call
from console.services.dispatch import board_view
from console.services.dispatch.board_view import BoardSnapshot
from console.services.dispatch.planner import SavedPlan
from console.views.common.banners import ActionBanners
from console.views.common.combos import refill
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import proxy_over, select_row, selected_id
from console.views.common.widgets import STRETCH, column, interval_timer, push_button, styled_label, tool_row
from console.views.common.worker import Preparer
from console.views.dispatch.board import DispatchBoard
from console.views.dispatch.extras import DispatchExtras
from console.views.dispatch.layout import (
    TITLE_STYLE,
    boxed,
    cars_table,
    legend_text,
    tray_table,
)
from console.views.dispatch.model import ADMISSION_ID_ROLE, VISIT_ID_ROLE
from console.views.dispatch.plan_dialog import PlanDialog
from console.views.dispatch.replan_banner import ReplanBanner
from console.views.dispatch.shifts import DispatchShifts
from console.views.dispatch.tables import (
    CarsColumn,
    CarsTableModel,
    ScopeFilter,
    TrayTableModel,
    prepare_tray,
)
from console.views.dispatch.writes import DispatchWrites

TICK_MS = 60_000  # the tray's "window open / passed" and the board's now line move on
_SETTINGS_SPLITTER = "dispatch/splitter"
_SETTINGS_BOTTOM = "dispatch/bottom"


class DispatchScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("DispatchScreen", "Dispatch")
    LOAD_ERROR = QT_TRANSLATE_NOOP("DispatchScreen", "Could not load the dispatch board: {message}")
    patient_requested = Signal(int)  # admission id
    car_selected = Signal(int)  # shift car id: the board's chosen lane (route sheet, map)
    visit_changed = Signal(int)  # a visit written from this screen
    write_failed = Signal(str)  # the sentence shown
    plan_saved = Signal(object)  # planner.SavedPlan

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.snapshot: BoardSnapshot | None = None
        self.writes = DispatchWrites(context, self, self)
        self.writes.started.connect(self._on_write_started)
        self.writes.succeeded.connect(self._on_written)
        self.writes.failed.connect(self._on_write_failed)
        self.plan_dialog: PlanDialog | None = None
        self._pending_visit: int | None = None
        self.tray_model = TrayTableModel(self)
        self.tray_model.unassign_requested.connect(self.writes.unassign)
        self.tray_proxy = proxy_over(ScopeFilter(self), self.tray_model)
        self.cars_model = CarsTableModel(self)
        self.cars_model.crew_edit_requested.connect(self.writes.set_crew)
        self.cars_model.service_requested.connect(self.writes.set_in_service)
        self.cars_proxy = proxy_over(ScopeFilter(self), self.cars_model)
        self._build_ui()
        self.extras = DispatchExtras(self, self)  # route sheet and map buttons
        self.shifts = DispatchShifts(self, self)  # create the week's shifts (issue 14)
        self.timer = interval_timer(self, TICK_MS, self._tick)
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.summary_label = styled_label("QLabel { font-size: 15px; font-weight: 600; }")
        self.base_combo = QComboBox()
        self.base_combo.setMinimumWidth(130)
        self.shift_combo = QComboBox()
        for combo in (self.base_combo, self.shift_combo):
            combo.currentIndexChanged.connect(self._on_scope_changed)
        self.plan_button = push_button(clicked=self.open_plan_dialog)
        self.top_bar = tool_row(self.summary_label, 12, self.loading_label, STRETCH,
                                self.base_combo, self.shift_combo, 12, self.plan_button)

        self.replan_banner = ReplanBanner()  # the board's own offer (issue 18)
        self.replan_banner.replan_requested.connect(self.open_plan_dialog)
        self.banners = ActionBanners(self.error_label, self)
        self.banners.reload_requested.connect(self.reload)
        self.writes.hint.connect(self.banners.show_message)
        self.message_label, self.conflict = self.banners.message_label, self.banners.conflict

        self.board = DispatchBoard()
        self.board.assign_requested.connect(self.writes.assign)
        self.board.unassign_requested.connect(self.writes.unassign)
        self.board.pin_requested.connect(self.writes.set_pinned)
        self.board.service_requested.connect(self.writes.set_in_service)
        self.board.patient_requested.connect(self.patient_requested)
        self.board.assign_selected_requested.connect(self.writes.assign_selected_visit)
        self.board.current_changed.connect(self._on_board_current)
        self.board.ensure_visible_requested.connect(self._ensure_visible)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidget(self.board)
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.legend = styled_label("QLabel { color: #374151; font-size: 12px; }")
        board_box = column((self.board_scroll, 1), self.legend, spacing=2)
        self.empty_label = styled_label("QLabel { color: #6b7280; font-size: 15px; }", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(board_box)
        self.pages.addWidget(self.empty_label)

        self.tray = tray_table(self.tray_proxy)
        self.tray.activated.connect(self._on_tray_activated)
        # titles wrap inside their pane: the Danish tray title ran into the cars' title
        self.tray_title = styled_label(TITLE_STYLE, wrap=True)
        self.cars = cars_table(self.cars_proxy)
        self.cars.selectionModel().currentRowChanged.connect(self._on_car_row)
        self.cars_title = styled_label(TITLE_STYLE, wrap=True)
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(boxed(self.tray_title, self.tray))
        self.bottom.addWidget(boxed(self.cars_title, self.cars))
        self.bottom.setSizes([700, 520])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([500, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.replan_banner)
        self.banners.place(layout)
        layout.addWidget(self.splitter, 1)

    def add_top_bar_widget(self, widget: QWidget) -> None:
        """A button of another module (route sheet, map) beside Auto-plan."""
        self.top_bar.insertWidget(self.top_bar.count() - 1, widget)

    def set_roles(self, roles: frozenset[str]) -> None:
        """Only a dispatcher assigns, pins, plans and staffs cars (the services check again)."""
        can = "dispatcher" in roles
        self.plan_button.setVisible(can)
        self.board.editable = can
        self.tray_model.drag_enabled = can
        self.tray.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if can
                                  else QAbstractItemView.DragDropMode.NoDragDrop)
        self.cars_model.editable = can
        self.shifts.set_editable(can)
        self.replan_banner.show_offer(self.replan_banner.offer, allowed=can)
        self._show_texts()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "replan_banner"):
            self.replan_banner.retranslate_ui()
        if hasattr(self, "extras"):
            self.extras.retranslate_ui()
        if hasattr(self, "shifts"):
            self.shifts.retranslate_ui()
        self.plan_button.setText(self.tr("Auto-plan…"))
        self.plan_button.setToolTip(self.tr(
            "Plan the tray's visits onto the cars in service and order every route (re-plan "
            "keeps done and pinned visits); you accept or discard the proposal"))
        refill(self.base_combo, [(self.tr("All bases"), None), *((b, b) for b in self._bases())])
        refill(self.shift_combo, [(self.tr("Both shifts"), None), (self.tr("Day shift"), "day"),
                                  (self.tr("Evening shift"), "evening")])
        self.legend.setText(legend_text(self.tr(
            "▨ driving · faint band: time window · yellow pin: pinned · red edge: late · "
            "red line: now · ≈ approximate location")))
        self._show_texts()

    def _bases(self) -> list[str]:
        return sorted({s.base for s in self.snapshot.shifts}) if self.snapshot else []

    # -- loading -------------------------------------------------------------------------------

    @property
    def is_writing(self) -> bool:
        return self.writes.pending > 0

    def load_call(self) -> ServiceCall:
        return call(board_view.load_board, self.day)

    def set_day(self, day: date) -> None:
        if day != self.day:
            self.tray_model.set_reasons({})
        super().set_day(day)

    def prepare_load(self) -> Preparer | None:
        """The tray's row plan is made on the pool thread (``prepare_tray``)."""
        base = self.tray_model.off_thread_base()
        return None if base is None else partial(prepare_tray, base)

    def show_loaded(self, result: BoardSnapshot | tuple[BoardSnapshot, Any]) -> None:
        snapshot, plan = result if isinstance(result, tuple) else (result, None)
        self.loading_label.setVisible(self.is_writing)
        pending, self._pending_visit = self._pending_visit, None
        tray_selected = pending or self.selected_visit_id()
        self.snapshot = snapshot
        self.tray_model.set_snapshot(snapshot, plan)
        self.cars_model.set_lanes(snapshot.lanes)
        self.board.set_lanes(snapshot.lanes)  # keeps its chosen lane and block by id
        self.replan_banner.show_offer(snapshot.offer, allowed=self.board.editable)
        if pending is not None:  # just written here: show where it went
            self.board.select_visit(pending)
        if tray_selected is not None:
            self.select_visit(tray_selected, scroll_to=pending is not None)
        self.retranslate_ui()

    def _tick(self) -> None:
        self.tray_model.tick()
        self.board.update()

    # -- texts ---------------------------------------------------------------------------------

    def _show_texts(self) -> None:
        snap = self.snapshot
        if snap is None:
            self.summary_label.setText(self.tr("MBE dispatch"))
            return
        visits = [v for v in snap.visits if v.status in ("planned", "done")]
        on_cars = sum(v.shift_car_id is not None for v in visits)
        summary = self.tr("{n} MBE visits · {m} on cars · {k} in the tray").format(
            n=len(visits), m=on_cars, k=len(snap.tray))
        off_board = len(visits) - on_cars - len(snap.tray)  # registered done on no car
        if off_board:
            summary += " · " + self.tr("{d} done without a car").format(d=off_board)
        self.summary_label.setText(summary)
        shown = self.tray_proxy.rowCount()
        hint = (self.tr("drag one onto a car, or select it and press Enter on a car's lane")
                if self.board.editable else self.tr("read-only: only a dispatcher assigns visits"))
        self.tray_title.setText(self.tr("Tray: {n} MBE visits on no car — {hint}").format(
            n=shown, hint=hint))
        self.cars_title.setText(self.tr("Cars and crews (double-click a crew to change it)")
                                if self.cars_model.editable else self.tr("Cars and crews"))
        if not snap.shifts:
            self.empty_label.setText(self.tr(
                "No MBE shifts on {date}. A dispatcher creates each base's day and evening "
                "shift with its cars from the rota (Shifts); the tray below still lists the "
                "day's MBE visits.").format(date=snap.day.strftime("%d/%m/%Y")))
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentIndex(0)

    def patient_name(self, visit_id: int) -> str:
        row = self.snapshot.visit(visit_id) if self.snapshot else None
        return row.patient if row else self.tr("visit #{id}").format(id=visit_id)

    # -- scope and selection -------------------------------------------------------------------

    def scope(self) -> tuple[str | None, str | None]:
        return self.base_combo.currentData(), self.shift_combo.currentData()

    def set_scope(self, base: str | None, shift: str | None) -> None:
        self.base_combo.setCurrentIndex(max(0, self.base_combo.findData(base)) if base else 0)
        self.shift_combo.setCurrentIndex(max(0, self.shift_combo.findData(shift)) if shift else 0)

    def _on_scope_changed(self, _index: int = 0) -> None:
        base, shift = self.scope()
        self.tray_proxy.set_scope(base, shift)
        self.cars_proxy.set_scope(base, shift)
        self.board.set_scope(base, shift)
        self._show_texts()

    def selected_visit_id(self) -> int | None:
        """The tray's selected visit."""
        return selected_id(self.tray, VISIT_ID_ROLE)

    def select_visit(self, visit_id: int, *, scroll_to: bool = True) -> bool:
        """Select a visit in the tray (False when it is not there)."""
        return select_row(self.tray, self.tray_proxy, self.tray_model.row_of(visit_id),
                          scroll_to=scroll_to)

    def selected_shift_car_id(self) -> int | None:
        """The car of the board's chosen lane (for the route sheet and the map)."""
        lane = self.board.current_lane()
        return lane.shift_car_id if lane else None

    def _on_board_current(self) -> None:
        lane = self.board.current_lane()
        if lane is not None:
            row = self.cars_model.row_of(lane.shift_car_id)
            index = self.cars_proxy.mapFromSource(self.cars_model.index(row or 0, CarsColumn.CAR))
            if index.isValid() and index.row() != self.cars.currentIndex().row():
                self.cars.setCurrentIndex(index)
            self.car_selected.emit(lane.shift_car_id)

    def _on_car_row(self, current: Any, _previous: Any) -> None:
        lane = self.cars_model.row_at(self.cars_proxy.mapToSource(current).row()) \
            if current.isValid() else None
        if lane is not None and lane.shift_car_id != self.selected_shift_car_id():
            self.board.select(lane.shift_car_id)

    def _ensure_visible(self, rect: QRect) -> None:
        self.board_scroll.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height())

    def _on_tray_activated(self, index: Any) -> None:
        value = index.data(ADMISSION_ID_ROLE)
        if value is not None:
            self.patient_requested.emit(int(value))

    # -- writes --------------------------------------------------------------------------------

    def _on_write_started(self) -> None:
        self.loading_label.setText(self.tr("Saving…"))
        self.loading_label.setVisible(True)
        self.conflict.clear()

    def _on_written(self, text: str, visit_id: int | None) -> None:
        self.banners.show_message(text)
        if visit_id is not None:
            self._pending_visit = visit_id
            self.visit_changed.emit(visit_id)
        self.reload()

    def _on_write_failed(self, error: Exception, head: str) -> None:
        self.loading_label.setVisible(self.is_loading)
        text = self.banners.show_failure(error, head)
        if not isinstance(error, Conflict):
            self.reload()  # show what stands now
        self.write_failed.emit(text)

    # -- auto-plan -----------------------------------------------------------------------------

    def open_plan_dialog(self) -> PlanDialog:
        """Auto-plan (or re-plan) the chosen base/shift; the dialog starts planning at once.
        It is not modal: the board stays usable, and a plan overtaken by an edit is refused
        when accepted (``save_plan``'s versions)."""
        if self.plan_dialog is not None:
            if self.plan_dialog.isVisible():
                self.plan_dialog.raise_()
                return self.plan_dialog
            self.plan_dialog.deleteLater()  # the last one, closed
        base, shift = self.scope()
        dialog = PlanDialog(self.context, self.day, base=base, shift=shift, parent=self)
        dialog.plan_saved.connect(self._on_plan_saved)
        self.plan_dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def _on_plan_saved(self, saved: SavedPlan) -> None:
        assert self.plan_dialog is not None
        self.tray_model.set_reasons(self.plan_dialog.unplaced_reasons())
        self.banners.show_message(self.plan_dialog.saved_text(saved))
        self.plan_saved.emit(saved)
        self.reload()

    # -- per-user state ------------------------------------------------------------------------

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_SPLITTER: self.splitter, _SETTINGS_BOTTOM: self.bottom}
