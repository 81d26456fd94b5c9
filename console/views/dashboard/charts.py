"""The dashboard's chart panels: a matplotlib chart, drawn off the GUI thread and shown as an
image (``render.py``; never ``pyplot``), with a table view of the same numbers, a grouping
choice where one makes sense, and an export to PNG or PDF.

``CHARTS`` lists every chart once (key, title, what it counts, grouping options); ``PAGES`` says
which tab shows which. Drawing is in ``dashboard_draw``, the tables in ``dashboard_tables``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.services.monitoring.dashboard import DashboardFigures
from console.views.common.background import Background
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.language import current_document_language
from console.views.common.tables import AS_LOADED, Mode, house_table, sorted_proxy
from console.views.common.widgets import interval_timer
from console.views.dashboard.chart_process import ChartPixels, draw_chart
from console.views.dashboard.model import FigureTableModel
from console.views.dashboard.render import MIN_HEIGHT, MIN_WIDTH, SCREEN_DPI, build_figure
from console.views.dashboard.tables import TABLES, summary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_CTX = "Dashboard"
EXPORT_DPI = 150
EXPORT_SUFFIXES = (".png", ".pdf")
RESIZE_SETTLE_MS = 150  # redraw once a resize has settled, not on every step of a drag
EXPORT_SIZE_IN = (6.0, 3.0)  # a chart never shown yet is exported and printed at this size


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str  # marked for translation; shown through translate
    hint: str  # the definition, as a tooltip
    options: tuple[tuple[str, str], ...] = ()  # (code, label), the first is the default


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("capacity", QT_TRANSLATE_NOOP(_CTX, "Admitted patients per day"),
              QT_TRANSLATE_NOOP(_CTX, "Patients admitted on each ward day against the planned "
                                      "capacity (R-CAPACITY). Amber days are over capacity.")),
    ChartSpec("bed_days", QT_TRANSLATE_NOOP(_CTX, "Bed days per month"),
              QT_TRANSLATE_NOOP(_CTX, "The daily admitted counts added up per month (only the "
                                      "period's days).")),
    ChartSpec("courses", QT_TRANSLATE_NOOP(_CTX, "Courses started and ended per week"),
              QT_TRANSLATE_NOOP(_CTX, "Admissions and discharges per week (weeks start on "
                                      "Monday)."),
              (("condition", QT_TRANSLATE_NOOP(_CTX, "By condition")),
               ("treatment", QT_TRANSLATE_NOOP(_CTX, "By treatment")))),
    ChartSpec("length", QT_TRANSLATE_NOOP(_CTX, "Length of stay"),
              QT_TRANSLATE_NOOP(_CTX, "Courses that ended in the period by their length in "
                                      "ward days, admission and discharge day included.")),
    ChartSpec("outcomes", QT_TRANSLATE_NOOP(_CTX, "Outcomes and day-3 CRP decisions"),
              QT_TRANSLATE_NOOP(_CTX, "Discharge outcomes (R-DISCHARGE), and for the CRP days "
                                      "in the period whether a signed ward round decided that "
                                      "day (R-CRP3).")),
    ChartSpec("visits", QT_TRANSLATE_NOOP(_CTX, "Visits per day"),
              QT_TRANSLATE_NOOP(_CTX, "Visits planned, done or missed (not cancelled) on the "
                                      "day their window starts."),
              (("provider", QT_TRANSLATE_NOOP(_CTX, "By provider")),
               ("base_shift", QT_TRANSLATE_NOOP(_CTX, "MBE by base and shift")))),
    ChartSpec("missed", QT_TRANSLATE_NOOP(_CTX, "Visits missed"),
              QT_TRANSLATE_NOOP(_CTX, "Visits registered as missed."),
              (("provider", QT_TRANSLATE_NOOP(_CTX, "Per day")),
               ("reasons", QT_TRANSLATE_NOOP(_CTX, "By reason")))),
    ChartSpec("cars", QT_TRANSLATE_NOOP(_CTX, "MBE car utilisation"),
              QT_TRANSLATE_NOOP(_CTX, "Cars in service: treating = the service minutes of "
                                      "their visits, driving = base → stops → base, idle = the "
                                      "rest of the shift.")),
    ChartSpec("escalations", QT_TRANSLATE_NOOP(_CTX, "Escalations per week"),
              QT_TRANSLATE_NOOP(_CTX, "Calls from municipal nurses by the week received."),
              (("category", QT_TRANSLATE_NOOP(_CTX, "By category")),
               ("municipality", QT_TRANSLATE_NOOP(_CTX, "By municipality")))),
    ChartSpec("response", QT_TRANSLATE_NOOP(_CTX, "Time to acknowledge and resolve"),
              QT_TRANSLATE_NOOP(_CTX, "Share of decided clocks within the target, per severity; "
                                      "clocks still inside their target are pending.")),
    ChartSpec("deliveries", QT_TRANSLATE_NOOP(_CTX, "Deliveries on time"),
              QT_TRANSLATE_NOOP(_CTX, "Deliveries by the week they were due (R-SUPPLY).")),
    ChartSpec("supplies", QT_TRANSLATE_NOOP(_CTX, "Patients who ran out of supplies"),
              QT_TRANSLATE_NOOP(_CTX, "A dose missed for missing medicine or supplies, or an "
                                      "escalation about missing medicine or supplies.")),
    ChartSpec("referrals", QT_TRANSLATE_NOOP(_CTX, "Referrals per week"),
              QT_TRANSLATE_NOOP(_CTX, "Referrals by the week they were received, and how they "
                                      "were decided (R-ELIGIBLE)."),
              (("decision", QT_TRANSLATE_NOOP(_CTX, "By decision")),
               ("source", QT_TRANSLATE_NOOP(_CTX, "By source")))),
    ChartSpec("decision_time", QT_TRANSLATE_NOOP(_CTX, "Time from referral to decision"),
              QT_TRANSLATE_NOOP(_CTX, "Hours from receiving a referral to the e-doctor's "
                                      "admission or decline, for the referrals received in the "
                                      "period and decided; the ones still waiting are counted "
                                      "apart.")),
)
SPECS = {spec.key: spec for spec in CHARTS}
PAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ward", QT_TRANSLATE_NOOP(_CTX, "Ward and courses"),
     ("capacity", "bed_days", "courses", "length")),
    ("visits", QT_TRANSLATE_NOOP(_CTX, "Outcomes and visits"),
     ("outcomes", "visits", "missed", "cars")),
    ("escalations", QT_TRANSLATE_NOOP(_CTX, "Escalations and supplies"),
     ("escalations", "response", "deliveries", "supplies")),
    ("referrals", QT_TRANSLATE_NOOP(_CTX, "Referrals"), ("referrals", "decision_time")),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class ChartImage(QLabel):
    """Where the chart's pixels are shown; says when its size has settled after a resize."""

    resized = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(320, 180)
        self.setStyleSheet("QLabel { background: white; }")
        self._settle = interval_timer(self, RESIZE_SETTLE_MS, self.resized.emit,
                                      single_shot=True, start=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()

    def showEvent(self, event: QShowEvent) -> None:  # its tab, its screen or its page shown
        super().showEvent(event)
        self.shown.emit()


class ChartPanel(QFrame):
    """One chart with its table; ``set_figures`` refreshes both from the loaded figures.

    The chart is drawn on the background thread at the size it has on screen, only while the
    panel is visible (a hidden tab or screen draws when shown), and again when its size settles.
    """

    exported = Signal(str)  # the path written
    drawn = Signal()  # the chart on screen is the current one

    def __init__(self, spec: ChartSpec, background: Background | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.subtitle = ""  # the period, written on exported charts
        self._figures: DashboardFigures | None = None
        self._background = background or Background(self)
        self._dirty = False  # figures or option changed while hidden
        self._drawn_at: tuple[QSize, str, int] | None = None  # size, option, figures id
        self.setObjectName("chartPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # The chart on screen is drawn in the chart process (``chart_process``) and arrives as
        # pixels; exports and prints draw it as a figure here, once per state (``current_figure``).
        self.figure: Figure | None = None
        self._figure_state: tuple[str, int] | None = None  # option, figures id of ``figure``
        self.canvas = ChartImage()
        self.canvas.resized.connect(self.request_render)
        self.canvas.shown.connect(self._on_canvas_shown)
        self._pending_state: tuple[QSize, str, int] | None = None
        self.model = FigureTableModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("QLabel { font-weight: 600; font-size: 13px; }")
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("QLabel { color: #4b5563; }")
        # A long headline wraps under the title rather than widening the window (1280×720).
        self.summary_label.setWordWrap(True)
        self.option_combo = QComboBox()
        self.option_combo.setVisible(bool(self.spec.options))
        self.option_combo.currentIndexChanged.connect(self._on_option_changed)
        self.table_button = QToolButton()
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self.show_table)
        self.export_button = QToolButton()
        self.export_button.clicked.connect(self._export_clicked)
        # Sized to its content only while shown (``show_table``): fourteen hidden tables each
        # measured their cells after every load, 13-34 ms apiece in one turn (issue 17).
        self.table = house_table(self.proxy, selection=Mode.ExtendedSelection,
                                 sort_column=AS_LOADED, row_height=None, alternating=True,
                                 wrap=True, highlight=True, stretch_last=True,
                                 resize=QHeaderView.ResizeMode.Interactive)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.canvas)
        self.pages.addWidget(self.table)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.summary_label)
        head.addLayout(titles, 1)
        head.addWidget(self.option_combo)
        head.addWidget(self.table_button)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.pages, 1)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_t(self.spec.title))
        self.title_label.setToolTip(_t(self.spec.hint))
        self.table_button.setText(_t("Table"))
        self.table_button.setToolTip(_t("Show the numbers as a table"))
        self.export_button.setText(_t("Export chart…"))
        self.export_button.setToolTip(_t("Save this chart as PNG or PDF"))
        current = self.option_combo.currentIndex()
        self.option_combo.blockSignals(True)
        self.option_combo.clear()
        for code, label in self.spec.options:
            self.option_combo.addItem(_t(label), code)
        self.option_combo.setCurrentIndex(max(0, current))
        self.option_combo.blockSignals(False)
        if self._figures is not None:
            self.set_figures(self._figures)

    # -- content -------------------------------------------------------------------------------

    @property
    def option(self) -> str:
        code = self.option_combo.currentData()
        return str(code) if code is not None else ""

    def set_option(self, code: str) -> None:
        index = self.option_combo.findData(code)
        if index >= 0:
            self.option_combo.setCurrentIndex(index)

    def set_figures(self, figures: DashboardFigures) -> None:
        self._figures = figures
        self.summary_label.setText(summary(self.spec.key, figures))
        self.model.set_table(TABLES[self.spec.key](figures, self.option))
        self.request_render()

    def request_render(self) -> None:
        """Draw the chart in the background if it is on screen and not drawn as it stands."""
        if self._figures is None:
            return
        if not self.canvas.isVisible():
            self._dirty = True
            return
        self._dirty = False
        state = (self.canvas.size(), self.option, id(self._figures))
        if state == self._drawn_at:
            self.drawn.emit()
            return
        size = self.canvas.size()
        self._background.submit(f"chart:{self.spec.key}", draw_chart,
                                current_document_language().code, self.spec.key, self._figures,
                                self.option, size.width(), size.height(),
                                self.canvas.devicePixelRatioF(),
                                on_done=self._on_rendered, owner=self)
        self._pending_state = state

    @property
    def is_drawn(self) -> bool:
        """The chart on screen shows the current figures and option."""
        return self._drawn_at is not None and self._drawn_at[1:] == (self.option,
                                                                      id(self._figures))

    def _on_rendered(self, chart: ChartPixels) -> None:
        image = QImage(chart.rgba, chart.width, chart.height, chart.width * 4,
                       QImage.Format.Format_RGBA8888).copy()  # own the pixels
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.canvas.devicePixelRatioF())
        self.canvas.setPixmap(pixmap)
        self._drawn_at = self._pending_state
        self.drawn.emit()

    def _on_canvas_shown(self) -> None:
        if self._dirty:
            QTimer.singleShot(0, self.request_render)  # once the layout has sized the canvas

    def current_figure(self) -> Figure:
        """The chart as a figure for exporting and printing, at the size it has on screen (or
        the export size if it was never shown), drawn once per figures and option."""
        state = (self.option, id(self._figures))
        if self.figure is not None and self._figure_state == state:
            return self.figure
        if self._figures is None:
            from matplotlib.figure import Figure

            return Figure(figsize=EXPORT_SIZE_IN)
        size = self._drawn_at[0] if self._drawn_at is not None else None
        inches = (max(size.width(), MIN_WIDTH) / SCREEN_DPI,
                  max(size.height(), MIN_HEIGHT) / SCREEN_DPI) if size else EXPORT_SIZE_IN
        self.figure = build_figure(self.spec.key, self._figures, self.option, *inches)
        self._figure_state = state
        return self.figure

    def _on_option_changed(self, _index: int) -> None:
        if self._figures is not None:
            self.set_figures(self._figures)

    def show_table(self, on: bool) -> None:
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if on else QHeaderView.ResizeMode.Interactive)
        self.pages.setCurrentWidget(self.table if on else self.canvas)
        if self.table_button.isChecked() != on:
            self.table_button.setChecked(on)

    @property
    def showing_table(self) -> bool:
        return self.pages.currentWidget() is self.table

    # -- export --------------------------------------------------------------------------------

    def export(self, path: Path) -> Path:
        """Write the chart to ``path`` (.png or .pdf) with its title and period on it."""
        suffix = path.suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            raise ValueError(f"export as .png or .pdf, not {suffix or 'no extension'}")
        title = _t(self.spec.title)
        line = " · ".join(p for p in (self.subtitle, self.summary_label.text()) if p)
        figure = self.current_figure()
        heading = figure.suptitle(f"{title}\n{line}" if line else title, x=0.01, ha="left",
                                  fontsize=10)
        try:
            figure.savefig(str(path), format=suffix[1:], dpi=EXPORT_DPI, facecolor="white")
        finally:
            heading.remove()
        self.exported.emit(str(path))
        return path

    def _export_clicked(self) -> None:
        name = f"{self.spec.key}.png"
        path, _filter = QFileDialog.getSaveFileName(
            self, _t("Export chart"), name,
            _t("PNG image (*.png);;PDF document (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in EXPORT_SUFFIXES:
            target = target.with_suffix(".pdf" if "pdf" in _filter.lower() else ".png")
        try:
            self.export(target)
        except OSError as exc:
            QMessageBox.warning(self, _t("Export chart"),
                                _t("Could not write {path}: {error}").format(path=target,
                                                                            error=exc))
