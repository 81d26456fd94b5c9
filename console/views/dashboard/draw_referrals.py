"""The referral charts (issue 19, R-ELIGIBLE): referrals per week by decision or by source, and
the time from referral to decision. Same conventions as ``draw.py``: object API, an empty
figure explains itself, drawn on the background thread by ``render.py``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.services.monitoring.dashboard import DashboardFigures
from console.views.common.i18n import decimal_text
from console.views.dashboard.draw import MUTED, _stacked_chart, _style, colour, empty

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


def _hours_text(hours: float) -> str:
    return decimal_text(f"{hours:.1f}".rstrip("0").rstrip("."))


def draw_decision_time(fig: Figure, f: DashboardFigures, _option: str) -> None:
    from console.views.dashboard.tables import group_label

    flow = f.referrals
    if not flow.hours_to_decision:
        empty(fig, _t("No referral received in this period has been decided yet."))
        return
    ax = fig.add_subplot()
    _style(ax)
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
    ax.axvline(flow.median_hours, color="#14532d", linestyle=":", linewidth=1.8, zorder=3,
               label=_t("Median {n} h").format(n=_hours_text(flow.median_hours)))
    if flow.p90_hours is not None and len(flow.hours_to_decision) >= 5:
        ax.axvline(flow.p90_hours, color="#c2410c", linestyle="--", linewidth=1.2, zorder=3,
                   label=_t("9 of 10 within {n} h").format(n=_hours_text(flow.p90_hours)))
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.set_xlabel(_t("Hours from referral to decision"), fontsize=8, color=MUTED)
    ax.set_ylabel(_t("Referrals"), fontsize=8)
    ax.legend(fontsize=7, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2,
              borderaxespad=0.2)


REFERRAL_DRAW: dict[str, Callable[[Figure, DashboardFigures, str], None]] = {
    "referrals": draw_referrals, "decision_time": draw_decision_time,
}
