"""The quiz: one question at a time, then feedback on the answer."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Button, Input, ProgressBar, Static

from explainer import wording
from explainer.i18n import N_, _
from explainer.kinds import kind_of
from explainer.pack import Response, Score
from explainer.screens.base import OverlayScreen, UsesExplainerApp
from explainer.session import QuizSession
from explainer.widgets import Feedback, KeyFooter, QuestionWidget, TopBar, question_widget
from explainer.widgets.text import shown


class QuizScreen(UsesExplainerApp, Screen[None]):
    """Asks the current question of a :class:`~explainer.session.QuizSession`.

    One screen per question: "next" replaces it with the screen for the next question
    (or the results after the last). Dialogs opened on top (glossary, the linked
    section...) leave it exactly as it was, answer in progress included.

    Args:
        session: the attempt being taken; its ``current`` question is asked.
    """

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (80, "-wide")]
    """Below 80 columns the line beside the buttons ("Press enter to check...") is left
    out: there is no room for it, and the footer names the same key."""

    CSS_PATH = "quiz.tcss"
    AUTO_FOCUS = "#question .answer-control"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "hint", N_("Hint"), id="quiz-hint", tooltip=N_("Show a hint for this question")),
        Binding("h", "no_hint", N_("Hint"), show=False, id="quiz-no-hint", tooltip=N_("Say that this question has no hint")),
        Binding("f2", "typed_hint", N_("Hint"), key_display="F2", id="quiz-hint-f2", tooltip=N_("Show a hint (while typing an answer)")),
        Binding("n", "next", N_("Next"), id="quiz-next", tooltip=N_("Go on to the next question")),
        Binding("k", "skip", N_("Skip"), show=False, id="quiz-skip", tooltip=N_("Skip this question and come back to it at the end")),
        Binding("p", "previous", N_("Previous"), show=False, id="quiz-previous", tooltip=N_("See the questions answered so far (read-only)")),
        Binding("enter", "next", N_("Next"), show=False, id="quiz-next-enter"),
        Binding("r", "read_section", N_("Read section"), id="quiz-read-section", tooltip=N_("Read the section that teaches this")),
        Binding("escape", "leave", N_("Leave"), id="quiz-leave", tooltip=N_("Back to the start; the quiz waits where you left it")),
    ]

    answered: var[bool] = var(False)
    """True once the reader's answer has been checked."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The attempt being taken."""
        question = session.current
        if question is None:
            raise ValueError("the quiz session has no question left to ask")
        self.question = question
        """The question this screen asks."""
        self.number = session.position + 1
        """The question's 1-based position in the attempt."""

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        """Bar; the prompt and how to answer, which stay in view; below them, in a
        scrolling part, the hint, the choices, the check button and room for feedback;
        the footer."""
        title = _("Review your mistakes") if self.session.review else self.session.pack.quiz.title
        yield TopBar(title, self._progress(), id="top")
        widget = question_widget(self.question, self.session.display_order(self.question.id), id="question")
        with Horizontal(id="quiz-progress"):
            bar = ProgressBar(total=self.session.total, show_eta=False, show_percentage=False, id="progress-bar")
            bar.progress = self.session.answered
            yield bar
            yield Static(shown(self._progress_words()), id="progress-words")
        with VerticalScroll(id="question-head"):
            yield Static(shown(self.question.prompt), id="prompt")
            yield Static(shown(widget.how_to()), id="question-kind")
            scoring = kind_of(self.question).scoring(self.question)
            partial = getattr(self.question, "scoring", None) == "partial"  # scoring says "Partial credit: ..."
            yield Static(shown(scoring), id="scoring", classes="-partial" if partial else "")
        with VerticalScroll(id="quiz-body"):
            hint = Static(self._hint_content(), id="hint")
            hint.display = self.session.hint_used(self.question.id)
            yield hint
            yield widget
            with Horizontal(id="check-row"):
                yield Button(_("Check answer"), id="check", variant="primary", disabled=True)
                if self.question.hint:
                    typed = kind_of(self.question).typed
                    label = _("Hint (F2)") if typed else _("Hint (h)")
                    yield Button(label, id="hint-button", disabled=self.session.hint_used(self.question.id))
                if self.session.can_skip:  # k is a letter in a typed answer's box: no key there
                    yield Button(_("Skip") if kind_of(self.question).typed else _("Skip (k)"), id="skip-button")
                yield Static(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Enable the check button and fill the status line for the answer as it starts."""
        self._sync_check()

    def _hint_content(self) -> Content:
        """``Hint: ...`` (author text verbatim), or nothing when the question has no hint."""
        if not self.question.hint:
            return shown("")
        return Content.assemble((_("Hint:") + " ", "bold"), shown(self.question.hint))

    def _progress_words(self) -> str:
        """``"3 of 29 answered · p: earlier answers"`` under the bar."""
        session = self.session
        if session.position > 0 and not kind_of(self.question).typed:  # p is a letter in a typed answer
            words = _("{answered} of {total} answered · p: earlier answers")
        else:
            words = _("{answered} of {total} answered")
        return words.format(answered=session.answered, total=session.total)

    @on(Button.Pressed, "#skip-button")
    def _skip_pressed(self) -> None:
        self.action_skip()

    def _progress(self) -> str:
        """``"Question k of N · Score so far: x/y"``."""
        session = self.session
        return _("Question {number} of {total} · Score so far: {points}/{possible}").format(
            number=self.number,
            total=session.total,
            points=wording.points(session.points),
            possible=wording.points(session.points_answered),
        )

    def _sync_check(self) -> None:
        """Enable the check button when there is an answer; say what to do next."""
        if self.answered:
            return
        widget = self.question_widget
        self.query_one("#check", Button).disabled = not widget.has_answer
        self.query_one("#status", Static).update(shown(widget.status_text()))

    # ---------------------------------------------------------------- answering

    @property
    def question_widget(self) -> QuestionWidget:
        """The widget asking the question."""
        return self.query_one("#question", QuestionWidget)

    @on(QuestionWidget.AnswerChanged)
    def _answer_changed(self, event: QuestionWidget.AnswerChanged) -> None:
        """Enable the check button once there is something to check."""
        self._sync_check()

    @on(QuestionWidget.CheckRequested)
    def _check_requested(self, event: QuestionWidget.CheckRequested) -> None:
        if self.answered:
            self.action_next()
        else:
            self.check(event.response)

    @on(Button.Pressed, "#check")
    def _check_pressed(self) -> None:
        self.check(self.question_widget.response)

    def check(self, response: Response | None) -> Score | None:
        """Score ``response``, lock the choices and show the feedback.

        Returns the score, or None when there is nothing to score: nothing given yet
        (the reader is told what to do), or an answer that cannot be checked, such as
        a number that is not a number (the reader is told why, and can correct it).
        """
        if self.answered:
            return None
        widget = self.question_widget
        problem = widget.answer_problem()
        if problem is not None:
            widget.show_problem(problem)
            widget.focus_answer()
            return None
        if response is None:
            self.notify(widget.empty_message, markup=False)
            widget.focus_answer()
            return None
        result = self.explainer_app.flow.answer(response)
        self.answered = True
        self.question_widget.show_verdict(response)
        self.query_one("#check-row").display = False
        section = self.session.pack.section(self.question.section)
        last = self.session.position >= self.session.total - 1
        feedback = Feedback(
            self.question,
            response,
            result,
            section_title=section.title,
            next_label=_("see your results") if last else _("next question"),
        )
        body = self.query_one("#quiz-body", VerticalScroll)
        mounted = body.mount(feedback)
        self.query_one("#top", TopBar).set_right(self._progress())
        self.query_one("#progress-bar", ProgressBar).progress = self.session.answered
        self.query_one("#progress-words", Static).update(shown(self._progress_words()))
        if self.query("#skip-button"):
            self.query_one("#skip-button").display = False
        body.focus()
        # The verdict in the middle of the view: the marks on the choices above it, the
        # right answer below it (the prompt stays in view above them all).
        self.run_worker(self._when_mounted(mounted, feedback), group="feedback")
        self.refresh_bindings()
        return result

    async def _when_mounted(self, mounted: Awaitable[object], feedback: Feedback) -> None:
        """Once the feedback is on screen, bring its verdict into view."""
        await mounted
        self.call_after_refresh(self._show_verdict, feedback)

    def _show_verdict(self, feedback: Feedback) -> None:
        """Scroll the verdict to the middle of the view (once it is there)."""
        verdicts = feedback.query("#verdict")
        if verdicts and self.is_attached:
            self.query_one("#quiz-body", VerticalScroll).scroll_to_center(verdicts.first(), animate=False)

    # ---------------------------------------------------------------- after

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next and read-section work once the answer has been checked; the hint before,
        when the question has one (not while typing in a text box, where h is a letter)."""
        if action in ("next", "read_section"):
            return self.answered
        typing = isinstance(self.focused, Input)
        if action in ("hint", "typed_hint", "no_hint"):
            if self.answered or (not self.question.hint) != (action == "no_hint"):
                return False
            return typing if action == "typed_hint" else not typing
        if action == "skip":
            return (not typing and self.session.can_skip) or False
        if action == "previous":
            return (not typing and self.session.position > 0) or False
        return True

    def action_skip(self) -> None:
        """Skip this question: it comes back after every other one."""
        app = self.explainer_app
        if not self.answered and app.flow.skip():
            self.notify(_("Skipped: this question comes back at the end."), markup=False)
            app.start_quiz(self.session)

    def action_previous(self) -> None:
        """Show the question answered just before this one (read-only); ← and → move
        through the answered ones, escape comes back here."""
        answered = [q.id for q in self.session.questions[: self.session.position] if self.session.is_answered(q.id)]
        if answered:
            self.explainer_app.show_answered(answered[-1])

    def action_no_hint(self) -> None:
        """``h`` on a question without a hint: say so, rather than do nothing."""
        self.notify(_("This question has no hint."), markup=False)

    def action_typed_hint(self) -> None:
        """F2: the hint while the cursor is in a text box (where h is just a letter)."""
        self.action_hint()

    @on(Button.Pressed, "#hint-button")
    def action_hint(self) -> None:
        """Show the question's hint and record in the attempt that it was used; say so
        when the question has none."""
        if self.answered or not self.question.hint:
            return
        self.explainer_app.flow.use_hint()
        self.query_one("#hint", Static).display = True
        if self.query("#hint-button"):
            self.query_one("#hint-button", Button).disabled = True
        self.question_widget.focus_answer()

    def action_next(self) -> None:
        """The next question, or the results after the last one."""
        if not self.answered:
            return
        app = self.explainer_app
        if app.flow.move_on():
            app.show_results()
        else:
            app.start_quiz(self.session)

    def action_leave(self) -> None:
        """Back to the welcome screen; the attempt is kept, to continue from there."""
        self.explainer_app.leave_quiz()

    def action_read_section(self) -> None:
        """Show the section that teaches this question; escape comes back here."""
        if self.answered:
            self.explainer_app.open_section(self.question.section)


class AnsweredScreen(OverlayScreen[None]):
    """A question answered earlier in the attempt (from the command palette): the
    prompt, the verdict, both answers, the feedback and the explanation, read-only.

    ``r`` opens the section that teaches it; ``escape`` goes back.

    Args:
        session: the attempt.
        question_id: a question answered in it.
    """

    DEFAULT_CSS = """
    AnsweredScreen #answered-frame {
        width: 90%;
        height: 90%;
        border: thick $primary;
        background: $surface;
    }
    AnsweredScreen #answered-scroll { height: 1fr; padding: 0 1; }
    AnsweredScreen #answered-prompt { text-style: bold; margin-bottom: 1; }
    AnsweredScreen Feedback #verdict { text-style: bold; }
    AnsweredScreen Feedback.-correct #verdict { color: $text-success; }
    AnsweredScreen Feedback.-wrong #verdict { color: $text-error; }
    AnsweredScreen Feedback.-partial #verdict { color: $text-warning; }
    AnsweredScreen Feedback .feedback-heading, AnsweredScreen Feedback .choice-feedback { margin-top: 1; }
    AnsweredScreen Feedback #feedback-keys { margin-top: 1; color: $text-muted; }
    """
    AUTO_FOCUS = "#answered-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "read_section", N_("Read section"), id="answered-read-section", tooltip=N_("Read the section that teaches this")),
        Binding("p,left", "step(-1)", N_("Earlier"), key_display="←/p", id="answered-earlier", tooltip=N_("The question answered before this one")),
        Binding("n,right", "step(1)", N_("Later"), key_display="→/n", id="answered-later", tooltip=N_("The question answered after this one")),
    ]

    def __init__(self, session: QuizSession, question_id: str) -> None:
        super().__init__()
        self.session = session
        """The attempt."""
        self.question = session.pack.question(question_id)
        """The question shown."""

    def compose(self) -> ComposeResult:
        """Bar, prompt, feedback, footer."""
        session = self.session
        number = next(i for i, q in enumerate(session.questions, start=1) if q.id == self.question.id)
        response = session.response(self.question.id)
        line = next(r for r in session.results() if r.question.id == self.question.id)
        section = session.pack.section(self.question.section)
        with Vertical(id="answered-frame"):
            yield TopBar(_("Question {number} of {total} (answered)").format(number=number, total=session.total), _("escape to go back"))
            with VerticalScroll(id="answered-scroll"):
                yield Static(shown(self.question.prompt), id="answered-prompt")
                if response is not None:
                    yield Feedback(
                        self.question, response, line.score, section_title=section.title, next_label=""
                    )
        yield KeyFooter()

    def action_read_section(self) -> None:
        """Show the section that teaches this question; escape comes back here."""
        self.explainer_app.open_section(self.question.section)

    def _answered_ids(self) -> list[str]:
        """The ids of the questions answered so far, in the order they were asked."""
        return [q.id for q in self.session.questions if self.session.is_answered(q.id)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Earlier and later are dimmed at either end of the answered questions."""
        if action == "step":
            ids = self._answered_ids()
            index = ids.index(self.question.id) + int(cast(int, parameters[0]))
            return 0 <= index < len(ids) or None
        return True

    async def action_step(self, step: int) -> None:
        """Show the answered question ``step`` places before (-1) or after (1) this one."""
        ids = self._answered_ids()
        index = ids.index(self.question.id) + step
        if 0 <= index < len(ids):
            self.question = self.session.pack.question(ids[index])
            await self.recompose()
            self.refresh_bindings()
