"""Issue 8: two desks editing the same row, for every editable entity — no lost update.

In the spirit of PostgreSQL's isolation tester: two sessions read the same row at the same
version; the first commits a change; the second's change, based on the old version, must be
refused with ``Conflict`` (naming who changed it) and leave the first change in place. On
PostgreSQL the two write transactions really interleave (SQLAlchemy's ``version_id_col``
guards the UPDATE); on SQLite, where writers are serialised by BEGIN IMMEDIATE, the second desk
edits what it read earlier with the version it read (the services' ``expected_version``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.db import Database
from console.models.base import Base, Versioned
from console.services.core.errors import Conflict
from console.services.core.uow import check_version, unit_of_work
from console.services.core.ward import open_ward
from console.services.demo.seed import seed_demo

DAY = date(2026, 11, 23)
EDITABLE = sorted((m.class_ for m in Base.registry.mappers if issubclass(m.class_, Versioned)),
                  key=lambda cls: cls.__tablename__)


def _add_a_referral_and_an_access(session: Session) -> None:
    """The demo ward has no referral waiting and no IV-access record: one of each to edit."""
    from console.models import Admission, IvAccessRecord, Referral
    from console.vocabulary import IvAccess, ReferralSource, ReferralStatus

    admission = session.scalars(select(Admission).order_by(Admission.id)).first()
    assert admission is not None
    placed = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    session.add(Referral(source=ReferralSource.GP, referrer="Lægehuset", received_at=placed,
                         document="{}", status=ReferralStatus.REFERRED))
    session.add(IvAccessRecord(admission_id=admission.id, kind=IvAccess.PVK, placed_at=placed,
                               placed_by="MBE", end_reason=None))


def _text_column(cls: type) -> str:
    """A free-text column safe to overwrite in a test (the change each desk makes)."""
    for name in ("note", "crew", "prep_notes", "contents", "description", "phone", "address",
                 "text", "name", "value", "town", "call_sign", "hours", "referred_by",
                 "meeting_link", "caller_name", "courier", "referrer", "end_reason"):
        if name in inspect(cls).columns:
            return name
    return "updated_by"  # no free text (e.g. shift): the stamp itself is the change


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def ward(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One demo ward per backend for the module: each test edits a different table's row."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('interleave') / 'ward.sqlite'}"
    else:
        url = str(request.getfixturevalue("_pg_migrated"))
    db = open_ward(url)
    if db.backend == "postgresql":
        from tests.conftest import _truncate_all

        _truncate_all(db)
    with unit_of_work(db, "system") as session:
        seed_demo(session, day=DAY)
        _add_a_referral_and_an_access(session)
    yield db
    db.dispose()


@pytest.mark.parametrize("cls", EDITABLE, ids=lambda c: c.__tablename__)
def test_the_second_desk_gets_a_conflict_and_the_first_change_stays(ward: Database,
                                                                    cls: type) -> None:
    column = _text_column(cls)
    with unit_of_work(ward, "system", write=False) as session:
        row = session.scalars(select(cls).limit(1)).first()
        assert row is not None, f"the demo ward has no {cls.__tablename__}"
        key = inspect(row).identity
        seen = row.version
    if ward.backend == "postgresql":
        desk_b = ward.session(write=True)
        desk_b.info["eward_user"] = "DSKB"
        try:
            theirs = desk_b.get(cls, key)  # B reads at the same version
            assert theirs is not None
            with unit_of_work(ward, "DSKA") as a:  # A commits first
                setattr(a.get(cls, key), column, "A")
            setattr(theirs, column, "B")
            with pytest.raises(StaleDataError):
                desk_b.commit()
        finally:
            desk_b.rollback()
            desk_b.close()
    else:
        with unit_of_work(ward, "DSKA") as a:
            setattr(a.get(cls, key), column, "A")
        with pytest.raises(Conflict) as refused, unit_of_work(ward, "DSKB") as b:
            mine = b.get(cls, key)
            check_version(mine, seen, cls.__tablename__)
            setattr(mine, column, "B")
        assert refused.value.who == "DSKA"
    with unit_of_work(ward, "system", write=False) as session:
        stored = session.get(cls, key)
        if column != "updated_by":
            assert getattr(stored, column) == "A"  # the first change was not lost
        assert stored.version == seen + 1
        assert stored.updated_by == "DSKA"


def test_every_editable_table_is_covered() -> None:
    names = {cls.__tablename__ for cls in EDITABLE}
    assert {"admission", "regimen", "visit", "ward_round", "delivery", "escalation", "shift_car",
            "municipality", "municipal_contact", "tariff_type", "setting", "staff"} <= names
