"""The welcome screen: the pack's title and summary, and where to go from here."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from explainer.screens.base import UsesExplainerApp
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown


class WelcomeScreen(UsesExplainerApp, Screen[None]):
    """Title, summary and the ways on: read, quiz, and the glossary, timeline and
    sources one button away."""

    CSS_PATH = "welcome.tcss"
    AUTO_FOCUS = "#start"
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (24, "-tall")]
    """Below 24 rows the reference buttons are one line high, so everything fits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "read", "Read", id="welcome-read", tooltip="Start reading the explainer"),
        Binding("z", "quiz", "Quiz", id="welcome-quiz", tooltip="Go straight to the quiz"),
    ]

    def compose(self) -> ComposeResult:
        """Bar, title, summary, details, buttons, footer."""
        pack = self.explainer_app.preview
        yield TopBar("Welcome", f"{_count(pack.sections, 'section')} · {_count(pack.questions, 'question')}")
        with VerticalScroll(id="welcome-body"):
            yield Static(shown(pack.title), id="pack-title")
            yield Static(shown(pack.summary), id="pack-summary")
            details = f"Updated {pack.updated.isoformat()}"
            if pack.authors:
                details += " · by " + ", ".join(pack.authors)
            yield Static(shown(details), id="pack-details")
            with Grid(id="welcome-actions"):
                yield Button("Start reading (r)", id="start", variant="primary")
                app = self.explainer_app
                if app.quiz_in_progress:
                    session = app.session
                    label = f"Continue quiz: {session.position + 1} of {session.total} (z)"
                else:
                    label = "Go to the quiz (z)"
                yield Button(shown(label), id="quiz")
            with Grid(id="welcome-reference"):
                yield Button("Glossary (g)", id="glossary")
                yield Button("Timeline (t)", id="timeline")
                yield Button("Sources (s)", id="sources")
        yield KeyFooter()

    @on(Button.Pressed, "#start")
    def action_read(self) -> None:
        """Start reading at the first section."""
        self.explainer_app.start_reading(0)

    @on(Button.Pressed, "#quiz")
    def action_quiz(self) -> None:
        """Go to the quiz: the attempt in progress if there is one, else a fresh one."""
        self.explainer_app.continue_quiz()

    @on(Button.Pressed, "#glossary")
    def _glossary(self) -> None:
        self.explainer_app.action_glossary()

    @on(Button.Pressed, "#timeline")
    def _timeline(self) -> None:
        self.explainer_app.action_timeline()

    @on(Button.Pressed, "#sources")
    def _sources(self) -> None:
        self.explainer_app.action_sources()


def _count(n: int, noun: str) -> str:
    """``1 section``, ``8 sections``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
