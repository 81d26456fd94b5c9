"""``render_screen``: the census and a placeholder to PNG, offscreen, at the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from console.db import Database, DatabaseError
from console.services.errors import InvalidInput
from console.views.screenshot import render_screen


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
