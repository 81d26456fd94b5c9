"""Documents rendered outside the GUI (the CLI's PDFs and workbooks) in the console's language.

``ensure_document_application()`` makes the Qt application a document needs (offscreen, for
fonts) and installs the chosen language's translators (``EWARD_LANGUAGE`` > settings > the
system locale, as the GUI does), so a round list printed by ``eward rounds --pdf`` reads as the
screen does; ``document_language()`` hands that catalogue to the Qt-free writers.
"""

from __future__ import annotations

import os

from console.services.core.document_text import DocumentLanguage


def ensure_document_application(language: str | None = None) -> str:
    """A QApplication with the chosen language installed; returns the language code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.app import ensure_application
    from console.views.common.language import install_language

    ensure_application()
    return install_language(language)


def document_language(language: str | None = None) -> DocumentLanguage:
    """The installed catalogue as a ``DocumentLanguage`` for the Qt-free writers."""
    from console.views.common.language import current_document_language

    ensure_document_application(language)
    return current_document_language()
