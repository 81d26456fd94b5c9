"""What every dialog that writes a MedCom correspondence message shows above its fields.

CareCommunication is for non-acute coordination only (R-MESSAGE, R-CONTACT): the composer and
the reply both say so, in the same words, and lay out banner, notice, form and buttons alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from console.views.common.i18n import translate
from console.views.common.widgets import wrapped_label
from console.views.common.write_dialog import WriteDialog

_CTX = "Correspondence"


def lay_out_correspondence(dialog: WriteDialog, form: QFormLayout) -> QLabel:
    """The dialog's layout: error banner, the not-for-acute notice, ``form``, buttons; returns
    the notice."""
    notice = wrapped_label(translate(_CTX, "Correspondence messages are not for acute matters: call "
                                           "the e-doctor 24/7 on the ward's phone."))
    layout = QVBoxLayout(dialog)
    layout.addWidget(dialog.banner)
    layout.addWidget(notice)
    layout.addLayout(form)
    layout.addWidget(dialog.buttons)
    return notice
