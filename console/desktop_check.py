"""Before the window opens: does this Linux desktop have the system libraries Qt and its xcb
platform plugin need? (issue 20)

PySide6's wheels carry Qt but not every X11 library its ``xcb`` plugin links against; on a
minimal Debian or Ubuntu desktop ``libxcb-cursor0``, ``libxcb-icccm4`` or ``libxcb-keysyms1``
are often missing, and Qt then aborts with "Could not load the Qt platform plugin xcb" (exit
134). On a bare image even Qt's core library lacks ``libglib-2.0.so.0`` (seen on a Debian 12
``debootstrap --variant=minbase``), and then no ``eward`` command starts at all, not even the
demo seed. Rather than keep a list that goes stale with each Qt release, this asks the dynamic
linker: ``ldd`` on the plugin that will be loaded names every library it cannot find. Each
missing library's Debian package name follows from its soname (Debian policy 8.1:
``libxcb-cursor.so.0`` → ``libxcb-cursor0``, ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``).

``python -m console.desktop_check`` (run by ``make run`` and ``make test`` before anything
imports Qt) prints nothing and exits 0 when all is there or not on Linux; the xcb plugin is only
looked at where Qt will load it (no ``QT_QPA_PLATFORM`` naming another platform, a display).
Otherwise, as root with ``apt-get`` (``--install``), it installs the packages; elsewhere it
prints the one command that does and exits 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")
_SONAME = re.compile(r"^(lib[A-Za-z0-9_+.-]*?)\.so\.([0-9][0-9.]*)$")
# The Qt modules the console imports: the dynamic linker follows each one's libraries.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg")
# Sonames whose package does not follow policy 8.1's rule: GLib's libraries are all in one
# package (Ubuntu 24.04's libglib2.0-0t64 provides the same name, so apt-get takes it).
_PACKAGE_OF = {f"lib{name}-2.0.so.0": "libglib2.0-0"
               for name in ("glib", "gobject", "gio", "gmodule", "gthread")}


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6, if there is one."""
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def qt_modules() -> list[Path]:
    """The binary modules of the Qt bindings the console imports."""
    try:
        import PySide6
    except ImportError:
        return []
    folder = Path(PySide6.__file__).parent
    return [path for name in QT_MODULES for path in sorted(folder.glob(f"{name}.*.so"))]


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ,
             platform: str = sys.platform) -> bool:
    """Whether Qt will try the xcb plugin here (Linux, a display, no other platform asked for)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return False
    return bool(environ.get("DISPLAY"))


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as not found, once each, in order."""
    seen: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library, from its soname (policy 8.1)."""
    if soname in _PACKAGE_OF:
        return _PACKAGE_OF[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, version = match.group(1).lower(), match.group(2).split(".")[0]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def remedy(packages: Sequence[str], *, root: bool) -> str:
    command = "apt-get install -y " + " ".join(packages)
    return command if root else "sudo " + command


def run_ldd(binaries: Sequence[Path]) -> str:
    ldd = shutil.which("ldd")
    if ldd is None or not binaries:
        return ""
    done = subprocess.run([ldd, *map(str, binaries)], capture_output=True, text=True,
                          check=False)
    return done.stdout


def needed_binaries(platform: str = sys.platform) -> list[Path]:
    """What must load here: Qt's modules on Linux, and the xcb plugin where Qt will use it."""
    if not platform.startswith("linux"):
        return []
    plugin = xcb_plugin() if uses_xcb(platform=platform) else None
    return qt_modules() + ([plugin] if plugin is not None else [])


def check(*, install: bool, ldd_output: str | None = None, root: bool | None = None,
          has_apt: bool | None = None, out: object = sys.stderr) -> int:
    """0 when the console can open its window here; 1 with the one-line remedy otherwise."""
    if ldd_output is None:
        ldd_output = run_ldd(needed_binaries())
    missing = missing_libraries(ldd_output)
    if not missing:
        return 0
    packages = sorted({debian_package(s) for s in missing})
    root = os.geteuid() == 0 if root is None else root
    has_apt = shutil.which("apt-get") is not None if has_apt is None else has_apt
    print(f"Qt needs system libraries this machine lacks: "
          f"{', '.join(missing)}.", file=out)  # type: ignore[call-overload]
    if install and root and has_apt:
        print(f"Installing them: {remedy(packages, root=True)}", file=out)  # type: ignore[call-overload]
        done = subprocess.run(["apt-get", "install", "-y", *packages], check=False)
        return 0 if done.returncode == 0 else 1
    print(f"Install them with: {remedy(packages, root=root)}", file=out)  # type: ignore[call-overload]
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--install", action="store_true",
                        help="as root with apt-get, install what is missing")
    args = parser.parse_args(argv)
    return check(install=args.install)


if __name__ == "__main__":
    sys.exit(main())
