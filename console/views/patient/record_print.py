"""A patient's record on paper (A4 PDF): for the municipality's handover and for downtime.

Printing is an access to the record: the screen logs it (``audit_log.log_access``, purpose
"print") before it writes the file (sundhedsloven § 42 a).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.services.course.record import PatientRecord
from console.timeutil import format_local, now_utc
from console.views.common.html_pdf import write_html_pdf
from console.views.common.i18n import decimal_numbers
from console.views.common.labels import (
    IV_ACCESS,
    PROVIDERS,
    REGIMEN_KINDS,
    ROUND_DECISIONS,
    SYSTEMS,
    VISIT_STATUSES,
    handover_item,
    label,
    visit_label,
)
from console.views.patient.tables import lab_name, lab_value

_CTX = "RecordPdf"
_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0; } h2 { font-size: 11pt; margin: 10px 0 2px 0; }
p.meta { color: #444; margin: 2px 0 6px 0; } p.missing { color: #9b1c13; font-weight: bold; }
table { border-collapse: collapse; }
th { background: #e5e7eb; text-align: left; padding: 3px; border-bottom: 1px solid #888; }
td { padding: 3px; border-bottom: 1px solid #ccc; vertical-align: top; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f'<table width="100%"><tr>{head}</tr>{body}</table>'


def record_html(r: PatientRecord) -> str:
    facts = [
        (_t("CPR"), r.cpr_masked), (_t("Age"), str(r.age)), (_t("Address"), r.address),
        (_t("Municipality"), r.municipality), (_t("Phone"), r.phone or "—"),
        (_t("GP"), r.gp or "—"), (_t("Relatives"), "; ".join(r.relatives) or "—"),
        (_t("Condition"), r.condition), (_t("Responsible doctor"), r.responsible_doctor or "—"),
        (_t("24/7 phone"), r.contact_phone), (_t("Provider"), label(PROVIDERS, r.provider)),
        (_t("Day of course"), str(r.day_of_course)),
        (_t("Planned end"), f"{r.planned_end:%d/%m/%Y}" if r.planned_end else "—"),
    ]
    parts = [f"<style>{_CSS}</style>",
             f"<h1>{escape(r.name)}</h1>",
             '<p class="meta">' + escape(_t("Printed {when} · eHospital record, confidential")
                                          .format(when=format_local(now_utc(), "%d/%m/%Y %H:%M")))
             + "</p>",
             _table([_t("Item"), _t("Value")], [[k, v] for k, v in facts])]
    if r.handover_missing:
        missing = ", ".join(handover_item(item) for item in r.handover_missing)
        parts.append('<p class="missing">' + escape(_t("Handover still missing: ") + missing)
                     + "</p>")
    parts.append(f"<h2>{escape(_t('Regimen'))}</h2>")
    parts.append(_table(
        [_t("Kind"), _t("Drug / fluid"), _t("Per day"), _t("Dose times"), _t("System"),
         _t("IV access"), _t("Period")],
        [[label(REGIMEN_KINDS, g.kind), decimal_numbers(f"{g.drug} {g.dose}"), str(g.doses_per_day),
          g.dose_times.replace(",", ", "), label(SYSTEMS, g.system), label(IV_ACCESS, g.iv_access),
          f"{g.start:%d/%m}–{g.end:%d/%m}"] for g in r.regimens]))
    parts.append(f"<h2>{escape(_t('Visits'))}</h2>")
    parts.append(_table(
        [_t("When"), _t("Kind"), _t("Provider"), _t("Status"), _t("Who"), _t("Notes")],
        [[f"{format_local(v.window_start, '%d/%m %H:%M')}–{format_local(v.window_end, '%H:%M')}",
          visit_label(v.kind, v.task), label(PROVIDERS, v.provider),
          label(VISIT_STATUSES, v.shown_status), v.performed_by or "",
          v.observations or v.missed_reason or ""] for v in r.visits]))
    if r.labs:
        parts.append(f"<h2>{escape(_t('Lab results'))}</h2>")
        parts.append(_table([_t("Taken"), _t("Analysis"), _t("Value")],
                            [[format_local(lab.taken_at, "%d/%m %H:%M"), lab_name(lab),
                              lab_value(lab)] for lab in r.labs]))
    if r.rounds:
        parts.append(f"<h2>{escape(_t('Ward rounds'))}</h2>")
        parts.append(_table([_t("Date"), _t("Decision"), _t("Signed by"), _t("Note")],
                            [[f"{w.round_date:%d/%m}", label(ROUND_DECISIONS, w.decision),
                              w.signed_by or "", w.note] for w in r.rounds]))
    return "".join(parts)


def write_record_pdf(record: PatientRecord, path: Path) -> Path:
    return write_html_pdf(record_html(record), path,
                          title=_t("eHospital record — {name}").format(name=record.name))
