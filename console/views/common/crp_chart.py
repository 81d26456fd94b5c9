"""A compact CRP chart (mg/L over local time) for the patient record and the Rounds screen.

matplotlib's object API only (``Figure`` + ``FigureCanvasQTAgg``, never ``pyplot``), imported
lazily so that screens without a chart do not pay for it. ``set_series`` updates the artists and
calls ``draw_idle()``; with no points the chart shows a quiet empty-state text instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from console.timeutil import LOCAL_TZ, to_local
from console.views.common.i18n import decimal_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

Series = Sequence[tuple[str, Sequence[tuple[datetime, float]]]]

REFERENCE_MG_L = 50.0  # a dashed line: above it the doctor looks twice
_COLOURS = ("#0b5cad", "#c2410c", "#15803d", "#7e22ce")
_MUTED = "#6b7280"


class CrpChart(QWidget):
    """CRP results as one line per series, local time on x, mg/L on y."""

    def __init__(self, parent: QWidget | None = None, *,
                 reference: float | None = REFERENCE_MG_L) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.reference = reference
        self.figure: Figure = Figure(figsize=(3.6, 2.0), dpi=100, layout="constrained")
        self.canvas: FigureCanvasQTAgg = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(240, 150)
        self.axes: Axes = self.figure.add_subplot()
        self._point_count = 0
        self._axis_label: str | None = None
        self._interval: tuple[float | None, float | None] | None = None
        self._empty_text = self.tr("No CRP results yet")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.set_series([])

    @property
    def point_count(self) -> int:
        """How many results the chart shows (0: the empty state)."""
        return self._point_count

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text

    def set_series(self, series: Series, *, title: str | None = None,
                   axis_label: str | None = None,
                   interval: tuple[float | None, float | None] | None = None) -> None:
        """Show ``[(label, [(taken_at, mg/L), …]), …]``; instants are aware (shown local).

        Another analysis than CRP (issue 19, the record's trend per analysis) gives its
        ``axis_label`` ("Sodium (mmol/L)") and its reference ``interval``, shaded instead of
        CRP's line; its y axis then frames the values and the interval, not zero."""
        self._axis_label = axis_label
        self._interval = interval
        ax = self.axes
        ax.clear()
        self._style(ax)
        if title:
            ax.set_title(title, fontsize=9, loc="left")
        points = [(label, sorted(values)) for label, values in series if values]
        self._point_count = sum(len(values) for _, values in points)
        if not points:
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_visible(False)
            ax.text(0.5, 0.5, self._empty_text, transform=ax.transAxes, ha="center",
                    va="center", color=_MUTED, fontsize=10)
            self.canvas.draw_idle()
            return
        self._plot(ax, points)
        self.canvas.draw_idle()

    def _plot(self, ax: Axes, points: list[tuple[str, list[tuple[datetime, float]]]]) -> None:
        import matplotlib.dates as mdates

        top = 0.0
        for n, (label, values) in enumerate(points):
            xs = [float(mdates.date2num(to_local(at))) for at, _ in values]
            ys = [value for _, value in values]
            top = max(top, *ys)
            line, = ax.plot(xs, ys, marker="o", markersize=4, linewidth=1.6,
                            color=_COLOURS[n % len(_COLOURS)], label=label)
            last_x, last_y = xs[-1], ys[-1]
            ax.annotate(decimal_text(f"{last_y:g}"), (last_x, last_y), textcoords="offset points",
                        xytext=(4, 4), fontsize=8, color=line.get_color())
        if self._interval is not None:
            self._frame_interval(ax, [v for _, values in points for _, v in values])
        else:
            if self.reference is not None:
                ax.axhline(self.reference, linestyle="--", linewidth=0.9, color=_MUTED)
                top = max(top, self.reference)
            ax.set_ylim(0, top * 1.2 + 5)
        ax.margins(x=0.1)
        ax.set_ylabel(self._axis_label or self.tr("CRP (mg/L)"), fontsize=8)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=6, tz=LOCAL_TZ)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m", tz=LOCAL_TZ))
        if len(points) > 1:
            ax.legend(fontsize=7, frameon=False, loc="upper right")
        if sum(len(v) for _, v in points) == 1:  # one point: give it some room either side
            only = to_local(points[0][1][0][0])
            ax.set_xlim(float(mdates.date2num(only - timedelta(days=1))),
                        float(mdates.date2num(only + timedelta(days=1))))

    def _frame_interval(self, ax: Axes, values: list[float]) -> None:
        """The reference interval shaded, the axis around the values and the interval."""
        assert self._interval is not None
        low, high = self._interval
        bounds = [v for v in (low, high) if v is not None]
        bottom, top = min(values + bounds), max(values + bounds)
        if low is not None or high is not None:
            ax.axhspan(low if low is not None else bottom - abs(bottom),
                       high if high is not None else top + abs(top),
                       color="#15803d", alpha=0.08, linewidth=0)
        pad = (top - bottom) * 0.2 or abs(top) * 0.2 or 1.0
        ax.set_ylim(max(0.0, bottom - pad) if bottom >= 0 else bottom - pad, top + pad)

    @staticmethod
    def _style(ax: Any) -> None:
        ax.tick_params(labelsize=8, colors="#374151")
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(side in ("left", "bottom"))
        ax.grid(axis="y", linewidth=0.4, alpha=0.5)
