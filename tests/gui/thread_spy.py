"""Which threads call a function: the checks that work is done off the GUI thread (issue 17)."""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

import pytest


def threads_calling(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str) -> list[str]:
    """Wrap ``module.name`` so each call records its thread's name in the list returned."""
    threads: list[str] = []
    real = getattr(module, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return threads
