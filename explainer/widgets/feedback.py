"""What the reader sees after checking an answer: the verdict in words, the right answer,
the feedback on the picked choice(s) and the explanation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from explainer.kinds import kind_of
from explainer.pack import Response, Score, describe_answer, describe_response
from explainer import wording
from explainer.widgets.markdown import PackMarkdown
from explainer.widgets.text import shown


class Feedback(Vertical):
    """The feedback block shown under a checked question.

    Args:
        question: the question that was answered.
        response: the reader's response.
        result: its score.
        section_title: title of the section that teaches the answer.
        next_label: what enter/n does next, e.g. ``"next question"``; empty when there
            is no next (the keys line then names only ``r``).
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
        next_label: str = "next question",
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
        self.next_label = next_label
        """What the next key does."""

    def compose(self) -> ComposeResult:
        """Verdict, right answer, choice feedback, explanation, and what to do next."""
        if self.result.correct:
            verdict = shown("✓ Correct")
        elif self.result.points > 0:
            verdict = shown(
                f"◐ Partly right: {wording.points(self.result.points)} of {wording.plural(self.result.max_points, 'point')}"
            )
        else:
            verdict = shown("✗ Not quite")
        yield Static(verdict, id="verdict")
        kind = kind_of(self.question)
        yield Static(shown(kind.scoring_note(self.question, self.response)), id="feedback-scoring")
        if kind.typed:
            yield Static(
                Content.assemble(("Your answer: ", "bold"), shown(describe_response(self.question, self.response))),
                id="your-answer",
            )
        note = kind.accepted_note(self.question, self.response)
        if note:
            yield Static(shown(note), id="accepted-note")
        yield Static(
            Content.assemble(("The right answer: ", "bold"), shown(describe_answer(self.question))),
            id="right-answer",
        )
        for _, text in kind.picked_feedback(self.question, self.response):
            yield Static(Content.assemble(("About your pick: ", "bold"), shown(text)), classes="choice-feedback")
        explanation = getattr(self.question, "explanation", None)
        if explanation:
            yield Static(Content.styled("Why", "bold"), classes="feedback-heading")
            yield PackMarkdown(explanation, id="explanation")
        keys: list[Content | str | tuple[str, str]] = [
            ("r", "bold"),
            " read the section “",
            shown(self.section_title),
            "”",
        ]
        if self.next_label:
            keys += ["   ", ("n", "bold"), " or ", ("enter", "bold"), f" {self.next_label}"]
        yield Static(Content.assemble(*keys), id="feedback-keys")
