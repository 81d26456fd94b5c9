"""`make run`'s prerequisite check (issue 20): a missing Qt system library is named with the one
command that installs it, from what the dynamic linker says, not from a fixed list."""

from __future__ import annotations

import io

import pytest

from console import desktop_check
from console.desktop_check import check, debian_package, missing_libraries, uses_xcb

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f83)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f83)
\tlibxcb-icccm.so.4 => not found
\tlibdbus-1.so.3 => not found
\tlibEGL.so.1 => not found
"""


def test_the_missing_libraries_are_read_from_ldd_once_each() -> None:
    assert missing_libraries(LDD) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4",
                                      "libdbus-1.so.3", "libEGL.so.1"]
    assert missing_libraries(LDD.replace("not found", "/lib/x.so (0x1)")) == []


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    # seen on a bare Debian 12 image: Qt's core library lacked GLib, in one package
    ("libglib-2.0.so.0", "libglib2.0-0"), ("libgthread-2.0.so.0", "libglib2.0-0"),
])
def test_the_debian_package_follows_from_the_soname(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_a_simulated_missing_library_gives_the_one_line_remedy() -> None:
    out = io.StringIO()
    assert check(install=False, ldd_output=LDD, root=False, has_apt=True, out=out) == 1
    lines = out.getvalue().splitlines()
    assert "libxcb-cursor.so.0" in lines[0]
    assert lines[-1] == ("Install them with: sudo apt-get install -y libdbus-1-3 libegl1 "
                         "libxcb-cursor0 libxcb-icccm4")


def test_as_root_with_apt_it_installs(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[list[str]] = []

    class Done:
        returncode = 0

    monkeypatch.setattr(desktop_check.subprocess, "run",
                        lambda cmd, check: ran.append(cmd) or Done())
    assert check(install=True, ldd_output=LDD, root=True, has_apt=True, out=io.StringIO()) == 0
    assert ran == [["apt-get", "install", "-y", "libdbus-1-3", "libegl1", "libxcb-cursor0",
                    "libxcb-icccm4"]]


def test_nothing_missing_says_nothing() -> None:
    out = io.StringIO()
    assert check(install=False, ldd_output="\tlibc.so.6 => /lib/libc.so.6 (0x1)\n", root=False,
                 has_apt=True, out=out) == 0
    assert out.getvalue() == ""


def test_only_checked_where_qt_would_load_xcb() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({}, "linux")  # no display: nothing to open a window on
    assert not uses_xcb({"DISPLAY": ":0"}, "darwin")


def test_qt_itself_is_checked_even_without_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed and the tests load QtCore offscreen: on a bare image it lacked libglib-2.0, so
    the bindings' modules are checked everywhere on Linux, the xcb plugin only with a display."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    names = [p.name.split(".")[0] for p in desktop_check.needed_binaries("linux")]
    assert names[:3] == ["QtCore", "QtGui", "QtWidgets"]
    assert "libqxcb" not in names
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert desktop_check.needed_binaries("linux")[-1].name == "libqxcb.so"
    assert desktop_check.needed_binaries("darwin") == []
