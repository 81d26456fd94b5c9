"""Translation helpers (style.md practice 12: ``tr()`` everywhere, ``.ts`` via pyside6-lupdate).

``QT_TRANSLATE_NOOP`` marks module-level strings for lupdate, which finds them by this name; it
is re-declared here only because PySide6 types the original as returning ``object``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    del context
    return source


def translate(context: str, source: str, **values: object) -> str:
    """Translate, then fill ``{name}`` placeholders (translators may reorder them)."""
    text = QCoreApplication.translate(context, source)
    return text.format(**values) if values else text
