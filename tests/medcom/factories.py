"""Test data for the MedCom adapter: parties, authors and messages, all fictitious.

The patient CPR is MedCom's published test patient (it appears in every MedCom example), the
SOR and EAN numbers are MedCom's example numbers; nothing here identifies a real person.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.medcom import (
    Attachment,
    Author,
    Category,
    Envelope,
    EpisodeOfCareId,
    Organisation,
    OutgoingCareCommunication,
    PatientRef,
)

TEST_CPR = "2509479989"
HOSPITAL = Organisation("123456789012345", "5790001382445", "eHospital Sjælland, test")
MUNICIPALITY = Organisation("543210987654321", "5790000121526", "Hjemmesygeplejen, Testkommune")
GP = Organisation("325421000016001", "5798002472264", "Lægehuset Test")
NURSE = Author("Anne Sofie Hansen", "Sygeplejerske", "70204200")
MUNI_NURSE = Author("Birgit Berg", "Social- og sundhedsassistent", "+4512345678")
WRITTEN = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
EPISODE = EpisodeOfCareId("urn:uuid:0d9c7c4e-4f64-4a53-9d0c-54f1f3a7f0b1", "https://sor2.sum.dsdn.dk/#id=543210987654321")
PDF = b"%PDF-1.4\n% test plan, CPR on every page\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


PLAN_PDF = Attachment("Plejeforløbsplan.pdf", "application/pdf", PDF, "Plejeforløbsplan", created=WRITTEN,
                      identifier="urn:uuid:7d1f2a4e-5b6c-4d7e-8f90-a1b2c3d4e5f6")


def outgoing(**changes: Any) -> OutgoingCareCommunication:
    """A valid care plan message from the eHospital to the municipality; override any field."""
    base = OutgoingCareCommunication(
        sender=HOSPITAL, receiver=MUNICIPALITY, patient=PatientRef(TEST_CPR, "Bruno Test Elmer"),
        category=Category.CARE_COORDINATION, topic="Plejeforløbsplan",
        text="Plejeforløbsplan for IV-behandling i hjemmet.\nDosis kl. 08, 16 og 24.",
        author=NURSE, written_at=WRITTEN,
        attachments=(PLAN_PDF,),
        communication_id="urn:uuid:3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a090",
        segment_id="urn:uuid:5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
    )
    return dataclasses.replace(base, **changes)


FIXED_ENVELOPE = Envelope("0a6c8e2b-3d4f-4a1b-9c7d-5e6f7a8b9c0d", "1b7d9f3c-4e5a-4b2c-8d9e-6f7a8b9c0d1e",
                          datetime(2025, 3, 4, 9, 31, tzinfo=UTC))

SHARED_MEDCOM = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "medcom"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_examples(folder: str) -> list[Path]:
    """MedCom's example messages under ../shared (read in place, never copied)."""
    where = SHARED_MEDCOM / folder
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir() if p.suffix in (".json", ".xml"))


def require_shared(folder: str) -> Path:
    where = SHARED_MEDCOM / folder
    if not where.is_dir():
        pytest.skip(f"MedCom example messages not found at {where} (the shared folder is absent)")
    return where
