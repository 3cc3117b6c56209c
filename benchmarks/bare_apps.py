"""The two bare Textual apps ``startup.py`` compares ``explainer`` with.

    python benchmarks/bare_apps.py static          # one Static
    python benchmarks/bare_apps.py welcome JSON    # the welcome screen's widgets

``welcome`` composes what explainer's welcome screen composes
(``explainer/screens/welcome.py``), with Textual's own widgets: a one-line bar with the
same two texts, the pack's title, summary and details in a scroll container, the same
five buttons in the same two grids (laid out by explainer's ``welcome.tcss``), and a
``Footer`` showing the same keys. JSON holds the texts (``startup.py`` reads them from
the bundled pack), so this script imports nothing but Textual and the standard library.

Both apps exit right after their first frame when ``EXPLAINER_EXIT_AFTER_FIRST_PAINT=1``,
with the same hook as ``ExplainerApp.on_ready``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

WELCOME_TCSS = Path(__file__).resolve().parent.parent / "explainer" / "screens" / "welcome.tcss"


class _ExitAfterFirstPaint(App[None]):
    """An app with explainer's exit-after-first-paint hook."""

    def on_ready(self) -> None:
        """Exit right after the first frame when EXPLAINER_EXIT_AFTER_FIRST_PAINT=1."""
        if os.environ.get("EXPLAINER_EXIT_AFTER_FIRST_PAINT") == "1":
            self.call_after_refresh(self.exit)


class StaticApp(_ExitAfterFirstPaint):
    """One Static."""

    def compose(self) -> ComposeResult:
        """One line of text."""
        yield Static("Hello from a bare Textual app")


class WelcomeScreen(Screen[None]):
    """The welcome screen's widgets and layout, without explainer."""

    CSS_PATH = str(WELCOME_TCSS)
    AUTO_FOCUS = "#start"
    BINDINGS = [Binding("r", "noop", "Read"), Binding("z", "noop", "Quiz")]

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def compose(self) -> ComposeResult:
        """Bar, title, summary, details, buttons, footer."""
        t = self.texts
        yield Static(f"explainer · Welcome    {t['counts']}", id="bar")
        with VerticalScroll(id="welcome-body"):
            yield Static(t["title"], id="pack-title")
            yield Static(t["summary"], id="pack-summary")
            yield Static(t["details"], id="pack-details")
            yield Static(id="home")  # the reader's progress, filled after the first paint
            with Grid(id="welcome-actions"):
                yield Button("Start reading (r)", id="start", variant="primary")
                yield Button("Go to the quiz (z)", id="quiz")
            with Grid(id="welcome-reference"):
                yield Button("Glossary (g)", id="glossary")
                yield Button("Timeline (t)", id="timeline")
                yield Button("Sources (s)", id="sources")
                yield Button("History (y)", id="history")
                yield Button("Start over…", id="start-over")
        yield Footer()

    def action_noop(self) -> None:
        """The keys do nothing here."""


class WelcomeApp(_ExitAfterFirstPaint):
    """The welcome screen's widgets, with explainer's app keys in the footer."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("g", "noop", "Glossary"),
        Binding("t", "noop", "Timeline"),
        Binding("s", "noop", "Sources"),
        Binding("question_mark", "noop", "Help", key_display="?"),
    ]

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def on_mount(self) -> None:
        """Show the welcome screen, as ExplainerApp.on_mount does."""
        self.push_screen(WelcomeScreen(self.texts))

    def action_noop(self) -> None:
        """The keys do nothing here."""


def main(argv: list[str]) -> None:
    """Run ``static``, or ``welcome`` with the texts in ``argv[1]`` (JSON)."""
    if argv[0] == "static":
        StaticApp().run()
    else:
        WelcomeApp(json.loads(argv[1])).run()


if __name__ == "__main__":
    main(sys.argv[1:])
