"""The whole dashboard on paper: a page per tab, its four charts two by two on A4 landscape, as
vector graphics.

Each matplotlib figure is rendered to SVG and painted with ``QSvgRenderer`` onto any paged paint
device: a ``QPdfWriter`` (a PDF file) or a ``QPrinter`` (the print dialog's printer). A page
header names the period and the chart; a chart shown as a table prints as its chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from console.timeutil import format_local, now_utc
from console.views.dashboard.charts import ChartPanel

_CTX = "DashboardPrint"
RESOLUTION_DPI = 300
MARGIN_MM = 10


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _svg(panel: ChartPanel) -> QByteArray:
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):  # text as text: QtSvg draws it with real fonts
        panel.current_figure().savefig(buffer, format="svg", facecolor="white")
    return QByteArray(buffer.getvalue())


Page = tuple[str, Sequence[ChartPanel]]


def _fonts(bold_pt: float, small_pt: float) -> tuple[QFont, QFont]:
    head = QFont("DejaVu Sans")
    head.setPointSizeF(bold_pt)
    head.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(small_pt)
    return head, small


def _paint_chart(painter: QPainter, panel: ChartPanel, box: QRectF, line: float,
                 head: QFont, small: QFont) -> None:
    painter.setFont(head)
    painter.drawText(QRectF(box.left(), box.top(), box.width(), line),
                     Qt.AlignmentFlag.AlignLeft, panel.title_label.text())
    painter.setFont(small)
    painter.drawText(QRectF(box.left(), box.top() + line, box.width(), line),
                     Qt.AlignmentFlag.AlignLeft, panel.summary_label.text())
    chart = QRectF(box.left(), box.top() + line * 2.1, box.width(), box.height() - line * 2.1)
    renderer = QSvgRenderer(_svg(panel))
    size = renderer.defaultSize()
    scale = min(chart.width() / max(1, size.width()), chart.height() / max(1, size.height()))
    renderer.render(painter, QRectF(chart.left(), chart.top(), size.width() * scale,
                                    size.height() * scale))


def paint_dashboard(device: QPagedPaintDevice, pages: Sequence[Page], title: str) -> int:
    """Paint each page's charts (up to four, two by two) onto ``device``; returns the pages."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(_t("Could not open the printer or file for writing."))
    try:
        area = QRectF(painter.viewport())
        line = device.logicalDpiY() * 0.2
        gap = line
        head, small = _fonts(10, 7.5)
        generated = _t("Generated {time}").format(time=format_local(now_utc(), "%d/%m/%Y %H:%M"))
        for number, (page_title, panels) in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            painter.setFont(head)
            painter.drawText(QRectF(area.left(), area.top(), area.width(), line),
                             Qt.AlignmentFlag.AlignLeft, f"{title} · {page_title}")
            painter.setFont(small)
            painter.drawText(QRectF(area.left(), area.top(), area.width(), line),
                             Qt.AlignmentFlag.AlignRight,
                             _t("{generated} · page {page} of {pages}").format(
                                 generated=generated, page=number, pages=len(pages)))
            top = area.top() + line * 1.6
            width = (area.width() - gap) / 2
            height = (area.bottom() - top - gap) / 2
            for slot, panel in enumerate(panels[:4]):
                box = QRectF(area.left() + (slot % 2) * (width + gap),
                             top + (slot // 2) * (height + gap), width, height)
                _paint_chart(painter, panel, box, line, head, small)
    finally:
        painter.end()
    return len(pages)


def write_dashboard_pdf(pages: Sequence[Page], path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("eWard Console")
    paint_dashboard(writer, pages, title)
    return path
