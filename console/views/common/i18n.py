"""Translation helpers (style.md practice 12: ``tr()`` everywhere, ``.ts`` via pyside6-lupdate).

``QT_TRANSLATE_NOOP`` marks module-level strings for lupdate, which finds them by this name; it
is re-declared here only because PySide6 types the original as returning ``object``.

``translate_service_message`` translates what the (Qt-free, English) services say: their
messages are catalogued as templates under the context ``Service`` (``console.i18n_catalog``,
listed in ``resources/translations/service_templates.json``); the message is matched against
them and the values it carries are put into the Danish sentence.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QDate, QLocale

log = logging.getLogger(__name__)
SERVICE_CONTEXT = "Service"  # console.i18n_catalog.SERVICE_CONTEXT
SERVICE_TEMPLATES = "service_templates.json"
_HOLE = re.compile(r"\{(\d+)\}")


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


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def decimal_numbers(text: str) -> str:
    """Every decimal number inside a clinical text ("Cefuroxim 1.5 g ×3; NaCl 0.9 % 1000 ml")
    with the locale's decimal point: a Danish nurse reads "1,5 g" (issue 20). Doses are stored
    with a point (the dose parser takes "1,5 g" too); only a point between two digits changes."""
    locale = QLocale()
    if not text or locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return text
    return _DECIMAL_POINT.sub(locale.decimalPoint(), text)


@dataclass(frozen=True)
class ServiceTemplate:
    """A service message with ``{0}``, ``{1}`` … for its values, and the pattern it reads as."""

    source: str
    pattern: re.Pattern[str]
    literal: int  # characters outside the holes: the more, the more specific

    @classmethod
    def of(cls, source: str) -> ServiceTemplate:
        parts = _HOLE.split(source)  # literal, hole number, literal, …
        holes = [int(n) for n in parts[1::2]]
        if holes != list(range(len(holes))):
            raise ValueError(f"holes out of order in service template {source!r}")
        regex = "".join(re.escape(p) if i % 2 == 0 else "(.*?)" for i, p in enumerate(parts))
        return cls(source, re.compile(regex, re.DOTALL), sum(len(p) for p in parts[::2]))


def service_templates_file() -> str:
    return str(files("resources.translations") / SERVICE_TEMPLATES)


@cache
def service_templates() -> tuple[ServiceTemplate, ...]:
    """The catalogued service templates, the most specific first (longest literal text)."""
    try:
        with open(service_templates_file(), encoding="utf-8") as f:
            sources = json.load(f)
    except (OSError, ValueError) as exc:  # showing an error must never fail: English then
        log.warning("no service message templates (%s): service messages stay English", exc)
        return ()
    compiled = [ServiceTemplate.of(source) for source in sources]
    return tuple(sorted(compiled, key=lambda t: (-t.literal, t.source)))


def _fill(template: str, values: tuple[str, ...]) -> str:
    def value(hole: re.Match[str]) -> str:
        n = int(hole.group(1))
        return values[n] if n < len(values) else hole.group(0)
    return _HOLE.sub(value, template)


def translate_service_message(text: str) -> str:
    """A service's English message in the console's language, its values kept.

    "A delivered delivery cannot become packed (allowed: nothing)." matches the template
    "A {0} delivery cannot become {1} (allowed: nothing)."; its translation gets "delivered"
    and "packed" back in its holes. English, or a message no template matches (one the
    console wrote itself, already translated), comes back as it is.
    """
    if not text:
        return text
    for template in service_templates():
        match = template.pattern.fullmatch(text)
        if match is None:
            continue
        translated = QCoreApplication.translate(SERVICE_CONTEXT, template.source)
        if translated == template.source:
            return text  # English (or not translated yet)
        return _fill(translated, match.groups())
    return text
