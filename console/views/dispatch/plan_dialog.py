"""Auto-plan (and re-plan): the planner's proposal for the day's MBE visits, to accept or discard.

``propose_plan`` is a read: it runs in the worker (never the GUI thread) with the chosen time
limit, while a timer shows its progress ("planning… 2.1 s, 87 placed"). Cancel sets a
``threading.Event`` the planner polls on every iteration, so the best plan so far comes back
(``cancelled``). The proposal shows each car's load (stops, driving, distance, back at base),
the total, and every visit it could not place with the reason. Accept saves it in one
transaction (``save_plan`` through ``worker.write``); if the board changed since planning, the
``Conflict`` says so and offers to plan again. Discard writes nothing. Re-planning keeps done and
pinned visits where they are (the planner's rules).
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.services.core.errors import Conflict, RuleViolation
from console.services.core.operations import call
from console.services.dispatch import planner
from console.services.dispatch.planner import PlanProgress, PlanProposal
from console.timeutil import now_utc, today_local
from console.views.common.conflict import conflict_message
from console.views.common.i18n import decimal_numbers
from console.views.common.screen import ScreenContext
from console.views.common.widgets import interval_timer, push_button, styled_label, tool_row
from console.views.common.worker import message_of
from console.views.common.write_dialog import BANNER_ERROR_STYLE, violation_text
from console.views.dispatch.model import shift_label
from console.views.dispatch.plan_tables import (
    PlanMovesModel,
    PlanRoutesModel,
    RouteColumn,
    UnplacedModel,
    plan_table,
)

TIME_LIMIT_SETTING = "dispatch/plan_time_limit"
TICK_MS = 100
_CTX = "PlanDialog"


class _Progress:
    """The planner's latest improvement, written on the pool thread, read by the GUI timer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: PlanProgress | None = None

    def update(self, progress: PlanProgress) -> None:
        with self._lock:
            self._latest = progress

    def latest(self) -> PlanProgress | None:
        with self._lock:
            return self._latest


class PlanDialog(QDialog):
    proposal_ready = Signal(object)  # PlanProposal
    plan_saved = Signal(object)  # planner.SavedPlan, with the proposal in ``self.proposal``
    planning_failed = Signal(str)

    def __init__(self, context: ScreenContext, day: date, *, base: str | None = None,
                 shift: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.day, self.base, self.shift = context, day, base, shift
        self.setWindowModality(Qt.WindowModality.NonModal)  # the board stays usable meanwhile
        self.proposal: PlanProposal | None = None
        self._cancel = threading.Event()
        self._progress = _Progress()
        self._clock = QElapsedTimer()
        self._planning = False
        self._saving = False
        self._closed = False
        self.routes = PlanRoutesModel(self)
        self.unplaced = UnplacedModel(self)
        self.moves = PlanMovesModel(self)
        self._build_ui()
        self.timer = interval_timer(self, TICK_MS, self._show_progress, start=False)
        self.retranslate_ui()
        self.resize(860, 620)

    def _build_ui(self) -> None:
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet("QLabel { font-size: 14px; font-weight: 600; }")
        self.limit_label = QLabel()
        self.limit_spin = QDoubleSpinBox()
        self.limit_spin.setRange(0.5, 120.0)
        self.limit_spin.setDecimals(1)
        self.limit_spin.setSingleStep(0.5)
        stored = self.context.settings.value(TIME_LIMIT_SETTING, planner.DEFAULT_TIME_LIMIT)
        try:
            self.limit_spin.setValue(float(stored))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.limit_spin.setValue(planner.DEFAULT_TIME_LIMIT)
        self.limit_label.setBuddy(self.limit_spin)
        self.plan_button = push_button(clicked=self.start)
        self.cancel_button = push_button(clicked=self.cancel_planning)
        self.cancel_button.setEnabled(False)
        bar = tool_row((self.scope_label, 1), self.limit_label, self.limit_spin, self.plan_button,
                       self.cancel_button)
        self.progress_label = QLabel()
        self.progress_label.setStyleSheet("QLabel { color: #374151; }")
        self.summary_label = styled_label("QLabel { font-weight: 600; }", wrap=True)
        self.error_label = styled_label(BANNER_ERROR_STYLE, wrap=True, visible=False)
        self.routes_table = plan_table(self.routes, RouteColumn.SHIFT)
        self.moves_label = QLabel()
        self.moves_table = plan_table(self.moves, 0)
        self.unplaced_label = QLabel()
        self.unplaced_table = plan_table(self.unplaced, 2)
        self.unplaced_table.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept_plan)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.routes_table, 3)
        layout.addWidget(self.moves_label)
        layout.addWidget(self.moves_table, 2)
        layout.addWidget(self.unplaced_label)
        layout.addWidget(self.unplaced_table, 2)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Auto-plan MBE visits"))
        where = self.base or self.tr("all bases")
        which = (self.tr("{shift} shift").format(shift=shift_label(self.shift)) if self.shift
                 else self.tr("day and evening shifts"))
        self.scope_label.setText(self.tr("{date}: {where}, {which}").format(
            date=self.day.strftime("%d/%m/%Y"), where=where, which=which))
        self.limit_label.setText(self.tr("&Time limit"))
        self.limit_spin.setSuffix(self.tr(" s"))
        self.limit_spin.setToolTip(self.tr("How long the planner searches before it stops with "
                                           "the best plan found"))
        self.plan_button.setText(self.tr("Plan again") if self.proposal or self._planning
                                 else self.tr("Plan"))
        self.cancel_button.setText(self.tr("Cancel planning"))
        self.accept_button.setText(self.tr("Accept plan"))
        self.discard_button.setText(self.tr("Discard"))
        self.unplaced_label.setText(self.tr("Could not be placed: {n}").format(
            n=self.unplaced.rowCount()))
        self.moves_label.setText(self.tr("Changes against the routes now: {n}").format(
            n=self.moves.rowCount()))

    # -- planning ------------------------------------------------------------------------------

    @property
    def is_planning(self) -> bool:
        return self._planning

    @property
    def is_saving(self) -> bool:
        return self._saving

    def start(self) -> None:
        """Plan in the worker with the chosen time limit (a read: nothing is written)."""
        if self._planning or self._saving:
            return
        limit = self.limit_spin.value()
        self.context.settings.setValue(TIME_LIMIT_SETTING, limit)
        self._cancel = threading.Event()
        self._progress = _Progress()
        cancel, progress = self._cancel, self._progress
        day, base, shift = self.day, self.base, self.shift

        # Re-planning today: nothing is planned into the past (closed windows are reported).
        now = now_utc() if day == today_local() else None

        self._planning = True
        self.proposal = None
        self.error_label.setVisible(False)
        self.accept_button.setEnabled(False)
        self.plan_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._clock.start()
        self.timer.start()
        self._show_progress()
        self.context.worker.read(
            call(planner.propose_plan, day, base=base, shift=shift, time_limit=limit,
                 cancel=cancel.is_set, on_progress=progress.update, now=now),
            self._on_proposal, self._on_plan_failed, owner=self)

    def cancel_planning(self) -> None:
        """Stop the search: the best plan found so far comes back (thread-safe)."""
        if self._planning:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling… keeping the best plan so far."))

    def _show_progress(self) -> None:
        if not self._planning or self._cancel.is_set():
            return
        latest = self._progress.latest()
        self.progress_label.setText(decimal_numbers(self.tr("planning… {s:.1f} s, {n} placed").format(
            s=self._clock.elapsed() / 1000, n=latest.placed if latest else 0)))

    def _finish_planning(self) -> None:
        self._planning = False
        self.timer.stop()
        self.plan_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_proposal(self, proposal: PlanProposal) -> None:
        self._finish_planning()
        if self._closed:
            return  # discarded while it ran: nothing to show, nothing written
        self.proposal = proposal
        self.routes.set_routes(proposal.routes)
        self.unplaced.set_visits(proposal.unassigned)
        self.moves.set_moves(proposal.diff.moves if proposal.diff else ())
        self.unplaced_table.resizeRowsToContents()
        self.unplaced_table.setVisible(bool(proposal.unassigned))  # its room to the changes
        hours, minutes = divmod(proposal.driving_minutes, 60)
        km = sum(r.distance_km for r in proposal.routes)
        cars = sum(1 for r in proposal.routes if r.stops)
        self.summary_label.setText(self.tr(
            "{placed} visits on {cars} cars · {h} h {m} min driving · {km:.0f} km · {left} could "
            "not be placed").format(placed=proposal.placed, cars=cars, h=hours, m=minutes, km=km,
                                    left=len(proposal.unassigned)) + ("" if proposal.diff is None
            else "\n" + self.tr("Against the routes now: {moved} visits change car, {timed} only "
                                 "their time; cars freed: {freed}").format(
                moved=proposal.diff.car_changes, timed=proposal.diff.eta_changes,
                freed=", ".join(proposal.diff.cars_freed) or "—")))
        self.progress_label.setText(decimal_numbers(
            self.tr("Cancelled after {s:.1f} s: this is the best plan found so far.").format(
                s=proposal.seconds) if proposal.cancelled
            else self.tr("Planned in {s:.1f} s.").format(s=proposal.seconds)))
        self.accept_button.setEnabled(bool(proposal.routes))
        self.retranslate_ui()
        self.proposal_ready.emit(proposal)

    def _on_plan_failed(self, error: Exception) -> None:
        self._finish_planning()
        text = violation_text(error) if isinstance(error, RuleViolation) else message_of(error)
        self._show_error(self.tr("Could not plan: {message}").format(message=text))
        self.progress_label.clear()
        self.planning_failed.emit(text)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    # -- accept / discard ----------------------------------------------------------------------

    def accept_plan(self) -> None:
        """Save the proposal in one transaction; nothing is saved if anything changed since."""
        proposal = self.proposal
        if proposal is None or self._saving or self._planning:
            return
        self._saving = True
        self.accept_button.setEnabled(False)
        self.plan_button.setEnabled(False)
        self.context.worker.write(call(planner.save_plan, proposal), self._on_saved,
                                  self._on_save_failed, owner=self)

    def unplaced_reasons(self) -> dict[int, str]:
        """Visit id → why the accepted plan could not place it (the tray shows it)."""
        proposal = self.proposal
        return {u.visit_id: u.reason for u in proposal.unassigned} if proposal else {}

    def saved_text(self, saved: planner.SavedPlan) -> str:
        text = self.tr("Plan saved: {n} visits on {cars} cars.").format(n=saved.assigned,
                                                                         cars=saved.routes)
        unplaced = len(self.unplaced_reasons())
        if unplaced:
            text += " " + self.tr("{k} could not be placed: the tray says why.").format(k=unplaced)
        return text

    def _on_saved(self, saved: planner.SavedPlan) -> None:
        self._saving = False
        self.plan_saved.emit(saved)
        self._closed = True
        super().accept()

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self.plan_button.setEnabled(True)
        if isinstance(error, Conflict):
            self.proposal = None  # based on an old board: never save it
            self._show_error(self.tr("The board changed since this plan was made ({change}). "
                                     "Nothing was saved: plan again to include the change.")
                             .format(change=conflict_message(error).split(" — ")[0]))
            self.plan_button.setFocus()
        else:
            self.accept_button.setEnabled(True)
            self._show_error(violation_text(error) if isinstance(error, RuleViolation)
                             else message_of(error))
        self.retranslate_ui()

    def reject(self) -> None:
        """Discard: stop a running search, write nothing."""
        if self._saving:
            return  # the save decides; closing now would hide its outcome
        self._cancel.set()
        self._closed = True
        self.timer.stop()
        super().reject()
