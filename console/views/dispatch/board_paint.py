"""The timeline board as it is drawn: lanes grouped by base and shift, and their geometry.

Each group has an hours ruler across its shift. A visit on a car is a tinted block at its ETA,
as long as its service, with a kind stripe; its time window is a faint bar along the lane top
that the block sits on; the drive before it (from the previous stop, or from the base at the
shift start) and the drive home are hatched strips under the lane, waiting a dotted line.
Pinned blocks carry a pin, done ones are grey, late ones have a red edge; a car out of service
is a greyed lane saying so. Painted in ``paintEvent`` (only the rows in the exposed rect).
``DispatchBoard`` (board.py) adds what a person does with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from console.services.dispatch.board_view import Lane, LaneBlock
from console.timeutil import now_utc, to_local
from console.views.common import palette
from console.views.common.labels import visit_label
from console.views.dispatch.model import (
    KIND_COLOURS,
    shift_label,
    stops_text,
)

LABEL_W, HEADER_H, LANE_H = 190, 24, 46
PAD, PAD_RIGHT = 10, 28  # right: room for the last hour's label
MIN_PX_PER_MIN = 1.6  # 96 px an hour: below this the board scrolls sideways
TEXT, MUTED, DONE = QColor("#111827"), palette.MUTED_FG, QColor("#9ca3af")
LATE, FOCUS, GRID = QColor("#dc2626"), QColor("#2563eb"), QColor("#e5e7eb")


@dataclass(frozen=True, slots=True)
class _Group:
    base: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    top: int

    def hours(self) -> Iterator[datetime]:
        """The full local hours inside the shift (DST-safe: stepped in local wall time)."""
        hour = to_local(self.starts_at).replace(minute=0, second=0, microsecond=0)
        while hour <= to_local(self.ends_at):
            if hour >= self.starts_at:
                yield hour
            hour += timedelta(hours=1)


class PaintedBoard(QWidget):
    current_changed = Signal()
    ensure_visible_requested = Signal(QRect)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.editable = True
        self.now = now_utc
        self._lanes: tuple[Lane, ...] = ()
        self._scope: tuple[str | None, str | None] = (None, None)
        self._shown: list[Lane] = []
        self._groups: list[_Group] = []
        self._lane_top: dict[int, int] = {}
        self._group_of: dict[int, _Group] = {}
        self._ppm = MIN_PX_PER_MIN
        self._current_lane: int | None = None
        self._current_block: int | None = None
        self._drop_lane: int | None = None
        self._press: tuple[QPoint, Lane, LaneBlock] | None = None
        self._relayout()

    # -- data and selection --------------------------------------------------------------------

    def set_lanes(self, lanes: tuple[Lane, ...]) -> None:
        """New data; the chosen lane and block are kept by id when they still exist."""
        self._lanes = lanes
        self._relayout()

    def set_scope(self, base: str | None, shift: str | None) -> None:
        self._scope = (base, shift)
        self._relayout()

    def lanes(self) -> list[Lane]:
        """The lanes shown (in scope), top to bottom."""
        return list(self._shown)

    def lane(self, shift_car_id: int) -> Lane | None:
        return next((ln for ln in self._shown if ln.shift_car_id == shift_car_id), None)

    def current_lane(self) -> Lane | None:
        return None if self._current_lane is None else self.lane(self._current_lane)

    def current_block(self) -> LaneBlock | None:
        lane = self.current_lane()
        return next((b for b in lane.blocks if b.visit_id == self._current_block), None) \
            if lane else None

    def select(self, shift_car_id: int | None, visit_id: int | None = None) -> None:
        lane = None if shift_car_id is None else self.lane(shift_car_id)
        self._current_lane = lane.shift_car_id if lane else None
        self._current_block = visit_id if lane and any(
            b.visit_id == visit_id for b in lane.blocks) else None
        self.update()
        if lane is not None:
            self.ensure_visible_requested.emit(self.lane_rect(lane.shift_car_id))
        self.current_changed.emit()

    def select_visit(self, visit_id: int) -> bool:
        lane = next((ln for ln in self._shown if any(b.visit_id == visit_id for b in ln.blocks)),
                    None)
        if lane is not None:
            self.select(lane.shift_car_id, visit_id)
        return lane is not None

    # -- geometry ------------------------------------------------------------------------------

    def _relayout(self) -> None:
        base, shift = self._scope
        self._shown = [ln for ln in self._lanes if base in (None, ln.base)
                       and shift in (None, ln.kind)]
        self._groups, self._lane_top, self._group_of = [], {}, {}
        y = 0
        for ln in self._shown:
            group = self._groups[-1] if self._groups else None
            if group is None or (group.base, group.kind, group.starts_at) != (
                    ln.base, ln.kind, ln.starts_at):
                group = _Group(ln.base, ln.kind, ln.starts_at, ln.ends_at, y)
                self._groups.append(group)
                y += HEADER_H
            self._lane_top[ln.shift_car_id], self._group_of[ln.shift_car_id] = y, group
            y += LANE_H
        span = max((g.ends_at - g.starts_at for g in self._groups), default=timedelta(hours=8))
        self._span, self._height = max(1.0, span.total_seconds() / 60), max(y, 60)
        self.setMinimumSize(int(LABEL_W + PAD + PAD_RIGHT + self._span * MIN_PX_PER_MIN),
                            self._height)
        if self._current_lane not in self._lane_top:
            self._current_lane = self._shown[0].shift_car_id if self._shown else None
        if self.current_block() is None:
            self._current_block = None
        self.resizeEvent(None)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(int(LABEL_W + PAD + PAD_RIGHT + self._span * 2.2), self._height)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        self._ppm = max(MIN_PX_PER_MIN, (self.width() - LABEL_W - PAD - PAD_RIGHT) / self._span)
        self.update()

    def x_of(self, group: _Group, at: datetime) -> float:
        return LABEL_W + PAD + (at - group.starts_at).total_seconds() / 60 * self._ppm

    def lane_rect(self, shift_car_id: int) -> QRect:
        top = self._lane_top.get(shift_car_id)
        return QRect() if top is None else QRect(0, top, self.width(), LANE_H)

    def block_rect(self, visit_id: int) -> QRectF:
        return next((self._block_rect(ln, b) for ln in self._shown for b in ln.blocks
                     if b.visit_id == visit_id), QRectF())

    def _block_rect(self, lane: Lane, b: LaneBlock) -> QRectF:
        x = self.x_of(self._group_of[lane.shift_car_id], b.start)
        return QRectF(x, self._lane_top[lane.shift_car_id] + 5,
                      max(6.0, b.visit.service_minutes * self._ppm), LANE_H - 16)

    def lane_at(self, pos: QPoint | QPointF) -> Lane | None:
        return next((ln for ln in self._shown if 0 <= pos.y() - self._lane_top[ln.shift_car_id]
                     < LANE_H), None)

    def block_at(self, pos: QPoint | QPointF) -> tuple[Lane, LaneBlock] | None:
        lane = self.lane_at(pos)
        if lane is None:
            return None
        hits = [b for b in lane.blocks
                if self._block_rect(lane, b).adjusted(-2, 0, 2, 0).contains(QPointF(pos))]
        return (lane, hits[-1]) if hits else None

    # -- painting ------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        bold, small = QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        return bold, small

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        if not self._shown:
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No cars in this base and shift."))
        clip = event.rect()
        for g in self._groups:
            if g.top <= clip.bottom() and g.top + HEADER_H >= clip.top():
                self._paint_header(p, g)
        for lane in self._shown:
            top = self._lane_top[lane.shift_car_id]
            if top <= clip.bottom() and top + LANE_H >= clip.top():
                self._paint_lane(p, lane, top)
        p.end()

    def _paint_header(self, p: QPainter, g: _Group) -> None:
        p.fillRect(QRect(0, g.top, self.width(), HEADER_H), QColor("#eef2f7"))
        p.setPen(QColor("#cbd5e1"))
        p.drawLine(0, g.top + HEADER_H - 1, self.width(), g.top + HEADER_H - 1)
        bold, _small = self._fonts()
        p.setFont(bold)
        p.setPen(TEXT)
        title = self.tr("{base} · {shift} shift").format(base=g.base, shift=shift_label(g.kind))
        p.drawText(QRect(8, g.top, LABEL_W - 12, HEADER_H), Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, LABEL_W - 12))
        p.setFont(self.font())
        for hour in g.hours():
            x = self.x_of(g, hour)
            p.setPen(QColor("#94a3b8"))
            p.drawLine(QPointF(x, g.top + HEADER_H - 6), QPointF(x, g.top + HEADER_H))
            p.setPen(QColor("#334155"))
            p.drawText(QRectF(x - 30, g.top, 60, HEADER_H - 4), Qt.AlignmentFlag.AlignCenter,
                       hour.strftime("%H:%M"))

    def _paint_lane(self, p: QPainter, lane: Lane, top: int) -> None:
        g = self._group_of[lane.shift_car_id]
        row = QRect(0, top, self.width(), LANE_H)
        p.fillRect(row, QColor("#ffffff") if self._shown.index(lane) % 2 else QColor("#fafbfc"))
        x0, x1 = self.x_of(g, g.starts_at), self.x_of(g, g.ends_at)
        timeline = QRectF(x0, top, x1 - x0, LANE_H)
        if not lane.in_service:
            p.fillRect(timeline, QColor("#eceef1"))
            p.fillRect(timeline, QBrush(QColor("#d5d9df"), Qt.BrushStyle.BDiagPattern))
        p.setPen(GRID)
        for hour in g.hours():
            p.drawLine(QPointF(self.x_of(g, hour), top), QPointF(self.x_of(g, hour), top + LANE_H))
        p.drawLine(0, top + LANE_H - 1, self.width(), top + LANE_H - 1)
        self._paint_label(p, lane, top)
        if not lane.in_service:
            p.setPen(MUTED)
            p.drawText(timeline, Qt.AlignmentFlag.AlignCenter, self.tr("out of service"))
        now = self.now()
        if g.starts_at <= now <= g.ends_at:
            p.setPen(QPen(QColor(220, 38, 38, 150), 1.5))
            p.drawLine(QPointF(self.x_of(g, now), top), QPointF(self.x_of(g, now), top + LANE_H))
        for b in lane.blocks:
            self._paint_window(p, lane, g, b, top)
            if b.travel_from is not None and b.travel_minutes:
                self._paint_travel(p, g, b.travel_from, b.travel_minutes, b.start, top)
        if lane.home_from is not None and lane.home_minutes:
            self._paint_travel(p, g, lane.home_from, lane.home_minutes, None, top)
        if lane.rest_at is not None:
            self._paint_rest(p, g, lane.rest_at, lane.rest_minutes, top)
        ordered = sorted(lane.blocks, key=lambda b: b.start)
        for n, b in enumerate(ordered):
            self._paint_block(p, lane, b, self._block_rect(lane, ordered[n + 1]).left() - 3
                              if n + 1 < len(ordered) else self.width() - 4)
        if self._drop_lane == lane.shift_car_id:
            p.setPen(QPen(FOCUS if lane.in_service else LATE, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(row.adjusted(1, 1, -2, -2))

    def _paint_label(self, p: QPainter, lane: Lane, top: int) -> None:
        current = lane.shift_car_id == self._current_lane
        p.fillRect(QRect(0, top, LABEL_W, LANE_H - 1), QColor(
            "#dbeafe" if current and self.hasFocus() else "#eff6ff" if current else "#f8fafc"))
        if current:
            p.fillRect(QRect(0, top, 4, LANE_H - 1), FOCUS)
        p.setPen(QColor("#cbd5e1"))
        p.drawLine(LABEL_W, top, LABEL_W, top + LANE_H)
        bold, small = self._fonts()
        p.setFont(bold)
        p.setPen(TEXT if lane.in_service else MUTED)
        p.drawText(QRect(10, top + 4, 70, 18), Qt.AlignmentFlag.AlignVCenter, lane.call_sign)
        p.setFont(small)
        p.setPen(MUTED)
        load = (self.tr("{stops} · {m} min").format(stops=stops_text(len(lane.planned)),
                                                    m=lane.driving_minutes)
                if lane.in_service else self.tr("out of service"))
        p.drawText(QRect(78, top + 4, LABEL_W - 84, 18), Qt.AlignmentFlag.AlignVCenter
                   | Qt.AlignmentFlag.AlignRight, load)
        p.setPen(QColor("#374151") if lane.crew else MUTED)
        p.drawText(QRect(10, top + 22, LABEL_W - 16, 18), Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(small).elidedText(lane.crew or self.tr("no crew"),
                                                  Qt.TextElideMode.ElideRight, LABEL_W - 16))

    def _paint_window(self, p: QPainter, lane: Lane, g: _Group, b: LaneBlock, top: int) -> None:
        """The window as a faint bar the block sits on (its top edge); stronger when chosen."""
        left = max(self.x_of(g, b.visit.window_start), self.x_of(g, g.starts_at))
        right = min(self.x_of(g, b.visit.window_end), self.x_of(g, g.ends_at))
        colour = QColor(DONE if b.done else KIND_COLOURS.get(b.visit.kind, DONE))
        colour.setAlpha(150 if b.visit_id == self._current_block
                        and lane.shift_car_id == self._current_lane else 70)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(left, top + 2, max(3.0, right - left), 5), 2, 2)

    def _paint_travel(self, p: QPainter, g: _Group, leaves: datetime, minutes: int,
                      start: datetime | None, top: int) -> None:
        a, b = self.x_of(g, leaves), self.x_of(g, leaves + timedelta(minutes=minutes))
        strip = QRectF(a, top + LANE_H - 9, max(1.0, b - a), 6)
        p.setPen(Qt.PenStyle.NoPen)
        p.fillRect(strip, QColor("#e2e8f0"))
        p.fillRect(strip, QBrush(QColor("#64748b"), Qt.BrushStyle.BDiagPattern))
        if start is not None and self.x_of(g, start) > b + 1:  # waiting for the window
            p.setPen(QPen(QColor("#94a3b8"), 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(b, top + LANE_H - 6), QPointF(self.x_of(g, start), top + LANE_H - 6))

    def _paint_rest(self, p: QPainter, g: _Group, at: datetime, minutes: int, top: int) -> None:
        """The crew's break at the base (R-BREAK): a hatched amber block with its times."""
        a, b = self.x_of(g, at), self.x_of(g, at + timedelta(minutes=minutes))
        rect = QRectF(a, top + 10, max(2.0, b - a), LANE_H - 22)
        p.setPen(QPen(QColor("#b45309"), 1))
        p.setBrush(QColor("#fef3c7"))
        p.drawRoundedRect(rect, 3, 3)
        p.fillRect(rect, QBrush(QColor("#f59e0b"), Qt.BrushStyle.FDiagPattern))
        p.setFont(self._fonts()[1])
        p.setPen(TEXT)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Break"))

    def _paint_block(self, p: QPainter, lane: Lane, b: LaneBlock, limit: float) -> None:
        """A tinted block with a solid kind stripe; the text runs on past a short block up to
        the next one (dark on light throughout, so a name is never split in two colours)."""
        rect, v = self._block_rect(lane, b), b.visit
        colour = DONE if b.done else KIND_COLOURS.get(v.kind, DONE)
        tint = QColor(*(round(c * 0.2 + 255 * 0.8) for c in (colour.red(), colour.green(),
                                                             colour.blue())))
        selected = b.visit_id == self._current_block and lane.shift_car_id == self._current_lane
        p.setPen(QPen(LATE, 2) if b.late else QPen(TEXT, 2) if selected else Qt.PenStyle.NoPen
                 if v.eta is not None else QPen(colour, 1, Qt.PenStyle.DashLine))
        p.setBrush(tint)
        p.drawRoundedRect(rect, 3, 3)
        p.fillRect(QRectF(rect.left(), rect.top(), min(4.0, rect.width()), rect.height()), colour)
        left = rect.left() + 7
        if v.pinned:
            at = QPointF(left + 3, rect.top() + 6)
            p.setPen(QPen(TEXT, 1))
            p.setBrush(QColor("#facc15"))
            p.drawPolygon(QPolygonF([at + QPointF(-1.5, 2), at + QPointF(1.5, 2),
                                     at + QPointF(0, 8)]))
            p.drawEllipse(at, 3.5, 3.5)
            left += 10
        width, y = int(max(0.0, limit - left)), rect.top() + 1
        p.save()
        p.setClipRect(QRectF(rect.left(), rect.top(), max(rect.width(), limit - rect.left()),
                             rect.height()))
        bold, small = self._fonts()
        for font, text, pen in ((bold, v.patient + (" ✓" if b.done else ""), TEXT), (
                small, f"{v.municipality} · {visit_label(v.kind, v.task)}"
                + (" ≈" if v.location_approximate else ""), QColor("#374151"))):
            metrics = QFontMetrics(font)
            p.setFont(font)
            p.setPen(pen)
            p.drawText(QRectF(left, y, width, metrics.height()), Qt.AlignmentFlag.AlignLeft,
                       metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += metrics.height()
        p.restore()

    # -- tooltips ------------------------------------------------------------------------------

