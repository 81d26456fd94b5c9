"""Settlement and monitoring files: the xlsx read back with openpyxl cell by cell, the csv, the
monitoring PDF, and ``eward report`` (R-TARIFF, R-MONITOR). Data: ``tests/settlement_data``."""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.cli import main
from console.db import Database
from console.reports.monitoring_pdf import write_monitoring_pdf
from console.services.core.uow import read_only
from console.services.monitoring.reports import (
    DATE_FORMAT,
    KR_FORMAT,
    LINE_HEADERS,
    SUMMARY_HEADERS,
    write_monitoring_xlsx,
    write_settlement_csv,
    write_settlement_xlsx,
)
from console.services.monitoring.settlement import settlement_for_month
from console.services.monitoring.yearly import yearly_monitoring
from tests.settlement_data import EXPECTED, seed_settlement_courses

NAESTVED_ORDER = ("N4", "N2", "N1", "N5", "N3")  # by discharge time
HOLBAEK_ORDER = ("H2", "H3", "H5", "H1", "H6", "H4")
CPR = {"N1": "010360-XXXX", "N2": "020360-XXXX", "N3": "030360-XXXX", "N4": "040360-XXXX",
       "N5": "050360-XXXX", "H1": "060360-XXXX", "H2": "070360-XXXX", "H3": "080360-XXXX",
       "H4": "090360-XXXX", "H5": "100360-XXXX", "H6": "110360-XXXX"}


@pytest.fixture
def march(sqlite_db: Database) -> Database:
    seed_settlement_courses(sqlite_db)
    return sqlite_db


def _write_xlsx(db: Database, path: Path) -> Path:
    with read_only(db) as s:
        return write_settlement_xlsx(settlement_for_month(s, 2026, 3), path)


def test_settlement_xlsx_summary_sheet(march: Database, tmp_path: Path) -> None:
    wb = load_workbook(_write_xlsx(march, tmp_path / "march.xlsx"))
    assert wb.sheetnames == ["Summary", "Holbæk", "Næstved"]
    ws = wb["Summary"]
    assert ws["A1"].value == "Settlement of IV home-treatment courses: summary"
    assert [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(3, 6)] == [
        ("Region", "Region Sjælland"), ("Period", "2026-03"), ("Price level", "2025")]
    assert ws["A6"].value == "Generated"
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", ws["B6"].value)
    assert tuple(c.value for c in ws[8]) == SUMMARY_HEADERS
    assert [c.value for c in ws[9]] == ["Holbæk", 6, 110, 48218, 33752.6, 14465.4, 0]
    assert [c.value for c in ws[10]] == ["Næstved", 4, 41, 33697, 23587.9, 10109.1, 1]
    assert [c.value for c in ws[11]] == ["Total", 10, 151, 81915, 57340.5, 24574.5, 1]
    assert {ws.cell(r, c).number_format for r in (9, 10, 11) for c in (4, 5, 6)} == {KR_FORMAT}
    assert ws.cell(11, 1).font.bold
    assert ws.max_row == 11


def test_settlement_xlsx_municipality_sheet_cell_by_cell(march: Database, tmp_path: Path) -> None:
    ws = load_workbook(_write_xlsx(march, tmp_path / "march.xlsx"))["Næstved"]
    assert ws["A1"].value == "Settlement of IV home-treatment courses"
    assert [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(3, 7)] == [
        ("Region", "Region Sjælland"), ("Municipality", "Næstved"), ("Period", "2026-03"),
        ("Price level", "2025")]
    assert tuple(c.value for c in ws[9]) == LINE_HEADERS
    assert ws.freeze_panes == "A10"
    rows = {key: [c.value for c in ws[10 + n]] for n, key in enumerate(NAESTVED_ORDER)}
    assert rows["N4"] == ["Patient N4", CPR["N4"], datetime(2026, 2, 25), datetime(2026, 3, 1), 5,
                          "AB", "IV antibiotics without pump", None, 8023, 5616.1, 2406.9, None]
    assert rows["N2"] == ["Patient N2", CPR["N2"], datetime(2026, 2, 20), datetime(2026, 3, 5), 14,
                          "AB14", "IV antibiotics without pump over 14 days",
                          "Planned for 21 days; CRP fell fast, ended on day 14.", 8023, 5616.1,
                          2406.9, None]
    assert rows["N1"][2:] == [datetime(2026, 3, 2), datetime(2026, 3, 8), 7, "AB",
                              "IV antibiotics without pump", None, 8023, 5616.1, 2406.9, None]
    assert rows["N5"][:6] == ["Patient N5", CPR["N5"], datetime(2026, 3, 3),
                              datetime(2026, 3, 10), 8, None]
    assert rows["N5"][8:11] == [None, None, None]  # not settled: no amounts
    assert rows["N5"][11].startswith("R-TARIFF: the course has no tariff")
    assert ws.cell(13, 1).fill.fgColor.rgb.endswith("FFD9D6")  # the error row stands out
    assert rows["N3"][4:] == [15, "AB14", "IV antibiotics without pump over 14 days", None,
                              9628, 6739.6, 2888.4, None]
    total = [c.value for c in ws[15]]
    assert total[0] == "Total (4 courses)"
    assert total[4] == 41
    assert total[8:11] == [33697, 23587.9, 10109.1]
    assert total[11] == "1 course(s) not settled: see the rows marked red."
    assert ws.max_row == 15
    for r in range(10, 16):
        assert ws.cell(r, 9).number_format == KR_FORMAT
    assert ws.cell(10, 3).number_format == DATE_FORMAT
    assert ws.page_setup.orientation == "landscape"


def test_settlement_xlsx_every_holbaek_amount(march: Database, tmp_path: Path) -> None:
    ws = load_workbook(_write_xlsx(march, tmp_path / "march.xlsx"))["Holbæk"]
    for n, key in enumerate(HOLBAEK_ORDER):
        days, amount, region, municipality = EXPECTED[key]
        row = [c.value for c in ws[10 + n]]
        assert row[0] == f"Patient {key}"
        assert row[1] == CPR[key]
        assert (row[4], row[8], row[9], row[10]) == (days, pytest.approx(amount),
                                                     pytest.approx(region),
                                                     pytest.approx(municipality)), key
    assert ws.cell(14, 12).value == "For 16 days the model proposes AB14, not AB."  # H6
    assert [c.value for c in ws[16]][8:11] == [48218, 33752.6, 14465.4]


def test_settlement_csv(march: Database, tmp_path: Path) -> None:
    with read_only(march) as s:
        path = write_settlement_csv(settlement_for_month(s, 2026, 3), tmp_path / "march.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read æøå
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["row"] for r in rows] == ["line"] * 6 + ["municipality_total"] + [
        "line", "line", "line", "error", "line", "municipality_total", "total"]
    h1 = rows[3]
    assert (h1["municipality"], h1["patient"], h1["admitted"], h1["discharged"], h1["days"],
            h1["tariff_code"], h1["price_year"], h1["amount"], h1["region_share"],
            h1["municipality_share"]) == ("Holbæk", "Patient H1", "2026-03-01", "2026-03-20", "20",
                                          "AB4X14", "2025", "23537.00", "16475.90", "7061.10")
    error = rows[10]
    assert (error["patient"], error["amount"], error["tariff_code"]) == ("Patient N5", "", "")
    assert error["note"].startswith("R-TARIFF")
    total = rows[-1]
    assert (total["patient"], total["days"], total["amount"], total["region_share"],
            total["municipality_share"], total["note"]) == (
        "10 courses", "151", "81915.00", "57340.50", "24574.50", "1 not settled")


def test_empty_month_writes_a_summary_only(sqlite_db: Database, tmp_path: Path) -> None:
    with read_only(sqlite_db) as s:
        path = write_settlement_xlsx(settlement_for_month(s, 2026, 3), tmp_path / "e.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary"]
    assert [c.value for c in wb["Summary"][9]] == ["Total", 0, 0, 0, 0, 0, 0]


def test_monitoring_xlsx(march: Database, tmp_path: Path) -> None:
    with read_only(march) as s:
        path = write_monitoring_xlsx(yearly_monitoring(s, 2026), tmp_path / "m.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Months", "Municipalities", "Tariffs", "Length of stay",
                             "Outcomes", "Not settled"]
    ws = wb["Summary"]
    figures = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(7, 18)}
    assert figures["Courses ended"] == 12
    assert figures["Median length (days)"] == 12.0
    assert figures["Settlement total"] == 89938
    assert figures["Region's share"] == 62956.6
    assert figures["Ended courses without a tariff"] == 1
    months = wb["Months"]
    assert [c.value for c in months[4]][:3] == ["2026-03", 9, 11]
    assert months.cell(4, 5).value == 81915
    tariffs = {r[0].value: [c.value for c in r[1:]] for r in wb["Tariffs"].iter_rows(min_row=2)}
    assert tariffs["ABPUMP"] == ["IV antibiotics with pump", 2, 61, 4815]


def test_monitoring_pdf_has_three_pages(march: Database, tmp_path: Path) -> None:
    with read_only(march) as s:
        path = write_monitoring_pdf(yearly_monitoring(s, 2026), tmp_path / "m.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", data)) == 3


def test_monitoring_pdf_of_an_empty_year(sqlite_db: Database, tmp_path: Path) -> None:
    with read_only(sqlite_db) as s:
        path = write_monitoring_pdf(yearly_monitoring(s, 2030), tmp_path / "empty.pdf")
    assert path.stat().st_size > 1000


# --- eward report ---------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_settlement_xlsx_and_csv(capsys: pytest.CaptureFixture[str], march: Database,
                                     sqlite_url: str, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    code, text = run(capsys, "report", "settlement", "--month", "2026-03", "--out", str(out),
                     "--database", sqlite_url, "--json")
    assert code == 0
    payload = json.loads(text)
    assert payload["totals"] == {"courses": 10, "days": 151, "amount": 81915.0,
                                 "region_share": 57340.5, "municipality_share": 24574.5,
                                 "errors": 1}
    assert [m["municipality"] for m in payload["municipalities"]] == ["Holbæk", "Næstved"]
    assert load_workbook(out).sheetnames == ["Summary", "Holbæk", "Næstved"]
    code, text = run(capsys, "report", "settlement", "--month", "2026-03", "--out",
                     str(tmp_path / "s.csv"), "--database", sqlite_url)
    assert code == 0
    assert "81,915.00 kr" in text
    assert "1 course(s) without a tariff" in text


def test_cli_monitoring_pdf_and_xlsx(capsys: pytest.CaptureFixture[str], march: Database,
                                     sqlite_url: str, tmp_path: Path) -> None:
    for name in ("m.pdf", "m.xlsx"):
        code, text = run(capsys, "report", "monitoring", "--year", "2026", "--out",
                         str(tmp_path / name), "--database", sqlite_url, "--json")
        assert code == 0
        assert json.loads(text)["courses_ended"] == 12
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.parametrize(("argv", "field"), [
    (("settlement", "--month", "2026-13"), "--month"),
    (("settlement", "--month", "03/2026"), "--month"),
    (("settlement",), "--month"),
    (("settlement", "--month", "2026-03", "--out-ext", ".pdf"), "--out"),
    (("monitoring", "--year", "26"), "--year"),
    (("monitoring",), "--year"),
    (("monitoring", "--year", "2026", "--out-ext", ".csv"), "--out"),
])
def test_cli_bad_input_is_exit_2_with_field(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                            tmp_path: Path, argv: tuple[str, ...],
                                            field: str) -> None:
    args = list(argv)
    ext = ".xlsx"
    if "--out-ext" in args:
        ext = args.pop(args.index("--out-ext") + 1)
        args.remove("--out-ext")
    out = tmp_path / f"report{ext}"
    code, text = run(capsys, "report", *args, "--out", str(out), "--database", sqlite_url,
                     "--json")
    assert code == 2
    assert json.loads(text)["error"]["field"] == field
    assert not out.exists()
