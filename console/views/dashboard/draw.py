"""Drawing the dashboard's charts onto a matplotlib ``Figure`` (object API, never ``pyplot``).

One function per chart, ``draw(figure, figures, option)``; each clears the figure, lays out its
axes and draws; an empty figure explains itself in words rather than showing bare axes. Only
``matplotlib.ticker`` is imported here, lazily; ``render.py`` draws on the background thread.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from console.services.monitoring.dashboard import DashboardFigures
from console.services.monitoring.operations import ClockFigures
from console.services.monitoring.periods import GroupedSeries
from console.views.common.i18n import day_text, decimal_text
from console.views.dashboard.tables import group_label, percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_CTX = "Dashboard"
MUTED, INK, GRID = "#6b7280", "#374151", "#e5e7eb"
QUALITATIVE = ("#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#0e7490", "#b45309", "#be185d",
               "#4d7c0f", "#1e3a8a", "#9ca3af")
FIXED_COLOURS = {
    "municipality": "#0b5cad", "mbe": "#c2410c",
    "on_time": "#15803d", "late": "#f59e0b", "failed": "#b42318", "overdue": "#7f1d1d",
    "open": "#cbd5e1", "antibiotic": "#0b5cad", "fluid": "#0e7490", "antibiotic+fluid": "#7e22ce",
    "patients": "#b42318", "admitted": "#15803d", "declined": "#b42318", "referred": "#f59e0b",
}
MAX_TICKS = 8
MEAN_LINE: dict[str, Any] = {"color": "#c2410c", "linestyle": "--", "linewidth": 1.2, "zorder": 3}
MEDIAN_LINE: dict[str, Any] = {"color": "#14532d", "linestyle": ":", "linewidth": 1.8, "zorder": 3}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=8, colors=INK)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", linewidth=0.5, color=GRID)
    ax.set_axisbelow(True)


def _integer_y(ax: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))


def empty(fig: Figure, text: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color=MUTED,
            fontsize=10, wrap=True)


def styled_axes(fig: Figure) -> Axes:
    """One plot filling the figure, in the dashboard's style."""
    ax = fig.add_subplot()
    _style(ax)
    return ax


def chart_axes(fig: Figure, has_data: bool, empty_text: str) -> Axes | None:
    """The chart's axes; with no data, None and ``empty_text`` drawn in their place."""
    if not has_data:
        empty(fig, empty_text)
        return None
    return styled_axes(fig)


def _key_ticks(ax: Axes, keys: Sequence[date], fmt: str = "%d/%m", *,
               max_ticks: int = MAX_TICKS) -> None:
    step = max(1, -(-len(keys) // max_ticks))
    positions = list(range(0, len(keys), step))
    ax.set_xticks(positions, [keys[i].strftime(fmt) for i in positions])
    ax.set_xlim(-0.6, len(keys) - 0.4)


def colour(name: str, n: int) -> str:
    return FIXED_COLOURS.get(name, QUALITATIVE[n % len(QUALITATIVE)])


def _stacked(ax: Axes, series: GroupedSeries, kind: str, *, width: float = 0.8) -> None:
    xs = list(range(len(series.keys)))
    bottom = [0] * len(xs)
    for n, (name, counts) in enumerate(series.groups):
        if not any(counts):
            continue
        ax.bar(xs, counts, width=width, bottom=bottom, color=colour(name, n),
               label=group_label(kind, name), linewidth=0)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_ylim(0, max(1, *bottom) * 1.12)
    _integer_y(ax)


def _legend_right(ax: Axes) -> None:
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _stacked_chart(fig: Figure, series: GroupedSeries, kind: str, empty_text: str,
                   key_label: str) -> None:
    ax = chart_axes(fig, bool(series.total), empty_text)
    if ax is None:
        return
    _stacked(ax, series, kind)
    _key_ticks(ax, series.keys)
    ax.set_xlabel(key_label, fontsize=8, color=MUTED)
    _legend_right(ax)


# --- the charts ------------------------------------------------------------------------------

def draw_capacity(fig: Figure, f: DashboardFigures, _option: str) -> None:
    c = f.capacity
    ax = chart_axes(fig, any(c.admitted), _t("No patient was admitted in this period."))
    if ax is None:
        return
    xs = list(range(len(c.days)))
    colours = ["#f59e0b" if n > c.capacity else "#0b5cad" for n in c.admitted]
    ax.bar(xs, c.admitted, color=colours, width=0.8, linewidth=0)
    ax.axhline(c.capacity, color="#7a4b00", linestyle="--", linewidth=1.1)
    ax.annotate(_t("Capacity {n}").format(n=c.capacity), (1.0, c.capacity),
                xycoords=("axes fraction", "data"), xytext=(-2, 3), textcoords="offset points",
                ha="right", va="bottom", fontsize=7, color="#7a4b00", zorder=4,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})  # readable over the bars, never under them
    ax.set_ylim(0, max(c.peak, c.capacity) * 1.15 + 1)
    _integer_y(ax)
    _key_ticks(ax, c.days)
    ax.set_ylabel(_t("Patients"), fontsize=8)


def draw_bed_days(fig: Figure, f: DashboardFigures, _option: str) -> None:
    ax = chart_axes(fig, any(n for _, n in f.bed_days), _t("No bed days in this period."))
    if ax is None:
        return
    xs = list(range(len(f.bed_days)))
    values = [n for _, n in f.bed_days]
    bars = ax.bar(xs, values, color="#0b5cad", width=0.6, linewidth=0)
    ax.bar_label(bars, [f"{v:,}".replace(",", " ") for v in values], fontsize=7, padding=2)
    ax.set_xticks(xs, [day_text(m, "MMM yyyy") for m, _ in f.bed_days])
    ax.set_ylim(0, max(values) * 1.18)
    _integer_y(ax)
    if len(xs) == 1:
        ax.set_xlim(-1.5, 1.5)
    ax.set_ylabel(_t("Bed days"), fontsize=8)


def draw_courses(fig: Figure, f: DashboardFigures, option: str) -> None:
    by_condition = option == "condition"
    started = f.courses.started_by_condition if by_condition else f.courses.started_by_treatment
    ended = f.courses.ended_by_condition if by_condition else f.courses.ended_by_treatment
    if not started.total and not ended.total:
        empty(fig, _t("No course started or ended in this period."))
        return
    names = list(dict.fromkeys((*started.names, *ended.names)))
    left, right = fig.subplots(1, 2, sharey=True)
    top = max(1, *started.totals, *ended.totals) * 1.12
    for ax, series, title in ((left, started, _t("Started")), (right, ended, _t("Ended"))):
        _style(ax)
        ordered = GroupedSeries(series.keys, tuple((n, series.series(n)) for n in names))
        _stacked(ax, ordered, option)
        _key_ticks(ax, series.keys, max_ticks=4)
        ax.set_title(title, fontsize=9, loc="left", color=INK)
        ax.set_xlabel(_t("Week starting"), fontsize=8, color=MUTED)
    left.set_ylim(0, top)
    left.set_ylabel(_t("Courses"), fontsize=8)
    handles: dict[str, Any] = {}
    for ax in (left, right):
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, handle)
    right.legend(list(handles.values()), list(handles), fontsize=7, frameon=False,
                 loc="upper left", bbox_to_anchor=(1.0, 1.0))


def draw_length(fig: Figure, f: DashboardFigures, _option: str) -> None:
    los = f.length
    ax = chart_axes(fig, bool(los.courses), _t("No course ended in this period."))
    if ax is None:
        return
    ax.bar([d for d, _ in los.counts], [n for _, n in los.counts], color="#93c5fd", width=0.8,
           linewidth=0)
    assert los.mean is not None
    assert los.median is not None
    ax.axvline(los.mean, label=_t("Mean {n} days").format(n=decimal_text(f"{los.mean:.1f}")),
               **MEAN_LINE)
    ax.axvline(los.median, label=_t("Median {n} days").format(n=decimal_text(f"{los.median:g}")),
               **MEDIAN_LINE)
    _integer_y(ax)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10))
    ax.set_xlabel(_t("Days, admission and discharge day included"), fontsize=8, color=MUTED)
    ax.set_ylabel(_t("Courses"), fontsize=8)
    legend_above(ax)


def legend_above(ax: Axes) -> None:
    """The legend above the plot, never over its bars."""
    ax.legend(fontsize=7, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2,
              borderaxespad=0.2)


def draw_outcomes(fig: Figure, f: DashboardFigures, _option: str) -> None:
    crp = f.crp
    if not any(n for _, n in f.outcomes) and not crp.due:
        empty(fig, _t("No course ended and no CRP day fell in this period."))
        return
    left, right = fig.subplots(1, 2, width_ratios=(3, 2))
    _style(left)
    labels = [group_label("outcome", k) for k, _ in f.outcomes]
    counts = [n for _, n in f.outcomes]
    bars = left.barh(labels, counts, color="#15803d", height=0.6)
    left.bar_label(bars, [str(n) for n in counts], fontsize=7, padding=2)
    left.invert_yaxis()
    left.grid(axis="y", visible=False)
    left.set_xticks([])
    left.spines["bottom"].set_visible(False)
    left.set_title(_t("Outcomes of ended courses"), fontsize=9, loc="left", color=INK)
    _style(right)
    parts: list[tuple[str, int, str]] = [
        (_t("On the CRP day"), crp.on_day, "#15803d"), (_t("Later"), crp.later, "#f59e0b"),
        (_t("Missing"), crp.missing, "#b42318")]
    if crp.pending:
        parts.append((_t("Today, pending"), crp.pending, "#cbd5e1"))
    bars = right.bar([textwrap.fill(p[0], 9) for p in parts], [p[1] for p in parts],
                     color=[p[2] for p in parts], width=0.6)  # wrapped: the labels never touch
    right.bar_label(bars, [str(p[1]) for p in parts], fontsize=7, padding=2)
    _integer_y(right)
    right.set_ylim(0, max(1, *(p[1] for p in parts)) * 1.2)
    right.tick_params(axis="x", labelsize=7)
    right.set_title(_t("Day-3 CRP decisions"), fontsize=9, loc="left", color=INK)


def draw_visits(fig: Figure, f: DashboardFigures, option: str) -> None:
    if option == "base_shift":
        _stacked_chart(fig, f.visits.by_base_shift, "base_shift",
                       _t("No MBE visit in this period."), _t("Day"))
    else:
        _stacked_chart(fig, f.visits.by_provider, "provider", _t("No visit in this period."),
                       _t("Day"))


def draw_missed(fig: Figure, f: DashboardFigures, option: str) -> None:
    v = f.visits
    if option == "reasons" and v.missed_reasons:
        ax = styled_axes(fig)
        top = v.missed_reasons[:6]
        labels = [_shorten(r, 48) for r, _ in top]
        bars = ax.barh(labels, [n for _, n in top], color="#b42318", height=0.6)
        ax.bar_label(bars, [str(n) for _, n in top], fontsize=7, padding=2)
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=7)
        ax.set_xticks([])
        return
    _stacked_chart(fig, v.missed_by_provider, "provider",
                   _t("No visit was missed in this period."), _t("Day"))


def _shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def draw_cars(fig: Figure, f: DashboardFigures, _option: str) -> None:
    totals = f.cars.by_base_shift
    ax = chart_axes(fig, bool(totals), _t("No MBE car was on a shift in this period."))
    if ax is None:
        return
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", linewidth=0.5, color=GRID)
    labels = [group_label("base_shift", f"{t.base}/{t.kind}") for t in totals]
    left = [0.0] * len(totals)
    for name, values, col in (
            (_t("Treating"), [t.treating_minutes / 60 for t in totals], "#15803d"),
            (_t("Driving"), [t.driving_minutes / 60 for t in totals], "#0b5cad"),
            (_t("Idle"), [t.idle_minutes / 60 for t in totals], "#d1d5db")):
        ax.barh(labels, values, left=left, color=col, label=name, height=0.6)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, t in enumerate(totals):
        ax.annotate(_t("{share} busy").format(share=percent(t.busy_share)), (left[y], y),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=7,
                    color=INK)
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, *left) * 1.22)
    ax.set_xlabel(_t("Hours (all car shifts in the period)"), fontsize=8, color=MUTED)
    ax.legend(fontsize=7, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=3)


def draw_escalations(fig: Figure, f: DashboardFigures, option: str) -> None:
    series = f.escalations.by_municipality if option == "municipality" \
        else f.escalations.by_category
    _stacked_chart(fig, series, option, _t("No escalation in this period."),
                   _t("Week starting"))


def draw_response(fig: Figure, f: DashboardFigures, _option: str) -> None:
    rows = [r for r in f.response if r.calls]
    ax = chart_axes(fig, bool(rows), _t("No escalation in this period."))
    if ax is None:
        return
    xs = list(range(len(rows)))
    for offset, name, clocks, col in (
            (-0.2, _t("Acknowledged within target"), [r.acknowledge for r in rows], "#0b5cad"),
            (0.2, _t("Resolved within target"), [r.resolve for r in rows], "#15803d")):
        values = [(c.share_within or 0) * 100 for c in clocks]
        bars = ax.bar([x + offset for x in xs], values, width=0.38, color=col, label=name)
        ax.bar_label(bars, [_clock_label(c) for c in clocks], fontsize=6, padding=2)
    ax.set_xticks(xs, [f"{group_label('severity', r.severity)}\n"
                       + _t("targets {a} / {b} min").format(a=r.acknowledge.target_minutes,
                                                            b=r.resolve.target_minutes)
                       for r in rows], fontsize=7)
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100 %"])
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _clock_label(c: ClockFigures) -> str:
    if not c.met + c.late:
        return _t("{n} pending").format(n=c.pending)
    if c.median_minutes is None:
        return _t("{n} overdue").format(n=c.late)
    return _t("median {m}").format(m=_minutes(c.median_minutes))


def _minutes(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 120:
        return f"{value:.0f} min"
    return _t("{h} h").format(h=decimal_text(f"{value / 60:.1f}"))


def draw_deliveries(fig: Figure, f: DashboardFigures, _option: str) -> None:
    _stacked_chart(fig, f.deliveries.per_week, "delivery",
                   _t("No delivery was due in this period."), _t("Week starting"))


def draw_supplies(fig: Figure, f: DashboardFigures, _option: str) -> None:
    series = f.supplies.per_week
    ax = chart_axes(fig, bool(series.total),
                    _t("No patient ran out of medicine or supplies in this period."))
    if ax is None:
        return
    bars = ax.bar(list(range(len(series.keys))), series.series("patients"), color="#b42318",
                  width=0.6)
    ax.bar_label(bars, [str(n) if n else "" for n in series.series("patients")], fontsize=7,
                 padding=2)
    _integer_y(ax)
    _key_ticks(ax, series.keys)
    ax.set_xlabel(_t("Week starting"), fontsize=8, color=MUTED)
    ax.set_ylabel(_t("Patients"), fontsize=8)


DRAW: dict[str, Callable[[Figure, DashboardFigures, str], None]] = {
    "capacity": draw_capacity, "bed_days": draw_bed_days, "courses": draw_courses,
    "length": draw_length, "outcomes": draw_outcomes, "visits": draw_visits,
    "missed": draw_missed, "cars": draw_cars, "escalations": draw_escalations,
    "response": draw_response, "deliveries": draw_deliveries, "supplies": draw_supplies,
}
