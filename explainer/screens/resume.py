"""The question asked on start when the reader stopped part-way: continue, or start over?"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen

from textual.widgets import Button, Static
from explainer.i18n import N_, _
from explainer.screens.base import ClosesItself
from explainer.widgets import KeyFooter
from explainer.widgets.text import shown


class ResumeScreen(ClosesItself, ModalScreen[bool]):
    """"Continue where you stopped?" with two buttons; dismisses with True to continue.

    Keys: ``c`` continues; ``n`` or ``escape`` is "not now", which keeps what was saved
    (nothing the reader did is thrown away from here); ``tab`` moves between the
    buttons and ``enter`` presses the focused one (Continue has the focus first).

    Args:
        where: where the reader stopped, in words, e.g. ``"Quiz: question 3 of 8, 2
            answered so far (kept)"`` (shown verbatim).
        start_over: the label of the other choice (default "Not now", translated).
    """

    CSS_PATH = "resume.tcss"
    AUTO_FOCUS = "#continue"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "answer(True)", N_("Continue"), id="resume-continue", tooltip=N_("Continue where you stopped")),
        Binding("n,escape", "answer(False)", N_("Not now"), id="resume-not-now", tooltip=N_("Not now: what was saved stays saved")),
    ]

    def __init__(self, where: str, *, start_over: str | None = None) -> None:
        super().__init__()
        self.where = where
        """Where the reader stopped, in words."""
        self.start_over = _("Not now") if start_over is None else start_over
        """The label of the choice that does not continue."""

    def compose(self) -> ComposeResult:
        """The question, where the reader stopped, two buttons and the keys."""
        with Vertical(id="resume-dialog"):
            yield Static(shown(_("Continue where you stopped?")), id="resume-title")
            yield Static(shown(self.where), id="resume-where")
            with Horizontal(id="resume-buttons"):
                yield Button(_("Continue (c)"), id="continue", variant="primary")
                yield Button(_("{label} (n)").format(label=self.start_over), id="start-over")
            keys: list[str | tuple[str, str]] = []
            for key, what in (
                ("c", _("continue")),
                ("n", self.start_over.lower()),
                ("tab", _("move")),
                ("enter", _("press the focused button")),
            ):
                keys += [" · "] if keys else []
                keys += [(key, "bold"), " " + what]
            yield Static(Content.assemble(*keys), id="resume-keys")
        yield KeyFooter()  # its own keys only: the app's keys do not work under a dialog

    def action_answer(self, resume: bool) -> None:
        """Close with the reader's answer."""
        self.dismiss(resume)

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#start-over")
    def _start_over(self) -> None:
        self.dismiss(False)
