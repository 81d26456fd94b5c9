"""The yearly monitoring (R-MONITOR, seed 000 §12) as an A4 PDF with charts.

matplotlib's object API only (``Figure`` + ``backend_pdf.PdfPages``, never ``pyplot``), imported
lazily. Three pages: the key figures with courses per month; bed days and the settlement per
month; length of stay, outcomes and the settlement per municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from console.services.core.document_text import ENGLISH, DocumentLanguage
from console.services.monitoring.reports import monitoring_key_figures, outcome_label
from console.services.monitoring.yearly import YearlyMonitoring
from console.timeutil import format_local, now_utc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_CTX = "MonitoringPdf"  # the report's texts in the Danish catalogue (issue 20)
Text = Callable[[str], str]
A4_PORTRAIT = (8.27, 11.69)
REGION_COLOUR, MUNICIPALITY_COLOUR = "#0b5cad", "#f59e0b"
STARTED_COLOUR, ENDED_COLOUR = "#0b5cad", "#15803d"
MUTED = "#6b7280"


def kroner(value: float, language: DocumentLanguage = ENGLISH) -> str:
    return language.kroner(value)


def _style(ax: Axes, title: str) -> None:
    ax.set_title(title, fontsize=11, loc="left", fontweight="bold")
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", linewidth=0.4, alpha=0.5)
    ax.set_axisbelow(True)


def _whole_numbers(ax: Axes, *, x: bool = False, y: bool = True) -> None:
    from matplotlib.ticker import MaxNLocator

    if y:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if x:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _empty(ax: Axes, text: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color=MUTED)


def _months(m: YearlyMonitoring, language: DocumentLanguage) -> list[str]:
    if language.danish:
        names = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                 "dec")
        return [names[x.month.month - 1] for x in m.by_month]
    return [f"{x.month:%b}" for x in m.by_month]


def _value(value: object, money: bool, language: DocumentLanguage) -> str:
    if value is None:
        return "—"
    if isinstance(value, float | int) and money:
        return kroner(value, language)
    if isinstance(value, float):
        return language.number(value, 1) if value % 1 else language.number(value)
    return str(value)


def _page_one(fig: Figure, m: YearlyMonitoring, language: DocumentLanguage, _t: Text) -> None:
    fig.suptitle(_t("Yearly monitoring of IV home treatment {year}").format(year=m.year),
                 x=0.06, ha="left", fontsize=16, fontweight="bold")
    fig.text(0.06, 0.935, _t("{region} · generated {time}").format(
        region=m.region, time=format_local(now_utc(), "%d-%m-%Y %H:%M")), fontsize=9, color=MUTED)
    rows = [[label, _value(value, money, language)]
            for label, value, money in monitoring_key_figures(m, language)]
    table_ax = fig.add_axes((0.06, 0.55, 0.88, 0.36))
    table_ax.axis("off")
    table = table_ax.table(cellText=rows, colLabels=[_t("Figure"), _t("Value")],
                           loc="upper left",
                           colWidths=[0.6, 0.4], cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(9)
    table.scale(1, 1.35)
    ax = fig.add_axes((0.09, 0.08, 0.85, 0.45))
    _style(ax, _t("Courses started and ended per month"))
    xs = range(len(m.by_month))
    ax.bar([x - 0.2 for x in xs], [x.started for x in m.by_month], width=0.4,
           color=STARTED_COLOUR, label=_t("Started"))
    ax.bar([x + 0.2 for x in xs], [x.ended for x in m.by_month], width=0.4,
           color=ENDED_COLOUR, label=_t("Ended"))
    ax.set_xticks(list(xs), _months(m, language))
    ax.set_ylabel(_t("Courses"), fontsize=8)
    _whole_numbers(ax)
    ax.legend(fontsize=8, frameon=False)


def _page_two(fig: Figure, m: YearlyMonitoring, language: DocumentLanguage, _t: Text) -> None:
    xs = list(range(len(m.by_month)))
    ax = fig.add_axes((0.1, 0.57, 0.84, 0.36))
    _style(ax, _t("Bed days per month"))
    ax.bar(xs, [x.bed_days for x in m.by_month], color=STARTED_COLOUR, label=_t("Bed days"))
    planned = [m.capacity * _days_in(x.month.year, x.month.month) for x in m.by_month]
    ax.plot(xs, planned, linestyle="--", color=MUTED, linewidth=1,
            label=_t("Capacity ({capacity} a day)").format(capacity=m.capacity))
    ax.set_xticks(xs, _months(m, language))
    _whole_numbers(ax)
    ax.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=2)
    ax2 = fig.add_axes((0.1, 0.1, 0.84, 0.36))
    _style(ax2, _t("Settlement per month (month of discharge)"))
    region = [x.region_share for x in m.by_month]
    ax2.bar(xs, region, color=REGION_COLOUR, label=_t("Region"))
    ax2.bar(xs, [x.municipality_share for x in m.by_month], bottom=region,
            color=MUNICIPALITY_COLOUR, label=_t("Municipalities"))
    ax2.set_xticks(xs, _months(m, language))
    ax2.yaxis.set_major_formatter(lambda v, _pos: language.number(v))
    ax2.set_ylabel("kr.", fontsize=8)
    ax2.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=2)


def _days_in(year: int, month: int) -> int:
    from calendar import monthrange

    return monthrange(year, month)[1]


def _page_three(fig: Figure, m: YearlyMonitoring, language: DocumentLanguage, _t: Text) -> None:
    ax = fig.add_axes((0.1, 0.7, 0.84, 0.24))
    _style(ax, _t("Length of stay (ended courses)"))
    if m.length_counts:
        ax.bar([d for d, _ in m.length_counts], [n for _, n in m.length_counts],
               color=STARTED_COLOUR)
        ax.set_xlabel(_t("Days (admission and discharge day included)"), fontsize=8)
        ax.set_ylabel(_t("Courses"), fontsize=8)
        _whole_numbers(ax, x=True)
    else:
        _empty(ax, _t("No course ended in the year."))
    ax2 = fig.add_axes((0.3, 0.47, 0.64, 0.16))
    _style(ax2, _t("Outcomes"))
    labels = [outcome_label(k, language) for k, _ in m.outcomes]
    ax2.barh(labels, [n for _, n in m.outcomes], color=ENDED_COLOUR)
    ax2.invert_yaxis()
    ax2.grid(axis="x", linewidth=0.4, alpha=0.5)
    _whole_numbers(ax2, x=True, y=False)
    ax3 = fig.add_axes((0.3, 0.06, 0.64, 0.34))
    _style(ax3, _t("Settlement per municipality"))
    munis = list(m.by_municipality)
    if munis:
        names = [x.municipality for x in munis]
        region = [x.totals.region_share for x in munis]
        ax3.barh(names, region, color=REGION_COLOUR, label=_t("Region"))
        ax3.barh(names, [x.totals.municipality_share for x in munis], left=region,
                 color=MUNICIPALITY_COLOUR, label=_t("Municipality"))
        ax3.invert_yaxis()
        ax3.xaxis.set_major_formatter(lambda v, _pos: language.number(v))
        ax3.set_xlabel("kr.", fontsize=8)
        ax3.legend(fontsize=8, frameon=False, loc="lower right")
    else:
        _empty(ax3, _t("Nothing settled in the year."))


def write_monitoring_pdf(m: YearlyMonitoring, path: Path,
                         language: DocumentLanguage = ENGLISH) -> Path:
    """The report in the document's language: Danish labels and "1.209.407 kr." in Danish."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    def _t(text: str) -> str:
        return language.translate(_CTX, text)

    path.parent.mkdir(parents=True, exist_ok=True)
    with PdfPages(path, metadata={"Title": _t("Yearly monitoring {year} — {region}").format(
            year=m.year, region=m.region), "Creator": "eWard Console"}) as pdf:
        for page in (_page_one, _page_two, _page_three):
            fig = Figure(figsize=A4_PORTRAIT)
            page(fig, m, language, _t)
            pdf.savefig(fig)
    return path
