"""MedCom's code systems, canonical URLs and the enums the console uses for them.

Every URL and code here is taken from MedCom's published FSH sources (MIT-licensed):
``medcomdk/dk-medcom-terminology`` (CodeSystems and ValueSets), ``dk-medcom-messaging``,
``dk-medcom-carecommunication``, ``dk-medcom-acknowledgement``, ``dk-medcom-hospitalnotification``
and ``dk-medcom-core``; see ``docs/medcom.md`` for the list. Nothing is guessed.
"""

from __future__ import annotations

from enum import StrEnum

# --- identifier systems ---------------------------------------------------------------------------
CPR_SYSTEM = "urn:oid:1.2.208.176.1.2"
"""Official Danish CPR number (dk-core; HospitalNotification invariant medcom-hospitalNotification-4)."""
X_ECPR_SYSTEM = "urn:oid:1.2.208.176.1.6.1.1"
"""National replacement CPR (X-eCPR, dk-core)."""
D_ECPR_SYSTEM = "urn:oid:1.2.208.176.1.6.1.3"
"""Decentral replacement CPR (D-eCPR, dk-core); regional variants append ``.NNN``."""
SOR_SYSTEM = "urn:oid:1.2.208.176.1.1"
"""SOR organisation identifier (MedComCoreOrganization identifier[SOR-ID])."""
EAN_SYSTEM = "https://www.gs1.org/gln"
"""EAN/GLN location number (MedComMessagingOrganization identifier[EAN-ID])."""
EAN_SYSTEM_OID = "urn:oid:1.3.88"
"""Older EAN system alias in dk-medcom-messaging; accepted when reading, never written."""
SOR_ENDPOINT_PREFIX = "https://sor2.sum.dsdn.dk/#id="
"""MessageHeader destination/source endpoints and episode-of-care id systems are SOR URLs."""
LPR3_EPISODE_SYSTEM = "https://www.esundhed.dk/Registre/Landspatientregisteret"

# --- MedCom code systems --------------------------------------------------------------------------
_TERMINOLOGY = "http://medcomfhir.dk/ig/terminology/CodeSystem/"
EVENT_SYSTEM = _TERMINOLOGY + "medcom-messaging-eventCodes"
ACTIVITY_SYSTEM = _TERMINOLOGY + "medcom-messaging-activityCodes"
DESTINATION_USE_SYSTEM = _TERMINOLOGY + "medcom-messaging-destinationUse"
CATEGORY_SYSTEM = _TERMINOLOGY + "medcom-careCommunication-categoryCodes"
ROLE_SYSTEM = _TERMINOLOGY + "medcom-core-PractitionerRolesSKSadministrativ"
ACK_ERROR_SYSTEM = _TERMINOLOGY + "medcom-acknowledgement-error-codes"
OPERATION_OUTCOME_SYSTEM = "http://terminology.hl7.org/CodeSystem/operation-outcome"
ENCOUNTER_CLASS_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"

EVENT_CARE_COMMUNICATION = "care-communication-message"
EVENT_ACKNOWLEDGEMENT = "acknowledgement-message"
EVENT_HOSPITAL_NOTIFICATION = "hospital-notification-message"

# --- extensions -----------------------------------------------------------------------------------
_CORE_SD = "http://medcomfhir.dk/ig/core/StructureDefinition/"
EXT_DESTINATION_USE = "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension"
EXT_SENDER = _CORE_SD + "medcom-core-sender-extension"
EXT_DATETIME = _CORE_SD + "medcom-core-datetime-extension"
EXT_IDENTIFIER = _CORE_SD + "medcom-core-identifier-extension"
EXT_PRACTITIONER = _CORE_SD + "medcom-core-practitioner-extension"
EXT_CONTACT = _CORE_SD + "medcom-core-contact-extension"

# --- profiles -------------------------------------------------------------------------------------
_CC_SD = "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/"
_ACK_SD = "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/"
_MSG_SD = "http://medcomfhir.dk/ig/messaging/StructureDefinition/"
PROFILE_CC_MESSAGE = _CC_SD + "medcom-careCommunication-message"
PROFILE_CC_HEADER = _CC_SD + "medcom-careCommunication-messageHeader"
PROFILE_CC_COMMUNICATION = _CC_SD + "medcom-careCommunication-communication"
PROFILE_CC_PROVENANCE = _CC_SD + "medcom-careCommunication-provenance"
PROFILE_ACK_MESSAGE = _ACK_SD + "medcom-messaging-acknowledgement"
PROFILE_ACK_HEADER = _ACK_SD + "medcom-messaging-acknowledgementHeader"
PROFILE_ACK_OUTCOME = _ACK_SD + "medcom-acknowledgement-operationoutcome"
PROFILE_MESSAGING_PROVENANCE = _MSG_SD + "medcom-messaging-provenance"
PROFILE_MESSAGING_ORGANIZATION = _MSG_SD + "medcom-messaging-organization"
PROFILE_PATIENT = _CORE_SD + "medcom-core-patient"
PROFILE_PRACTITIONER = _CORE_SD + "medcom-core-practitioner"
PROFILE_PRACTITIONER_ROLE = _CORE_SD + "medcom-core-practitionerrole"
PROFILE_CARETEAM = _CORE_SD + "medcom-core-careteam"
PROFILE_ENCOUNTER = _CORE_SD + "medcom-core-encounter"

CC_DEFINITION = (
    "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0"
)
"""MessageHeader.definition: invariant medcom-carecommunication-definition-url wants ``|5.<minor>``."""

FULLURL_BASE_CC = "https://medcomfhir.dk/ig/carecommunication"
FULLURL_BASE_ACK = "https://medcomfhir.dk/ig/acknowledgement"
"""Entry fullUrls follow MedCom's published messages: ``<base>/<Type>/<id>``, references ``Type/id``."""

# --- attachments ----------------------------------------------------------------------------------
MEDCOM_MIME_TYPES = frozenset(
    {"application/pdf", "image/gif", "image/jpeg", "image/png", "image/tiff", "image/bmp"}
)
"""ValueSet medcom-core-attachmentMimeTypes: every receiver must accept all of these."""
OUTGOING_MIME_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/gif"})
"""What the console sends (issue 16): PDF, PNG, JPEG, GIF."""
MIME_EXTENSIONS = {
    "application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
    "image/tiff": ".tiff", "image/bmp": ".bmp",
}
MAX_MESSAGE_BYTES = 50_000_000
"""50 MB for the whole CareCommunication incl. attachments (CareCommunication clinical guidelines).

Decimal megabytes: the stricter reading of "50 MB", so a message we send is never over either.
"""


class Category(StrEnum):
    """ValueSet medcom-careCommunication-categories (CodeSystem version 1.9.0, 18 codes)."""

    ALCOHOL_AND_DRUG_TREATMENT = "alcohol-and-drug-treatment"
    ASSISTIVE_DEVICES = "assistive-devices"
    CARE_COORDINATION = "carecoordination"
    DECEASE = "decease"
    DISCHARGE = "discharge"
    EXAMINATION_RESULTS = "examination-results"
    HEALTHCARE = "healthcare"
    HOME_CARE_ASSESSMENT = "home-care-assessment"
    MEDICINE = "medicine"
    NURSING = "nursing"
    OUTPATIENT = "outpatient"
    PSYCHIATRY_SOCIAL_DISABILITY = "psychiatry-social-disability"
    REGARDING_REFERRAL = "regarding-referral"
    TELEMEDICINE = "telemedicine"
    TRAINING = "training"
    ACUTE_AMBULANT = "acute-ambulant"
    EXTENDED_CARE_RESPONSIBILITY = "extended-care-responsibility"
    OTHER = "other"

    @property
    def danish(self) -> str:
        return _CATEGORY_TEXT[self][0]

    @property
    def english(self) -> str:
        return _CATEGORY_TEXT[self][1]


_CATEGORY_TEXT: dict[Category, tuple[str, str]] = {
    Category.ALCOHOL_AND_DRUG_TREATMENT: ("Rusmiddelbehandling", "Alcohol and drug treatment"),
    Category.ASSISTIVE_DEVICES: ("Hjælpemidler", "Assistive technology"),
    Category.CARE_COORDINATION: ("Forløbskoordinering", "Care coordination"),
    Category.DECEASE: ("Dødsfald", "Decease"),
    Category.DISCHARGE: ("Udskrivelse", "Discharge"),
    Category.EXAMINATION_RESULTS: ("Undersøgelsessvar", "Examination results"),
    Category.HEALTHCARE: ("Sundhedspleje", "Healthcare"),
    Category.HOME_CARE_ASSESSMENT: ("Visitation", "Home care assessment"),
    Category.MEDICINE: ("Medicin", "Medicine"),
    Category.NURSING: ("Sygepleje", "Nursing"),
    Category.OUTPATIENT: ("Ambulant", "Outpatient"),
    Category.PSYCHIATRY_SOCIAL_DISABILITY: ("Psykiatri, social, handicap", "Psychiatry, social, disability"),
    Category.REGARDING_REFERRAL: ("Vedr. henvisning", "Regarding referral"),
    Category.TELEMEDICINE: ("Telemedicin", "Telemedicine"),
    Category.TRAINING: ("Træning", "Training"),
    Category.ACUTE_AMBULANT: ("Akut ambulant", "Acute ambulant"),
    Category.EXTENDED_CARE_RESPONSIBILITY: ("Udvidet behandlingsansvar", "Extended care responsibility"),
    Category.OTHER: ("Andet", "Other"),
}


class Priority(StrEnum):
    """ValueSet medcom-careCommunication-requestPriority (http://hl7.org/fhir/request-priority)."""

    ROUTINE = "routine"
    ASAP = "asap"


class MessageActivity(StrEnum):
    """Provenance.activity of a CareCommunication (medcom-messaging-activityCodes)."""

    NEW = "new-message"
    REPLY = "reply-message"
    FORWARD = "forward-message"


class ResponseCode(StrEnum):
    """MessageHeader.response.code on the wire (http://hl7.org/fhir/response-code)."""

    OK = "ok"
    TRANSIENT_ERROR = "transient-error"
    FATAL_ERROR = "fatal-error"


class AckCode(StrEnum):
    """MedCom's acknowledgement codes.

    Mapped to the wire code as the Acknowledgement IG's table "Respons code" does
    (StructureDefinition-medcom-messaging-acknowledgementHeader): ok = AA,
    fatal-error = AE (content error, no point resending unchanged), transient-error = AR
    (receiver-side failure unrelated to content; the sender may resend). MedCom's own example
    files agree (``Binary-Ack-AE_C`` carries fatal-error, ``Binary-Ack-AR_B`` transient-error).
    """

    AA = "AA"
    AE = "AE"
    AR = "AR"

    @property
    def response(self) -> ResponseCode:
        return _ACK_TO_RESPONSE[self]

    @classmethod
    def from_response(cls, code: str) -> AckCode:
        return _RESPONSE_TO_ACK[ResponseCode(code)]

    @property
    def is_positive(self) -> bool:
        return self is AckCode.AA


_ACK_TO_RESPONSE = {
    AckCode.AA: ResponseCode.OK,
    AckCode.AE: ResponseCode.FATAL_ERROR,
    AckCode.AR: ResponseCode.TRANSIENT_ERROR,
}
_RESPONSE_TO_ACK = {response: ack for ack, response in _ACK_TO_RESPONSE.items()}

CONTENT_ERROR = AckCode.AE
"""The negative acknowledgement for a message whose content or format is wrong (fatal-error)."""
TRANSIENT_ERROR = AckCode.AR
"""The negative acknowledgement for a failure on our side (transient-error)."""


class NotificationEvent(StrEnum):
    """HospitalNotification events (MedCom's advis codes) as the console names them."""

    STIN = "STIN"  # start hospital stay - admitted
    STAA = "STAA"  # start hospital stay - acute ambulant
    STOR = "STOR"  # start leave
    SLOR = "SLOR"  # end leave
    SLHJ = "SLHJ"  # end hospital stay - completed to home/primary sector
    MORS = "MORS"  # deceased


NOTIFICATION_ACTIVITIES: dict[str, NotificationEvent] = {
    "admit-inpatient": NotificationEvent.STIN,
    "admit-emergency": NotificationEvent.STAA,
    "start-leave-inpatient": NotificationEvent.STOR,
    "end-leave-inpatient": NotificationEvent.SLOR,
    "discharge-inpatient-home": NotificationEvent.SLHJ,
    "discharge-emergency-home": NotificationEvent.SLHJ,
}
"""Base activity codes of ValueSet medcom-hospitalNotification-messageActivities.

``revise-<code>`` is a correction (RE_), ``cancel-<code>`` a cancellation (AN_). MORS has no
activity of its own: the activity stays and ``Patient.deceased`` is set (HospitalNotification IG).
"""
