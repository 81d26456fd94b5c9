"""Settlement and monitoring reports as files: xlsx (openpyxl) and csv (R-TARIFF, R-MONITOR).

The settlement workbook is laid out for sending to the municipalities: a summary sheet, then one
sheet per municipality with a header block (region, municipality, period, price level), a row
per ended course, a totals row, amounts in kroner with two decimals. Values are written, not
formulas, so what the file says is what the console computed. A course without a tariff is a
highlighted error row with its reason, outside the totals (never dropped).

The csv is one flat table (UTF-8 with a byte-order mark so spreadsheet programs read æøå; comma
separated; a point as decimal mark): a ``row`` column says ``line``, ``error``,
``municipality_total`` or ``total``. The yearly monitoring's PDF with charts is written by
``console.reports.monitoring_pdf`` (matplotlib stays out of the services).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from console.services.core.document_text import ENGLISH, DocumentLanguage
from console.services.monitoring.settlement import MunicipalitySettlement, Settlement, SettlementLine, Totals
from console.services.monitoring.yearly import YearlyMonitoring
from console.timeutil import format_local, now_utc

_CTX = "ReportXlsx"  # the workbooks' labels in the Danish catalogue (issue 20)
Text = Callable[[str], str]
KR_FORMAT = '#,##0.00 "kr."'
DATE_FORMAT = "dd-mm-yyyy"
HEADER_ROW = 9  # the line table's header row on a municipality sheet
LINE_COLUMNS = 12
LINE_WIDTHS = (24, 13, 12, 12, 7, 10, 44, 36, 15, 16, 18, 50)
CSV_HEADERS = ("row", "municipality", "patient", "cpr", "admitted", "discharged", "days",
               "tariff_code", "tariff_name", "price_year", "override_reason", "amount",
               "region_share", "municipality_share", "note")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="E5E7EB")
_ERROR_FILL = PatternFill("solid", fgColor="FFD9D6")
_CHECK_FILL = PatternFill("solid", fgColor="FFF1C2")
_TOP = Border(top=Side(style="thin"))
_MONEY_COLUMNS = (9, 10, 11)


def _texts(language: DocumentLanguage) -> Text:
    def _t(text: str) -> str:
        return language.translate(_CTX, text)
    return _t


def _line_headers(_t: Text) -> tuple[str, ...]:
    return (_t("Patient"), _t("CPR"), _t("Admitted"), _t("Discharged"), _t("Days"),
            _t("Tariff"), _t("Tariff name"), _t("Reason for another tariff"), _t("Amount"),
            _t("Region's share"), _t("Municipality's share"), _t("Note"))


def _summary_headers(_t: Text) -> tuple[str, ...]:
    return (_t("Municipality"), _t("Courses"), _t("Days"), _t("Amount"), _t("Region's share"),
            _t("Municipality's share"), _t("Courses with errors"))


LINE_HEADERS = _line_headers(str)  # the English workbook's (and the tests')
SUMMARY_HEADERS = _summary_headers(str)


def price_level(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years) or "—"


def _safe_title(name: str, taken: set[str]) -> str:
    title = "".join("_" if ch in '[]:*?/\\' else ch for ch in name)[:31] or "Sheet"
    base, n = title, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _header_block(ws: Worksheet, title: str, pairs: Iterable[tuple[str, Any]]) -> None:
    ws["A1"] = title
    ws["A1"].font = _TITLE
    for n, (label, value) in enumerate(pairs, start=3):
        ws.cell(n, 1, label).font = _BOLD
        ws.cell(n, 2, value)


def _table_head(ws: Worksheet, row: int, headers: Sequence[str], widths: Sequence[int]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row, col, text)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row + 1, 1)
    ws.print_title_rows = f"{row}:{row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _generated() -> str:
    return format_local(now_utc(), "%d-%m-%Y %H:%M")


def _line_cells(line: SettlementLine) -> list[Any]:
    settled = line.error is None
    return [line.patient, line.cpr_masked, line.admitted_on, line.discharged_on, line.days,
            line.tariff_code or "", line.tariff_name or "", line.override_reason or "",
            line.amount if settled else None, line.region_share if settled else None,
            line.municipality_share if settled else None, line.error or line.check or ""]


def _municipality_sheet(ws: Worksheet, settlement: Settlement, muni: MunicipalitySettlement,
                        generated: str, _t: Text) -> None:
    _header_block(ws, _t("Settlement of IV home-treatment courses"), (
        (_t("Region"), settlement.region), (_t("Municipality"), muni.municipality),
        (_t("Period"), settlement.label), (_t("Price level"), price_level(muni.price_years)),
        (_t("Generated"), generated)))
    _table_head(ws, HEADER_ROW, _line_headers(_t), LINE_WIDTHS)
    row = HEADER_ROW + 1
    for line in muni.lines:
        for col, value in enumerate(_line_cells(line), start=1):
            cell = ws.cell(row, col, value)
            if col in (3, 4):
                cell.number_format = DATE_FORMAT
            elif col in _MONEY_COLUMNS:
                cell.number_format = KR_FORMAT
            if line.error is not None:
                cell.fill = _ERROR_FILL
            elif line.check is not None and col == LINE_COLUMNS:
                cell.fill = _CHECK_FILL
        row += 1
    _totals_row(ws, row, _t("Total ({count} courses)").format(count=muni.totals.courses),
                muni.totals, _t)


def _totals_row(ws: Worksheet, row: int, label: str, totals: Totals, _t: Text) -> None:
    cells: dict[int, Any] = {1: label, 5: totals.days, 9: totals.amount,
                             10: totals.region_share, 11: totals.municipality_share}
    if totals.errors:
        cells[12] = _t("{count} course(s) not settled: see the rows marked red.").format(
            count=totals.errors)
    for col in range(1, LINE_COLUMNS + 1):
        cell = ws.cell(row, col, cells.get(col))
        cell.font, cell.border = _BOLD, _TOP
        if col in _MONEY_COLUMNS:
            cell.number_format = KR_FORMAT


def _summary_sheet(ws: Worksheet, settlement: Settlement, generated: str, _t: Text) -> None:
    _header_block(ws, _t("Settlement of IV home-treatment courses: summary"), (
        (_t("Region"), settlement.region), (_t("Period"), settlement.label),
        (_t("Price level"), price_level(settlement.price_years)), (_t("Generated"), generated)))
    head = HEADER_ROW - 1
    _table_head(ws, head, _summary_headers(_t), (24, 10, 10, 16, 16, 18, 12))
    row = head + 1
    for muni in settlement.municipalities:
        _summary_row(ws, row, muni.municipality, muni.totals)
        row += 1
    _summary_row(ws, row, _t("Total"), settlement.totals, bold=True)


def _summary_row(ws: Worksheet, row: int, label: str, t: Totals, *, bold: bool = False) -> None:
    values = (label, t.courses, t.days, t.amount, t.region_share, t.municipality_share, t.errors)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        if col in (4, 5, 6):
            cell.number_format = KR_FORMAT
        if bold:
            cell.font, cell.border = _BOLD, _TOP


def write_settlement_xlsx(settlement: Settlement, path: Path,
                          language: DocumentLanguage = ENGLISH) -> Path:
    """The workbook for the municipalities: a summary sheet, then one sheet per municipality,
    in the document's language (issue 20)."""
    _t = _texts(language)
    wb = Workbook()
    generated = _generated()
    summary = wb.active
    assert summary is not None
    summary.title = _t("Summary")
    _summary_sheet(summary, settlement, generated, _t)
    taken = {summary.title.lower()}
    for muni in settlement.municipalities:
        _municipality_sheet(wb.create_sheet(_safe_title(muni.municipality, taken)), settlement,
                            muni, generated, _t)
    wb.properties.title = _t("Settlement {period} — {region}").format(
        period=settlement.label, region=settlement.region)
    wb.properties.creator = "eWard Console"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _money(value: float) -> str:
    return f"{value:.2f}"


def write_settlement_csv(settlement: Settlement, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADERS)
        for muni in settlement.municipalities:
            for ln in muni.lines:
                settled = ln.error is None
                out.writerow(("line" if settled else "error", muni.municipality, ln.patient,
                              ln.cpr_masked, ln.admitted_on.isoformat() if ln.admitted_on else "",
                              ln.discharged_on.isoformat(), ln.days, ln.tariff_code or "",
                              ln.tariff_name or "", ln.price_year or "", ln.override_reason or "",
                              _money(ln.amount) if settled else "",
                              _money(ln.region_share) if settled else "",
                              _money(ln.municipality_share) if settled else "",
                              ln.error or ln.check or ""))
            out.writerow(_csv_total("municipality_total", muni.municipality, muni.totals))
        out.writerow(_csv_total("total", "", settlement.totals))
    return path


def _csv_total(kind: str, municipality: str, t: Totals) -> tuple[object, ...]:
    note = f"{t.errors} not settled" if t.errors else ""
    return (kind, municipality, f"{t.courses} courses", "", "", "", t.days, "", "", "", "",
            _money(t.amount), _money(t.region_share), _money(t.municipality_share), note)


# --- the yearly monitoring -------------------------------------------------------------------

def monitoring_key_figures(m: YearlyMonitoring, language: DocumentLanguage = ENGLISH
                           ) -> list[tuple[str, Any, bool]]:
    """The headline numbers (seed 000 §12) as label, value and whether it is an amount in
    kroner, shared by the xlsx and the PDF."""
    _t = _texts(language)

    def one(value: float | None) -> float | None:
        return None if value is None else round(value, 1)
    return [
        (_t("Courses started"), m.courses_started, False),
        (_t("Courses ended"), m.courses_ended, False),
        (_t("Mean length (days)"), one(m.length_mean), False),
        (_t("Median length (days)"), one(m.length_median), False),
        (_t("Shortest / longest (days)"), f"{m.length_min or '—'} / {m.length_max or '—'}", False),
        (_t("Bed days"), m.bed_days, False),
        (_t("Settled courses"), m.settlement.courses, False),
        (_t("Settlement total"), m.settlement.amount, True),
        (_t("Region's share"), m.settlement.region_share, True),
        (_t("Municipalities' share"), m.settlement.municipality_share, True),
        (_t("Ended courses without a tariff"), m.settlement.errors, False),
    ]


def outcome_label(code: str, language: DocumentLanguage = ENGLISH) -> str:
    """R-DISCHARGE's outcome as people say it, never the stored code (``oral_switch``)."""
    _t = _texts(language)
    labels = {"completed": _t("Completed"), "oral_switch": _t("Switched to tablets"),
              "readmitted": _t("Readmitted"), "other": _t("Other"),
              "not_recorded": _t("Not recorded")}
    return labels.get(code, code)


def _sheet_table(ws: Worksheet, row: int, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                 money: Sequence[int] = ()) -> None:
    _table_head(ws, row, headers, [max(12, len(h) + 4) for h in headers])
    for r, values in enumerate(rows, start=row + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            if col in money:
                cell.number_format = KR_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT


def write_monitoring_xlsx(m: YearlyMonitoring, path: Path,
                          language: DocumentLanguage = ENGLISH) -> Path:
    _t = _texts(language)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _t("Summary")
    _header_block(ws, _t("Yearly monitoring of IV home treatment {year}").format(year=m.year),
                  ((_t("Region"), m.region), (_t("Year"), m.year), (_t("Generated"), _generated())))
    for n, (label, value, money) in enumerate(monitoring_key_figures(m, language), start=7):
        ws.cell(n, 1, label).font = _BOLD
        cell = ws.cell(n, 2, value)
        if money:
            cell.number_format = KR_FORMAT
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 34, 20
    _sheet_table(wb.create_sheet(_t("Months")), 1, (
        _t("Month"), _t("Started"), _t("Ended"), _t("Bed days"), _t("Amount"),
        _t("Region's share"), _t("Municipality's share")),
        ((f"{x.month:%Y-%m}", x.started, x.ended, x.bed_days, x.amount,
          x.region_share, x.municipality_share) for x in m.by_month), money=(5, 6, 7))
    _sheet_table(wb.create_sheet(_t("Municipalities")), 1, _summary_headers(_t), (
        (x.municipality, x.totals.courses, x.totals.days, x.totals.amount, x.totals.region_share,
         x.totals.municipality_share, x.totals.errors) for x in m.by_municipality), money=(4, 5, 6))
    _sheet_table(wb.create_sheet(_t("Tariffs")), 1, (
        _t("Tariff"), _t("Name"), _t("Courses"), _t("Days"), _t("Amount")),
        ((t.code, t.name, t.courses, t.days, t.amount) for t in m.by_tariff), money=(5,))
    _sheet_table(wb.create_sheet(_t("Length of stay")), 1, (_t("Days"), _t("Courses")),
                 m.length_counts)
    _sheet_table(wb.create_sheet(_t("Outcomes")), 1, (_t("Outcome"), _t("Courses")),
                 ((outcome_label(code, language), n) for code, n in m.outcomes))
    if m.errors:
        _sheet_table(wb.create_sheet(_t("Not settled")), 1, (
            _t("Patient"), _t("CPR"), _t("Discharged"), _t("Error")),
            ((e.patient, e.cpr_masked, e.discharged_on, e.error) for e in m.errors))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
