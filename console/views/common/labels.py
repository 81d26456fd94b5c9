"""Human, translatable labels for the codes services return (one table per code family).

An unknown code (newer than this console) is shown tidied, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from console.views.common.i18n import QT_TRANSLATE_NOOP


def tidy(code: str) -> str:
    """A code no table knows yet, readable: "home_nursing" → "Home nursing"."""
    return code.replace("_", " ").capitalize()


def spaced(code: str) -> str:
    """A code no table knows yet with its underscores as spaces: "team_north" → "team north"."""
    return code.replace("_", " ")


def code_label(context: str, table: Mapping[str, str], code: str,
               unknown: Callable[[str], str] = str) -> str:
    """The label of ``code`` in a vocabulary ``table`` (marked with QT_TRANSLATE_NOOP in
    ``context``), translated; a code newer than the table shows as ``unknown(code)``."""
    text = table.get(code)
    return unknown(code) if text is None else QCoreApplication.translate(context, text)

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
    return code_label("Condition", _CONDITIONS, code, tidy)


def treatment_label(code: str) -> str:
    return code_label("Treatment", _TREATMENTS, code)

_CTX = "PatientLabels"

VISIT_KINDS = {
    "first_visit": QT_TRANSLATE_NOOP(_CTX, "First visit"),
    "iv_dose": QT_TRANSLATE_NOOP(_CTX, "IV dose"),
    "blood_sample": QT_TRANSLATE_NOOP(_CTX, "Blood sample (CRP)"),
    "support": QT_TRANSLATE_NOOP(_CTX, "Support"),
    "assessment": QT_TRANSLATE_NOOP(_CTX, "Assessment"),
    "delivery": QT_TRANSLATE_NOOP(_CTX, "Delivery"),
}
MBE_TASKS = {  # R-MBE-TASKS: an ordered task is named by its task, not its visit kind
    "assessment": QT_TRANSLATE_NOOP(_CTX, "Assessment visit"),
    "treatment_start": QT_TRANSLATE_NOOP(_CTX, "Start of treatment at home (IV, tablets or airway)"),
    "central_line_iv": QT_TRANSLATE_NOOP(_CTX, "IV treatment in a PICC, CVK or port"),
    "pump_start": QT_TRANSLATE_NOOP(_CTX, "Start of pump treatment"),
    "inhalation": QT_TRANSLATE_NOOP(_CTX, "Port-a-neb inhalation and oxygen"),
    "nasal_tube": QT_TRANSLATE_NOOP(_CTX, "Nasal tube placement"),
    "urinary_catheter": QT_TRANSLATE_NOOP(_CTX, "Urinary catheter placement"),
    "urine_stix": QT_TRANSLATE_NOOP(_CTX, "Urine stix (urine to the laboratory if needed)"),
    "cultures": QT_TRANSLATE_NOOP(_CTX, "Cultures for clinical microbiology"),
    "poct_bloods": QT_TRANSLATE_NOOP(_CTX, "Bedside blood tests: salts, kidney and infection values"),
    "drug_level": QT_TRANSLATE_NOOP(_CTX, "Drug level to the laboratory (S-vancomycin, S-gentamicin)"),
    "blood_culture": QT_TRANSLATE_NOOP(_CTX, "Blood cultures"),
    "pvk": QT_TRANSLATE_NOOP(_CTX, "PVK placement (new or re-inserted access)"),
}
VISIT_STATUSES = {
    "planned": QT_TRANSLATE_NOOP(_CTX, "planned"),
    "done": QT_TRANSLATE_NOOP(_CTX, "done"),
    "missed": QT_TRANSLATE_NOOP(_CTX, "missed"),
    "cancelled": QT_TRANSLATE_NOOP(_CTX, "cancelled"),
    "overdue": QT_TRANSLATE_NOOP(_CTX, "overdue"),  # R-REGISTER: planned, window passed
}
PLACES = {  # R-REGISTER: the place of treatment
    "home": QT_TRANSLATE_NOOP(_CTX, "Home"),
    "municipal_acute_bed": QT_TRANSLATE_NOOP(_CTX, "Municipal acute bed"),
    "nursing_clinic": QT_TRANSLATE_NOOP(_CTX, "Nursing clinic"),
}
PROVIDERS = {
    "municipality": QT_TRANSLATE_NOOP(_CTX, "Municipality"),
    "mbe": QT_TRANSLATE_NOOP(_CTX, "MBE"),
}
REGIMEN_KINDS = {
    "antibiotic": QT_TRANSLATE_NOOP(_CTX, "Antibiotic"),
    "fluid": QT_TRANSLATE_NOOP(_CTX, "Fluid"),
}
SYSTEMS = {
    "codan_mix_add": QT_TRANSLATE_NOOP(_CTX, "Codan-mix Add set"),
    "elastomeric_pump": QT_TRANSLATE_NOOP(_CTX, "Elastomeric pump"),
    "cadd_pump": QT_TRANSLATE_NOOP(_CTX, "CADD pump"),
    "divibax": QT_TRANSLATE_NOOP(_CTX, "DivibaX transfer needle"),
}
IV_ACCESS = {
    "pvk": QT_TRANSLATE_NOOP(_CTX, "PVK (peripheral)"),
    "cvk": QT_TRANSLATE_NOOP(_CTX, "CVK (central)"),
    "picc": QT_TRANSLATE_NOOP(_CTX, "PICC line"),
    "midline": QT_TRANSLATE_NOOP(_CTX, "Midline"),
    "vip": QT_TRANSLATE_NOOP(_CTX, "VIP / Port-a-cath"),
}
DISCHARGE_OUTCOMES = {
    "completed": QT_TRANSLATE_NOOP(_CTX, "Course completed"),
    "oral_switch": QT_TRANSLATE_NOOP(_CTX, "Switched to tablets"),
    "readmitted": QT_TRANSLATE_NOOP(_CTX, "Readmitted to hospital"),
    "other": QT_TRANSLATE_NOOP(_CTX, "Other"),
}
ADMISSION_STATUSES = {
    "referred": QT_TRANSLATE_NOOP(_CTX, "Referred"),
    "admitted": QT_TRANSLATE_NOOP(_CTX, "Admitted"),
    "discharged": QT_TRANSLATE_NOOP(_CTX, "Discharged"),
}
ROUND_DECISIONS = {
    "continue": QT_TRANSLATE_NOOP(_CTX, "Continue IV at home"),
    "adjust": QT_TRANSLATE_NOOP(_CTX, "Adjust regimen"),
    "oral_switch": QT_TRANSLATE_NOOP(_CTX, "Switch to tablets"),
    "readmit": QT_TRANSLATE_NOOP(_CTX, "Readmit"),
    "discharge": QT_TRANSLATE_NOOP(_CTX, "Discharge"),
}
DELIVERY_STATUSES = {
    "requested": QT_TRANSLATE_NOOP(_CTX, "requested"),
    "packed": QT_TRANSLATE_NOOP(_CTX, "packed"),
    "out": QT_TRANSLATE_NOOP(_CTX, "out for delivery"),
    "delivered": QT_TRANSLATE_NOOP(_CTX, "delivered"),
    "failed": QT_TRANSLATE_NOOP(_CTX, "failed"),
    "cancelled": QT_TRANSLATE_NOOP(_CTX, "cancelled"),
}
MESSAGE_STATES = {  # issue 16: a MedCom message's state
    "drafted": QT_TRANSLATE_NOOP(_CTX, "drafted"),
    "sent": QT_TRANSLATE_NOOP(_CTX, "sent"),
    "acknowledged": QT_TRANSLATE_NOOP(_CTX, "acknowledged"),
    "rejected": QT_TRANSLATE_NOOP(_CTX, "rejected"),
    "failed": QT_TRANSLATE_NOOP(_CTX, "failed"),
    "received": QT_TRANSLATE_NOOP(_CTX, "received"),
    "answered": QT_TRANSLATE_NOOP(_CTX, "answered"),
    "overdue": QT_TRANSLATE_NOOP(_CTX, "no acknowledgement"),
    "unmatched": QT_TRANSLATE_NOOP(_CTX, "no course"),  # received, names no patient of ours
}
MESSAGE_KINDS = {
    "care_communication": QT_TRANSLATE_NOOP(_CTX, "correspondence"),
    "hospital_notification": QT_TRANSLATE_NOOP(_CTX, "hospital notification"),
    "acknowledgement": QT_TRANSLATE_NOOP(_CTX, "acknowledgement"),
    "invalid": QT_TRANSLATE_NOOP(_CTX, "unreadable message"),
}
ROUND_STATUSES = {  # a round with no decision yet shows its status
    "planned": QT_TRANSLATE_NOOP(_CTX, "planned"),
    "ready": QT_TRANSLATE_NOOP(_CTX, "ready"),
    "signed": QT_TRANSLATE_NOOP(_CTX, "signed"),
}
ESCALATION_SEVERITIES = {
    "urgent": QT_TRANSLATE_NOOP(_CTX, "urgent"),
    "today": QT_TRANSLATE_NOOP(_CTX, "today"),
    "routine": QT_TRANSLATE_NOOP(_CTX, "routine"),
}
ESCALATION_STATES = {
    "open": QT_TRANSLATE_NOOP(_CTX, "open"),
    "acknowledged": QT_TRANSLATE_NOOP(_CTX, "acknowledged"),
    "resolved": QT_TRANSLATE_NOOP(_CTX, "resolved"),
}
# What ``services.record.handover_missing`` names (R-HANDOVER), shown in the header and the PDF.
HANDOVER_ITEMS = frozenset((
    QT_TRANSLATE_NOOP(_CTX, "treatment plan (regimen)"),
    QT_TRANSLATE_NOOP(_CTX, "diagnosis / reason for admission"),
    QT_TRANSLATE_NOOP(_CTX, "duration and planned end"),
    QT_TRANSLATE_NOOP(_CTX, "IV access and when to remove it"),
    QT_TRANSLATE_NOOP(_CTX, "responsible doctor"),
    QT_TRANSLATE_NOOP(_CTX, "24/7 phone number"),
    QT_TRANSLATE_NOOP(_CTX, "updated medication list"),
    QT_TRANSLATE_NOOP(_CTX, "hospital notification (advis)"),  # issue 16
))
ESCALATION_CATEGORIES = {
    "clinical_worsening": QT_TRANSLATE_NOOP(_CTX, "Clinical worsening"),
    "complication": QT_TRANSLATE_NOOP(_CTX, "Complication"),
    "iv_access_problem": QT_TRANSLATE_NOOP(_CTX, "IV access problem"),
    "missing_medicine": QT_TRANSLATE_NOOP(_CTX, "Missing medicine"),
    "missing_supplies": QT_TRANSLATE_NOOP(_CTX, "Missing supplies"),
    "procedure_question": QT_TRANSLATE_NOOP(_CTX, "Procedure question"),
    "mbe_support": QT_TRANSLATE_NOOP(_CTX, "MBE support"),
    "other": QT_TRANSLATE_NOOP(_CTX, "Other"),
}


_KEEP_TOGETHER = str.maketrans({" ": "\u00a0", "-": "\u2011"})  # no-break space and hyphen


def summary_line(parts: list[str]) -> str:
    """A screen's summary, "Signed 10 of 35  ·  CRP decisions due: 8": a narrow window wraps
    it between its parts, never inside one (issue 20: "CRP-beslutninger udestående:" stood on
    one line and its count on the next)."""
    return "  ·  ".join(part.translate(_KEEP_TOGETHER) for part in parts)


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of ``code`` in ``table`` ("" for None)."""
    return "" if code is None else code_label(_CTX, table, code, tidy)


def visit_label(kind: str, task: str | None = None) -> str:
    """What a visit is: its MBE task when it was ordered as one (R-MBE-TASKS), else its kind."""
    return label(MBE_TASKS, task) if task else label(VISIT_KINDS, kind)


def handover_item(text: str) -> str:
    """One missing R-HANDOVER item in the reader's language (unknown ones as they are)."""
    return QCoreApplication.translate(_CTX, text) if text in HANDOVER_ITEMS else text
