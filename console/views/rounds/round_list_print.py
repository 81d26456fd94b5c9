"""The day's round list on paper: an A4 PDF (QPdfWriter + an HTML table in a QTextDocument).

A plain function, so tests and scripts can call it without a screen. Needs a QGuiApplication
(fonts); no database work: it prints the ``RoundList`` it is given.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.services.rounds.rounds import (
    FLAG_CRP_DECISION,
    FLAG_CRP_DECISION_OVERDUE,
    FLAG_CRP_OVERDUE,
    RoundList,
    RoundRow,
)
from console.timeutil import format_local, now_utc
from console.views.common.html_pdf import write_html_pdf
from console.views.common.i18n import day_text, decimal_text
from console.views.rounds.model import (
    ROW_FLAGS_HIDDEN,
    crp_text,
    flag_label,
    regimen_text,
    status_label,
)
from console.views.rounds.panel import decision_label

_CTX = "RoundListPdf"
_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0; }
p.meta { color: #444; margin: 2px 0 8px 0; }
p.over { color: #7a4b00; background: #fff1c2; font-weight: bold; }
table { border-collapse: collapse; }
th { background: #e5e7eb; text-align: left; padding: 4px; border-bottom: 1px solid #888; }
td { padding: 4px; border-bottom: 1px solid #ccc; vertical-align: top; }
span.flag { color: #7a4b00; }
span.due { color: #9b1c13; font-weight: bold; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _flags_html(row: RoundRow) -> str:
    parts = []
    for flag in row.flags:
        if flag in ROW_FLAGS_HIDDEN:
            continue
        css = ("due" if flag in (FLAG_CRP_DECISION, FLAG_CRP_DECISION_OVERDUE, FLAG_CRP_OVERDUE)
               else "flag")
        parts.append(f'<span class="{css}">{escape(flag_label(flag))}</span>')
    return "<br>".join(parts)


def _status_html(row: RoundRow) -> str:
    text = escape(status_label(row.status))
    if row.status == "signed":
        text += f"<br>{escape(row.signed_by or '')} {format_local(row.signed_at, '%H:%M')}"
        if row.decision:
            text += f"<br><i>{escape(decision_label(row.decision))}</i>"
    return text


def round_list_html(listing: RoundList) -> str:
    """The printable page as HTML (also handy to preview or mail)."""
    title = _t("eHospital ward rounds — {date}").format(date=day_text(listing.day, "dddd dd/MM/yyyy"))
    capacity = _t("{admitted} / {capacity} admitted").format(admitted=listing.admitted,
                                                            capacity=listing.capacity)
    if listing.over_capacity:
        capacity = _t("{count} — over capacity").format(count=capacity)
    generated = _t("Generated {time}").format(time=format_local(now_utc(), "%d/%m/%Y %H:%M"))
    headers = (_t("#"), _t("Time"), _t("Patient"), _t("Day"), _t("Regimen"), _t("CRP"),
               _t("Visits done / missed"), _t("Esc."), _t("Status"), _t("Flags"))
    widths = (3, 6, 17, 4, 20, 9, 8, 4, 12, 17)  # percent of the page width
    head = "".join(f'<th width="{w}%">{escape(h)}</th>' for h, w in zip(headers, widths,
                                                                       strict=True))
    body = []
    for n, row in enumerate(listing.rows, 1):
        trend = (" → ".join(decimal_text(f"{v:g}") for v in row.crp_trend[-3:])
                 if len(row.crp_trend) > 1 else "")
        crp = escape(crp_text(row)) + (f'<br><small>{escape(trend)}</small>' if trend else "")
        cells = (str(n), format_local(row.planned_at, "%H:%M"),
                 f"<b>{escape(row.patient)}</b><br><small>{escape(row.cpr_masked)} · "
                 f"{escape(row.municipality)}</small>",
                 str(row.day_of_course), escape(regimen_text(row)), crp,
                 f"{row.visits_done} / {row.visits_missed}",
                 str(row.open_escalations or "—"), _status_html(row), _flags_html(row))
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">{escape(_t("No rounds on this day."))}'
                    "</td></tr>")
    over = ' class="meta over"' if listing.over_capacity else ' class="meta"'
    return (f"<html><head><style>{_CSS}</style></head><body>"
            f"<h1>{escape(title)}</h1>"
            f"<p{over}>{escape(capacity)}</p>"
            f'<p class="meta">{escape(generated)}</p>'
            f'<table width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></body></html>")


def write_round_list_pdf(listing: RoundList, path: Path) -> Path:
    """Write the day's round list with its flags to ``path`` as an A4 landscape PDF."""
    return write_html_pdf(
        round_list_html(listing), path, landscape=True,
        title=_t("eHospital ward rounds — {date}").format(date=listing.day.isoformat()))
