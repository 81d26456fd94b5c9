"""The suite-wide CPR watch (tests/cpr_watch.py) finds what it must and only that."""

from __future__ import annotations

import logging

import pytest

from tests.cpr_watch import CprWatch, cpr_like


def test_a_cpr_in_any_script_is_found_and_timestamps_are_not() -> None:
    assert cpr_like("refused 010150-1234 for the dose")
    assert cpr_like("0101501234")
    assert cpr_like("０１０１５０-１２３４")  # full-width digits, as a paste brings them
    assert not cpr_like("epoch 1733400000, id 123456-7890")  # month 34 / day 12 month 34
    assert not cpr_like("admission 4711 at 2026-12-05 10:00")


def test_a_log_record_with_a_cpr_is_a_finding_with_the_number_masked() -> None:
    watch = CprWatch()
    watch.test = "tests/x.py::t"
    logger = logging.getLogger("console.test_watch")
    logger.addHandler(watch)
    logger.propagate = False  # not the suite's own watch: this CPR is logged on purpose
    try:
        logger.error("admitting %s failed", "010150-1234")
        logger.error("nothing personal here")
    finally:
        logger.removeHandler(watch)
        logger.propagate = True
    assert len(watch.findings) == 1
    test, where, text = watch.findings[0]
    assert (test, where) == ("tests/x.py::t", "log console.test_watch")
    assert "010150" not in text
    assert "DDMMYY-XXXX" in text


def test_a_refusal_does_not_echo_a_cpr_typed_into_the_wrong_field() -> None:
    """The fuzz runs typed CPR numbers into date and time fields; the refusal quoted them."""
    from datetime import date

    from pydantic import BaseModel

    from console.services.core.errors import InvalidInput
    from console.services.core.input_schema import IsoDate, parse_document

    class Times(BaseModel):
        on: IsoDate

    for typed in ("010150-1234", "０１０１５０－１２３４", "0101501234"):
        with pytest.raises(InvalidInput, match="is not a date") as refused:
            parse_document(Times, {"on": typed}, "times")
        assert not cpr_like(str(refused.value)), str(refused.value)
    assert parse_document(Times, {"on": "2026-12-05"}, "times").on == date(2026, 12, 5)


def test_no_service_error_carries_a_cpr_whatever_field_it_was_typed_into() -> None:
    """The 10,000-referral run on PostgreSQL typed a CPR as the responsible doctor (R-DOCTOR)."""
    from console.services.core.errors import RuleViolation

    refused = RuleViolation("R-DOCTOR", "responsible_doctor",
                            "'０１０１５０-１２３４' is not an active e-doctor.")
    assert not cpr_like(str(refused))
    assert not cpr_like(refused.message)
    assert "is not an active e-doctor" in refused.message
