"""The escalation document ``eward escalate`` reads, as one declared schema (issue 15).

Unknown keys are refused with the key named; text is NFC, free of control characters and held
to its column's length; codes are the console's own. ``eward schema escalation`` prints it.
The service's rules (R-CONTACT routing, R-MUNICIPALITY, the patient found) come after.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from console.models import Escalation, Municipality
from console.services.core import input_schema as schema
from console.services.escalations.escalations import EscalationInput
from console.vocabulary import EscalationCategory, RoutedTo, Severity

_PHONE = Annotated[Annotated[str, schema.at_most(schema.column_length(Escalation.caller_phone))]
                   | None, schema.OPTIONAL_LINE]
_MUNICIPALITY = Annotated[Annotated[str, schema.at_most(schema.column_length(Municipality.name))]
                          | None, schema.OPTIONAL_LINE]
_CPR = Annotated[Annotated[str, schema.at_most(32)] | None, schema.OPTIONAL_LINE]


class CallerDoc(schema.Document):
    name: Annotated[str, schema.limit(schema.column_length(Escalation.caller_name)), schema.LINE]
    phone: _PHONE = None


class EscalationDoc(schema.Document):
    """A municipal nurse's call: who called, about whom, what, how urgent."""

    category: EscalationCategory
    severity: Severity
    caller: CallerDoc
    admission_id: schema.Whole | None = Field(default=None, ge=1, le=schema.BOUND)
    cpr: _CPR = None  # the patient, when the admission id is not known (R-CPR)
    municipality: _MUNICIPALITY = None
    received_at: schema.IsoDateTime | None = None
    text: schema.NoteLines = None
    routed_to: RoutedTo | None = None  # an override of R-CONTACT; needs the reason
    route_override_reason: schema.NoteLines = None


def parse_escalation(data: Any) -> EscalationInput:
    doc = schema.parse_document(EscalationDoc, data, "escalation")
    return EscalationInput(
        category=doc.category, severity=doc.severity, caller_name=doc.caller.name,
        caller_phone=doc.caller.phone, admission_id=doc.admission_id, cpr=doc.cpr,
        municipality=doc.municipality, received_at=doc.received_at, text=doc.text or "",
        routed_to=doc.routed_to, route_override_reason=doc.route_override_reason)
