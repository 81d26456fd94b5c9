"""The dispatch map (issue 5): the region's MBE bases and a ward day's stops, routes drawn.

A schematic aid for the dispatcher's eye, not a road map: the region's municipality points
faintly, the bases as squares with their names, each car's route as a coloured line base →
stops → base with the stops numbered in route order, visits still in the tray as hollow
circles, and a dashed ring round every stop whose point is only the municipality's
(``location_approximate``, "approximate location" in the legend). Longitude is squeezed by the
cosine of the latitude so distances look right. Stops at the same point (a patient visited
twice, approximate patients of one municipality) are fanned out a little so each stays
readable.

matplotlib's object API only (``Figure`` + ``FigureCanvasQTAgg``, never ``pyplot``), imported
lazily; ``set_data`` redraws the artists and calls ``draw_idle()``. ``map_data_from`` turns the
dispatch service's frozen rows into the map's plain tuples (pure; no database).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.services.dispatch.route_sheets import municipality_points
from console.services.dispatch.routes import MbeVisitRow, ShiftRow
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.widgets import stack

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

Stop = tuple[float, float, bool]  # latitude, longitude, approximate
BasePoint = tuple[str, float, float]  # name, latitude, longitude
Route = tuple[str, float, float, Sequence[Stop]]  # label, base latitude, base longitude, stops

_CTX = "DispatchMap"
SHIFT_SHORT = {
    "day": QT_TRANSLATE_NOOP(_CTX, "day"),
    "evening": QT_TRANSLATE_NOOP(_CTX, "evening"),
}
COLOURS = ("#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207",
           "#be185d", "#4d7c0f", "#1e3a8a", "#9a3412", "#6d28d9")
_INK = "#111827"
_MUTED = "#9ca3af"
_APPROX = "#9b1c13"
_MARKER_DEG = 0.036  # a stop marker's width when the region fills ~600 px of height
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_SPREAD_ROUNDS = 80
_MARGIN = 0.07  # of the region's extent, round it


@dataclass(frozen=True, slots=True)
class MapData:
    bases: tuple[BasePoint, ...]
    routes: tuple[Route, ...]
    unassigned: tuple[Stop, ...]


def map_data_from(shifts: Sequence[ShiftRow], visits: Sequence[MbeVisitRow],
                  bases: Sequence[BasePoint], *, kind: str | None = None) -> MapData:
    """The map's tuples from ``list_shifts`` / ``mbe_visits`` rows and the bases' points
    (``route_sheets.base_points``). ``kind`` ("day"/"evening") keeps one shift of each base, and
    the tray visits whose window opens in it. A route is a car's planned and done stops in
    route order; cancelled and missed visits are left off. A call sign with a route in both
    shifts is labelled with its shift."""
    chosen = [s for s in shifts if kind is None or s.kind == kind]
    where = {b[0]: (b[1], b[2]) for b in bases}
    cars = {c.shift_car_id: (s, c.call_sign) for s in chosen for c in s.cars}
    stops: dict[int, list[MbeVisitRow]] = {}
    unassigned: list[Stop] = []
    for v in visits:
        if v.status not in ("planned", "done"):
            continue
        if v.shift_car_id is None:
            if v.status == "planned" and (kind is None or any(
                    s.starts_at <= v.window_start < s.ends_at for s in chosen)):
                unassigned.append((v.lat, v.lon, v.location_approximate))
        elif v.shift_car_id in cars:
            stops.setdefault(v.shift_car_id, []).append(v)
    signs = [cars[i][1] for i in stops]
    routes: list[Route] = []
    for car_id, rows in sorted(stops.items(), key=lambda kv: (cars[kv[0]][1],
                                                              cars[kv[0]][0].starts_at)):
        shift, call = cars[car_id]
        if shift.base not in where:
            continue
        rows.sort(key=lambda r: (r.route_order is None, r.route_order or 0, r.eta or r.window_start))
        label = call
        if signs.count(call) > 1:
            text = SHIFT_SHORT.get(shift.kind, shift.kind)
            label = f"{call} · {QCoreApplication.translate(_CTX, text)}"
        lat, lon = where[shift.base]
        routes.append((label, lat, lon, tuple((r.lat, r.lon, r.location_approximate) for r in rows)))
    return MapData(tuple(bases), tuple(routes), tuple(unassigned))


def spread(points: Sequence[tuple[float, float]], *, fixed: Sequence[tuple[float, float]] = (),
           gap: float = _MARKER_DEG) -> list[tuple[float, float]]:
    """``points`` nudged apart, and away from the ``fixed`` ones (the bases), until no two are
    closer than ``gap`` degrees of latitude (longitude squeezed by the cosine), each moved as
    little as it takes (display only: overlapping markers would hide each other's numbers).
    Deterministic."""
    if not points:
        return []
    every = [*points, *fixed]
    squeeze = math.cos(math.radians(sum(p[0] for p in every) / len(every)))
    xy = [[lon * squeeze, lat] for lat, lon in every]
    movable = len(points)
    seen: dict[tuple[float, float], int] = {}
    for n, (x, y) in enumerate(xy):  # the same point twice: start them a little apart
        key = (round(x, 5), round(y, 5))
        k = seen.get(key, 0)
        seen[key] = k + 1
        if k and n < movable:
            xy[n][0] += gap * 0.1 * math.cos(k * _GOLDEN_ANGLE)
            xy[n][1] += gap * 0.1 * math.sin(k * _GOLDEN_ANGLE)
    for _ in range(_SPREAD_ROUNDS):
        if not _push_apart(xy, movable, gap):
            break
    return [(y, x / squeeze) for x, y in xy[:movable]]


def _push_apart(xy: list[list[float]], movable: int, gap: float) -> bool:
    """One round of pushing pairs closer than ``gap`` apart; the first ``movable`` may move."""
    moved = False
    for i in range(movable):
        for j in range(i + 1, len(xy)):
            dx, dy = xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]
            d = math.hypot(dx, dy)
            if d >= gap * 0.999:
                continue
            ux, uy = (dx / d, dy / d) if d > 1e-12 else (1.0, 0.0)
            share = (gap - d) / 2 if j < movable else gap - d
            xy[i][0] -= ux * share
            xy[i][1] -= uy * share
            if j < movable:
                xy[j][0] += ux * share
                xy[j][1] += uy * share
            moved = True
    return moved


class DispatchMap(QWidget):
    """Bases, routes and stops of a ward day on a small schematic map of Region Sjælland."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure: Figure = Figure(figsize=(7.0, 5.5), dpi=100, layout="constrained")
        self.canvas: FigureCanvasQTAgg = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, 280)
        self.axes: Axes = self.figure.add_subplot()
        self.municipalities: Sequence[BasePoint] = municipality_points()
        self._routes = 0
        self._stops = 0
        stack(self, self.canvas, margins=(0, 0, 0, 0))
        self.set_data([], [], [])

    @property
    def route_count(self) -> int:
        return self._routes

    @property
    def stop_count(self) -> int:
        """Stops on cars plus visits in the tray."""
        return self._stops

    def set_map_data(self, data: MapData, *, title: str | None = None) -> None:
        self.set_data(data.bases, data.routes, data.unassigned, title=title)

    def set_data(self, bases: Sequence[BasePoint], routes: Sequence[Route],
                 unassigned: Sequence[Stop], *, title: str | None = None) -> None:
        """Draw ``bases`` [(name, lat, lon)], ``routes`` [(call sign, base lat, base lon,
        [(lat, lon, approximate), …])] and the tray's ``unassigned`` [(lat, lon, approximate)]."""
        ax = self.axes
        ax.clear()
        self._style(ax)
        if title:
            ax.set_title(title, fontsize=10, loc="left", pad=6)
        stops = [s for r in routes for s in r[3]]
        self._routes = sum(1 for r in routes if r[3])
        self._stops = len(stops) + len(unassigned)
        placed = spread([(s[0], s[1]) for s in (*stops, *unassigned)],
                        fixed=[(b[1], b[2]) for b in bases])
        self._draw_region(ax, bases)
        handles: list[Any] = []
        at = 0
        for n, (label, blat, blon, route_stops) in enumerate(routes):
            if not route_stops:
                continue
            points = placed[at:at + len(route_stops)]
            at += len(route_stops)
            handles.append(self._draw_route(ax, label, (blat, blon), points,
                                            COLOURS[n % len(COLOURS)]))
        handles += self._draw_tray(ax, placed[len(stops):])
        approx = [p for p, s in zip(placed, (*stops, *unassigned), strict=True) if s[2]]
        if approx:
            ring: dict[str, Any] = {"facecolors": "none", "edgecolors": _APPROX, "linewidths": 1.2,
                    "linestyles": "--"}
            ax.scatter([p[1] for p in approx], [p[0] for p in approx], s=290, zorder=6,
                       gid="approximate", **ring)
            handles.append(ax.scatter([], [], s=150, label=self.tr("approximate location"),
                                      **ring))
        if bases:
            handles.append(ax.scatter([], [], marker="s", s=70, color=_INK,
                                      label=self.tr("MBE base")))
        self._frame(ax, [*((b[1], b[2]) for b in bases), *placed])
        if self._stops == 0:
            ax.text(0.5, 0.5, self.tr("No MBE visits to show"), transform=ax.transAxes,
                    ha="center", va="center", fontsize=12, color="#4b5563",
                    bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": _MUTED})
        else:
            ax.text(0.99, 0.01, self.tr("Schematic: stops close together are drawn side by side."),
                    transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="#6b7280")
        if self._stops and handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
                      frameon=False, borderaxespad=0.0, handletextpad=0.4, labelspacing=0.6)
        self.canvas.draw_idle()

    def export_png(self, path: Path, *, dpi: int = 120) -> Path:
        """Save the map as it is drawn now to ``path`` (PNG)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.figure.savefig(str(path), dpi=dpi, format="png", facecolor="white")
        return path

    # -- drawing -----------------------------------------------------------------------------

    def _draw_region(self, ax: Axes, bases: Sequence[BasePoint]) -> None:
        munis = self.municipalities
        ax.scatter([m[2] for m in munis], [m[1] for m in munis], s=9, color=_MUTED, zorder=1,
                   gid="municipality")
        for name, lat, lon in munis:
            if any(b[0] == name for b in bases):
                continue  # the base's own label says it
            ax.annotate(name, (lon, lat), textcoords="offset points", xytext=(0, -9),
                        ha="center", fontsize=6.5, color=_MUTED, zorder=1)
        if bases:
            ax.scatter([b[2] for b in bases], [b[1] for b in bases], marker="s", s=70,
                       color=_INK, zorder=7, gid="bases")
        for name, lat, lon in bases:
            ax.annotate(name, (lon, lat), textcoords="offset points", xytext=(7, 5),
                        fontsize=9, fontweight="bold", color=_INK, zorder=8,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                              "edgecolor": "none", "alpha": 0.8})

    def _draw_route(self, ax: Axes, label: str, base: tuple[float, float],
                    points: Sequence[tuple[float, float]], colour: str) -> Any:
        path = [base, *points, base]
        line, = ax.plot([p[1] for p in path], [p[0] for p in path], color=colour, linewidth=2.0,
                        alpha=0.85, zorder=3, gid="route", label=label)
        ax.scatter([p[1] for p in points], [p[0] for p in points], s=150, color=colour,
                   edgecolors="white", linewidths=1.0, zorder=4.5, gid="stop")
        for number, (lat, lon) in enumerate(points, 1):
            ax.text(lon, lat, str(number), ha="center", va="center", fontsize=7,
                    fontweight="bold", color="white", zorder=5, gid="stop-number")
        return line

    def _draw_tray(self, ax: Axes, points: Sequence[tuple[float, float]]) -> list[Any]:
        if not points:
            return []
        return [ax.scatter([p[1] for p in points], [p[0] for p in points], s=60,
                           facecolors="white", edgecolors="#374151", linewidths=1.5, zorder=3.5,
                           gid="unassigned", label=self.tr("unassigned visit"))]

    def _frame(self, ax: Axes, extra: Sequence[tuple[float, float]]) -> None:
        """The region's extent (municipalities, bases, stops) with a margin; longitude squeezed by
        the cosine of the middle latitude so a kilometre looks as long both ways (the axes widen
        the longer side's limits to fill the box)."""
        lats = [m[1] for m in self.municipalities] + [p[0] for p in extra]
        if not lats:
            return
        ax.margins(_MARGIN)
        ax.autoscale_view()
        middle = (min(lats) + max(lats)) / 2
        ax.set_aspect(1 / math.cos(math.radians(middle)), adjustable="datalim")

    @staticmethod
    def _style(ax: Any) -> None:
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_edgecolor("#d1d5db")
        ax.set_facecolor("#f8fafc")
