"""What the reader sees after checking an answer: the verdict in words, the right answer,
the feedback on the picked choice(s) and the explanation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from explainer.i18n import _, ngettext
from explainer.kinds import kind_of
from explainer.pack import Response, Score, describe_answer, describe_response
from explainer import wording
from explainer.widgets.markdown import PackMarkdown
from explainer.widgets.text import message_content, shown


class Feedback(Vertical):
    """The feedback block shown under a checked question.

    Args:
        question: the question that was answered.
        response: the reader's response.
        result: its score.
        section_title: title of the section that teaches the answer.
        next_label: what enter/n does next, in the reader's language, e.g. ``"next
            question"`` (the default, None, says that); empty when there is no next
            (the keys line then names only ``r``).
    """

    DEFAULT_CSS = """
    Feedback { height: auto; }
    """

    def __init__(
        self,
        question: object,
        response: Response,
        result: Score,
        *,
        section_title: str,
        next_label: str | None = None,
    ) -> None:
        if result.correct:
            classes = "-correct"
        elif result.points > 0:
            classes = "-partial"
        else:
            classes = "-wrong"
        super().__init__(id="feedback", classes=classes)
        self.question = question
        """The question that was answered."""
        self.response = response
        """The reader's response."""
        self.result = result
        """The score of the response."""
        self.section_title = section_title
        """Title of the linked section."""
        self.next_label = _("next question") if next_label is None else next_label
        """What the next key does."""

    def compose(self) -> ComposeResult:
        """Verdict, right answer, choice feedback, explanation, and what to do next."""
        if self.result.correct:
            verdict = shown(_("✓ Correct"))
        elif self.result.points > 0:
            verdict = shown(
                ngettext(
                    "◐ Partly right: {points} of {total} point",
                    "◐ Partly right: {points} of {total} points",
                    self.result.max_points,
                ).format(points=wording.points(self.result.points), total=wording.points(self.result.max_points))
            )
        else:
            verdict = shown(_("✗ Not quite"))
        yield Static(verdict, id="verdict")
        kind = kind_of(self.question)
        yield Static(shown(kind.scoring_note(self.question, self.response)), id="feedback-scoring")
        if kind.typed:
            yield Static(
                message_content(
                    _("Your answer: {answer}"), "bold", answer=shown(describe_response(self.question, self.response))
                ),
                id="your-answer",
            )
        note = kind.accepted_note(self.question, self.response)
        if note:
            yield Static(shown(note), id="accepted-note")
        yield Static(
            message_content(_("The right answer: {answer}"), "bold", answer=shown(describe_answer(self.question))),
            id="right-answer",
        )
        for _unused, text in kind.picked_feedback(self.question, self.response):
            yield Static(
                message_content(_("About your pick: {feedback}"), "bold", feedback=shown(text)),
                classes="choice-feedback",
            )
        explanation = getattr(self.question, "explanation", None)
        if explanation:
            yield Static(Content.styled(_("Why"), "bold"), classes="feedback-heading")
            yield PackMarkdown(explanation, id="explanation")
        keys: list[Content | str] = [
            message_content(
                _("{key_r} read the section “{title}”"), key_r=("r", "bold"), title=shown(self.section_title)
            )
        ]
        if self.next_label:
            keys += [
                "   ",
                message_content(
                    _("{key_n} or {key_enter} {next_step}"),
                    key_n=("n", "bold"),
                    key_enter=("enter", "bold"),
                    next_step=self.next_label,
                ),
            ]
        yield Static(Content.assemble(*keys), id="feedback-keys")
