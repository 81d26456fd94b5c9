"""PySide6 6.12.0 under CPython 3.11 leaks a reference to None on every Python slot call and to
True on every emit; after a few thousand signals the interpreter aborts (bool_dealloc). A console
emits that many in minutes, so pyproject.toml keeps PySide6 below 6.12. This test runs the
reproduction in a subprocess, so an abort fails this test instead of the whole run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        ticked = Signal(int)

    app = QCoreApplication([])
    emitter = Emitter()
    seen = []
    emitter.ticked.connect(lambda value: seen.append(value))
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(20000):
        emitter.ticked.emit(i)
    print(len(seen), sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
""")


def test_signals_do_not_leak_references_to_singletons() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    delivered, none_delta, true_delta = (int(x) for x in done.stdout.split())
    assert delivered == 20000
    assert abs(none_delta) < 100
    assert abs(true_delta) < 100
