"""One car's route sheet on paper (issue 5): an A4 portrait PDF for the crew in the car.

Large times, a box to tick per stop, phone numbers big enough to dial from, what to bring per
stop (R-IVBOX), the key notes, "approximate location — call ahead" where the patient's point is
only the municipality's, the way back to base and a confidential footer line. A plain function
over a ``RouteSheet`` (``console.services.dispatch.route_sheets``): no database work; needs a
QGuiApplication (fonts). The page is HTML laid out by ``common.html_pdf``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument

from console.services.dispatch.route_sheets import BLOOD_TUBES, RouteSheet, SheetStop
from console.services.logistics.packing import PackLine
from console.timeutil import format_local
from console.views.common.html_pdf import MARGIN_MM, SCREEN_DPI, write_html_pdf
from console.views.common.i18n import QT_TRANSLATE_NOOP, day_text, decimal_numbers
from console.views.common.labels import IV_ACCESS, SYSTEMS, VISIT_KINDS, code_label, label
from console.views.common.print_footer import confidential_footer
from console.views.logistics.model import item_label

_CTX = "RouteSheetPdf"
BOX = "☐"  # U+2610 BALLOT BOX, in DejaVu Sans
PHONE = "☎"  # U+260E BLACK TELEPHONE
FILL = 0.97  # a page is full a little before its edge (rounding in the layout)
SHIFTS = {
    "day": QT_TRANSLATE_NOOP(_CTX, "Day shift"),
    "evening": QT_TRANSLATE_NOOP(_CTX, "Evening shift"),
}
_EXTRA_ITEMS = {BLOOD_TUBES: QT_TRANSLATE_NOOP(_CTX, "blood sample tubes (CRP)")}
_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 20pt; margin: 0; }
p.sub { font-size: 12pt; margin: 2px 0 6px 0; }
p.warn { font-size: 11pt; color: #9b1c13; font-weight: bold; margin: 4px 0; }
p.foot { font-size: 8pt; color: #444; margin-top: 10px; }
table.info td { padding: 2px 8px 2px 0; font-size: 10pt; }
table.stops { border-collapse: collapse; }
table.stops th { background: #e5e7eb; text-align: left; padding: 4px; font-size: 9pt;
                 border-bottom: 1px solid #666; }
table.stops td { padding: 5px 4px; border-bottom: 1px solid #888; vertical-align: top; }
td.tick { font-size: 22pt; text-align: center; }
span.order { font-size: 15pt; font-weight: bold; }
span.time { font-size: 20pt; font-weight: bold; }
span.small { font-size: 8.5pt; color: #333; }
span.name { font-size: 12pt; font-weight: bold; }
span.phone { font-size: 15pt; font-weight: bold; }
span.approx { font-size: 10pt; font-weight: bold; color: #ffffff; background-color: #9b1c13; }
span.key { font-weight: bold; background-color: #fff1c2; }
span.bring { font-size: 9pt; }
span.kind { font-size: 11pt; font-weight: bold; }
span.done { font-size: 11pt; font-weight: bold; color: #15803d; }
span.hotline { font-size: 13pt; font-weight: bold; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _e(text: str) -> str:
    return escape(text)


def _duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if hours:
        return _t("{h} h {m} min").format(h=hours, m=mins)
    return _t("{m} min").format(m=mins)


def _nbsp(text: str) -> str:
    """One unbreakable line: no break at a space nor after the dash of "16:00–18:00" (the
    Danish sheet broke it as "16:00–18:0" / "0", issue 20)."""
    return f'<span style="white-space: nowrap">{_e(text).replace(" ", "&nbsp;")}</span>'



def shift_label(code: str) -> str:
    return code_label(_CTX, SHIFTS, code, str.capitalize)


def bring_label(line: PackLine) -> str:
    text = _EXTRA_ITEMS.get(line.item)
    return _t(text) if text is not None else item_label(line.item)


def sheet_title(sheet: RouteSheet) -> str:
    return _t("Route sheet {car}").format(car=sheet.call_sign)


def _header(sheet: RouteSheet) -> str:
    sub = _t("{shift} · {date} · base {base} {start}–{end}").format(
        shift=shift_label(sheet.shift), date=day_text(sheet.shift_date, "dddd dd/MM/yyyy"),
        base=sheet.base, start=format_local(sheet.starts_at), end=format_local(sheet.ends_at))
    if _all_done(sheet):  # no way back to work out: the crew is wherever the last stop was
        summary = _t("all {n} stops done").format(n=len(sheet.stops))
    else:
        summary = _t("{n} stops · {drive} driving · back at {base} about {back}").format(
            n=sheet.planned_stops, drive=_duration(sheet.driving_minutes), base=sheet.base,
            back=format_local(sheet.returns_at))
    who = _t("e-doctor any time; e-nurse {start}–{end}").format(
        start=sheet.e_nurse_hours[0], end=sheet.e_nurse_hours[1])
    rows = [(_t("Crew"), _e(sheet.crew or _t("not staffed yet"))),
            (_t("Route"), _e(summary)),
            *([(_t("Break"), _e(_t("{start}–{end} at base {base}").format(
                start=format_local(sheet.rest_at), base=sheet.base,
                end=format_local(sheet.rest_at + timedelta(minutes=sheet.rest_minutes)))))]
              if sheet.rest_at is not None else []),
            (_t("eHospital 24/7"),
             f'<span class="hotline">{PHONE} {_nbsp(sheet.contact_phone)}</span> '
             f'<span class="small">{_e(who)}</span>')]
    info = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    parts = [f"<h1>{_e(sheet_title(sheet))}</h1>", f'<p class="sub">{_e(sub)}</p>',
             f'<table class="info" cellspacing="0">{info}</table>']
    if not sheet.in_service:
        parts.append(f'<p class="warn">{_e(_t("This car is not in service in this shift."))}</p>')
    if sheet.approximate_stops:
        parts.append('<p class="warn">' + _e(_t(
            "Approximate location for {n} of {total} stops (only the municipality's point): call "
            "the patient before you drive.").format(n=sheet.approximate_stops,
                                                     total=len(sheet.stops))) + "</p>")
    return "".join(parts)


def _time_cell(stop: SheetStop) -> str:
    window = f"{format_local(stop.window_start)}–{format_local(stop.window_end)}"
    lines = [f'<span class="time">{_e(format_local(stop.eta) if stop.eta else "—")}</span>',
             # the line may break after "tidsvindue", never inside "08:00–11:00": held as one
             # unbreakable word with its label, it was wider than the column and Qt cut it
             f'<span class="small">{_e(_t("window {w}")).format(w=_nbsp(window))}</span>']
    if stop.drive_minutes is not None:
        lines.append(f'<span class="small">{_nbsp(_t("drive {d}").format(d=_duration(stop.drive_minutes)))}'
                     "</span>")
    lines.append(f'<span class="small">{_nbsp(_t("on site {m} min").format(m=stop.service_minutes))}'
                 "</span>")
    return "<br>".join(lines)


def _patient_cell(stop: SheetStop) -> str:
    lines = [f'<span class="name">{_e(stop.patient)}</span> '
             f'<span class="small">{_nbsp(stop.municipality)}</span>', _e(stop.address)]
    if stop.phone:
        lines.append(f'<span class="phone">{PHONE} {_nbsp(stop.phone)}</span>')
    else:
        lines.append(f"<b>{_e(_t('No phone number on record'))}</b>")
    if stop.location_approximate:
        lines.append(f'<span class="approx">&nbsp;{_nbsp(_t("approximate location — call ahead"))}'
                     "&nbsp;</span>")
    if stop.key_notes:
        lines.append(f'<span class="key">! {_e(stop.key_notes)}</span>')
    return "<br>".join(lines)


def _visit_cell(stop: SheetStop) -> str:
    head = f'<span class="kind">{_e(label(VISIT_KINDS, stop.kind))}</span>'
    if stop.drug and all(line.item != stop.drug for line in stop.bring):
        head += f" {_e(decimal_numbers(stop.drug))}"  # the line whose access the visit checks
    if stop.status == "done":
        head += f' <span class="done">✓&nbsp;{_e(_t("done"))}</span>'
    lines = [head]
    access = " · ".join(x for x in (label(IV_ACCESS, stop.iv_access), label(SYSTEMS, stop.system))
                        if x)
    if access:
        lines.append(f'<span class="small">{_e(access)}</span>')
    if stop.bring:
        items = " ".join(_bring_html(line, medicine=line.item == stop.drug) for line in stop.bring)
        lines.append(f'<b>{_e(_t("Bring:"))}</b> <span class="bring">{items}</span>')
    if stop.visit_note:
        lines.append(f"<i>{_e(stop.visit_note)}</i>")
    return "<br>".join(lines)


def _bring_html(line: PackLine, *, medicine: bool) -> str:
    text = bring_label(line) if line.quantity == 1 else f"{line.quantity} × {bring_label(line)}"
    text = _nbsp(text)
    return f"{BOX}&nbsp;<b>{text}</b>" if medicine else f"{BOX}&nbsp;{text}"


def _stop_row(stop: SheetStop) -> str:
    order = str(stop.order) if stop.order is not None else "–"
    cells = (f'<td class="tick" width="8%">{BOX}<br><span class="order">{order}</span></td>',
             f'<td width="19%">{_time_cell(stop)}</td>',
             f'<td width="39%">{_patient_cell(stop)}</td>',
             f'<td width="34%">{_visit_cell(stop)}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _all_done(sheet: RouteSheet) -> bool:
    """Every stop registered done: the sheet has no ETA for the way back (it printed the
    shift's start, "back at 07:00", when printed after the round)."""
    return bool(sheet.stops) and sheet.planned_stops == 0


def _return_row(sheet: RouteSheet) -> str:
    back = _t("Back at {base}").format(base=sheet.base)
    drive = "" if _all_done(sheet) else _t("drive {d}").format(d=_duration(sheet.return_minutes))
    end = _t("shift ends {end}").format(end=format_local(sheet.ends_at))
    when = "—" if _all_done(sheet) else format_local(sheet.returns_at)
    return (f'<tr><td class="tick">{BOX}</td>'
            f'<td><span class="time">{_e(when)}</span><br>'
            f'<span class="small">{_nbsp(drive)}</span></td>'
            f'<td colspan="2"><span class="name">{_e(back)}</span><br>'
            f'<span class="small">{_e(end)}</span></td></tr>')


def _stops_table(sheet: RouteSheet, stops: tuple[SheetStop, ...], *, last: bool) -> str:
    heads = ((_t("Done"), 8), (_t("Time"), 19), (_t("Patient and address"), 39),
             (_t("Visit and what to bring"), 34))
    head = "".join(f'<th width="{w}%">{_e(h)}</th>' for h, w in heads)
    rows = "".join(_stop_row(stop) for stop in stops) + (_return_row(sheet) if last else "")
    return (f'<table class="stops" width="100%" cellspacing="0" cellpadding="5">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _page_html(sheet: RouteSheet, stops: tuple[SheetStop, ...], page: int, pages: int) -> str:
    """One printed page: the first has the heading, the last the way back; each ends with the
    confidential line."""
    last = page == pages
    if page == 1:
        parts = [_header(sheet)]
    else:
        more = _t("{title} — continued, page {page} of {pages}").format(
            title=sheet_title(sheet), page=page, pages=pages)
        parts = [f'<p class="sub" style="page-break-before: always"><b>{_e(more)}</b></p>']
    if sheet.stops:
        parts.append(_stops_table(sheet, stops, last=last))
    else:
        parts.append(f'<p class="sub">{_e(_t("No visits on this car in this shift."))}</p>')
    parts.append(confidential_footer(page, pages))
    return "".join(parts)


def _html(body: str) -> str:
    return f"<html><head><style>{_CSS}</style></head><body>{body}</body></html>"


def route_sheet_html(sheet: RouteSheet, pages: list[tuple[SheetStop, ...]] | None = None) -> str:
    """The printable route sheet as HTML; ``pages`` splits the stops over pages (a stop is
    never split between two), by default all on one."""
    pages = pages or [sheet.stops]
    return _html("".join(_page_html(sheet, stops, n, len(pages))
                         for n, stops in enumerate(pages, 1)))


def paginate(sheet: RouteSheet, fits: Callable[[str], bool]) -> list[tuple[SheetStop, ...]]:
    """Stops per page, as many as ``fits`` (HTML of one page → fits on paper) allows; each
    trial page is measured with the way back and the footer, so the last page has room."""
    pages: list[tuple[SheetStop, ...]] = []
    current: tuple[SheetStop, ...] = ()
    for stop in sheet.stops:
        trial = (*current, stop)
        page = len(pages) + 1
        if current and not fits(_html(_page_html(sheet, trial, page, page))):
            pages.append(current)
            trial = (stop,)
        current = trial
    return [*pages, current]


def _fits_a4(html: str) -> bool:
    """Whether ``html`` fits one A4 portrait page as ``write_html_pdf`` lays it out."""
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    area = layout.paintRect(QPageLayout.Unit.Inch)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setHtml(html)
    document.setTextWidth(area.width() * SCREEN_DPI)
    return document.size().height() <= area.height() * SCREEN_DPI * FILL


def write_route_sheet_pdf(sheet: RouteSheet, path: Path) -> Path:
    """Write ``sheet`` to ``path`` as an A4 portrait PDF (more pages for a long route, a stop
    never split between two); returns ``path``."""
    title = _t("Route sheet {car} — {date} {shift}").format(
        car=sheet.call_sign, date=sheet.shift_date.isoformat(), shift=shift_label(sheet.shift))
    return write_html_pdf(route_sheet_html(sheet, paginate(sheet, _fits_a4)), path, title=title)
