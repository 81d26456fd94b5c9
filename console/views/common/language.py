"""The console's language: Danish or English, from a setting or the system locale (issue 9).

``EWARD_LANGUAGE`` > ``settings.json`` ``language`` > the system locale ("da_*" → Danish) >
English. Installing Danish loads ``resources/translations/eward_da.qm`` (built by
``make translations`` from the committed ``.ts``) and Qt's own ``qtbase_da.qm`` (standard
buttons and dialogs), and sets the default ``QLocale`` so dates, times and numbers read the
Danish way.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.services.core.document_text import DocumentLanguage
from console.settings import load_user_settings

ENV_LANGUAGE = "EWARD_LANGUAGE"
LANGUAGES = ("en", "da")
_installed: list[QTranslator] = []


def chosen_language(explicit: str | None = None) -> str:
    for candidate in (explicit, os.environ.get(ENV_LANGUAGE), load_user_settings().language):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return "da" if QLocale.system().name().lower().startswith("da") else "en"


def translation_file(language: str, suffix: str = ".qm") -> Path:
    return Path(str(files("resources.translations") / f"eward_{language}{suffix}"))


def install_language(language: str | None = None) -> str:
    """Install the translators for ``language`` (or the chosen one); returns the code used."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = chosen_language(language)
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
        return code
    ours = QTranslator(app)
    if ours.load(str(translation_file(code))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    return code


def current_document_language() -> DocumentLanguage:
    """The installed language for the Qt-free document writers (workbooks, the monitoring
    report): Danish when Danish is installed (issue 20)."""
    danish = QLocale().language() == QLocale.Language.Danish and bool(_installed)
    return DocumentLanguage(translate=QCoreApplication.translate, code="da" if danish else "en")
