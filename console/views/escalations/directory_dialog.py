"""The municipal contact directory (issue 7): each municipality's main number and 4x/day
agreement, and the numbers of its acute team and home nursing.

Two tables (``QAbstractTableModel`` + proxy each): the municipalities, and the contacts of the
selected one. Everything loads through the worker (cancel-latest, key ``"directory"``) and
reloads on the change feed, keeping the selection by id. An admin edits through small forms
(``WriteDialog``) that carry the row's version; a stale one shows the conflict banner, whose
Reload rebases the form on the fresh row. Anyone else sees the directory read-only.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.core.operations import call
from console.services.escalations import directory as service
from console.services.escalations.directory import ContactEntry, DirectoryView, MunicipalityEntry
from console.views.common import palette
from console.views.common.frozen_rows import FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.common.live_query import LiveQuery
from console.views.common.screen import ScreenContext
from console.views.common.tables import fit_columns, house_table, select_row, selected_id, sorted_proxy
from console.views.common.widgets import filter_box, push_button, styled_label
from console.views.common.worker import message_of
from console.views.common.write_dialog import BANNER_ERROR_STYLE
from console.views.escalations.actions import INFO_STYLE
from console.views.escalations.directory_forms import (
    _CTX,
    ContactEditDialog,
    MunicipalityEditDialog,
    team_label,
)

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3

class MunicipalityColumn(enum.IntEnum):
    NAME, TOWN, PHONE, FOUR_DAILY = range(4)


class ContactColumn(enum.IntEnum):
    TEAM, NAME, PHONE, HOURS, NOTE, ACTIVE = range(6)


class _EntryTableModel(FrozenRowsModel):
    """Frozen entries with an id, keyed by it (the selection stays across reloads).
    Subclasses give headers and cells."""

    CONTEXT = _CTX

    def cells(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def colour(self, row: Any, column: int) -> QColor | None:
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.replace_rows(rows)

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[column] or None
        if role == SORT_ROLE:
            return self.cells(row)[column].casefold()
        if role == ENTRY_ID_ROLE:
            return row.id
        if role == GROUP_ROLE:  # the contacts' proxy shows one municipality's
            return getattr(row, "municipality", None)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, column)
        return None


class MunicipalityTableModel(_EntryTableModel):
    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Municipality"), QT_TRANSLATE_NOOP(_CTX, "Main town"),
               QT_TRANSLATE_NOOP(_CTX, "Phone"), QT_TRANSLATE_NOOP(_CTX, "4x/day agreement"))

    def cells(self, row: MunicipalityEntry) -> tuple[str, ...]:
        agreed = translate(_CTX, "Yes") if row.four_daily_agreement else translate(_CTX, "No")
        return (row.name, row.main_town, row.phone or translate(_CTX, "not set"), agreed)

    def colour(self, row: MunicipalityEntry, column: int) -> QColor | None:
        if column == MunicipalityColumn.FOUR_DAILY:
            return palette.OK_FG if row.four_daily_agreement else palette.MUTED_FG
        return palette.MUTED_FG if column == MunicipalityColumn.PHONE and not row.phone else None


class ContactTableModel(_EntryTableModel):
    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Team"), QT_TRANSLATE_NOOP(_CTX, "Name"),
               QT_TRANSLATE_NOOP(_CTX, "Phone"), QT_TRANSLATE_NOOP(_CTX, "Hours"),
               QT_TRANSLATE_NOOP(_CTX, "Note"), QT_TRANSLATE_NOOP(_CTX, "State"))

    def cells(self, row: ContactEntry) -> tuple[str, ...]:
        state = translate(_CTX, "Active") if row.active else translate(_CTX, "Retired")
        return (team_label(row.team), row.name, row.phone, row.hours or "", row.note or "", state)

    def colour(self, row: ContactEntry, column: int) -> QColor | None:
        return None if row.active else palette.MUTED_FG


def _table(model: QSortFilterProxyModel, widths: dict[int, int], stretch: int) -> QTableView:
    table = house_table(model, sortable=True, row_height=28)
    fit_columns(table, widths, stretch, pad=24)
    return table


def _selected(table: QTableView, model: _EntryTableModel) -> Any:
    entry_id = selected_id(table, ENTRY_ID_ROLE)
    return None if entry_id is None else model.record(entry_id)


class DirectoryDialog(QDialog):
    """Browse the directory; an admin opens the edit forms from here."""

    directory_loaded = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None,
                 municipality: str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editable = False
        self.editor: MunicipalityEditDialog | ContactEditDialog | None = None
        self._wanted: tuple[str | None, int | None] = (municipality, None)
        self.municipalities = MunicipalityTableModel(self)
        self.municipality_proxy = sorted_proxy(self.municipalities, self, sort_role=SORT_ROLE,
                                               filter_column=-1, ignore_case=True)
        self.contacts = ContactTableModel(self)
        self.contact_proxy = sorted_proxy(self.contacts, self, sort_role=SORT_ROLE,
                                          filter_role=GROUP_ROLE)
        self.shown_municipality: str | None = None
        self._build_ui()
        self.setWindowTitle(self.tr("Municipal directory"))
        self.resize(940, 660)
        self.query = LiveQuery(context, "directory", lambda: call(service.directory_view),
                               parent=self)
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(self._on_failed)
        self.reload()

    def _build_ui(self) -> None:
        self.read_only_label = QLabel(self.tr(
            "Only an admin may edit the directory; you see it read-only."))
        self.read_only_label.setStyleSheet(INFO_STYLE)
        self.read_only_label.setVisible(False)
        self.error_label = styled_label(BANNER_ERROR_STYLE, wrap=True, visible=False)
        self.filter_edit = filter_box(self.municipality_proxy.setFilterFixedString,
                                      placeholder=self.tr("Filter by municipality or town"))
        self.municipality_table = _table(self.municipality_proxy, {
            MunicipalityColumn.NAME: 170, MunicipalityColumn.TOWN: 190,
            MunicipalityColumn.PHONE: 150, MunicipalityColumn.FOUR_DAILY: 150},
            MunicipalityColumn.TOWN)
        self.municipality_table.sortByColumn(MunicipalityColumn.NAME, Qt.SortOrder.AscendingOrder)
        # selectionChanged, not currentRowChanged: a click moves the current row first.
        self.municipality_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._show_contacts())
        self.municipality_table.doubleClicked.connect(lambda _i: self.edit_municipality())
        self.contact_table = _table(self.contact_proxy, {
            ContactColumn.TEAM: 110, ContactColumn.NAME: 200, ContactColumn.PHONE: 110,
            ContactColumn.HOURS: 70, ContactColumn.NOTE: 220, ContactColumn.ACTIVE: 70},
            ContactColumn.NOTE)
        self.contact_table.sortByColumn(ContactColumn.TEAM, Qt.SortOrder.AscendingOrder)
        self.contact_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())
        self.contact_table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.contacts_label = QLabel()
        self.contacts_label.setStyleSheet("QLabel { font-weight: 600; }")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.contacts_label)
        lower_layout.addWidget(self.contact_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.municipality_table)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([360, 200])

        buttons = QHBoxLayout()
        self.edit_buttons: list[QPushButton] = []
        for text, slot in ((self.tr("Edit municipality…"), self.edit_municipality),
                           (self.tr("Add contact…"), self.add_contact),
                           (self.tr("Edit contact…"), self.edit_contact)):
            button = push_button(text, clicked=slot)
            buttons.addWidget(button)
            self.edit_buttons.append(button)
        self.edit_municipality_button, self.add_contact_button, self.edit_contact_button = \
            self.edit_buttons
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        for widget in (self.read_only_label, self.error_label, self.filter_edit):
            layout.addWidget(widget)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self._show_contacts()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.query.reload()

    def _on_loaded(self, view: DirectoryView) -> None:
        """Show the fresh rows, keeping (or moving) the selection by id; an open form whose
        save met a conflict is rebased on its fresh row."""
        entries, self.editable = list(view.entries), view.editable
        self.error_label.setVisible(False)
        self.read_only_label.setVisible(not self.editable)
        selected, selected_contact = self.selected_municipality(), self.selected_contact()
        muni = self._wanted[0] or (selected.name if selected else None)
        contact = self._wanted[1] or (selected_contact.id if selected_contact else None)
        self._wanted = (None, None)
        self.municipalities.set_rows(entries)
        self.contacts.set_rows([c for e in entries for c in e.contacts])
        if muni is None or not self.select_municipality(muni):
            self.municipality_table.selectRow(0)
        if contact is not None:
            self.select_contact(contact)
        self._show_contacts()
        if self.editor is not None and self.editor.isVisible():
            self.editor.rebase_from(entries)
        self.directory_loaded.emit()

    def _on_failed(self, error: Exception) -> None:
        self.error_label.setText(self.tr("Could not load the directory: {message}").format(
            message=message_of(error)))
        self.error_label.setVisible(True)

    # -- selection -----------------------------------------------------------------------------

    def selected_municipality(self) -> MunicipalityEntry | None:
        return _selected(self.municipality_table, self.municipalities)

    def selected_contact(self) -> ContactEntry | None:
        return _selected(self.contact_table, self.contacts)

    def select_municipality(self, name: str) -> bool:
        row = next((n for n in range(self.municipalities.rowCount())
                    if self.municipalities.row_at(n).name == name), None)
        return select_row(self.municipality_table, self.municipality_proxy, row)

    def select_contact(self, contact_id: int) -> bool:
        return select_row(self.contact_table, self.contact_proxy, self.contacts.row_of(contact_id))

    def _show_contacts(self) -> None:
        selected = self.selected_municipality()
        name = selected.name if selected else None
        if name != self.shown_municipality or name is None:
            self.shown_municipality = name
            pattern = f"^{QRegularExpression.escape(name)}$" if name else "(?!)"  # (?!): none
            self.contact_proxy.setFilterRegularExpression(QRegularExpression(pattern))
        self.contacts_label.setText(
            self.tr("Contacts of {municipality}").format(municipality=name) if name
            else self.tr("Choose a municipality to see its contacts"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_muni = self.selected_municipality() is not None
        self.edit_municipality_button.setEnabled(self.editable and has_muni)
        self.add_contact_button.setEnabled(self.editable and has_muni)
        self.edit_contact_button.setEnabled(self.editable and self.selected_contact() is not None)
        why = "" if self.editable else self.tr("Only an admin may edit the directory")
        for button in self.edit_buttons:
            button.setToolTip(why)

    # -- editing (admin) -----------------------------------------------------------------------

    def edit_municipality(self) -> MunicipalityEditDialog | None:
        entry = self.selected_municipality()
        if not self.editable or entry is None:
            return None
        return self._open(MunicipalityEditDialog(self.context, entry, self))

    def add_contact(self) -> ContactEditDialog | None:
        entry = self.selected_municipality()
        if not self.editable or entry is None:
            return None
        return self._open(ContactEditDialog(self.context, entry.name, None, self))

    def edit_contact(self) -> ContactEditDialog | None:
        contact = self.selected_contact()
        if not self.editable or contact is None:
            return None
        return self._open(ContactEditDialog(self.context, contact.municipality, contact, self))

    def _open(self, editor: Any) -> Any:
        self.editor = editor
        editor.saved.connect(self._on_saved)
        editor.reload_requested.connect(self.reload)
        editor.open()
        return editor

    def _on_saved(self, result: object) -> None:
        if isinstance(result, ContactEntry):  # a new contact: show it
            self._wanted = (result.municipality, result.id)
        self.reload()
