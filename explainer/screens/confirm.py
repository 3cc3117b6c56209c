"""A yes-or-no question before something that cannot be undone ("Start over?")."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from explainer.i18n import N_, _
from explainer.screens.base import ClosesItself
from explainer.widgets import KeyFooter
from explainer.widgets.text import shown


class ConfirmScreen(ClosesItself, ModalScreen[bool]):
    """Asks ``question``, says what will happen, and dismisses with True for "yes".

    Keys: ``y`` says yes; ``n`` or ``escape`` says no (nothing happens); ``tab`` moves
    between the buttons and ``enter`` presses the focused one ("no" has the focus
    first, so a stray enter changes nothing). Its own footer shows only these keys.

    Args:
        question: the question, e.g. ``"Start over?"`` (shown verbatim).
        details: what "yes" does and what it keeps, in words (shown verbatim).
        yes: the label of the button that goes ahead (default "Yes", translated).
        no: the label of the button that changes nothing (default "No", translated).
    """

    CSS_PATH = "confirm.tcss"
    AUTO_FOCUS = "#no"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm-yes", tooltip=N_("Go ahead")),
        Binding("n,escape", "answer(False)", N_("No"), key_display="n/esc", id="confirm-no", tooltip=N_("Change nothing")),
    ]

    def __init__(self, question: str, details: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        """The question asked."""
        self.details = details
        """What "yes" does, in words."""
        self.yes = _("Yes") if yes is None else yes
        """The label of the button that goes ahead."""
        self.no = _("No") if no is None else no
        """The label of the button that changes nothing."""

    def compose(self) -> ComposeResult:
        """The question, the details, two buttons, and a footer with the dialog's keys."""
        with Vertical(id="confirm-dialog"):
            yield Static(shown(self.question), id="confirm-title")
            yield Static(shown(self.details), id="confirm-details")
            with Horizontal(id="confirm-buttons"):
                yield Button(shown(_("{label} (y)").format(label=self.yes)), id="yes", variant="error")
                yield Button(shown(_("{label} (n)").format(label=self.no)), id="no", variant="primary")
        yield KeyFooter()

    def action_answer(self, yes: bool) -> None:
        """Close with the reader's answer."""
        self.dismiss(yes)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
