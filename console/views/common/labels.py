"""Human, translatable labels for the codes services return (conditions, treatment kinds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.views.common.i18n import QT_TRANSLATE_NOOP

_CONDITIONS: dict[str, str] = {
    "dehydration": QT_TRANSLATE_NOOP("Condition", "Dehydration"),
    "pneumonia": QT_TRANSLATE_NOOP("Condition", "Pneumonia"),
    "uti": QT_TRANSLATE_NOOP("Condition", "Urinary tract infection"),
    "erysipelas": QT_TRANSLATE_NOOP("Condition", "Erysipelas"),
    "bacteraemia": QT_TRANSLATE_NOOP("Condition", "Bacteraemia"),
    "spondylodiscitis": QT_TRANSLATE_NOOP("Condition", "Spondylodiscitis"),
    "postoperative_infection": QT_TRANSLATE_NOOP("Condition", "Postoperative infection"),
    "copd": QT_TRANSLATE_NOOP("Condition", "COPD exacerbation"),
    "hyponatraemia": QT_TRANSLATE_NOOP("Condition", "Hyponatraemia"),
    "other": QT_TRANSLATE_NOOP("Condition", "Other"),
}

_TREATMENTS: dict[str, str] = {
    "antibiotic": QT_TRANSLATE_NOOP("Treatment", "IV antibiotic"),
    "fluid": QT_TRANSLATE_NOOP("Treatment", "IV fluid"),
    "antibiotic+fluid": QT_TRANSLATE_NOOP("Treatment", "IV antibiotic and fluid"),
    "none": QT_TRANSLATE_NOOP("Treatment", "No regimen yet"),
}


def condition_label(code: str) -> str:
    text = _CONDITIONS.get(code)
    if text is None:  # a code newer than this console: show it rather than hide it
        return code.replace("_", " ").capitalize()
    return QCoreApplication.translate("Condition", text)


def treatment_label(code: str) -> str:
    text = _TREATMENTS.get(code)
    return code if text is None else QCoreApplication.translate("Treatment", text)
