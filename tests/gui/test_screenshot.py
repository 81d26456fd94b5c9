"""``render_screen``: the census and a placeholder to PNG, offscreen, at the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from console.db import Database, DatabaseError
from console.screenshot import render_screen
from console.services.core.errors import InvalidInput


@pytest.mark.parametrize("view", ["census", "rounds"])
def test_render_screen_writes_a_png_of_the_asked_size(qtbot: QtBot, ward_db: Database,
                                                      tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.png"
    render_screen(view, out, database_url=ward_db.url.render_as_string(hide_password=False),
                  user=None, day=None, size=(1400, 900))
    assert out.exists()
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_unknown_view_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        render_screen("nope", tmp_path / "x.png", database_url="sqlite:///unused",
                      user=None, day=None, size=(800, 600))
    assert info.value.field == "view"


def test_database_errors_propagate(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError):
        render_screen("census", tmp_path / "x.png", database_url=f"sqlite:///{bad}",
                      user=None, day=None, size=(800, 600))


def test_admission_dialog_picture_shows_the_rule_and_saves_nothing(
        qtbot: QtBot, ward_db: Database, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from console.models import Admission
    from console.services.core.uow import read_only

    with read_only(ward_db) as session:
        before = session.scalar(select(func.count()).select_from(Admission))
    out = tmp_path / "admission.png"
    render_screen("admission", out, database_url=ward_db.url.render_as_string(hide_password=False),
                  user=None, day=None, size=(1400, 900))
    assert QImage(str(out)).width() > 600
    with read_only(ward_db) as session:
        assert session.scalar(select(func.count()).select_from(Admission)) == before


def test_referral_intake_picture_takes_nothing_in(
        qtbot: QtBot, ward_db: Database, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from console.models import Referral
    from console.services.core.uow import read_only

    out = tmp_path / "intake.png"
    render_screen("referral-intake", out,
                  database_url=ward_db.url.render_as_string(hide_password=False),
                  user=None, day=None, size=(1400, 900))
    assert QImage(str(out)).width() > 600
    with read_only(ward_db) as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 0


def test_record_picture_of_a_chosen_admission(qtbot: QtBot, ward_db: Database,
                                              tmp_path: Path) -> None:
    from console.models import Role
    from tests.factories import add_staff

    add_staff(ward_db, "TST", Role.E_DOCTOR)  # a care role opens the record (R-ACCESS)
    out = tmp_path / "patient.png"
    render_screen("patient", out, database_url=ward_db.url.render_as_string(hide_password=False),
                  user="TST", day=None, size=(1400, 900), admission_id=1)
    assert out.stat().st_size > 20_000


def test_a_picture_of_an_admission_that_does_not_exist_is_an_error_not_a_png(
        capfd: pytest.CaptureFixture[str], qtbot: QtBot, ward_db: Database,
        tmp_path: Path) -> None:
    """Issue 20: `screenshot patient --admission 9999` exited 0 with a picture of an error; and
    the offscreen plugin's warning is not printed."""
    from console.cli import main

    out = tmp_path / "none.png"
    url = ward_db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "screenshot", "patient", "--admission", "9999",
                 "--out", str(out)]) == 2
    assert not out.exists()
    assert main(["--database", url, "screenshot", "census", "--out", str(out)]) == 0
    captured = capfd.readouterr()
    assert "propagateSizeHints" not in captured.out + captured.err
    assert "No admission with id 9999" in captured.err


def test_rounds_cli_writes_the_printable_list(capsys: pytest.CaptureFixture[str], qtbot: QtBot,
                                              ward_db: Database, tmp_path: Path) -> None:
    from console.cli import main

    pdf = tmp_path / "rounds.pdf"
    code = main(["--database", ward_db.url.render_as_string(hide_password=False), "rounds",
                 "--json", "--pdf", str(pdf)])
    capsys.readouterr()
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_replan_picture_shows_the_changes_and_saves_nothing(
        qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    """Issue 18: the dispatcher's re-plan with its changes against the routes now, pictured
    from the demo day; Discard, so no visit changes car."""
    from sqlalchemy import select

    from console.models import Visit
    from console.services.core.uow import read_only, unit_of_work
    from console.services.demo.seed import seed_demo
    from console.timeutil import today_local

    day = today_local()
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=day, seed=5)
    with read_only(sqlite_db) as s:
        before = sorted(s.execute(select(Visit.id, Visit.shift_car_id, Visit.version)).all())
    out = tmp_path / "replan.png"
    render_screen("replan", out, database_url=sqlite_db.url.render_as_string(hide_password=False),
                  user="ABE", day=day, size=(1400, 900))
    assert QImage(str(out)).width() > 600
    with read_only(sqlite_db) as s:
        assert sorted(s.execute(select(Visit.id, Visit.shift_car_id, Visit.version)).all()) \
            == before
