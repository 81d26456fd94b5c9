"""A dashboard chart drawn to pixels off the GUI thread (issue 17).

Drawing twelve charts with constrained layout took about 2.5 s of frozen window on the GUI
thread. ``render_chart`` runs on the screen's background thread (``views.common.background``):
a fresh ``Figure`` on matplotlib's Agg canvas (never ``pyplot``, never a Qt canvas), drawn by
``draw.DRAW`` (``draw_referrals`` for the referral page) at the size the panel has on screen,
returned with its RGBA pixels. The GUI thread only wraps the pixels in a ``QImage``. The figure
comes back too: exporting and printing the chart use the very figure the person sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.services.monitoring.dashboard import DashboardFigures
from console.views.dashboard.draw import DRAW
from console.views.dashboard.draw_referrals import REFERRAL_DRAW

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_DRAWERS = {**DRAW, **REFERRAL_DRAW}
SCREEN_DPI = 100.0
MIN_WIDTH, MIN_HEIGHT = 320, 180


@dataclass(frozen=True, slots=True)
class RenderedChart:
    key: str
    option: str
    width: int  # pixels
    height: int
    rgba: bytes
    figure: Figure


def build_figure(key: str, figures: DashboardFigures, option: str, width_in: float,
                 height_in: float, dpi: float = SCREEN_DPI) -> Figure:
    """The chart as a matplotlib figure of the given size (any thread; one thread per figure)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    CHART_DRAWERS[key](figure, figures, option)
    return figure


def render_chart(key: str, figures: DashboardFigures, option: str, width: int, height: int,
                 pixel_ratio: float = 1.0) -> RenderedChart:
    """Draw ``key`` for ``figures`` at ``width`` × ``height`` logical pixels."""
    width, height = max(MIN_WIDTH, width), max(MIN_HEIGHT, height)
    dpi = SCREEN_DPI * pixel_ratio
    figure = build_figure(key, figures, option, width / SCREEN_DPI, height / SCREEN_DPI, dpi)
    canvas = figure.canvas
    canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    rgba = bytes(canvas.buffer_rgba())  # type: ignore[attr-defined]
    return RenderedChart(key, option, w, h, rgba, figure)
