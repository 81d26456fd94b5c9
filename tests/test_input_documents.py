"""Issue 15: every input document has one published schema (``eward schema NAME``), and the
escalation document is held to it like the referral, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.commands.course_commands import DOCUMENTS
from console.models import Escalation
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from tests.factories import NURSE, with_changes
from tests.test_input_trust import CPR, run, with_one_patient


def escalation(**changes: Any) -> dict[str, Any]:
    doc = {"category": "missing_medicine", "severity": "today",
           "caller": {"name": "Hanne Hjemmesygeplejerske", "phone": "57 87 00 00"},
           "cpr": CPR, "text": "No more Piperacillin in the fridge."}
    return with_changes(doc, **changes)


@pytest.fixture
def admitted(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    return with_one_patient(capsys, db_url, tmp_path)


def escalations(url: str) -> int:
    db = open_ward(url, migrate=False)
    try:
        with read_only(db) as s:
            return int(s.scalar(select(func.count()).select_from(Escalation)) or 0)
    finally:
        db.dispose()


def escalate(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path,
             doc: dict[str, Any]) -> tuple[int, Any, str]:
    path = tmp_path / "escalation.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = main(["--database", url, "--user", NURSE, "escalate", str(path), "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out or "{}"), captured.out + captured.err


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_input_document_publishes_its_json_schema(capsys: pytest.CaptureFixture[str],
                                                        name: str) -> None:
    assert main(["schema", name]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False  # unknown keys refused
    assert schema["required"]


def test_the_referral_schema_carries_the_column_lengths(capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema", "referral"])
    schema = json.loads(capsys.readouterr().out)
    patient = schema["$defs"]["PatientDoc"]["properties"]
    assert patient["name"]["maxLength"] == 128
    assert patient["address"]["maxLength"] == 200


def test_a_valid_escalation_is_logged_and_a_cpr_without_dash_finds_the_patient(
        capsys: pytest.CaptureFixture[str], admitted: str, tmp_path: Path) -> None:
    code, payload, said = escalate(capsys, admitted, tmp_path, escalation(cpr="0101501234"))
    assert code == 0, said
    assert payload["routed_to"]


@pytest.mark.parametrize(("changes", "code", "field"), [
    ({"caler": {"name": "x"}}, "INPUT", "caler"),  # typo key
    ({"caller.nmae": "x"}, "INPUT", "caller.nmae"),
    ({"text": "fridge\x00"}, "INPUT", "text"),
    ({"caller.name": "x" * 129}, "INPUT", "caller.name"),
    ({"severity": "asap"}, "INPUT", "severity"),
    ({"received_at": "2026"}, "INPUT", "received_at"),
    ({"cpr": "０１０１５０-１２３４"}, "R-CPR", "cpr"),
    ({"admission_id": True}, "INPUT", "admission_id"),
])
def test_typo_keys_nul_bytes_and_other_scripts_in_an_escalation_are_refused(
        capsys: pytest.CaptureFixture[str], admitted: str, tmp_path: Path,
        changes: dict[str, Any], code: str, field: str) -> None:
    before = escalations(admitted)
    exit_code, payload, said = escalate(capsys, admitted, tmp_path, escalation(**changes))
    assert exit_code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == (code, field)
    assert escalations(admitted) == before
    assert CPR not in said


def test_latin1_files_are_refused_for_escalations_too(capsys: pytest.CaptureFixture[str],
                                                      admitted: str, tmp_path: Path) -> None:
    path = tmp_path / "escalation.json"
    doc = escalation(text="Ingen medicin i køleskabet.")  # æ, ø, å: not UTF-8 in Latin-1
    path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("latin-1"))
    code, payload, said = run(capsys, admitted, "escalate", str(path))
    assert code == 2, said
    assert payload["error"]["field"] == "file"


def test_the_user_guides_examples_are_valid_documents() -> None:
    """docs/input.md shows one complete example of each document: each parses as it stands."""
    import re

    from console.services.course.referral import parse_referral
    from console.services.escalations.document import parse_escalation

    guide = (Path(__file__).parents[1] / "docs" / "input.md").read_text(encoding="utf-8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", guide, re.DOTALL)]
    assert len(blocks) == 2
    referral_doc, escalation_doc = blocks
    parsed = parse_referral(referral_doc)
    assert parsed.regimen[0].iv_access_remove_by is not None
    assert parse_escalation(escalation_doc).caller_name


@pytest.mark.parametrize("argv", [["visit", "missed", "999", "--reason=x"],
                                  ["regimen", "change", "999", "--from=2030-01-01T08:00+01:00"],
                                  ["discharge", "999", "--outcome", "completed"]])
def test_an_unknown_id_is_refused_naming_the_id(capsys: pytest.CaptureFixture[str],
                                                 admitted: str, argv: list[str]) -> None:
    code, payload, said = run(capsys, admitted, *argv)
    assert code == 2, said
    assert (payload["error"]["code"], payload["error"]["field"]) == ("NOT_FOUND", "id")
