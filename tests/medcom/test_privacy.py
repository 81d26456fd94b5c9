"""The adapter neither logs nor prints: message contents (CPR numbers) stay in the messages.

PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

import console.medcom
from console.medcom import acknowledge, build_care_communication, new_envelope, parse_message, to_json, to_xml
from tests.medcom.factories import FIXTURES, TEST_CPR, outgoing

PACKAGE = Path(console.medcom.__file__).resolve().parent


def test_no_module_logs_or_prints() -> None:
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert "logging" not in names, f"{path.name} imports logging"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "print", f"{path.name} prints"


def test_a_whole_exchange_emits_nothing(caplog: pytest.LogCaptureFixture,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    bundle = build_care_communication(outgoing(), new_envelope())
    for data in (to_json(bundle), to_xml(bundle), *(p.read_bytes() for p in sorted(FIXTURES.glob("*.json")))):
        parsed = parse_message(data)
        acknowledge(parsed, new_envelope())
    captured = capsys.readouterr()
    assert TEST_CPR not in captured.out + captured.err
    assert not [r for r in caplog.records if r.name.startswith("console")], "the adapter logged"
    assert all(TEST_CPR not in r.getMessage() for r in caplog.records)


def test_representations_leave_the_cpr_out() -> None:
    parsed = parse_message((FIXTURES / "carecommunication-careplan.json").read_bytes())
    assert TEST_CPR not in repr(parsed)
    assert TEST_CPR not in repr(outgoing())
