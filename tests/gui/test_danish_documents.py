"""Every document in Danish when the console runs in Danish (issue 20).

The round list, the route sheet, the packing and run list, the monitoring report and the
settlement workbook are rendered with ``EWARD_LANGUAGE=da`` from the demo ward, read back as text
(a PDF with pypdf, a workbook with openpyxl) and searched for the usual English suspects, raw
codes and English number formats. The Danish catalogue is built as ``make translations`` builds
it (the committed ``.ts`` plus ``pending/*.json``), so strings a branch adds count.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

import console.views.common.language as language_module
from console.db import Database
from console.i18n.catalogue import write_ts
from console.i18n.code_strings import code_catalogue
from console.i18n.runtime import document_language, ensure_document_application
from console.models import Visit
from console.services.core.uow import read_only, unit_of_work
from console.services.demo.seed import seed_demo
from console.timeutil import format_local, today_local

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
# English UI words a Danish document must not show (whole words, case as printed)
SUSPECTS = ("Print", "Printed", "Note", "Discharge", "Discharged", "Route", "Dose", "Doses",
            "Patient list", "Generated", "admitted", "Day shift", "Evening shift", "window",
            "drive", "on site", "Amount", "Settlement", "Summary", "Month", "Courses", "Tariff",
            "Outcome", "Outcomes", "Bed days", "Phone", "Loaded", "Item", "Due by", "Delivered",
            "Packed", "page", "CONFIDENTIAL", "Switched to tablets", "Completed", "Started",
            "Ended", "Visits done", "Flags", "Regimen")
RAW_CODES = ("oral_switch", "not_recorded", "blood_sample", "codan_mix_add", "antibiotic+fluid",
             "iv_box", "crp_decision", "crp_overdue")
ENGLISH_THOUSANDS = re.compile(r"\b\d{1,3},\d{3}\b(?!,)")
# a dose with an English decimal point ("Cefuroxim 1.5 g", "NaCl 0.9 %"): Danish writes "1,5 g"
ENGLISH_DECIMAL_DOSE = re.compile(r"\b\d+\.\d+ ?(?:(?:g|mg|ml|MIE|mg/kg)\b|%)")


@pytest.fixture(scope="module")
def danish_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translations")
    shutil.copy(TRANSLATIONS / "eward_da.ts", folder / "eward_da.ts")
    shutil.copytree(TRANSLATIONS / "pending", folder / "pending")
    write_ts(folder / "eward_da.ts", code_catalogue())
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(folder / "eward_da.ts"), "-qm",
                    str(folder / "eward_da.qm")], check=True)
    return folder / "eward_da.qm"


@pytest.fixture
def danish(monkeypatch: pytest.MonkeyPatch, danish_qm: Path) -> Iterator[None]:
    monkeypatch.setenv("EWARD_LANGUAGE", "da")
    monkeypatch.setattr(language_module, "translation_file",
                        lambda language, suffix=".qm": danish_qm)
    yield
    language_module.install_language("en")  # the next test reads English again


@pytest.fixture
def demo(sqlite_db: Database) -> Database:
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=today_local(), seed=5)
    return sqlite_db


def _pdf_text(path: Path) -> str:
    return "\n".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _xlsx_text(path: Path) -> str:
    wb = load_workbook(path)
    return "\n".join([ws.title for ws in wb.worksheets] + [
        str(cell.value) for ws in wb.worksheets for row in ws.iter_rows() for cell in row
        if isinstance(cell.value, str)])


def _english_in(text: str) -> list[str]:
    found = [w for w in SUSPECTS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    found += [c for c in RAW_CODES if c in text]
    found += ENGLISH_THOUSANDS.findall(text)
    found += ENGLISH_DECIMAL_DOSE.findall(text)
    return found


def _last_month(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)


@pytest.mark.usefixtures("danish")
def test_the_round_list_route_sheet_and_run_list_print_in_danish(demo: Database,
                                                                 tmp_path: Path) -> None:
    from console.services.dispatch.route_sheets import route_sheet_for_print
    from console.services.logistics.delivery_runs import run_list_for_print
    from console.services.rounds.rounds import round_list_for_print
    from console.views.dispatch.route_sheet import write_route_sheet_pdf
    from console.views.logistics.run_print import write_run_list_pdf
    from console.views.rounds.round_list_print import write_round_list_pdf

    assert ensure_document_application() == "da"
    day = today_local()
    with read_only(demo) as s:
        car = s.scalar(select(Visit.shift_car_id).where(Visit.shift_car_id.is_not(None)).limit(1))
    assert car is not None
    with unit_of_work(demo, "ABE") as s:
        listing, sheet, run = (round_list_for_print(s, day), route_sheet_for_print(s, car),
                               run_list_for_print(s, day))
    texts = {
        "round list": _pdf_text(write_round_list_pdf(listing, tmp_path / "rounds.pdf")),
        "route sheet": _pdf_text(write_route_sheet_pdf(sheet, tmp_path / "route.pdf")),
        "run list": _pdf_text(write_run_list_pdf(run, tmp_path / "run.pdf")),
    }
    assert "Stuegang" in texts["round list"] or "stuegang" in texts["round list"]
    assert {name: _english_in(text) for name, text in texts.items()} == {
        name: [] for name in texts}
    # every stop's time window stays on one line ("08:00–11:0" / "0" was a broken window; a
    # count of windows passed while the header's two made up for the stops')
    assert sheet.stops
    flat = " ".join(texts["route sheet"].split())
    assert [f"{format_local(s.window_start)}–{format_local(s.window_end)}" in flat
            for s in sheet.stops] == [True] * len(sheet.stops)


@pytest.mark.usefixtures("danish")
def test_the_monitoring_report_and_settlement_workbook_in_danish(demo: Database,
                                                                 tmp_path: Path) -> None:
    from console.reports.monitoring_pdf import write_monitoring_pdf
    from console.services.monitoring.reports import write_monitoring_xlsx, write_settlement_xlsx
    from console.services.monitoring.settlement import settlement_for_export
    from console.services.monitoring.yearly import yearly_monitoring

    language = document_language()
    assert language.danish
    month = _last_month(today_local())
    with unit_of_work(demo, "ABE") as s:
        settlement = settlement_for_export(s, month.year, month.month)
        monitoring = yearly_monitoring(s, month.year)
    assert settlement.lines
    texts = {
        "monitoring pdf": _pdf_text(write_monitoring_pdf(monitoring, tmp_path / "m.pdf",
                                                         language)),
        "monitoring xlsx": _xlsx_text(write_monitoring_xlsx(monitoring, tmp_path / "m.xlsx",
                                                            language)),
        "settlement xlsx": _xlsx_text(write_settlement_xlsx(settlement, tmp_path / "s.xlsx",
                                                            language)),
    }
    assert {name: _english_in(text) for name, text in texts.items()} == {
        name: [] for name in texts}
    assert re.search(r"\d{1,3}(\.\d{3})+ kr\.", texts["monitoring pdf"])  # 1.209.407 kr.


def test_danish_amounts_group_with_points() -> None:
    from console.services.core.document_text import DocumentLanguage

    da, en = DocumentLanguage(code="da"), DocumentLanguage()
    assert (da.kroner(1209407), en.kroner(1209407)) == ("1.209.407 kr.", "1,209,407 kr")
    assert da.number(1234.5, 2) == "1.234,50"
