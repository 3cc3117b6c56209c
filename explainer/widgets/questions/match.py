"""The widget of a ``match`` question (:mod:`explainer.kinds.match`)."""

from __future__ import annotations

from textual.app import ComposeResult

from explainer.i18n import N_, _, ngettext
from explainer.kinds import MatchResponse
from explainer.pack import Response
from explainer.widgets.questions.base import QuestionWidget
from explainer.widgets.questions.controls import MatchList


class MatchWidget(QuestionWidget):
    """A ``match`` question: pick the right-hand option for each left side.

    The options (right sides and distractors) are listed once, numbered, in the
    session's shuffled order; each line shows the option picked for it.
    """

    empty_message = N_("Pick an option for each line first.")

    def compose(self) -> ComposeResult:
        """The lines and the options."""
        question = self.question
        options = question.right_options  # type: ignore[union-attr]
        yield MatchList(
            [pair.left for pair in question.pairs],  # type: ignore[union-attr]
            [options[i] for i in self.order],
            respond=self.make_response,
            id="lines",
            classes="answer-control",
        )

    @property
    def match_list(self) -> MatchList:
        """The lines and options."""
        return self.query_one(MatchList)

    @property
    def has_answer(self) -> bool:
        """True once any line has a pick."""
        return any(pick is not None for pick in self.match_list.picks)

    def answer_problem(self) -> str | None:
        """Lines still without a pick, in words; None when every line has one (or none does)."""
        picks = self.match_list.picks
        missing = sum(pick is None for pick in picks)
        if not missing or missing == len(picks):
            return None
        return ngettext(
            "Pick an option for every line: {count} line still open.",
            "Pick an option for every line: {count} lines still open.",
            missing,
        ).format(count=missing)

    def how_to(self) -> str:
        """The kind's instruction (``"Match each line with an option."``), and how to pick
        by keys and by mouse, as one sentence."""
        count = self.kind.order_length(self.question)
        return _("Match each line with an option: ↑↓ choose a line, 1–{count} pick its option, or click.").format(
            count=count
        )

    def status_text(self) -> str:
        """What is left to do."""
        problem = self.answer_problem()
        if problem:
            return problem
        return _("Press enter to check your answer.") if self.has_answer else _("Pick an option for every line.")

    def make_response(self, picks: tuple[int | None, ...]) -> Response | None:
        """A :class:`~explainer.kinds.MatchResponse` in FILE order, or None while a line has no pick."""
        if any(pick is None for pick in picks):
            return None
        return MatchResponse(tuple(self.order[pick] for pick in picks))  # type: ignore[index]


WIDGET = MatchWidget
"""The registered widget."""
