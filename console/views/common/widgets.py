"""Small building blocks every screen lays out the same way: a tool row, a vertical stack, the
empty-state text, a styled label, a wrapped label, a coloured bar hidden until needed, a
multi-line text field Tab leaves, a push button wired to its action, a dialog's OK/Cancel row, a
timer that ticks on an interval."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.views.common import palette

STRETCH = object()  # in ``tool_row`` and ``stack``: the gap that takes the spare room


def tool_row(*items: QWidget | int | object) -> QHBoxLayout:
    """A horizontal row: widgets in order, an int is a gap of that many pixels, ``STRETCH``
    the flexible gap (what stands after it sits on the right)."""
    row = QHBoxLayout()
    _add_items(row, items)
    return row


def _add_items(layout: QBoxLayout, items: Iterable[object]) -> None:
    """Into ``layout`` in order: ``STRETCH`` the flexible gap, an int a fixed gap, (widget,
    stretch), a layout, or a widget."""
    for item in items:
        if item is STRETCH:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            assert isinstance(item, QWidget)
            layout.addWidget(item)


LayoutItem = QWidget | QLayout | tuple[QWidget, int] | object


def stack(owner: QWidget, *items: LayoutItem,
          margins: tuple[int, int, int, int] | None = None,
          spacing: int | None = None) -> QVBoxLayout:
    """``owner``'s vertical layout, ``items`` from the top as ``tool_row`` takes them (and a
    layout, or (widget, stretch)); Qt's margins and spacing unless given. Panels and dialogs
    wrote the same run of addWidget lines each."""
    layout = QVBoxLayout(owner)
    if margins is not None:
        layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    _add_items(layout, items)
    return layout


def column(*items: QWidget | QLayout | tuple[QWidget, int],
           margins: tuple[int, int, int, int] = (0, 0, 0, 0), spacing: int | None = None
           ) -> QWidget:
    """A widget that stacks ``items`` (a widget, a layout, or (widget, stretch)); no margins
    unless given."""
    box = QWidget()
    stack(box, *items, margins=margins, spacing=spacing)
    return box


def filter_box(on_change: Callable[[str], object], *, placeholder: str = "",
               min_width: int | None = None) -> QLineEdit:
    """The line a list is filtered by as one types (with a clear button)."""
    edit = QLineEdit()
    if placeholder:
        edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    if min_width is not None:
        edit.setMinimumWidth(min_width)
    edit.textChanged.connect(on_change)
    return edit


def push_button(text: str = "", *,
                clicked: Callable[..., object] | SignalInstance | None = None) -> QPushButton:
    """A push button that calls ``clicked`` (texts set in ``retranslate_ui`` start empty)."""
    button = QPushButton(text)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def ok_cancel_buttons(dialog: QDialog, on_ok: Callable[[], object] | None = None, *,
                      ok_text: str = "", ok_enabled: bool = True) -> QDialogButtonBox:
    """The OK/Cancel row of a dialog that does not write through ``WriteDialog`` (that one
    has Save/Cancel): OK calls ``on_ok`` (the dialog's accept unless given), Cancel rejects;
    ``ok_text`` says what OK does, ``ok_enabled`` False until the fields allow it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = ok_button(buttons)
    if ok_text:
        ok.setText(ok_text)
    ok.setEnabled(ok_enabled)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_button(buttons: QDialogButtonBox) -> QPushButton:
    """The OK button of ``ok_cancel_buttons``' row."""
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def styled_label(style: str, *, wrap: bool = False, visible: bool = True) -> QLabel:
    """An empty label in ``style`` (a banner, a title, an error line), shown or hidden."""
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(wrap)
    if not visible:
        label.setVisible(False)
    return label


def hidden_bar(frame: QFrame, name: str, style: str, label: QLabel, *buttons: QWidget) -> None:
    """Lay ``frame`` out as a quiet coloured bar, hidden until needed: the wrapping sentence,
    then its buttons on the right (the conflict banner, the board's re-plan offer). ``style``
    addresses the frame as ``QFrame#name``."""
    frame.setObjectName(name)
    frame.setStyleSheet(style)
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(label, 1)
    for button in buttons:
        layout.addWidget(button)
    frame.setVisible(False)


def wrapped_label(text: str = "") -> QLabel:
    """A label whose text wraps to the room it has (a hint, a quoted message, a summary line)
    rather than widening the window."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def quoted_label(text: str = "") -> QLabel:
    """A text someone else wrote (a received message, a caller's words) shown as written: never
    read as HTML, whatever it holds (a municipal system's "<b>…" is text here), selectable."""
    label = wrapped_label(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def note_edit(placeholder: str = "") -> QPlainTextEdit:
    """A multi-line text field (a reason, a note) that Tab leaves rather than typing a tab in."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def empty_state_label() -> QLabel:
    """The centred grey sentence a list shows instead of an empty table."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(palette.EMPTY_STATE_STYLE)
    label.setWordWrap(True)
    return label


def interval_timer(parent: QObject, interval_ms: int, on_timeout: Callable[[], object], *,
                   single_shot: bool = False, start: bool = True) -> QTimer:
    """A timer owned by ``parent`` that calls ``on_timeout`` every ``interval_ms`` (once, when
    ``single_shot``); started at once unless ``start`` is False."""
    timer = QTimer(parent)
    timer.setSingleShot(single_shot)
    timer.setInterval(interval_ms)
    timer.timeout.connect(on_timeout)
    if start:
        timer.start()
    return timer


SCREEN_SHARE = 0.95  # of the screen's free area a dialog may take at most


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window.resize(width, height)``, but never larger than the screen it opens on: on a
    1280×720 laptop the 860 px admission dialog put Admit below the screen's edge (issue 20)."""
    anchor = window.parentWidget() or window
    area = anchor.screen().availableGeometry()
    window.resize(min(width, int(area.width() * SCREEN_SHARE)),
                  min(height, int(area.height() * SCREEN_SHARE)))
