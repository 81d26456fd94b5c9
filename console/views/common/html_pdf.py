"""An HTML document on A4 paper (QPdfWriter + QTextDocument): the round list, the record.

Needs a QGuiApplication (fonts); no database work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

SCREEN_DPI = 96
RESOLUTION_DPI = 300
MARGIN_MM = 12


def write_html_pdf(html: str, path: Path, *, title: str, landscape: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("eWard Console")
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setHtml(html)
    # QTextDocument lays out in screen pixels (96 per inch), and print_() scales that to the
    # device: give it the printable area in those pixels, or 9 pt text comes out a third larger.
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    document.setPageSize(QSizeF(area.width() * SCREEN_DPI, area.height() * SCREEN_DPI))
    document.print_(writer)
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"Could not write the PDF to {path}.")
    return path
