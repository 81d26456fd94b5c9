"""The Dispatch screen's data: the board's lanes and the tray and car tables (R-SHIFT, R-FIRST).

- The board's rows (``Lane``, ``LaneBlock``, ``BoardSnapshot``) come from the service
  ``console.services.dispatch.board_view.load_board``; this module only labels and packs them.
- ``TrayTableModel``: MBE visits on no car; rows drag out as ``MIME_TYPE`` (ids + versions),
  board blocks dropped on it are taken off their car. ``CarsTableModel``: crew editable, in
  service checkable; edits are requests (signals) the screen writes through the worker.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QColor

from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import VISIT_KINDS, code_label, label

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ADMISSION_ID_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-eward-mbe-visits"
_CTX = "DispatchModel"

KIND_COLOURS: dict[str, QColor] = {  # the board's block stripes (tinted for the fill)
    "first_visit": QColor("#6d28d9"), "iv_dose": QColor("#1d4ed8"),
    "blood_sample": QColor("#b45309"), "support": QColor("#047857"),
    "assessment": QColor("#0e7490"), "delivery": QColor("#4b5563"),
}
SHIFT_LABELS = {"day": QT_TRANSLATE_NOOP("Shift", "day"),
                "evening": QT_TRANSLATE_NOOP("Shift", "evening")}


def kind_label(kind: str) -> str:
    """The patient record's label for a visit kind (one concept, one word)."""
    return label(VISIT_KINDS, kind)


def shift_label(kind: str) -> str:
    return code_label("Shift", SHIFT_LABELS, kind)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def hours_text(start: datetime, end: datetime) -> str:
    return f"{format_local(start)}–{format_local(end)}"


def stops_text(n: int) -> str:
    return _t("1 stop") if n == 1 else _t("{n} stops").format(n=n)


# --- drag and drop ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DraggedVisit:
    visit_id: int
    version: int
    shift_car_id: int | None  # the car it is dragged from (None: from the tray)


def visits_mime(visits: Iterable[DraggedVisit]) -> QMimeData:
    mime = QMimeData()
    payload = [{"visit_id": v.visit_id, "version": v.version, "shift_car_id": v.shift_car_id}
               for v in visits]
    mime.setData(MIME_TYPE, json.dumps(payload).encode())
    mime.setText(", ".join(f"#{v['visit_id']}" for v in payload))
    return mime


def dragged_visits(mime: QMimeData | None) -> list[DraggedVisit]:
    """What ``visits_mime`` packed; [] for anything else (a stray text drop)."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return []
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return [DraggedVisit(int(p["visit_id"]), int(p["version"]),
                             None if p["shift_car_id"] is None else int(p["shift_car_id"]))
                for p in payload]
    except (ValueError, KeyError, TypeError):
        return []


# --- table models -------------------------------------------------------------------------------
