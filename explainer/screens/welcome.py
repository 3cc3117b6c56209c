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

from explainer import wording
from explainer.i18n import N_, _, ngettext
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
        Binding("r", "read", N_("Read"), id="welcome-read", tooltip=N_("Read the explainer, from the first section not read yet")),
        Binding("z", "quiz", N_("Quiz"), id="welcome-quiz", tooltip=N_("Go to the quiz (the one in progress, if any)")),
    ]

    def compose(self) -> ComposeResult:
        """Bar, title, summary, details, where the reader is, buttons, footer."""
        pack = self.explainer_app.preview
        sections = ngettext("{count} section", "{count} sections", pack.sections).format(count=pack.sections)
        questions = ngettext("{count} question", "{count} questions", pack.questions).format(count=pack.questions)
        yield TopBar(_("Welcome"), _("{sections} · {questions}").format(sections=sections, questions=questions))
        with VerticalScroll(id="welcome-body"):
            yield Static(shown(pack.title), id="pack-title")
            yield Static(shown(pack.summary), id="pack-summary")
            if pack.authors:
                details = _("Updated {date} · by {authors}").format(date=wording.day(pack.updated), authors=", ".join(pack.authors))
            else:
                details = _("Updated {date}").format(date=wording.day(pack.updated))
            languages = getattr(self.explainer_app, "languages", [])
            if len(languages) > 1:  # the pack's other languages, each in its own name (l picks one)
                from explainer.screens.language import language_name

                current = pack.language
                others = " · ".join(language_name(tag) for tag in languages if tag.split("-")[0] != current.split("-")[0])
                details += "\n" + _("Also in: {languages} (l)").format(languages=others)
            yield Static(shown(details), id="pack-details")
            yield Static(id="home", classes="-empty")
            with Grid(id="welcome-actions"):
                yield Button(_("Start reading (r)"), id="start", variant="primary")
                yield Button(_("Go to the quiz (z)"), id="quiz")
            with Grid(id="welcome-reference"):
                yield Button(_("Glossary (g)"), id="glossary")
                yield Button(_("Timeline (t)"), id="timeline")
                yield Button(_("Sources (s)"), id="sources")
                yield Button(_("History (y)"), id="history")
                yield Button(_("Start over…"), id="start-over")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Say where the reader is, if the saved progress has been read already."""
        self.show_home()

    def on_screen_resume(self) -> None:
        """Back from a window or a dialog: bring the home up to date."""
        self.show_home()

    def show_home(self) -> None:
        """Show reading progress, the last score and any quiz or review in progress,
        and label the buttons to match. Does nothing until the app has read the saved
        progress (just after the first paint); the app calls it again then."""
        app = self.explainer_app
        if not app.flow_ready or not self.is_mounted:
            return
        flow = app.flow
        pack = app.pack
        reading = flow.reading
        unread = flow.first_unread()
        lines: list[Content] = []
        next_title = pack.sections[unread].title if unread is not None else None
        lines.append(
            Content.assemble(
                (_("Reading:") + " ", "bold"),
                shown(wording.reading_line(reading.count, reading.total, next_title, None if unread is None else unread + 1)),
            )
        )
        last = flow.last_attempt
        if last is not None:
            score = wording.score_summary(last.fraction, pack.quiz.pass_mark, last.passed)
            lines.append(
                Content.assemble(
                    (_("Last score:") + " ", "bold"),
                    shown(_("{score} ({when})").format(score=score, when=wording.when(last.finished))),
                )
            )
        if app.quiz_in_progress:
            session = app.session
            if session.review:
                where = _("a review round, at question {number} of {total}.")
            else:
                where = _("the quiz, at question {number} of {total}.")
            lines.append(
                Content.assemble(
                    (_("In progress:") + " ", "bold"),
                    shown(where.format(number=session.position + 1, total=session.total)),
                )
            )
        home = self.query_one("#home", Static)
        home.update(shown("\n").join(lines))
        home.set_class(not lines, "-empty")
        if reading.count == 0:
            read_label = _("Start reading (r)")
        elif unread is None:
            read_label = _("Read again (r)")
        else:
            read_label = _("Continue at section {number} (r)").format(number=unread + 1)
        if app.quiz_in_progress:
            session = app.session
            if session.review:
                quiz_label = _("Continue review: {number} of {total} (z)")
            else:
                quiz_label = _("Continue quiz: {number} of {total} (z)")
            quiz_label = quiz_label.format(number=session.position + 1, total=session.total)
        else:
            quiz_label = _("Go to the quiz (z)")
        for button_id, label in (("#start", read_label), ("#quiz", quiz_label)):
            button = self.query_one(button_id, Button)
            if button.label.plain != label:
                button.label = shown(label)

    @on(Button.Pressed, "#start")
    def action_read(self) -> None:
        """Read from the first section not read yet (the first, once all are read)."""
        app = self.explainer_app
        unread = app.flow.first_unread() if app.flow_ready else None
        app.start_reading(unread or 0)

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

    @on(Button.Pressed, "#history")
    def _history(self) -> None:
        self.explainer_app.action_history()

    @on(Button.Pressed, "#start-over")
    def _start_over(self) -> None:
        """Ask first; then forget the sections read and the quiz in progress (the
        history of finished attempts is kept)."""
        from explainer.screens.confirm import ConfirmScreen

        app = self.explainer_app
        kept = len(app.progress.attempts)
        details = ngettext(
            "The sections you have read and any quiz in progress are forgotten. Your history is kept ({count} finished attempt).",
            "The sections you have read and any quiz in progress are forgotten. Your history is kept ({count} finished attempts).",
            kept,
        ).format(count=kept)

        def answer(yes: bool | None) -> None:
            if yes:
                app.start_over()

        app.push_screen(ConfirmScreen(_("Start over?"), details, yes=_("Start over"), no=_("Keep going")), answer)
