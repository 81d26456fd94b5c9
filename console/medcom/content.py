"""The resources a CareCommunication carries besides its MessageHeader and Provenance.

Patient (CPR in ``identifier`` with the Danish CPR system), Communication (category, topic,
priority, payload segments), Practitioner and PractitionerRole for every author, the sender,
receiver and segment Organizations, an Encounter for the episode-of-care id, and CareTeams for a
specific sender or recipient. Every resource carries a generated narrative.
"""

from __future__ import annotations

import base64
import uuid

from fhir.resources.R4B.attachment import Attachment as FhirAttachment
from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.communication import Communication, CommunicationPayload
from fhir.resources.R4B.contactpoint import ContactPoint
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.meta import Meta
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource

from console.medcom import codes
from console.medcom.narrative import narrative
from console.medcom.roles import role_code, role_text
from console.medcom.types import Author, MessageSegment, Organisation, OutgoingCareCommunication

_IDS = uuid.UUID("6f1c5a52-2f4e-4d39-9a57-0d7d4b1b6c11")


def derived_id(seed: str, role: str) -> str:
    """A stable UUID for a resource of a message, from the message's own identifier."""
    return str(uuid.uuid5(_IDS, f"{seed}/{role}"))


def ref(resource: Resource) -> Reference:
    return Reference(reference=f"{resource.get_resource_type()}/{resource.id}")


def meta(profile: str) -> Meta:
    return Meta(profile=[profile])


def coding(system: str, code: str) -> CodeableConcept:
    return CodeableConcept(coding=[Coding(system=system, code=code)])


def human_name(full: str, *, official: bool = False) -> HumanName:
    """Given names and family name from "Given [Middle] Family" (MedCom wants both parts)."""
    words = full.split()
    given: list[str | None] | None = list(words[:-1]) or None
    return HumanName(use="official" if official else None, family=words[-1] if words else None, given=given)


def organization(org: Organisation, seed: str) -> Organization:
    """MedComMessagingOrganization: SOR and EAN identifiers and the name."""
    identifiers = [Identifier(system=codes.SOR_SYSTEM, value=org.sor)]
    if org.ean:
        identifiers.insert(0, Identifier(system=codes.EAN_SYSTEM, value=org.ean))
    return Organization(
        id=derived_id(seed, f"Organization/{org.sor}"), meta=meta(codes.PROFILE_MESSAGING_ORGANIZATION),
        text=narrative("Organization", [("Name", org.name), ("SOR", org.sor), ("EAN", org.ean)]),
        identifier=identifiers, name=org.name or None,
    )


def endpoint_of(org: Organization) -> str:
    """The SOR URL of an Organization built by ``organization``."""
    sor = next(i.value for i in org.identifier or [] if i.system == codes.SOR_SYSTEM)
    return codes.SOR_ENDPOINT_PREFIX + str(sor)


class CareCommunicationParts:
    """Builds, once each, the resources one outgoing CareCommunication refers to."""

    def __init__(self, message: OutgoingCareCommunication) -> None:
        self.message = message
        self.seed = message.segment_id
        self._organisations: dict[str, Organization] = {}
        self._authors: dict[tuple[str, str, str], tuple[PractitionerRole, Practitioner]] = {}
        self._teams: list[CareTeam] = []
        self.organisation(message.sender)
        self.organisation(message.receiver)
        self.patient = self._patient()
        self.encounter = self._encounter()
        self.communication = self._communication()

    def organisation(self, org: Organisation) -> Organization:
        if org.sor not in self._organisations:
            self._organisations[org.sor] = organization(org, self.seed)
        return self._organisations[org.sor]

    def resources(self) -> list[Resource]:
        found: list[Resource] = [self.patient, self.communication]
        if self.encounter is not None:
            found.append(self.encounter)
        found.extend(self._teams)
        for role, practitioner in self._authors.values():
            found.extend((role, practitioner))
        found.extend(self._organisations.values())
        return found

    def _patient(self) -> Patient:
        p = self.message.patient
        return Patient(
            id=derived_id(self.seed, "Patient"), meta=meta(codes.PROFILE_PATIENT),
            text=narrative("Patient", [("Name", p.name), ("CPR", p.cpr)]),
            identifier=[Identifier(system=p.identifier_system, value=p.cpr)],
            name=[human_name(p.name, official=True)],
        )

    def _encounter(self) -> Encounter | None:
        episode = self.message.episode_of_care_id
        if episode is None:
            return None
        return Encounter(
            id=derived_id(self.seed, "Encounter"), meta=meta(codes.PROFILE_ENCOUNTER),
            text=narrative("Encounter", [("Episode of care", episode.value)]),
            status="unknown", class_fhir=Coding(system=codes.ENCOUNTER_CLASS_SYSTEM, code="HH"),  # type: ignore[call-arg]
            subject=ref(self.patient),
            episodeOfCare=[Reference(identifier=Identifier(system=episode.system, value=episode.value))],
        )

    def _team(self, name: str, org: Organisation) -> CareTeam:
        team = CareTeam(
            id=derived_id(self.seed, f"CareTeam/{org.sor}/{name}"), meta=meta(codes.PROFILE_CARETEAM),
            text=narrative("CareTeam", [("Name", name), ("Organization", org.name)]),
            name=name, managingOrganization=[ref(self.organisation(org))],
        )
        self._teams.append(team)
        return team

    def author(self, author: Author, org: Organisation) -> PractitionerRole:
        """PractitionerRole (coded role or text, never both) and its Practitioner."""
        key = (author.name, author.role, org.sor)
        if key not in self._authors:
            practitioner = Practitioner(
                id=derived_id(self.seed, f"Practitioner/{key}"), meta=meta(codes.PROFILE_PRACTITIONER),
                text=narrative("Practitioner", [("Name", author.name)]), name=[human_name(author.name)],
            )
            code = role_code(author.role)
            role_concept = (coding(codes.ROLE_SYSTEM, code) if code
                            else CodeableConcept(text=author.role) if author.role.strip() else None)
            role = PractitionerRole(
                id=derived_id(self.seed, f"PractitionerRole/{key}"),
                meta=meta(codes.PROFILE_PRACTITIONER_ROLE),
                text=narrative("PractitionerRole", [("Role", role_text(code) if code else author.role),
                                                    ("Practitioner", author.name)]),
                practitioner=ref(practitioner), organization=ref(self.organisation(org)),
                code=[role_concept] if role_concept is not None else None,
            )
            self._authors[key] = (role, practitioner)
        return self._authors[key][0]

    def _segment(self, segment: MessageSegment) -> CommunicationPayload:
        """One payload: a message text with its signature, or an attachment (MedCom slices)."""
        assigner = self.organisation(segment.assigner)
        extensions = [
            Extension(url=codes.EXT_DATETIME, valueDateTime=segment.sent),
            Extension(url=codes.EXT_IDENTIFIER,
                      valueIdentifier=Identifier(value=segment.identifier, assigner=ref(assigner))),
        ]
        if segment.author is not None:
            role = self.author(segment.author, segment.assigner)
            extensions.append(Extension(url=codes.EXT_PRACTITIONER, valueReference=ref(role)))
            if segment.author.phone:
                phone = ContactPoint(system="phone", value=segment.author.phone)
                extensions.append(Extension(url=codes.EXT_CONTACT, valueContactPoint=phone))
        if segment.attachment is not None:
            a = segment.attachment
            data = base64.b64encode(a.data) if a.data else None
            content = FhirAttachment(contentType=a.content_type, data=data, title=a.title or None,
                                     creation=a.created)
            return CommunicationPayload(extension=extensions, contentAttachment=content)
        return CommunicationPayload(extension=extensions, contentString=segment.text or None)

    def _segments(self) -> list[MessageSegment]:
        m = self.message
        new = ([MessageSegment(m.segment_id, m.sender, m.written_at, m.author, text=m.text)]
               if m.text.strip() else [])
        new += [MessageSegment(a.identifier, m.sender, m.written_at, attachment=a) for a in m.attachments]
        return [*m.history, *new]

    def _communication(self) -> Communication:
        m = self.message
        communication = Communication(
            id=derived_id(self.seed, "Communication"), meta=meta(codes.PROFILE_CC_COMMUNICATION),
            text=narrative("Communication", [
                ("Kategori", m.category.danish), ("Emne", m.topic), ("Prioritet", m.priority),
                ("Patient", f"{m.patient.name} ({m.patient.cpr})"), ("Meddelelse", m.text),
                ("Afsender", f"{m.author.name}, {m.author.role}, tlf. {m.author.phone}"),
                ("Bilag", ", ".join(a.title for a in m.attachments)),
            ]),
            identifier=[Identifier(value=m.communication_id)], status="unknown",
            category=[coding(codes.CATEGORY_SYSTEM, m.category.value)],
            priority=m.priority.value if m.priority else None,
            subject=ref(self.patient),
            topic=CodeableConcept(text=m.topic) if m.topic and m.topic.strip() else None,
            encounter=ref(self.encounter) if self.encounter is not None else None,
            payload=[self._segment(s) for s in self._segments()] or None,
        )
        if m.sender_team:
            communication.extension = [Extension(url=codes.EXT_SENDER,
                                                 valueReference=ref(self._team(m.sender_team, m.sender)))]
        if m.recipient_team:
            communication.recipient = [ref(self._team(m.recipient_team, m.receiver))]
        return communication
