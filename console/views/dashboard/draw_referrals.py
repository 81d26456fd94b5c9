"""The referral charts (issue 19, R-ELIGIBLE): referrals per week by decision or by source, and
the time from referral to decision. Same conventions as ``draw.py``: object API, an empty
figure explains itself, drawn on the background thread by ``render.py``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.services.monitoring.dashboard import DashboardFigures
from console.views.dashboard.draw import (
    MEAN_LINE,
    MEDIAN_LINE,
    MUTED,
    _integer_y,
    _stacked_chart,
    chart_axes,
    colour,
    legend_above,
)
from console.views.dashboard.tables import group_label, number_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_CTX = "Dashboard"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)

def draw_referrals(fig: Figure, f: DashboardFigures, option: str) -> None:
    flow = f.referrals
    if option == "source":
        _stacked_chart(fig, flow.by_source, "source", _t("No referral in this period."),
                       _t("Week starting"))
    else:
        _stacked_chart(fig, flow.by_decision, "decision", _t("No referral in this period."),
                       _t("Week starting"))


def draw_decision_time(fig: Figure, f: DashboardFigures, _option: str) -> None:
    flow = f.referrals
    ax = chart_axes(fig, bool(flow.hours_to_decision),
                    _t("No referral received in this period has been decided yet."))
    if ax is None:
        return
    longest = max(h for _, h in flow.hours_to_decision)
    step = 1.0 if longest <= 12 else 2.0 if longest <= 48 else 12.0
    bins = [step * n for n in range(int(longest // step) + 2)]
    groups = [(name, [h for d, h in flow.hours_to_decision if d == name])
              for name in ("admitted", "declined")]
    groups = [(name, hours) for name, hours in groups if hours]
    ax.hist([hours for _, hours in groups], bins=bins, stacked=True, rwidth=0.9,
            color=[colour(name, n) for n, (name, _) in enumerate(groups)],
            label=[group_label("decision", name) for name, _ in groups])
    assert flow.median_hours is not None
    ax.axvline(flow.median_hours,
               label=_t("Median {n} h").format(n=number_text(flow.median_hours)), **MEDIAN_LINE)
    if flow.p90_hours is not None and len(flow.hours_to_decision) >= 5:
        ax.axvline(flow.p90_hours,
                   label=_t("9 of 10 within {n} h").format(n=number_text(flow.p90_hours)),
                   **MEAN_LINE)
    _integer_y(ax)
    ax.set_xlabel(_t("Hours from referral to decision"), fontsize=8, color=MUTED)
    ax.set_ylabel(_t("Referrals"), fontsize=8)
    legend_above(ax)


REFERRAL_DRAW: dict[str, Callable[[Figure, DashboardFigures, str], None]] = {
    "referrals": draw_referrals, "decision_time": draw_decision_time,
}
