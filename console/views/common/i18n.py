"""Translation helpers (style.md practice 12: ``tr()`` everywhere, ``.ts`` via pyside6-lupdate).

``QT_TRANSLATE_NOOP`` marks module-level strings for lupdate, which finds them by this name; it
is re-declared here only because PySide6 types the original as returning ``object``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    del context
    return source


def translate(context: str, source: str, **values: object) -> str:
    """Translate, then fill ``{name}`` placeholders (translators may reorder them)."""
    text = QCoreApplication.translate(context, source)
    return text.format(**values) if values else text


def day_text(day: date, qt_format: str) -> str:
    """A date with weekday or month names in the console's language (Qt format, not strftime).

    ``day_text(d, "ddd dd/MM/yyyy")`` reads "Tue 01/12/2026" in English and "tirs. 01/12/2026"
    in Danish: ``ddd``/``dddd`` are the short/long weekday, ``MMM``/``MMMM`` the month.
    """
    return QLocale().toString(QDate(day.year, day.month, day.day), qt_format)


def decimal_text(text: str) -> str:
    """A number Python formatted ("0.6", "81 915.00") with the locale's decimal point.

    English keeps the point (the console's English locale is en_DK, whose comma would read oddly
    in an English sentence); Danish reads "0,6" and "81 915,00".
    """
    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return text
    return text.replace(".", locale.decimalPoint())
