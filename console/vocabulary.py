"""The ward's controlled vocabularies: every enumerated value the console stores.

Plain Python (no SQLAlchemy, no Qt), so the models store them, the services reason with them
and the screens show them (``console.views`` imports this, never ``console.models``). The
values are the stored codes; the screens translate them for people.
"""

from __future__ import annotations

import enum

# -- admission ---------------------------------------------------------------------------------
# Each vocabulary is a StrEnum whose stored code is its member's name in lower case
# (``Severity.URGENT == "urgent"``): the functional form says so once for all of them.

AdmissionStatus = enum.StrEnum("AdmissionStatus", "REFERRED ADMITTED DISCHARGED")
Condition = enum.StrEnum("Condition", "DEHYDRATION PNEUMONIA UTI ERYSIPELAS BACTERAEMIA "
                         "SPONDYLODISCITIS POSTOPERATIVE_INFECTION COPD HYPONATRAEMIA OTHER")
# Who refers a patient to the eHospital (seed 003: direct referrals); the out-of-hours GP is the
# vagtlæge, the COPD pre-care team "Pre care KOL".
ReferralSource = enum.StrEnum("ReferralSource", "DEPARTMENT GP OUT_OF_HOURS_GP COPD_PRE_CARE")
# R-ELIGIBLE: a referral is admitted or declined, never both.
ReferralStatus = enum.StrEnum("ReferralStatus", "REFERRED ADMITTED DECLINED")
# R-REGISTER: where the patient is treated (per course; per visit when it differs).
PlaceOfTreatment = enum.StrEnum("PlaceOfTreatment", "HOME MUNICIPAL_ACUTE_BED NURSING_CLINIC")
Provider = enum.StrEnum("Provider", "MUNICIPALITY MBE")
DischargeOutcome = enum.StrEnum("DischargeOutcome", "COMPLETED ORAL_SWITCH READMITTED OTHER")
RegimenKind = enum.StrEnum("RegimenKind", "ANTIBIOTIC FLUID")
AdministrationSystem = enum.StrEnum("AdministrationSystem",
                                    "CODAN_MIX_ADD ELASTOMERIC_PUMP CADD_PUMP DIVIBAX")
IvAccess = enum.StrEnum("IvAccess", "PVK CVK PICC MIDLINE VIP")

# -- escalation --------------------------------------------------------------------------------

EscalationCategory = enum.StrEnum("EscalationCategory", "CLINICAL_WORSENING COMPLICATION "
                                  "IV_ACCESS_PROBLEM MISSING_MEDICINE MISSING_SUPPLIES "
                                  "PROCEDURE_QUESTION MBE_SUPPORT OTHER")
Severity = enum.StrEnum("Severity", "URGENT TODAY ROUTINE")
RoutedTo = enum.StrEnum("RoutedTo", "E_DOCTOR E_NURSE")
ResolveAction = enum.StrEnum("ResolveAction", "ADVICE_GIVEN REGIMEN_CHANGED MBE_VISIT_CREATED "
                             "DELIVERY_CREATED READMITTED NO_ACTION_NEEDED")

# -- fleet -------------------------------------------------------------------------------------

ShiftKind = enum.StrEnum("ShiftKind", "DAY EVENING")

# -- logistics ---------------------------------------------------------------------------------

DeliveryStatus = enum.StrEnum("DeliveryStatus", "REQUESTED PACKED OUT DELIVERED FAILED CANCELLED")

# -- reference ---------------------------------------------------------------------------------

Role = enum.StrEnum("Role", "E_DOCTOR E_NURSE DISPATCHER LOGISTICS ADMIN")
# Who answers at a municipal number (glossary: kommunal akutfunktion / hjemmesygepleje).
ContactTeam = enum.StrEnum("ContactTeam", "ACUTE_TEAM HOME_NURSING OTHER")

# -- rounds ------------------------------------------------------------------------------------

RoundStatus = enum.StrEnum("RoundStatus", "PLANNED READY SIGNED")
RoundDecision = enum.StrEnum("RoundDecision", "CONTINUE ADJUST ORAL_SWITCH READMIT DISCHARGE")

# -- visit -------------------------------------------------------------------------------------

VisitKind = enum.StrEnum("VisitKind",
                         "FIRST_VISIT IV_DOSE BLOOD_SAMPLE SUPPORT ASSESSMENT DELIVERY")
VisitStatus = enum.StrEnum("VisitStatus", "PLANNED DONE MISSED CANCELLED")

# -- MedCom messages (issue 16) ----------------------------------------------------------------

# HOSPITAL: the eHospital itself, the sender of what the console sends; MUNICIPALITY: a municipal
# unit (home nursing / acute team); GP: a general practice (egen læge).
PartyKind = enum.StrEnum("PartyKind", "HOSPITAL MUNICIPALITY GP")
MessageDirection = enum.StrEnum("MessageDirection", "OUT IN")
# INVALID: received, but it could not be read or broke a MedCom rule: answered AE/AR.
MessageKind = enum.StrEnum("MessageKind",
                           "CARE_COMMUNICATION HOSPITAL_NOTIFICATION ACKNOWLEDGEMENT INVALID")
# ACKNOWLEDGED: AA; REJECTED: AE / AR, with the receiver's reason; FAILED: the transport refused
# it, nothing left the console; ANSWERED: a received message somebody replied to.
MessageState = enum.StrEnum("MessageState",
                            "DRAFTED SENT ACKNOWLEDGED REJECTED FAILED RECEIVED ANSWERED")
# CARE_PLAN: the plejeforløbsplan (R-CAREPLAN), CARE_PLAN_UPDATE a dated update of it;
# EPIKRISE: the discharge summary to the GP, DISCHARGE_REPORT the discharge report to the
# municipality (R-EPIKRISE).
MessagePurpose = enum.StrEnum("MessagePurpose", "CARE_PLAN CARE_PLAN_UPDATE EPIKRISE "
                              "DISCHARGE_REPORT CORRESPONDENCE")
# The HospitalNotification (advis) state of a course; console.medcom reads and sets it
# (medcom/notice.py maps the advis events onto it).
NoticeState = enum.StrEnum("NoticeState", "EXPECTED RECEIVED CONFIRMED_BY_PHONE NOT_APPLICABLE")
