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
        start_over: the label of the other choice (default "Not now").
    """

    CSS_PATH = "resume.tcss"
    AUTO_FOCUS = "#continue"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "answer(True)", "Continue", id="resume-continue", tooltip="Continue where you stopped"),
        Binding("n,escape", "answer(False)", "Not now", id="resume-not-now", tooltip="Not now: what was saved stays saved"),
    ]

    def __init__(self, where: str, *, start_over: str = "Not now") -> None:
        super().__init__()
        self.where = where
        """Where the reader stopped, in words."""
        self.start_over = start_over
        """The label of the choice that does not continue."""

    def compose(self) -> ComposeResult:
        """The question, where the reader stopped, two buttons and the keys."""
        with Vertical(id="resume-dialog"):
            yield Static(shown("Continue where you stopped?"), id="resume-title")
            yield Static(shown(self.where), id="resume-where")
            with Horizontal(id="resume-buttons"):
                yield Button("Continue (c)", id="continue", variant="primary")
                yield Button(f"{self.start_over} (n)", id="start-over")
            yield Static(
                Content.assemble(
                    ("c", "bold"), " continue · ", ("n", "bold"), f" {self.start_over.lower()} · ",
                    ("tab", "bold"), " move · ", ("enter", "bold"), " press the focused button",
                ),
                id="resume-keys",
            )
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
