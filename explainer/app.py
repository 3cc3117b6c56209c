"""The explainer app: welcome -> reading -> quiz -> results, with glossary, timeline,
sources and help reachable from every screen.

``ExplainerApp(pack).run()`` is all the command line needs. The app holds the pack, the
reader's :class:`~explainer.session.ReadingProgress` and the current
:class:`~explainer.session.QuizSession`; screens read and update them through
``self.app``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from explainer.pack import Pack
from explainer.session import QuizSession, ReadingProgress

MIN_WIDTH = 60
"""Narrowest terminal the layout supports; below it the too-small message shows."""
MIN_HEIGHT = 20
"""Lowest terminal the layout supports; below it the too-small message shows."""


class ExplainerApp(App[None]):
    """The terminal app for one pack.

    Args:
        pack: the loaded pack to read and be quizzed on.
        seed: seed for shuffling questions and choices; fix it for repeatable runs
            (tests, screenshots). None shuffles differently each run.
    """

    CSS_PATH = "app.tcss"
    TITLE = "explainer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit explainer"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-ctrl", tooltip="Quit explainer"),
        Binding("g", "glossary", "Glossary", id="glossary", tooltip="Look up a term"),
        Binding("t", "timeline", "Timeline", id="timeline", tooltip="The story's dates"),
        Binding("s", "sources", "Sources", id="sources", tooltip="Every source the pack cites"),
        Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Every key"),
        Binding("f1", "help", "Help", show=False, id="help-f1", tooltip="Every key"),
    ]

    def __init__(self, pack: Pack, *, seed: int | None = None) -> None:
        super().__init__()
        self.pack = pack
        """The pack being read."""
        self.seed = seed
        """The seed the quiz shuffles come from (None: random)."""
        self.reading = ReadingProgress(pack)
        """Which sections the reader has opened."""
        self._seeds = random.Random(seed)
        self._started = False
        self.session = self.new_session()
        """The current quiz attempt."""

    # ---------------------------------------------------------------- sessions

    def new_session(self) -> QuizSession:
        """Return a fresh attempt at the whole quiz (seeded from the app's seed)."""
        seed = self._seeds.randrange(2**32) if self.seed is not None else None
        return QuizSession(self.pack, seed=seed)

    # ---------------------------------------------------------------- flow

    def on_mount(self) -> None:
        """Show the welcome screen (and the too-small message if needed)."""
        from explainer.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen())
        self._started = True
        self._check_size(self.size.width, self.size.height)

    def show_welcome(self) -> None:
        """Go to the welcome screen."""
        from explainer.screens.welcome import WelcomeScreen

        self._switch(WelcomeScreen())

    def start_reading(self, section_index: int = 0) -> None:
        """Go to the explainer, at section ``section_index`` (0-based)."""
        from explainer.screens.explainer import ExplainerScreen

        self._switch(ExplainerScreen(start=section_index))

    def start_quiz(self, session: QuizSession | None = None) -> None:
        """Go to the quiz: ``session`` if given, else a fresh attempt at the whole quiz."""
        from explainer.screens.quiz import QuizScreen

        if session is None:
            session = self.new_session()
        self.session = session
        self._switch(QuizScreen(session))

    @property
    def quiz_in_progress(self) -> bool:
        """True when the current attempt has answers but has not reached its end."""
        return self.session.answered > 0 and not self.session.finished

    def continue_quiz(self) -> None:
        """Go back to the attempt in progress, or start a fresh one if there is none."""
        self.start_quiz(self.session if self.quiz_in_progress else None)

    def leave_quiz(self) -> None:
        """Leave the quiz for the welcome screen, keeping the attempt to continue later.

        A question already checked counts as done, so coming back asks the next one.
        """
        current = self.session.current
        if current is not None and self.session.is_answered(current.id):
            self.session.advance()
        if self.session.finished:
            self.show_results()
        else:
            self.show_welcome()

    def show_results(self) -> None:
        """Go to the results of the current attempt."""
        from explainer.screens.results import ResultsScreen

        self._switch(ResultsScreen(self.session))

    def _switch(self, screen: Screen) -> None:
        """Replace the main screen (closing any dialog on top of it) with ``screen``."""
        while self._is_overlay(self.screen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(screen)

    # ---------------------------------------------------------------- dialogs

    def _is_overlay(self, screen: Screen) -> bool:
        from explainer.screens.base import OverlayScreen

        return isinstance(screen, OverlayScreen)

    def _open(self, screen_type: type[Screen], *args: object) -> None:
        """Open a dialog (glossary, timeline...); replaces another dialog of that family
        already open, so escape always leads back to where the reader was."""
        if isinstance(self.screen, screen_type):
            return
        from explainer.screens.base import ReferenceScreen

        if isinstance(self.screen, ReferenceScreen):
            self.pop_screen()
        self.push_screen(screen_type(*args))

    def action_glossary(self, term: str | None = None) -> None:
        """Open the glossary (at ``term`` if given)."""
        from explainer.screens.glossary import GlossaryScreen

        self._open(GlossaryScreen, term)

    def action_timeline(self) -> None:
        """Open the timeline."""
        from explainer.screens.timeline import TimelineScreen

        self._open(TimelineScreen)

    def action_sources(self) -> None:
        """Open the list of sources."""
        from explainer.screens.sources import SourcesScreen

        self._open(SourcesScreen)

    def action_help(self) -> None:
        """Open the list of keys."""
        from explainer.screens.help import HelpScreen

        self._open(HelpScreen)

    def open_section(self, section_id: str) -> None:
        """Show section ``section_id`` read-only on top of the current screen."""
        from explainer.screens.section import SectionScreen

        self.push_screen(SectionScreen(self.pack.section(section_id)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only quitting works while the too-small message is up."""
        from explainer.screens.too_small import TooSmallScreen

        if action in ("glossary", "timeline", "sources", "help"):
            try:
                if isinstance(self.screen, TooSmallScreen):
                    return False
            except Exception:  # no screen yet
                return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: the app's own places first, then Textual's commands."""
        yield SystemCommand("Glossary", "Look up a term", self.action_glossary)
        yield SystemCommand("Timeline", "The story's dates", self.action_timeline)
        yield SystemCommand("Sources", "Every source the pack cites", self.action_sources)
        yield SystemCommand("Keys", "Every key of the app", self.action_help)
        yield SystemCommand("Read the explainer", "Start at the first section", self.start_reading)
        yield SystemCommand("Take the quiz", "Continue the attempt in progress, or start one", self.continue_quiz)
        yield from super().get_system_commands(screen)

    # ---------------------------------------------------------------- size

    def on_resize(self, event: events.Resize) -> None:
        """Show or hide the too-small message as the terminal changes size."""
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Push the too-small message below the minimum, pop it at or above."""
        from explainer.screens.too_small import TooSmallScreen

        if not self._started:
            return
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        # Hide every layout (so nothing is even arranged at a size it cannot take)...
        if self.has_class("-too-small") != too_small:
            self.set_class(too_small, "-too-small")
            # Textual restyles only the top screen on an App class change; every screen
            # in the stack must follow, or a hidden layout stays hidden (or a visible
            # one is laid out at a size it cannot take).
            for screen in self.screen_stack:
                screen.update_node_styles(animate=False)
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif too_small and showing:
            self.screen.update_size(width, height)  # type: ignore[attr-defined]
        elif not too_small and showing:
            self.pop_screen()
