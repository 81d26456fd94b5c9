"""The main window's screens by key, each built the first time it is asked for (issue 17).

Building all seven screens before the first paint cost about 0.75 s of a 1.2 s start; a person
sees one screen at a time. The shelf stands in the stacked widget with an empty placeholder per
registered screen and swaps in the real screen when it is first shown or asked for (a census
request opens the record, a test reads ``window.screens["rounds"]``). Loops that should not
build anything (roles, day, language, saved state) go over :meth:`built`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget

from console.views.common.screen import Screen
from console.views.registry import SCREEN_KEYS


class ScreenShelf(Mapping[str, Screen]):
    def __init__(self, stack: QStackedWidget, build: Callable[[str], Screen]) -> None:
        self._stack, self._build = stack, build
        self._built: dict[str, Screen] = {}
        for _key in SCREEN_KEYS:
            stack.addWidget(QWidget())  # placeholder, same index as the key

    def __getitem__(self, key: str) -> Screen:
        screen = self._built.get(key)
        if screen is not None:
            return screen
        index = SCREEN_KEYS.index(key) if key in SCREEN_KEYS else -1
        if index < 0:
            raise KeyError(key)
        screen = self._build(key)
        self._built[key] = screen
        placeholder = self._stack.widget(index)
        was_current = self._stack.currentIndex() == index
        self._stack.insertWidget(index, screen)
        if placeholder is not None:
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if was_current:
            self._stack.setCurrentIndex(index)
        return screen

    def __iter__(self) -> Iterator[str]:
        return iter(SCREEN_KEYS)

    def __len__(self) -> int:
        return len(SCREEN_KEYS)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[Screen]:
        """The screens that exist so far, in navigation order."""
        return [self._built[key] for key in SCREEN_KEYS if key in self._built]
