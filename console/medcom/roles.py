"""Author roles: MedCom's SKS administrative role codes (medcom-core-PractitionerRolesSKSadministrativ).

MedCom recommends a coded role (``PractitionerRole.code.coding``) and allows free text
(``code.text``) instead, never both (invariant medcom-core-practitionerrole-code-xor-text). The
console keeps a role as the Danish display text; a text that names a code here is sent coded.
"""

from __future__ import annotations

ROLE_DISPLAY: dict[str, str] = {
    "speciallaege": "Speciallæge",
    "speciallaegeipraksis": "Speciallæge i praksis",
    "cheflaege": "Cheflæge",
    "overlaege": "Overlæge",
    "afdelingslaege": "Afdelingslæge",
    "sygehuslaege": "Sygehuslæge",
    "sygeplejerske": "Sygeplejerske",
    "sundhedsplejerske": "Sundhedsplejerske",
    "socialogsundhedsassistent": "Social- og sundhedsassistent",
    "socialogsundhedsmedhjaelper": "Social- og sundhedsmedhjælper",
    "sygehjaelper": "Sygehjælper",
    "plejer": "Plejer",
    "plejehjemsassistent": "Plejehjemsassistent",
    "tandlaege": "Tandlæge",
    "klinisktandtekniker": "Klinisk tandtekniker",
    "tandplejer": "Tandplejer",
    "farmaceut": "Farmaceut",
    "apoteker": "Apoteker",
    "psykolog": "Psykolog",
    "jordemoder": "Jordemoder",
    "fysioterapeut": "Fysioterapeut",
    "ergoterapeut": "Ergoterapeut",
    "bioanalytiker": "Bioanalytiker",
    "radiograf": "Radiograf",
    "diaetist": "Diætist",
    "diaetistassistent": "Diætistassistent",
    "audilogiassistent": "Audilogiassistent",
    "neurofysiologassistent": "Neurofysiologassistent",
    "kiropraktor": "Kiropraktor",
    "zoneterapeut": "Zoneterapeut",
    "psykoterapeut": "Psykoterapeut",
    "audiologopaed": "Audiologopæd",
    "laegesekretaer": "Lægesekretær",
    "ledendelaegesekretaer": "Ledende lægesekretær",
    "sygeplejesekretaer": "Sygeplejesekretær",
    "fodterapeut": "Fodterapeut",
    "socialraadgiver": "Socialrådgiver",
    "ledendesocialraadgiver": "Ledende socialrådgiver",
    "laerer": "Lærer",
    "paedagog": "Pædagog",
    "beskaeftigelsesvejleder": "Beskæftigelsesvejleder",
    "bandagist": "Bandagist",
    "skomager": "Skomager",
    "optiker": "Optiker",
}

_BY_DISPLAY = {display.casefold(): code for code, display in ROLE_DISPLAY.items()}


def role_code(role: str) -> str | None:
    """The SKS code for a role given as its code or its Danish display text, else None."""
    key = role.strip().casefold()
    if key in ROLE_DISPLAY:
        return key
    return _BY_DISPLAY.get(key)


def role_text(code: str) -> str:
    """The display text for a received role code (the code itself when MedCom's list lacks it)."""
    return ROLE_DISPLAY.get(code, code)
