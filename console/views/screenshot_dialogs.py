"""Offscreen pictures of dialogs for the user guide (``eward screenshot admission``).

The admission dialog is shown filled with a fictitious referral that breaks one rule of the IV
agreement (a pump four times a day, R-PUMP), so the picture shows how a rule message reads at
its field and in the summary. ``referral-intake`` shows a GP's referral typed in, with what the
visitation still has to settle. ``replan`` is the dispatcher's auto-plan over the day's routes as
they are: the proposal with its changes against them (issue 18: which visits change car, which
only their time, which cars are freed). Nothing is saved: each dialog is closed without Save or
Accept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QComboBox

from console.views.admission.dialog import AdmissionDialog
from console.views.admission.form import AdmissionForm
from console.views.common.screen import ScreenContext
from console.views.common.widgets import SCREEN_SHARE
from console.views.main_window import MainWindow
from console.views.referrals.intake_dialog import ReferralIntakeDialog


def _choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(max(combo.findData(data), 0))


def _fill_patient(form: AdmissionForm, cpr: str, name: str, street: str, phone: str,
                  condition: str) -> None:
    """A fictitious patient in Næstved, the same fields in both examples."""
    form.cpr.setText(cpr)
    form.name.setText(name)
    form.address.setText(f"{street}, 4700 Næstved")
    _choose(form.municipality, "Næstved")
    form.phone.setText(phone)
    _choose(form.condition, condition)


def fill_admission_example(dialog: AdmissionDialog) -> None:
    form = dialog.form
    _fill_patient(form, "120358-4321", "Karen Eksempel", "Eksempelvej 3", "20 30 40 50",
                  "pneumonia")
    form.gp.setText("Lægehuset Torvet, Næstved")
    form.written_info.setChecked(True)
    _choose(form.provider, "mbe")
    line = dialog.lines.lines[0]
    line.drug.setText("Piperacillin/Tazobactam")
    line.dose.setText("4 g")
    _choose(line.system, "elastomeric_pump")
    line.doses_per_day.setValue(4)
    dialog.check()


def fill_intake_example(dialog: AdmissionDialog) -> None:
    assert isinstance(dialog, ReferralIntakeDialog)
    _choose(dialog.source, "gp")
    form = dialog.form
    form.referred_by.setText("Lægehuset Torvet, Næstved (dr. Juul)")
    _fill_patient(form, "030344-4322", "Poul Eksempel", "Eksempelvej 9", "20 30 40 51", "uti")
    form.doctor.setCurrentIndex(min(1, form.doctor.count() - 1))  # the first e-doctor
    line = dialog.lines.lines[0]
    line.drug.setText("Ceftriaxon")
    line.dose.setText("2 g")
    line.doses_per_day.setValue(1)
    dialog.check()


_EXAMPLES: dict[str, tuple[type[AdmissionDialog], Callable[[AdmissionDialog], None]]] = {
    "admission": (AdmissionDialog, fill_admission_example),
    "referral-intake": (ReferralIntakeDialog, fill_intake_example),
}


def render_dialog(name: str, window: MainWindow, context: ScreenContext, out: Path,
                  wait_until_idle: object) -> None:
    """Open dialog ``name`` over ``window``, wait for its data, save it to ``out``."""
    if name == "replan":
        _render_replan(window, out)
        return
    kind, fill = _EXAMPLES[name]
    dialog = kind(context, window)
    dialog.load_options()
    dialog.show()
    assert callable(wait_until_idle)
    wait_until_idle(window)
    fill(dialog)
    # as on a screen of the window's size (the offscreen platform's own screen is 800×800)
    width, height = dialog.PREFERRED_SIZE
    dialog.resize(min(width, int(window.width() * SCREEN_SHARE)),
                  min(height, int(window.height() * SCREEN_SHARE)))
    for _ in range(3):
        QCoreApplication.processEvents()
    if not dialog.grab().save(str(out), "PNG"):
        raise OSError(f"Could not write the screenshot to {out}.")
    dialog.reject()


PLAN_WAIT_MS = 60_000


def _render_replan(window: MainWindow, out: Path) -> None:
    """The dispatch board's Auto-plan over every base and shift, once its proposal is in."""
    from console.views.dispatch.screen import DispatchScreen

    screen = window.show_screen("dispatch")
    assert isinstance(screen, DispatchScreen)
    clock = QElapsedTimer()
    clock.start()
    while screen.snapshot is None and clock.elapsed() < PLAN_WAIT_MS:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    dialog = screen.open_plan_dialog()
    while dialog.is_planning and clock.elapsed() < PLAN_WAIT_MS:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if dialog.proposal is None:
        raise RuntimeError("The auto-plan gave no proposal to picture.")
    dialog.resize(min(1000, int(window.width() * SCREEN_SHARE)),
                  min(760, int(window.height() * SCREEN_SHARE)))
    for _ in range(3):
        QCoreApplication.processEvents()
    if not dialog.grab().save(str(out), "PNG"):
        raise OSError(f"Could not write the screenshot to {out}.")
    dialog.reject()  # Discard: nothing written
