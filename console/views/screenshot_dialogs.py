"""Offscreen pictures of dialogs for the user guide (``eward screenshot admission``).

The admission dialog is shown filled with a fictitious referral that breaks one rule of the IV
agreement (a pump four times a day, R-PUMP), so the picture shows how a rule message reads at
its field and in the summary. Nothing is saved: the dialog is closed without Save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.views.admission.dialog import AdmissionDialog
from console.views.common.screen import ScreenContext
from console.views.main_window import MainWindow


def fill_admission_example(dialog: AdmissionDialog) -> None:
    form = dialog.form
    form.cpr.setText("120358-4321")
    form.name.setText("Karen Eksempel")
    form.address.setText("Eksempelvej 3, 4700 Næstved")
    form.municipality.setCurrentIndex(max(form.municipality.findData("Næstved"), 0))
    form.phone.setText("20 30 40 50")
    form.condition.setCurrentIndex(max(form.condition.findData("pneumonia"), 0))
    form.gp.setText("Lægehuset Torvet, Næstved")
    form.written_info.setChecked(True)
    form.provider.setCurrentIndex(max(form.provider.findData("mbe"), 0))
    line = dialog.lines.lines[0]
    line.drug.setText("Piperacillin/Tazobactam")
    line.dose.setText("4 g")
    line.system.setCurrentIndex(max(line.system.findData("elastomeric_pump"), 0))
    line.doses_per_day.setValue(4)
    dialog.check()


def render_dialog(name: str, window: MainWindow, context: ScreenContext, out: Path,
                  wait_until_idle: object) -> None:
    """Open dialog ``name`` over ``window``, wait for its data, save it to ``out``."""
    if name != "admission":
        raise KeyError(name)
    dialog = AdmissionDialog(context, window)
    dialog.load_options()
    dialog.show()
    assert callable(wait_until_idle)
    wait_until_idle(window)
    fill_admission_example(dialog)
    dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
    for _ in range(3):
        QCoreApplication.processEvents()
    if not dialog.grab().save(str(out), "PNG"):
        raise OSError(f"Could not write the screenshot to {out}.")
    dialog.reject()
