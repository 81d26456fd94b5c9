"""The MedCom invariants that matter, as plain Python checks over parsed fhir.resources models.

Each ``check_*`` returns the violations it finds (empty when the rule holds), so the builder
can refuse a message and the parser can answer one with the right acknowledgement. Rule codes
are in ``violations``; ``medcom`` names the invariant or profile element (MedCom's FSH sources).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fhir.resources.R4B.communication import Communication, CommunicationPayload
from fhir.resources.R4B.domainresource import DomainResource
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.messageheader import MessageHeader
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from fhir.resources.R4B.provenance import Provenance

from console.medcom import codes
from console.medcom import violations as v
from console.medcom.bundleview import BundleView, extension
from console.medcom.codes import Category, Priority
from console.medcom.types import EpisodeOfCareId, OutgoingCareCommunication
from console.medcom.violations import Violation, violation

Check = Callable[[BundleView], list[Violation]]
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]*$")
_DEFINITION = re.compile(
    r"^http://medcomfhir\.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition[|]5[.][0-9]{1,2}$"
)


def communication_of(view: BundleView) -> Communication | None:
    header = view.header
    if header is not None and header.focus:
        found = view.resolve(header.focus[0], Communication)
        if found is not None:
            return found
    return view.one(Communication)


def text_payloads(c: Communication) -> list[tuple[int, CommunicationPayload]]:
    return [(i, p) for i, p in enumerate(c.payload or []) if p.contentString is not None]


def attachment_payloads(c: Communication) -> list[tuple[int, CommunicationPayload]]:
    return [(i, p) for i, p in enumerate(c.payload or []) if p.contentAttachment is not None]


def check_ack_request(view: BundleView) -> list[Violation]:
    """R-MESSAGE: every message requests an acknowledgement.

    In MedCom FHIR messaging the request is the MessageHeader itself: a primary destination and
    ``source.endpoint``, the address the acknowledgement goes to (MedComMessagingMessageHeader).
    """
    header = view.header
    if header is None:
        return [violation(v.ACK_REQUEST, "no MessageHeader first in the Bundle", medcom="medcom-messaging-1")]
    found: list[Violation] = []
    if header.source is None or not header.source.endpoint:
        found.append(violation(v.ACK_REQUEST, "no source.endpoint to acknowledge to",
                               where="MessageHeader.source", medcom="MedComMessagingMessageHeader.source"))
    primary = [d for d in header.destination or []
               if (use := extension(d.extension, codes.EXT_DESTINATION_USE)) is not None
               and use.valueCoding is not None and use.valueCoding.code == "primary"]
    if len(primary) != 1 or primary[0].receiver is None:
        found.append(violation(v.ACK_REQUEST, "exactly one primary destination with a receiver is required",
                               where="MessageHeader.destination", medcom="destination[primary] 1..1"))
    return found


def check_structure(view: BundleView) -> list[Violation]:
    """The message shape: Bundle of type message, MessageHeader first, parties, one Patient."""
    b = view.bundle
    found: list[Violation] = []
    if b.type != "message" or not b.id or b.timestamp is None:
        found.append(violation(v.STRUCTURE, "Bundle must be type message with id and timestamp",
                               where="Bundle", medcom="MedComMessagingMessage"))
    header = view.header
    if header is None:
        return [*found, violation(v.STRUCTURE, "the first entry must be the MessageHeader",
                                  where="Bundle.entry[0]", medcom="medcom-messaging-1")]
    if not header.id:
        found.append(violation(v.STRUCTURE, "MessageHeader without id", where="MessageHeader.id"))
    if sor_of(view.resolve(header.sender, Organization)) is None:
        found.append(violation(v.STRUCTURE, "sender Organization with a SOR id is missing",
                               where="MessageHeader.sender", medcom="MedComMessagingOrganization"))
    receivers = [view.resolve(d.receiver, Organization) for d in header.destination or []]
    if not receivers or any(sor_of(r) is None for r in receivers):
        found.append(violation(v.STRUCTURE, "receiver Organization with a SOR id is missing",
                               where="MessageHeader.destination.receiver",
                               medcom="MedComMessagingOrganization"))
    if not view.all(Provenance):
        found.append(violation(v.STRUCTURE, "no Provenance", where="Bundle.entry",
                               medcom="medcom-messaging-2"))
    return found


def check_care_communication_shape(view: BundleView) -> list[Violation]:
    """CareCommunication specifics: event, definition, one Patient, focus, roles with practitioners."""
    header = view.header
    found: list[Violation] = []
    if header is None:
        return found
    if header.eventCoding is None or header.eventCoding.code != codes.EVENT_CARE_COMMUNICATION:
        found.append(violation(v.TYPE, "not a CareCommunication", where="MessageHeader.eventCoding"))
    if not header.definition or not _DEFINITION.match(str(header.definition)):
        found.append(violation(v.STRUCTURE, "definition must name MessageDefinition version 5.x",
                               where="MessageHeader.definition",
                               medcom="medcom-carecommunication-definition-url"))
    if len(view.all(Patient)) != 1:
        found.append(violation(v.PATIENT, "exactly one Patient is required", where="Bundle.entry",
                               medcom="medcom-careCommunication-2"))
    communication = communication_of(view)
    if communication is None:
        found.append(violation(v.STRUCTURE, "MessageHeader.focus must be the Communication",
                               where="MessageHeader.focus",
                               medcom="MedComCareCommunicationMessageHeader.focus"))
    elif view.resolve(communication.subject, Patient) is None:
        found.append(violation(v.PATIENT, "Communication.subject must be the Patient in the Bundle",
                               where="Communication.subject", medcom="MedComCareCommunication.subject"))
    for role in view.all(PractitionerRole):
        if view.resolve(role.practitioner, Practitioner) is None:
            found.append(violation(v.AUTHOR, "PractitionerRole without its Practitioner",
                                   where="PractitionerRole", medcom="medcom-careCommunication-13"))
    return found


def check_category(view: BundleView) -> list[Violation]:
    """R-MESSAGE-CATEGORY: exactly one category, from MedCom's national list."""
    c = communication_of(view)
    if c is None:
        return []
    codings = [coding for concept in c.category or [] for coding in concept.coding or []]
    if len(c.category or []) != 1 or len(codings) != 1:
        return [violation(v.CATEGORY, "exactly one category coding is required",
                          where="Communication.category", medcom="MedComCareCommunication.category 1..1")]
    coding = codings[0]
    if coding.system != codes.CATEGORY_SYSTEM or coding.code not in set(Category):
        return [violation(v.CATEGORY, "category is not in MedCom's national list",
                          where="Communication.category",
                          medcom="ValueSet medcom-careCommunication-categories")]
    return []


def category_code(c: Communication) -> str | None:
    codings = [coding for concept in c.category or [] for coding in concept.coding or []]
    return str(codings[0].code) if codings else None


def check_topic(view: BundleView) -> list[Violation]:
    """R-MESSAGE-TOPIC: a topic is required when the category is "other"."""
    c = communication_of(view)
    if c is None or category_code(c) != Category.OTHER:
        return []
    if c.topic is None or not (c.topic.text or "").strip():
        return [violation(v.TOPIC, 'category "other" needs a topic', where="Communication.topic",
                          medcom="medcom-careCommunication-6")]
    return []


def check_priority(view: BundleView) -> list[Violation]:
    """R-MESSAGE-PRIORITY: a priority only with "regarding referral", and only routine or asap."""
    c = communication_of(view)
    if c is None or c.priority is None:
        return []
    if category_code(c) != Category.REGARDING_REFERRAL:
        return [violation(v.PRIORITY, 'priority is only allowed with category "regarding-referral"',
                          where="Communication.priority", medcom="medcom-careCommunication-5")]
    if c.priority not in set(Priority):
        return [violation(v.PRIORITY, "priority must be routine or asap", where="Communication.priority",
                          medcom="ValueSet medcom-careCommunication-requestPriority")]
    return []


def check_author(view: BundleView) -> list[Violation]:
    """R-MESSAGE-AUTHOR: every message text is signed: time, id, author name and role, phone."""
    c = communication_of(view)
    if c is None:
        return []
    found: list[Violation] = []
    for i, payload in text_payloads(c):
        where = f"Communication.payload[{i}]"
        for url, name in ((codes.EXT_DATETIME, "sent time"), (codes.EXT_IDENTIFIER, "identifier")):
            if extension(payload.extension, url) is None:
                found.append(violation(v.AUTHOR, f"message text without its {name}", where=where,
                                       medcom="MedComCareCommunication.payload[string]"))
        author = extension(payload.extension, codes.EXT_PRACTITIONER)
        role = view.resolve(author.valueReference, PractitionerRole) if author is not None else None
        if role is None:
            found.append(violation(v.AUTHOR, "message text without an author", where=where,
                                   medcom="payload[string].extension[author] 1..1"))
        else:
            found.extend(_role_violations(view, role, where))
        contact = extension(payload.extension, codes.EXT_CONTACT)
        phone = contact.valueContactPoint.value if contact is not None and contact.valueContactPoint else None
        if not phone or not _PHONE.match(str(phone)):
            found.append(violation(v.AUTHOR, "message text without the author's phone number", where=where,
                                   medcom="payload[string].extension[authorContact], medcom-core-contact"))
    return found


def _role_violations(view: BundleView, role: PractitionerRole, where: str) -> list[Violation]:
    found: list[Violation] = []
    concept = role.code[0] if role.code else None
    has_code = bool(concept and any(cd.code and cd.system for cd in concept.coding or []))
    has_text = bool(concept and (concept.text or "").strip())
    if has_code == has_text:
        found.append(violation(v.AUTHOR, "the author's role needs a code or a text (not both)", where=where,
                               medcom="medcom-careCommunication-7"))
    practitioner = view.resolve(role.practitioner, Practitioner)
    names = practitioner.name if practitioner is not None else None
    if not names or not names[0].family or not names[0].given:
        found.append(violation(v.AUTHOR, "the author's given and family name are required", where=where,
                               medcom="medcom-careCommunication-4, -8"))
    return found


def check_narrative(view: BundleView) -> list[Violation]:
    """R-MESSAGE-NARRATIVE: every resource carries a narrative (MedCom: text SHALL be included)."""
    found: list[Violation] = []
    for resource in view.entries:
        if isinstance(resource, DomainResource) and (resource.text is None or not resource.text.div):
            found.append(violation(v.NARRATIVE, "resource without narrative",
                                   where=f"{resource.get_resource_type()}.text", medcom="text 1..1"))
    return found


def check_message_text(view: BundleView) -> list[Violation]:
    """R-MESSAGE-TEXT: at least one message text (payload string), and none empty."""
    c = communication_of(view)
    if c is None:
        return []
    texts = [p.contentString for _, p in text_payloads(c)]
    if not texts or any(not (t or "").strip() for t in texts):
        return [violation(v.TEXT, "a message text is required", where="Communication.payload",
                          medcom="payload[string] 1..*")]
    return []


def check_attachments(view: BundleView,
                      allowed: frozenset[str] = codes.OUTGOING_MIME_TYPES) -> list[Violation]:
    """R-MESSAGE-ATTACHMENT: allowed types, a title, a time and id; content when first sent."""
    c = communication_of(view)
    if c is None:
        return []
    added = segments_added(view)
    found: list[Violation] = []
    for i, payload in attachment_payloads(c):
        a = payload.contentAttachment
        assert a is not None
        where = f"Communication.payload[{i}]"
        if a.contentType not in allowed:
            found.append(violation(v.ATTACHMENT, "attachment type not allowed", where=where,
                                   medcom="ValueSet medcom-core-attachmentMimeTypes"))
        if not (a.title or "").strip():
            found.append(violation(v.ATTACHMENT, "attachment without title", where=where,
                                   medcom="payload[attachment].contentAttachment.title 1.."))
        ident = extension(payload.extension, codes.EXT_IDENTIFIER)
        if extension(payload.extension, codes.EXT_DATETIME) is None or ident is None:
            found.append(violation(v.ATTACHMENT, "attachment without time or identifier", where=where,
                                   medcom="payload[attachment].extension[date|identifier] 1..1"))
        ident_value = ident.valueIdentifier.value if ident is not None and ident.valueIdentifier else None
        if ident_value in added and not a.data and not a.url:
            found.append(violation(v.ATTACHMENT, "a new attachment must carry its content", where=where,
                                   medcom="payload[attachment].contentAttachment.data"))
    return found


def segments_added(view: BundleView) -> set[str]:
    header = view.header
    provenance = view.provenance_for(header.id if header else None)
    if provenance is None:
        return set()
    return {str(e.what.identifier.value) for e in provenance.entity or []
            if e.role == "source" and e.what.identifier is not None and e.what.identifier.value}


def check_message_size(size: int, limit: int = codes.MAX_MESSAGE_BYTES) -> list[Violation]:
    """R-MESSAGE-SIZE: the whole CareCommunication, attachments included, is at most 50 MB."""
    if size > limit:
        return [violation(v.SIZE, f"message is {size} bytes, over the {limit} byte limit",
                          medcom="CareCommunication clinical guidelines: 50 MB")]
    return []


def check_attachment_budget(message: OutgoingCareCommunication,
                            limit: int = codes.MAX_MESSAGE_BYTES) -> list[Violation]:
    """R-MESSAGE-SIZE before building: the attachments alone (base64) already pass the limit."""
    encoded = sum((len(a.data) + 2) // 3 * 4 for a in message.attachments)
    return check_message_size(encoded, limit)


def check_parties(message: OutgoingCareCommunication) -> list[Violation]:
    """Before building: the parties and the patient are identified (SOR ids, CPR and name)."""
    found = []
    if not message.sender.sor.strip() or not message.receiver.sor.strip():
        found.append(violation(v.STRUCTURE, "sender and receiver need a SOR id",
                               medcom="MedComMessagingOrganization identifier[SOR-ID]"))
    if not message.patient.cpr.strip() or not message.patient.name.strip():
        found.append(violation(v.PATIENT, "the patient needs a CPR number and a name",
                               medcom="MedComCorePatient identifier, name[official].family"))
    return found


def episode_of(view: BundleView) -> EpisodeOfCareId | None:
    c = communication_of(view)
    encounter = view.resolve(c.encounter, Encounter) if c is not None else None
    for episode in encounter.episodeOfCare or [] if encounter is not None else []:
        ident = episode.identifier
        if ident is not None and ident.value and ident.system:
            return EpisodeOfCareId(str(ident.value), str(ident.system))
    return None


def check_episode_structure(view: BundleView) -> list[Violation]:
    """R-MESSAGE-EPISODE: an Encounter is there only as Communication.encounter, with its id."""
    c = communication_of(view)
    if c is None:
        return []
    encounters = view.all(Encounter)
    linked = view.resolve(c.encounter, Encounter)
    if (encounters or c.encounter is not None) and (linked is None or len(encounters) != 1):
        return [violation(v.EPISODE, "the Encounter must be the one Communication.encounter refers to",
                          where="Communication.encounter", medcom="medcom-careCommunication-15")]
    if linked is not None and episode_of(view) is None:
        return [violation(v.EPISODE, "the Encounter must carry an episode-of-care identifier",
                          where="Encounter.episodeOfCare", medcom="medcom-careCommunication-9")]
    return []


def check_episode_returned(view: BundleView, received: EpisodeOfCareId | None) -> list[Violation]:
    """R-MESSAGE-EPISODE: a reply returns the episode-of-care id of the message replied to."""
    if received is None or episode_of(view) == received:
        return []
    return [violation(v.EPISODE, "a reply must return the episode-of-care id it received",
                      where="Communication.encounter", medcom="MedComCareCommunication.encounter")]


def check_reply_target(message: OutgoingCareCommunication, replied_to: object) -> list[Violation]:
    """A reply names the MessageHeader it answers (Provenance entity "revision")."""
    envelope = getattr(replied_to, "envelope", None)
    if envelope is None or message.in_reply_to != envelope.header_id:
        return [violation(v.STRUCTURE, "a reply must name the MessageHeader id it answers",
                          where="Provenance.entity", medcom="MedComCareCommunicationProvenance.entity")]
    return []


def care_communication_violations(view: BundleView, *, outgoing: bool) -> list[Violation]:
    """Every CareCommunication rule. Outgoing messages also need narratives and the console's types."""
    found = check_structure(view)
    if view.header is None:
        return found
    found += check_care_communication_shape(view) + check_ack_request(view)
    for check in (check_category, check_topic, check_priority, check_author, check_message_text,
                  check_episode_structure):
        found += check(view)
    found += check_attachments(view, codes.OUTGOING_MIME_TYPES if outgoing else codes.MEDCOM_MIME_TYPES)
    if outgoing:
        found += check_narrative(view)
    return found


def sor_of(org: Organization | None) -> str | None:
    if org is None:
        return None
    for ident in org.identifier or []:
        if ident.system == codes.SOR_SYSTEM and ident.value:
            return str(ident.value)
    return None


def header_event(header: MessageHeader | None) -> str | None:
    if header is None or header.eventCoding is None or not header.eventCoding.code:
        return None
    return str(header.eventCoding.code)
