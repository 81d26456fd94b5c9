"""MedCom's own example messages imported into a ward (read in place from ../shared, skipped
plainly when absent), and the ``eward message`` commands (issue 16, R-MESSAGE).

PYTEST_DONT_REWRITE: these tests handle patient data; a failure must never print a CPR.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import main
from console.db import Database
from console.medcom import IncomingCareCommunication, parse_message
from console.models import AccessEvent
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.messaging import agreement, inbox
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral
from tests.medcom.factories import require_shared
from tests.messaging_sim import ADMIN, set_up_parties

TEST_PATIENT = "250947-9989"  # MedCom's published test patient


def _ward(url: str, tmp_path: Path) -> tuple[Database, int]:
    db = open_ward(url)
    add_ward_staff(db)
    set_up_parties(db)
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(date(2026, 11, 2), **{"patient.cpr": TEST_PATIENT})))
    return db, adm.admission_id


def _import(db: Database, path: Path, tmp_path: Path) -> inbox.ImportResult:
    from console.medcom import MailboxTransport

    box = MailboxTransport(tmp_path / "out", tmp_path / "in")
    with unit_of_work(db, NURSE) as s:
        return inbox.import_message(s, path.read_bytes(), transport=box)


def test_R_MESSAGE_medcom_carecommunication_and_ack_examples_import(sqlite_url: str,
                                                                    tmp_path: Path) -> None:
    db, admission_id = _ward(sqlite_url, tmp_path)
    try:
        for path in sorted(require_shared("carecommunication/send").iterdir()):
            result = _import(db, path, tmp_path)
            assert result.kind == "care_communication", path.name
            matched = "Tek-CPR" not in path.name  # a replacement CPR matches no course
            assert (result.admission_id == admission_id) is matched, path.name
            assert result.ack_code == "AA", path.name
        for path in sorted(require_shared("acknowledgement").iterdir()):
            result = _import(db, path, tmp_path)
            assert result.kind == "acknowledgement", path.name
            assert result.acknowledged_message_id is None  # answers nothing we sent: kept, unmatched
            assert result.ack_code == path.name.split("-")[2].split("_")[0], path.name
    finally:
        db.dispose()


def test_R_HANDOVER_medcom_hospitalnotification_examples_set_the_notice_state(
        sqlite_url: str, tmp_path: Path) -> None:
    db, admission_id = _ward(sqlite_url, tmp_path)
    try:
        for path in sorted(require_shared("hospitalnotification").glob("*.json")):
            result = _import(db, path, tmp_path)
            if "TEK_FCC" in path.name:
                assert result.kind == "invalid"  # deliberately invalid: kept, answered AE
                assert result.ack_code in ("AE", "AR")
                continue
            if "TEK_LOV" in path.name or result.duplicate:
                continue  # another patient / the duplicate example: no state of ours to set
            code = path.stem.removeprefix("HospitalNotification_Ex_")
            expected = "expected" if code.startswith(("AN_STIN", "AN_STAA")) else "received"
            assert (result.admission_id, result.notice_state) == (admission_id, expected), path.name
        with read_only(db) as s:
            assert agreement.read_agreement(s, admission_id).tracked
    finally:
        db.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_message_care_plan_send_list_export_and_accept(capsys: pytest.CaptureFixture[str],
                                                           sqlite_url: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db, admission_id = _ward(sqlite_url, tmp_path)
    db.dispose()
    monkeypatch.setenv("EWARD_DATA_DIR", str(tmp_path / "data"))
    base = ("--database", sqlite_url, "--json")
    code, out = run(capsys, *base, "--user", NURSE, "message", "care-plan", str(admission_id))
    assert code == 0
    message_id = json.loads(out)["message_id"]
    assert run(capsys, *base, "--user", NURSE, "message", "send", str(message_id))[0] == 0
    sent = list((tmp_path / "data" / "medcom" / "outbox").iterdir())
    assert len(sent) == 1
    assert isinstance(parse_message(sent[0].read_bytes()), IncomingCareCommunication)
    code, out = run(capsys, *base, "messages", "--admission", str(admission_id), "--state", "sent")
    assert [m["id"] for m in json.loads(out)] == [message_id]
    xml = tmp_path / "plan.xml"
    assert run(capsys, *base, "--user", NURSE, "message", "export", str(message_id), "--out",
               str(xml), "--xml")[0] == 0
    assert xml.read_bytes().lstrip().startswith(b"<")
    assert xml.stat().st_mode & 0o077 == 0  # patient data: the owner's only
    assert isinstance(parse_message(xml.read_bytes()), IncomingCareCommunication)  # XML round trip
    code, out = run(capsys, *base, "--user", NURSE, "message", "refuse", str(admission_id),
                    "--reason", "Ingen nattevagt i weekenden")
    assert code == 0
    assert json.loads(out)["refused_reason"] == "Ingen nattevagt i weekenden"  # R-ACCEPT
    code, out = run(capsys, *base, "--user", NURSE, "message", "accept", str(admission_id),
                    "--by", "Birgit Berg")
    assert code == 0
    assert json.loads(out)["accepted_via"] == "phone"
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    code, out = run(capsys, *base, "--user", NURSE, "message", "draft", str(admission_id),
                    "--category", "nursing", "--text", "Billede af indstikssted.",
                    "--attach", str(scan))
    assert code == 0
    code, out = run(capsys, *base, "messages", "--admission", str(admission_id), "--state",
                    "drafted")
    [drafted] = json.loads(out)
    assert [a["filename"] for a in drafted["attachments"]] == ["scan.png"]
    saved = tmp_path / "saved.png"
    code, _ = run(capsys, *base, "--user", NURSE, "message", "attachment",
                  str(drafted["attachments"][0]["id"]), "--out", str(saved))
    assert code == 0
    assert saved.read_bytes() == scan.read_bytes()
    db = open_ward(sqlite_url)
    try:
        with read_only(db) as s:  # the two saves are logged as exports
            assert list(s.scalars(select(AccessEvent.purpose).where(
                AccessEvent.admission_id == admission_id, AccessEvent.user == NURSE))) == [
                "export", "export"]
    finally:
        db.dispose()
    code, out = run(capsys, *base, "--user", NURSE, "message", "notice", str(admission_id),
                    "--state", "confirmed_by_phone")
    assert code == 0
    assert json.loads(out)["notice_state"] == "confirmed_by_phone"
    code, _ = run(capsys, *base, "--user", NURSE, "message", "party", "--kind", "gp",
                  "--name", "X", "--sor", "1")
    assert code != 0  # parties are an admin's
    code, _ = run(capsys, *base, "--user", ADMIN, "message", "party", "--kind", "gp",
                  "--name", "Lægehuset Ringsted", "--sor", "99887766")
    assert code == 0
