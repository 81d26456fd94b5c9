"""Typed rule violations with stable codes (cite them in error messages, tests and the UI).

Codes name the console's rule (domain.md R-MESSAGE) and, in ``medcom``, the MedCom invariant
or profile element it enforces. ``ack_code`` says which negative acknowledgement a received
message breaking the rule deserves; ``issue`` is the coded issue put in that acknowledgement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from console.medcom.codes import ACK_ERROR_SYSTEM, OPERATION_OUTCOME_SYSTEM, AckCode

# Rule codes (stable: stored with invalid messages and shown to the e-nurse).
CATEGORY = "R-MESSAGE-CATEGORY"
TOPIC = "R-MESSAGE-TOPIC"
PRIORITY = "R-MESSAGE-PRIORITY"
AUTHOR = "R-MESSAGE-AUTHOR"
NARRATIVE = "R-MESSAGE-NARRATIVE"
TEXT = "R-MESSAGE-TEXT"
ATTACHMENT = "R-MESSAGE-ATTACHMENT"
SIZE = "R-MESSAGE-SIZE"
EPISODE = "R-MESSAGE-EPISODE"
ACK_REQUEST = "R-MESSAGE-ACK-REQUEST"
STRUCTURE = "R-MESSAGE-STRUCTURE"
PATIENT = "R-MESSAGE-PATIENT"
SYNTAX = "R-MESSAGE-SYNTAX"
FHIR = "R-MESSAGE-FHIR"
TYPE = "R-MESSAGE-TYPE"
INTERNAL = "R-MESSAGE-INTERNAL"


@dataclass(frozen=True)
class Violation:
    """One broken rule. ``where`` points into the message (never quotes its content)."""

    code: str
    message: str
    where: str = ""
    medcom: str = ""
    issue_code: str = "MSG_BAD_FORMAT"
    issue_system: str = OPERATION_OUTCOME_SYSTEM
    ack_code: AckCode = AckCode.AE

    def __str__(self) -> str:
        at = f" at {self.where}" if self.where else ""
        ref = f" ({self.medcom})" if self.medcom else ""
        return f"{self.code}: {self.message}{at}{ref}"


def violation(code: str, message: str, *, where: str = "", medcom: str = "") -> Violation:
    """A content violation: fatal-error (AE), with the issue code the rule maps to."""
    issue_code, issue_system = _ISSUES.get(code, ("MSG_BAD_FORMAT", OPERATION_OUTCOME_SYSTEM))
    return Violation(code, message, where, medcom, issue_code, issue_system, AckCode.AE)


def internal_failure(message: str) -> Violation:
    """Our own failure while reading a message: transient-error (AR); the sender may resend."""
    return Violation(INTERNAL, message, issue_code="MSG_LOCAL_FAIL", ack_code=AckCode.AR)


_ISSUES: dict[str, tuple[str, str]] = {
    CATEGORY: ("MSG_VALUESET_VALUE_UNKNOWN", ACK_ERROR_SYSTEM),
    PRIORITY: ("MSG_VALUESET_VALUE_UNKNOWN", ACK_ERROR_SYSTEM),
    ATTACHMENT: ("MSG_VALUESET_VALUE_UNKNOWN", ACK_ERROR_SYSTEM),
    SIZE: ("MSG_Element_To_Long", ACK_ERROR_SYSTEM),
    TYPE: ("MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE", ACK_ERROR_SYSTEM),
    SYNTAX: ("MSG_BAD_SYNTAX", OPERATION_OUTCOME_SYSTEM),
    PATIENT: ("MSG_RESOURCE_REQUIRED", OPERATION_OUTCOME_SYSTEM),
    TEXT: ("MSG_RESOURCE_REQUIRED", OPERATION_OUTCOME_SYSTEM),
}


def fhir_violations(error: ValidationError, limit: int = 10) -> list[Violation]:
    """FHIR validation errors as violations: element paths and error kinds, never the input values."""
    details = error.errors(include_url=False, include_input=False, include_context=False)
    if any(d.get("type") == "json_invalid" for d in details):
        return [violation(SYNTAX, "not well-formed JSON")]
    found = [violation(FHIR, f"not valid FHIR R4 ({d.get('type', 'invalid')})",
                       where=".".join(str(part) for part in d.get("loc", ()))) for d in details[:limit]]
    return found or [violation(FHIR, "not valid FHIR R4")]


class MedComRuleError(ValueError):
    """Raised by the builders when the message they would produce breaks a MedCom rule."""

    def __init__(self, violations: Iterable[Violation]) -> None:
        self.violations = tuple(violations)
        super().__init__("; ".join(str(v) for v in self.violations))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.violations)
