"""The e-nurse's call list on paper (issue 14): the visit board of a ward day as an A4 PDF,
grouped by municipality and provider, overdue visits first and marked. A plain function (no
database work): it prints the ``VisitBoard`` it is given (``visit_board.call_list_for_print``
logged the print for every patient on it first)."""

from __future__ import annotations

from html import escape
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.services.course.visit_board import BoardVisit, VisitBoard
from console.timeutil import format_local, now_utc, to_local
from console.views.common.html_pdf import write_html_pdf
from console.views.common.i18n import QT_TRANSLATE_NOOP, day_text
from console.views.common.labels import PROVIDERS, VISIT_STATUSES, label, visit_label

_CTX = "CallListPdf"
_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin: 10px 0 2px 0; }
p.meta { color: #444; margin: 2px 0 8px 0; }
table { border-collapse: collapse; width: 100%; }
th { background: #e5e7eb; text-align: left; padding: 3px; border-bottom: 1px solid #888; }
td { padding: 3px; border-bottom: 1px solid #ccc; vertical-align: top; }
td.overdue { color: #9b1c13; font-weight: bold; }
"""


HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Window"), QT_TRANSLATE_NOOP(_CTX, "Patient"),
           QT_TRANSLATE_NOOP(_CTX, "Phone"), QT_TRANSLATE_NOOP(_CTX, "Kind"),
           QT_TRANSLATE_NOOP(_CTX, "Status"), QT_TRANSLATE_NOOP(_CTX, "Car / who / why"),
           QT_TRANSLATE_NOOP(_CTX, "Called"))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _row(b: BoardVisit) -> str:
    v = b.visit
    start, end = to_local(v.window_start), to_local(v.window_end)
    status = label(VISIT_STATUSES, v.shown_status)
    css = ' class="overdue"' if v.overdue else ""
    cells = (f"{start:%d/%m %H:%M}–{end:%H:%M}", v.patient, b.patient_phone or "",
             visit_label(v.kind, v.task), status, v.performed_by or v.car or v.missed_reason or "",
             "☐")
    return "<tr>" + "".join(f"<td{css if i == 4 else ''}>{escape(c)}</td>"
                            for i, c in enumerate(cells)) + "</tr>"


def call_list_html(board: VisitBoard) -> str:
    head = "".join(f"<th>{escape(_t(h))}</th>" for h in HEADERS)
    meta = _t("{n} visits, {overdue} overdue; printed {at}").format(
        n=len(board.rows), overdue=board.overdue, at=format_local(now_utc()))
    title = f"{_t('Call list')} · {day_text(board.day, 'dddd dd/MM/yyyy')}"
    parts = [f"<style>{_CSS}</style>", f"<h1>{escape(title)}</h1>",
             f"<p class='meta'>{escape(meta)}</p>"]

    def group(b: BoardVisit) -> tuple[str, str]:
        return b.municipality, b.visit.provider

    ordered = sorted(board.rows, key=lambda b: (*group(b), not b.visit.overdue,
                                                b.visit.window_start))
    for (municipality, provider), rows in groupby(ordered, group):
        parts.append(f"<h2>{escape(municipality)} · {escape(label(PROVIDERS, provider))}</h2>")
        parts.append(f"<table><tr>{head}</tr>{''.join(_row(b) for b in rows)}</table>")
    return "".join(parts)


def write_call_list_pdf(board: VisitBoard, path: Path) -> Path:
    return write_html_pdf(call_list_html(board), path, title=_t("Call list"))
