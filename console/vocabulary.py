"""The ward's controlled vocabularies: every enumerated value the console stores.

Plain Python (no SQLAlchemy, no Qt), so the models store them, the services reason with them
and the screens show them (``console.views`` imports this, never ``console.models``). The
values are the stored codes; the screens translate them for people.
"""

from __future__ import annotations

import enum

# -- admission ---------------------------------------------------------------------------------

class AdmissionStatus(enum.StrEnum):
    REFERRED = "referred"
    ADMITTED = "admitted"
    DISCHARGED = "discharged"


class Condition(enum.StrEnum):
    DEHYDRATION = "dehydration"
    PNEUMONIA = "pneumonia"
    UTI = "uti"
    ERYSIPELAS = "erysipelas"
    BACTERAEMIA = "bacteraemia"
    SPONDYLODISCITIS = "spondylodiscitis"
    POSTOPERATIVE_INFECTION = "postoperative_infection"
    COPD = "copd"
    HYPONATRAEMIA = "hyponatraemia"
    OTHER = "other"


class ReferralSource(enum.StrEnum):
    """Who refers a patient to the eHospital (seed 003: direct referrals)."""

    DEPARTMENT = "department"  # a hospital department
    GP = "gp"  # the patient's own GP
    OUT_OF_HOURS_GP = "out_of_hours_gp"  # vagtlæge
    COPD_PRE_CARE = "copd_pre_care"  # the COPD pre-care team (Pre care KOL)


class ReferralStatus(enum.StrEnum):
    """R-ELIGIBLE: a referral is admitted or declined, never both."""

    REFERRED = "referred"
    ADMITTED = "admitted"
    DECLINED = "declined"


class PlaceOfTreatment(enum.StrEnum):
    """R-REGISTER: where the patient is treated (per course; per visit when it differs)."""

    HOME = "home"
    MUNICIPAL_ACUTE_BED = "municipal_acute_bed"
    NURSING_CLINIC = "nursing_clinic"


class Provider(enum.StrEnum):
    MUNICIPALITY = "municipality"
    MBE = "mbe"


class DischargeOutcome(enum.StrEnum):
    COMPLETED = "completed"
    ORAL_SWITCH = "oral_switch"
    READMITTED = "readmitted"
    OTHER = "other"


class RegimenKind(enum.StrEnum):
    ANTIBIOTIC = "antibiotic"
    FLUID = "fluid"


class AdministrationSystem(enum.StrEnum):
    CODAN_MIX_ADD = "codan_mix_add"
    ELASTOMERIC_PUMP = "elastomeric_pump"
    CADD_PUMP = "cadd_pump"
    DIVIBAX = "divibax"


class IvAccess(enum.StrEnum):
    PVK = "pvk"
    CVK = "cvk"
    PICC = "picc"
    MIDLINE = "midline"
    VIP = "vip"


# -- escalation --------------------------------------------------------------------------------

class EscalationCategory(enum.StrEnum):
    CLINICAL_WORSENING = "clinical_worsening"
    COMPLICATION = "complication"
    IV_ACCESS_PROBLEM = "iv_access_problem"
    MISSING_MEDICINE = "missing_medicine"
    MISSING_SUPPLIES = "missing_supplies"
    PROCEDURE_QUESTION = "procedure_question"
    MBE_SUPPORT = "mbe_support"
    OTHER = "other"


class Severity(enum.StrEnum):
    URGENT = "urgent"
    TODAY = "today"
    ROUTINE = "routine"


class RoutedTo(enum.StrEnum):
    E_DOCTOR = "e_doctor"
    E_NURSE = "e_nurse"


class ResolveAction(enum.StrEnum):
    ADVICE_GIVEN = "advice_given"
    REGIMEN_CHANGED = "regimen_changed"
    MBE_VISIT_CREATED = "mbe_visit_created"
    DELIVERY_CREATED = "delivery_created"
    READMITTED = "readmitted"
    NO_ACTION_NEEDED = "no_action_needed"


# -- fleet -------------------------------------------------------------------------------------

class ShiftKind(enum.StrEnum):
    DAY = "day"
    EVENING = "evening"


# -- logistics ---------------------------------------------------------------------------------

class DeliveryStatus(enum.StrEnum):
    REQUESTED = "requested"
    PACKED = "packed"
    OUT = "out"
    DELIVERED = "delivered"
    FAILED = "failed"
    CANCELLED = "cancelled"


# -- reference ---------------------------------------------------------------------------------

class Role(enum.StrEnum):
    E_DOCTOR = "e_doctor"
    E_NURSE = "e_nurse"
    DISPATCHER = "dispatcher"
    LOGISTICS = "logistics"
    ADMIN = "admin"


class ContactTeam(enum.StrEnum):
    """Who answers at a municipal number (glossary: kommunal akutfunktion / hjemmesygepleje)."""

    ACUTE_TEAM = "acute_team"
    HOME_NURSING = "home_nursing"
    OTHER = "other"


# -- rounds ------------------------------------------------------------------------------------

class RoundStatus(enum.StrEnum):
    PLANNED = "planned"
    READY = "ready"
    SIGNED = "signed"


class RoundDecision(enum.StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"
    ORAL_SWITCH = "oral_switch"
    READMIT = "readmit"
    DISCHARGE = "discharge"


# -- visit -------------------------------------------------------------------------------------

class VisitKind(enum.StrEnum):
    FIRST_VISIT = "first_visit"
    IV_DOSE = "iv_dose"
    BLOOD_SAMPLE = "blood_sample"
    SUPPORT = "support"
    ASSESSMENT = "assessment"
    DELIVERY = "delivery"


class VisitStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


# -- MedCom messages (issue 16) ----------------------------------------------------------------

class PartyKind(enum.StrEnum):
    HOSPITAL = "hospital"  # the eHospital itself: the sender of what the console sends
    MUNICIPALITY = "municipality"  # a municipal unit (home nursing / acute team)
    GP = "gp"  # a general practice (egen læge)


class MessageDirection(enum.StrEnum):
    OUT = "out"
    IN = "in"


class MessageKind(enum.StrEnum):
    CARE_COMMUNICATION = "care_communication"
    HOSPITAL_NOTIFICATION = "hospital_notification"
    ACKNOWLEDGEMENT = "acknowledgement"
    INVALID = "invalid"  # received, could not be read or broke a MedCom rule: answered AE/AR


class MessageState(enum.StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"  # AA
    REJECTED = "rejected"  # AE / AR, with the receiver's reason
    FAILED = "failed"  # the transport refused it: nothing left the console
    RECEIVED = "received"
    ANSWERED = "answered"  # a received message somebody replied to


class MessagePurpose(enum.StrEnum):
    CARE_PLAN = "care_plan"  # R-CAREPLAN: the plejeforløbsplan
    CARE_PLAN_UPDATE = "care_plan_update"  # R-CAREPLAN: a dated update
    EPIKRISE = "epikrise"  # R-EPIKRISE: the discharge summary to the GP
    DISCHARGE_REPORT = "discharge_report"  # R-EPIKRISE: the discharge report to the municipality
    CORRESPONDENCE = "correspondence"


class NoticeState(enum.StrEnum):
    """The HospitalNotification (advis) state of a course (console.medcom.codes.NoticeState)."""

    EXPECTED = "expected"
    RECEIVED = "received"
    CONFIRMED_BY_PHONE = "confirmed_by_phone"
    NOT_APPLICABLE = "not_applicable"
