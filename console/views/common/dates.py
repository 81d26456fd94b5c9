"""Dates and times in the console's widgets: always Europe/Copenhagen, whatever the machine's
zone, and stored as aware UTC (design rule 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from console.services.course.schedule import parse_dose_times
from console.timeutil import LOCAL_TZ


def ward_zone() -> QTimeZone:
    return QTimeZone(LOCAL_TZ.key.encode())


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), ward_zone())


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def datetime_edit(value: datetime) -> QDateTimeEdit:
    """A date-time field that shows and reads Copenhagen time on any machine (issue 15: under
    TZ=UTC the edit showed the machine's 15:37 while the console said 16:37)."""
    edit = QDateTimeEdit()
    edit.setTimeZone(ward_zone())  # before the value: the edit converts into its own zone
    edit.setDateTime(to_qdatetime(value))
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setCalendarPopup(True)
    return edit


def parse_times_text(text: str) -> list[time] | None:
    """"08:00, 15:00" → times; None when a part is not HH:MM."""
    try:
        return parse_dose_times(text.replace(";", ","))
    except ValueError:
        return None


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
