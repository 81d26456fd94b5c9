"""The MBE's tasks in the home as reference data (R-MBE-TASKS, seed 003; issue 19). Pure.

Each task says which kind of visit it is, how long the crew stays (R-VISIT-LEN: under an hour),
the competences the crew needs (R-CREW-SKILL: the dispatch board and the planner only put it on
a car whose crew has them) and what its registration records: observations in words, lab
results (which analyses, ``labs.ANALYSES``), or a new IV access (``iv_access``).

The catalogue is code, not a table: the seed lists the tasks the MBE does in Region Sjælland,
and each one is wired to the form that records it. A ward that adds a task adds a line here
with its test. Ordering a task for a course is ``orders.order_task``.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.vocabulary import VisitKind

RECORDS_OBSERVATIONS, RECORDS_LAB, RECORDS_ACCESS = "observations", "lab", "access"


@dataclass(frozen=True, slots=True)
class MbeTask:
    code: str
    title: str  # English; the screens translate it
    danish: str  # the seed's own words
    kind: VisitKind
    minutes: int  # time on site (R-VISIT-LEN: under an hour)
    needs: tuple[str, ...] = ()  # competences, in skills.py's canonical names (R-CREW-SKILL)
    records: str = RECORDS_OBSERVATIONS
    analyses: tuple[str, ...] = ()  # lab analyses the visit's registration records
    window_hours: int = 4  # the default window the crew has to come, from its start


TASKS: tuple[MbeTask, ...] = (
    MbeTask("assessment", "Assessment visit", "Vurderingsbesøg", VisitKind.ASSESSMENT, 45),
    MbeTask("treatment_start", "Start of treatment at home (IV, tablets or airway)",
            "Opstart af behandling i hjemmet (IV, tablet eller luftvej)", VisitKind.ASSESSMENT,
            55),
    MbeTask("central_line_iv", "IV treatment in a PICC, CVK or port", "IV-behandling i PICC/CVK/port",
            VisitKind.SUPPORT, 40, needs=("central line",)),
    MbeTask("pump_start", "Start of pump treatment", "Opstart af pumpebehandling",
            VisitKind.SUPPORT, 45, needs=("pump",)),
    MbeTask("inhalation", "Port-a-neb inhalation and oxygen", "Port a neb-inhalation og ilt",
            VisitKind.SUPPORT, 30),
    MbeTask("nasal_tube", "Nasal tube placement", "Anlæggelse af nasalsonde", VisitKind.SUPPORT,
            30, needs=("nasal tube",)),
    MbeTask("urinary_catheter", "Urinary catheter placement", "KAD-anlæggelse",
            VisitKind.SUPPORT, 30, needs=("catheter",)),
    MbeTask("urine_stix", "Urine stix (urine to the laboratory if needed)",
            "Urinstiks (evt. urin til D+R)", VisitKind.SUPPORT, 15, records=RECORDS_LAB,
            analyses=("urine_stix",)),
    MbeTask("cultures", "Cultures for clinical microbiology", "Dyrkninger til klinisk mikrobiologi",
            VisitKind.SUPPORT, 20),
    MbeTask("poct_bloods", "Bedside blood tests: salts, kidney and infection values",
            "Blodprøver POCT: salte, nyretal og infektionstal", VisitKind.BLOOD_SAMPLE, 20,
            records=RECORDS_LAB,
            analyses=("sodium", "potassium", "creatinine", "egfr", "crp", "leukocytes")),
    MbeTask("drug_level", "Drug level to the laboratory (S-vancomycin, S-gentamicin)",
            "Blodprøve til laboratoriet: S-Vanco, S-Genta", VisitKind.BLOOD_SAMPLE, 20,
            records=RECORDS_LAB, analyses=("s_vancomycin", "s_gentamicin"), window_hours=2),
    MbeTask("blood_culture", "Blood cultures", "Bloddyrkning", VisitKind.BLOOD_SAMPLE, 25,
            needs=("blood culture",), records=RECORDS_LAB, analyses=("blood_culture",)),
    MbeTask("pvk", "PVK placement (new or re-inserted access)", "Anlæggelse af PVK",
            VisitKind.SUPPORT, 30, needs=("pvk",), records=RECORDS_ACCESS, window_hours=3),
)
BY_CODE: dict[str, MbeTask] = {t.code: t for t in TASKS}


def task_needs(code: str | None) -> frozenset[str]:
    """The competences an ordered task needs (nothing for a visit that is not a task)."""
    task = BY_CODE.get(code or "")
    return frozenset(task.needs) if task else frozenset()
