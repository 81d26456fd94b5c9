"""The suite-wide CPR watch (tests/cpr_watch.py) finds what it must and only that."""

from __future__ import annotations

import logging

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
