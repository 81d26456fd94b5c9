"""Data tables for the demo ward (console.services.demo.seed): fictitious people, places, drugs, texts.

Every person here is invented; street names are common Danish ones, postcodes are the main
towns' real ones so addresses look right on a route sheet.
"""

from __future__ import annotations

import random

from console.vocabulary import (
    AdministrationSystem,
    Condition,
    EscalationCategory,
    IvAccess,
    ResolveAction,
    Role,
    Severity,
)

# (initials, name, roles): 4 e-doctors, 6 e-nurses, 3 dispatchers, 2 logistics, 1 admin;
# RBA and HLA hold two roles.
STAFF: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("HLM", "Henrik Lund Madsen", (Role.E_DOCTOR,)),
    ("BKJ", "Birgitte Kjærgaard", (Role.E_DOCTOR,)),
    ("ABE", "Anders Bech", (Role.E_DOCTOR,)),
    ("SWI", "Sofie Winther", (Role.E_DOCTOR,)),
    ("LDA", "Lene Dahl", (Role.E_NURSE,)),
    ("PKR", "Pernille Krogh", (Role.E_NURSE,)),
    ("JTH", "Jonas Thygesen", (Role.E_NURSE,)),
    ("CJU", "Camilla Juhl", (Role.E_NURSE,)),
    ("RBA", "Rikke Bang", (Role.E_NURSE, Role.DISPATCHER)),
    ("TMO", "Tina Mørch", (Role.E_NURSE,)),
    ("KNY", "Kim Nygaard", (Role.DISPATCHER,)),
    ("MFR", "Morten Friis", (Role.DISPATCHER,)),
    ("BRI", "Bo Riis", (Role.LOGISTICS,)),
    ("DSK", "Dorte Skov", (Role.LOGISTICS,)),
    ("HLA", "Hanne Lauritsen", (Role.ADMIN, Role.E_NURSE)),
)

FEMALE_NAMES = (
    "Anne", "Kirsten", "Hanne", "Mette", "Inge", "Lone", "Karen", "Susanne", "Birthe", "Lene",
    "Bente", "Jytte", "Ellen", "Grethe", "Ruth", "Else", "Marianne", "Tove", "Lis", "Ida",
    "Emma", "Sofie", "Freja", "Ingrid", "Dorthe", "Vibeke", "Gitte", "Annette",
)
MALE_NAMES = (
    "Jens", "Peter", "Niels", "Lars", "Hans", "Søren", "Poul", "Jørgen", "Erik", "Henrik",
    "Ole", "Bent", "Knud", "Flemming", "Per", "Torben", "Svend", "Finn", "Leif", "Kurt",
    "Mads", "Frederik", "Mikkel", "Arne", "Preben", "Carsten", "Bjarne", "Villy",
)
SURNAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen", "Clausen",
    "Simonsen", "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen", "Vestergaard",
    "Nissen", "Lauridsen", "Kjær", "Dam", "Mogensen", "Bruun", "Skov", "Bech", "Kofoed",
)
STREETS = (
    "Skovvej", "Møllevej", "Stationsvej", "Kirkevej", "Vestergade", "Østergade", "Nørregade",
    "Søndergade", "Birkevej", "Egevej", "Bøgevej", "Rosenvænget", "Enghavevej", "Strandvejen",
    "Ahornvej", "Lærkevej", "Granvej", "Bakkevej", "Skolevej", "Fasanvej", "Kildevej",
    "Tjørnevej", "Mågevej", "Vibevej", "Hybenvej", "Slotsgade", "Parkvej", "Engvej",
)

# Municipality -> (postcode of the main town, population weight in thousands, 2024 approx.)
MUNICIPALITY_FACTS: dict[str, tuple[str, int]] = {
    "Faxe": ("4690", 38), "Greve": ("2670", 51), "Guldborgsund": ("4800", 60),
    "Holbæk": ("4300", 73), "Kalundborg": ("4400", 49), "Køge": ("4600", 62),
    "Lejre": ("4330", 29), "Lolland": ("4930", 40), "Næstved": ("4700", 84),
    "Odsherred": ("4500", 33), "Ringsted": ("4100", 36), "Roskilde": ("4000", 91),
    "Slagelse": ("4200", 80), "Solrød": ("2680", 24), "Sorø": ("4180", 30),
    "Stevns": ("4660", 23), "Vordingborg": ("4760", 46),
}

# The ward's free text is Danish, as the people who type it write it (issue 20).
RELATIONS_FOR_OLD = ("datter", "søn", "hustru", "ægtemand", "nabo", "svigerdatter")
RELATIONS_FOR_YOUNG = ("mor", "far", "partner", "søster", "bror")

REFERRERS = (
    "Medicinsk afdeling, Holbæk Sygehus", "Akutafdelingen, Slagelse Sygehus",
    "Medicinsk afdeling, Næstved Sygehus",
    "Infektionsmedicinsk afdeling, Sjællands Universitetshospital, Roskilde",
    "Akutafdelingen, Sjællands Universitetshospital, Køge",
    "Medicinsk afdeling, Nykøbing F. Sygehus",
    "Ortopædkirurgisk afdeling, Sjællands Universitetshospital, Køge", "Egen læge via akutteamet",
)

# Condition -> (weight, free text shown with it, antibiotic choices; empty = fluids only)
CONDITIONS: dict[Condition, tuple[int, str, tuple[str, ...]]] = {
    Condition.PNEUMONIA: (9, "Samfundserhvervet pneumoni", ("piptaz", "cefuroxim", "penicillin")),
    Condition.UTI: (7, "Urinvejsinfektion / pyelonefritis", ("ceftriaxon", "gentamicin",
                                                                     "piptaz")),
    Condition.ERYSIPELAS: (6, "Erysipelas, underben", ("penicillin", "cefuroxim")),
    Condition.DEHYDRATION: (5, "Dehydrering, nedsat væskeindtag", ()),
    Condition.BACTERAEMIA: (2, "E. coli-bakteriæmi, urinvejsfokus", ("ceftriaxon", "meropenem")),
    Condition.SPONDYLODISCITIS: (1, "Spondylodiscitis L3-L4", ("ceftriaxon", "vancomycin")),
    Condition.POSTOPERATIVE_INFECTION: (2, "Infektion efter hoftealloplastik", ("vancomycin",
                                                                              "cefuroxim")),
    Condition.COPD: (2, "KOL-eksacerbation med infektion", ("piptaz", "cefuroxim")),
    Condition.HYPONATRAEMIA: (1, "Hyponatriæmi, thiazidrelateret", ()),
    Condition.OTHER: (1, "Divertikulitis, ukompliceret", ("piptaz", "ceftriaxon")),
}

# key -> (drug, dose, allowed doses a day)
ANTIBIOTICS: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "piptaz": ("Piperacillin/Tazobactam", "4 g", (3, 4)),
    "cefuroxim": ("Cefuroxim", "1.5 g", (3,)),
    "ceftriaxon": ("Ceftriaxon", "2 g", (1,)),
    "meropenem": ("Meropenem", "1 g", (3,)),
    "penicillin": ("Benzylpenicillin", "2 MIE", (4, 3)),
    "gentamicin": ("Gentamicin", "5 mg/kg", (1,)),
    "vancomycin": ("Vancomycin", "1 g", (2,)),
}
FLUID = ("NaCl 0.9 %", "1000 ml")

SYSTEM_WEIGHTS: tuple[tuple[AdministrationSystem, int], ...] = (
    (AdministrationSystem.CODAN_MIX_ADD, 6),
    (AdministrationSystem.ELASTOMERIC_PUMP, 2),
    (AdministrationSystem.CADD_PUMP, 1),
    (AdministrationSystem.DIVIBAX, 2),
)
IV_ACCESS_WEIGHTS: tuple[tuple[IvAccess, int], ...] = (
    (IvAccess.PVK, 10), (IvAccess.MIDLINE, 3), (IvAccess.PICC, 3), (IvAccess.CVK, 1),
    (IvAccess.VIP, 2),
)
COURSE_LENGTHS = (5, 7, 7, 10, 10, 14, 21)

OBSERVATIONS = (
    "Infusion givet uden problemer. Indstikssted roligt.",
    "Dosis givet. Patienten ved godt mod, spiser bedre.",
    "Dosis givet. Temp 37,6, ingen nye gener.",
    "Infusion startet, løber fint. Skyllet med 10 ml NaCl.",
    "Dosis givet. Let rødme ved indstiksstedet, observeres.",
    "Dosis givet. Pårørende til stede, spørgsmål besvaret.",
)
FIRST_VISIT_OBSERVATIONS = (
    "Første besøg: IV-adgang kontrolleret og sikret, første dosis i hjemmet givet, IV-kasse tjekket.",
    "Første besøg: behandling startet, patient og pårørende instrueret, telefonnumre efterladt.",
)
SAMPLE_OBSERVATIONS = ("Blodprøve taget (CRP, væsketal, nyretal).",)
MISSED_REASONS = (
    "Patienten ikke hjemme (hos egen læge); dosis givet 2 timer forsinket af aftenholdet.",
    "IV-adgang stoppet; e-sygeplejerske orienteret, MBE har skiftet PVK.",
    "Patienten afslog dosis (kvalme); e-læge orienteret.",
)

MUNICIPAL_CALLERS = (
    "Mette", "Lars", "Helle", "Jannie", "Rasmus", "Louise", "Kenneth", "Pia", "Maja", "Tanja",
)

# category -> (severity, what the municipal nurse says)
ESCALATION_TEXTS: dict[EscalationCategory, tuple[Severity, str]] = {
    EscalationCategory.CLINICAL_WORSENING: (
        Severity.URGENT, "Mere forpustet siden i nat, SpO2 91 % på atmosfærisk luft, temp 38,9."),
    EscalationCategory.COMPLICATION: (
        Severity.TODAY, "Kløende udslæt på truncus efter morgenens dosis, ingen vejrtrækningsbesvær."),
    EscalationCategory.IV_ACCESS_PROBLEM: (
        Severity.TODAY, "PVK stoppet, kan ikke skylles; næste dosis skal gives i eftermiddag."),
    EscalationCategory.MISSING_MEDICINE: (
        Severity.TODAY, "Kun to doser tilbage i hjemmet; leveringen er ikke kommet."),
    EscalationCategory.MISSING_SUPPLIES: (
        Severity.ROUTINE, "Ikke flere 10 ml NaCl-skylninger eller infusionssæt i IV-kassen."),
    EscalationCategory.PROCEDURE_QUESTION: (
        Severity.ROUTINE, "Hvor længe må elastomerpumpen løbe, efter den er koblet på?"),
    EscalationCategory.MBE_SUPPORT: (
        Severity.TODAY, "Ingen sygeplejerske med IV-kompetence på aftenholdet; beder MBE give "
                        "dosis kl. 22.00."),
    EscalationCategory.OTHER: (
        Severity.ROUTINE, "Pårørende spørger, hvornår patienten kan forvente at blive udskrevet."),
}
RESOLUTIONS: dict[EscalationCategory, tuple[ResolveAction, str]] = {
    EscalationCategory.CLINICAL_WORSENING: (
        ResolveAction.ADVICE_GIVEN, "Set på video; ilt ikke nødvendig, ekstra CRP i morgen."),
    EscalationCategory.COMPLICATION: (
        ResolveAction.REGIMEN_CHANGED, "Skiftet antibiotikum efter videokonsultation."),
    EscalationCategory.IV_ACCESS_PROBLEM: (
        ResolveAction.MBE_VISIT_CREATED, "MBE anlagde ny PVK samme eftermiddag."),
    EscalationCategory.MISSING_MEDICINE: (
        ResolveAction.DELIVERY_CREATED, "Levering bestilt til samme dag."),
    EscalationCategory.MISSING_SUPPLIES: (
        ResolveAction.DELIVERY_CREATED, "Utensilier sendt med logistikassistenten."),
    EscalationCategory.PROCEDURE_QUESTION: (
        ResolveAction.ADVICE_GIVEN, "Forklaret: pumpen løber i 30 minutter; kobles fra bagefter."),
    EscalationCategory.MBE_SUPPORT: (
        ResolveAction.MBE_VISIT_CREATED, "MBE's aftenbil giver dosis kl. 22.00."),
    EscalationCategory.OTHER: (ResolveAction.NO_ACTION_NEEDED, "Besvaret telefonisk."),
}


def phone_number(rng: random.Random) -> str:
    """A Danish-looking (fictitious) 8-digit phone number, "23 45 67 89"."""
    return f"{rng.choice('2345')}{rng.randint(0, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} " \
           f"{rng.randint(10, 99)}"
