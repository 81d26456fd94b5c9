"""Received bytes (FHIR JSON or XML, detected) to one of the console's incoming values.

``parse_message`` never raises and never drops a message: whatever cannot be read or breaks a
MedCom rule comes back as ``InvalidMessage`` with the negative acknowledgement it deserves,
AE (fatal-error) for the sender's content or format, AR (transient-error) when the failure is
ours. Reasons name rules and element paths only; they never quote content (no CPR in logs).
"""

from __future__ import annotations

from pydantic import ValidationError

from console.medcom import violations as v
from console.medcom.bundleview import BundleView
from console.medcom.codes import EVENT_ACKNOWLEDGEMENT, AckCode
from console.medcom.incoming import InvalidMessage, ParsedMessage
from console.medcom.readers import READERS, Rejected
from console.medcom.rules import check_structure, header_event
from console.medcom.salvage import salvage
from console.medcom.serialise import Format, detect_format, load_bundle
from console.medcom.violations import Violation, fhir_violations, internal_failure, violation


def parse_message(data: bytes) -> ParsedMessage:
    """Parse one received message. See the module docstring for the guarantees."""
    fmt = detect_format(data)
    if fmt is None:
        return _invalid(data, None, [violation(v.SYNTAX, "neither FHIR JSON nor FHIR XML")])
    try:
        bundle = load_bundle(data, fmt)
    except ValidationError as error:
        return _invalid(data, fmt, fhir_violations(error))
    except Exception:
        return _invalid(data, fmt, [violation(v.SYNTAX, f"not well-formed {fmt.value.upper()}")])
    try:
        view = BundleView(bundle)
        if view.header is None:
            return _invalid(data, fmt, check_structure(view))
        event = header_event(view.header)
        reader = READERS.get(event or "")
        if reader is None:
            return _invalid(data, fmt, [violation(v.TYPE, "not a message type the console receives",
                                                  where="MessageHeader.eventCoding")])
        return reader(view)
    except Rejected as rejected:
        return _invalid(data, fmt, rejected.violations)
    except Exception as error:  # our own failure: the sender may resend (transient-error)
        return _invalid(data, fmt, [internal_failure(f"reading the message failed ({type(error).__name__})")])


def _invalid(data: bytes, fmt: Format | None, violations: list[Violation]) -> InvalidMessage:
    found = salvage(data, fmt)
    ack_code: AckCode | None = (AckCode.AR if any(x.ack_code is AckCode.AR for x in violations)
                                else violations[0].ack_code)
    if found.event == EVENT_ACKNOWLEDGEMENT:
        ack_code = None  # an acknowledgement is never acknowledged (MedCom rule KR2)
    return InvalidMessage(
        reason="; ".join(str(x) for x in violations), violations=tuple(violations), ack_code=ack_code,
        header_id=found.header_id, bundle_id=found.bundle_id, event=found.event,
        ack_subject=found.ack_subject,
    )
