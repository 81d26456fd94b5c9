"""The logistics assistant's packing and run list on paper: an A4 PDF (QPdfWriter + HTML).

First what to load into the car (totals), then the run in driving order: ETA, patient, address,
phone, municipality, due by, what to pack per stop (the doses and the IV box, R-IVBOX: infusion
sets, 10 ml NaCl flushes, sharps box, IV access supplies, patient information) and boxes to tick
when packed and when delivered. A plain function over a ``DeliveryRun``: no database work;
needs a QGuiApplication (fonts).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.services.logistics.delivery_runs import DeliveryRun, RunStop
from console.timeutil import format_local, now_utc
from console.views.common.i18n import day_text
from console.views.common.print_footer import confidential_footer
from console.views.logistics.model import item_label, status_label

_CTX = "RunListPdf"
RESOLUTION_DPI = 300
MARGIN_MM = 12
FILL = 0.97  # a page is full a little before its edge (rounding in the layout)
BOX = "☐"  # U+2610 BALLOT BOX, in DejaVu Sans
_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin: 10px 0 4px 0; }
p.meta { color: #444; margin: 2px 0 4px 0; }
table { border-collapse: collapse; }
th { background: #e5e7eb; text-align: left; padding: 4px; border-bottom: 1px solid #888;
     font-size: 8pt; }
td { padding: 4px; border-bottom: 1px solid #bbb; vertical-align: top; }
td.box { font-size: 15pt; text-align: center; }
td.num { text-align: right; }
td.order { font-size: 12pt; font-weight: bold; text-align: center; }
span.flag { color: #9b1c13; font-weight: bold; }
span.muted { color: #555; }
span.key { font-weight: bold; background-color: #fff1c2; }
p.foot { font-size: 8pt; color: #444; margin-top: 10px; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if hours:
        return _t("{h} h {m} min").format(h=hours, m=mins)
    return _t("{m} min").format(m=mins)


def _table(headers: tuple[tuple[str, int], ...], rows: list[str]) -> str:
    head = "".join(f'<th width="{w}%">{escape(h)}</th>' for h, w in headers)
    return (f'<table width="100%" cellspacing="0" cellpadding="4"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _load_list(run: DeliveryRun) -> str:
    """The run's totals in two columns (medicine first, then the IV box)."""
    cells = [f'<td class="box">{BOX}</td><td class="num"><b>{line.quantity}</b></td>'
             f"<td>{escape(item_label(line.item))}</td>" for line in run.packing_totals()]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    rows = [f"<tr>{a}{right[n] if n < len(right) else '<td></td>' * 3}</tr>"
            for n, a in enumerate(left)]
    column = ((_t("Loaded"), 9), (_t("Qty"), 7), (_t("Item"), 34))
    return _table((*column, *column), rows)


def _patient_html(stop: RunStop) -> str:
    parts = [f"<b>{escape(stop.patient)}</b>", escape(stop.address)]
    if stop.phone:
        parts.append(escape(_t("Phone {phone}").format(phone=stop.phone)))
    parts.append(f'<span class="muted">{escape(stop.municipality)}</span>')
    if stop.key_notes:  # what the courier needs at the door (issue 20)
        parts.append(f'<span class="key">{escape(_t("Key: {notes}").format(notes=stop.key_notes))}'
                     "</span>")
    return "<br>".join(parts)


def _pack_html(stop: RunStop) -> str:
    if not stop.items:
        return escape(stop.contents)
    return "<br>".join(f"{BOX} <b>{line.quantity}</b> × {escape(item_label(line.item))}"
                       for line in stop.items)


def _flags_html(stop: RunStop) -> str:
    flags = []
    if stop.needs_review:
        flags.append(_t("CHECK: the regimen changed after packing"))
    if stop.late:
        flags.append(_t("ETA after due by: call ahead"))
    return "".join(f'<br><span class="flag">{escape(f)}</span>' for f in flags)


def _stop_row(stop: RunStop) -> str:
    due = escape(format_local(stop.due_by, "%d/%m %H:%M"))
    status = escape(status_label(stop.status))
    cells = (
        f'<td class="order">{stop.order}</td>',
        f"<td><b>{escape(format_local(stop.eta, '%H:%M'))}</b><br>"
        f'<span class="muted">+{escape(_duration(stop.travel_minutes)).replace(" ", "&nbsp;")}'
        "</span></td>",
        f"<td>{_patient_html(stop)}{_flags_html(stop)}</td>",
        f'<td>{due}<br><span class="muted">{status}</span></td>',
        f"<td>{_pack_html(stop)}</td>",
        f'<td class="box">{BOX}</td>',
        f'<td class="box">{BOX}</td>',
    )
    return "<tr>" + "".join(cells) + "</tr>"


def _run_table(stops: tuple[RunStop, ...]) -> str:
    headers = ((_t("#"), 4), (_t("ETA"), 9), (_t("Patient"), 26), (_t("Due by"), 12),
               (_t("What to pack"), 30), (_t("Packed"), 8), (_t("Delivered"), 11))
    return _table(headers, [_stop_row(stop) for stop in stops])


def _title(run: DeliveryRun) -> str:
    return _t("Packing and run list — {date}").format(date=day_text(run.day, "dddd dd/MM/yyyy"))


def _page_html(run: DeliveryRun, stops: tuple[RunStop, ...], page: int, pages: int) -> str:
    """One printed page: the first has the heading and the load list, the rest continue."""
    if page > 1:
        more = _t("{title} — page {page} of {pages}").format(title=_title(run), page=page,
                                                             pages=pages)
        return (f'<p class="meta" style="page-break-before: always">{escape(more)}</p>'
                + _run_table(stops) + confidential_footer(page, pages))
    meta = _t("Start {base} at {start} · {n} stops · {drive} driving · back about {back}").format(
        base=run.start_base, start=format_local(run.start_at, "%H:%M"), n=len(run.stops),
        drive=_duration(run.travel_minutes), back=format_local(run.back_at, "%H:%M"))
    generated = _t("Generated {time}").format(time=format_local(now_utc(), "%d/%m/%Y %H:%M"))
    if pages > 1:
        generated += " · " + _t("page 1 of {pages}").format(pages=pages)
    parts = [f"<h1>{escape(_title(run))}</h1>", f'<p class="meta">{escape(meta)}</p>',
             f'<p class="meta">{escape(generated)}</p>']
    if not run.stops:
        parts.append(f"<p>{escape(_t('No open deliveries on this day.'))}</p>")
        return "".join(parts) + confidential_footer(page, pages)
    parts += [f"<h2>{escape(_t('Load into the car'))}</h2>", _load_list(run),
              f"<h2>{escape(_t('Run'))}</h2>", _run_table(stops), confidential_footer(page, pages)]
    return "".join(parts)


def _html(body: str) -> str:
    return f"<html><head><style>{_CSS}</style></head><body>{body}</body></html>"


def run_list_html(run: DeliveryRun, pages: list[tuple[RunStop, ...]] | None = None) -> str:
    """The printable packing and run list as HTML; ``pages`` splits the stops over pages (a
    stop is never split between two), by default all on one."""
    pages = pages or [run.stops]
    return _html("".join(_page_html(run, stops, n, len(pages))
                         for n, stops in enumerate(pages, 1)))


def paginate(run: DeliveryRun, fits: Callable[[str], bool]) -> list[tuple[RunStop, ...]]:
    """Stops per page, as many as ``fits`` (HTML of one page → fits on paper) allows."""
    pages: list[tuple[RunStop, ...]] = []
    current: tuple[RunStop, ...] = ()
    for stop in run.stops:
        trial = (*current, stop)
        if current and not fits(_html(_page_html(run, trial, len(pages) + 1, 2))):
            pages.append(current)
            trial = (stop,)
        current = trial
    return [*pages, current]


def write_run_list_pdf(run: DeliveryRun, path: Path) -> Path:
    """Write the day's packing and run list to ``path`` as an A4 portrait PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(_t("Packing and run list — {date}").format(date=run.day.isoformat()))
    writer.setCreator("eWard Console")
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    area = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)

    def document(html: str, height: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(QFont("DejaVu Sans", 9))
        # Laid out on the writer itself: points are real points on paper, the page is the
        # printable area in the writer's pixels, and print_() keeps that layout (scale 1).
        doc.documentLayout().setPaintDevice(writer)
        doc.setPageSize(QSizeF(area.width(), height))
        doc.setHtml(html)
        return doc

    def fits(html: str) -> bool:
        return document(html, 10 * area.height()).size().height() <= area.height() * FILL

    document(run_list_html(run, paginate(run, fits)), area.height()).print_(writer)
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"Could not write the PDF to {path}.")
    return path
