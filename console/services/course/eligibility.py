"""R-ELIGIBLE: the e-doctor's eligibility judgement before admission, with the seed's wording.

Each item quotes the agreement it comes from (seed 000 §3 and §9.1, Region Syddanmark's IV
agreement, and seed 003, Region Sjælland's eHospital) so the doctor reads what is asked, not a
paraphrase. Besides the five items the doctor records the talk with the referrer and with the
municipality (seed 000 §3: "Den samlede vurdering beror på en samtale …"; §9.1: "At kontakte
hjemkommunen …"). A referral is admitted only when every item is judged yes and both talks are
recorded; it may be declined at any point, with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from console.services.core.errors import RuleViolation


@dataclass(frozen=True, slots=True)
class EligibilityItem:
    key: str  # the referral column holding the judgement
    label: str  # the console's words (translated in the views)
    wording: str  # the seed's own words (Danish), quoted
    source: str


ELIGIBILITY: tuple[EligibilityItem, ...] = (
    EligibilityItem("clinically_stable", "Clinically stable",
                    "Borgerne skal være stabile", "seed 000 §3"),
    EligibilityItem("medically_suitable", "Medically judged suitable for home treatment",
                    "lægefagligt vurderet egnet til at færdiggøre behandlingen i nærmiljøet",
                    "seed 000 §3"),
    EligibilityItem("able_to_cooperate", "Able to cooperate on treatment at home",
                    "en lægefaglig vurdering af, om patienten kan samarbejde om at blive "
                    "behandlet i nærområdet", "seed 000 §9.1"),
    EligibilityItem("home_suitable", "Home judged suitable by the municipal nursing",
                    "bo under forhold, der vurderes egnet til hjemmebehandling af den kommunale "
                    "sygepleje, eller hvor behandlingen kan foretages i en kommunal funktion",
                    "seed 000 §3"),
    EligibilityItem("video_possible", "Video possible (a prerequisite)",
                    "Brug af digitale løsninger er en forudsætning for indlæggelse i eget hjem. "
                    "Videolink", "seed 003"),
)
ELIGIBILITY_KEYS: tuple[str, ...] = tuple(item.key for item in ELIGIBILITY)

# R-ELIGIBLE: the talks, each with the seed's words.
TALKS: tuple[EligibilityItem, ...] = (
    EligibilityItem("referrer_call", "Talk with the referrer",
                    "Den samlede vurdering beror på en samtale mellem borger, evt. pårørende "
                    "samt kommunalt og regionalt sundhedspersonale", "seed 000 §3"),
    EligibilityItem("municipality_call", "Talk with the municipality",
                    "At kontakte hjemkommunen … med henblik på at aftale opgavens løsning i "
                    "kommunalt regi", "seed 000 §9.1"),
)


def eligibility_refusals(judgement: Mapping[str, bool | None], referrer_call: str | None,
                         municipality_call: str | None) -> list[RuleViolation]:
    """What stands between this judgement and an admission (empty: it may be admitted)."""
    problems = []
    for item in ELIGIBILITY:
        value = judgement.get(item.key)
        if value is None:
            problems.append(RuleViolation("R-ELIGIBLE", item.key, "Judge every eligibility "
                                          f"item before admitting: '{item.label}' is not judged."))
        elif not value:
            problems.append(RuleViolation("R-ELIGIBLE", item.key, f"'{item.label}' is judged "
                                          "no: decline the referral with a reason instead."))
    for talk, text in (("referrer_call", referrer_call), ("municipality_call", municipality_call)):
        if not (text or "").strip():
            who = "referrer" if talk == "referrer_call" else "municipality"
            problems.append(RuleViolation("R-ELIGIBLE", talk, "Record the talk with the "
                                          f"{who} before admitting."))
    return problems
