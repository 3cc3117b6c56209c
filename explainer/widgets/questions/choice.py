"""What the question widgets answered from a :class:`~explainer.widgets.questions.controls.ChoiceList`
share (single, multiple, true_false)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult

from explainer.i18n import _
from explainer.pack import Response
from explainer.widgets.questions.base import QuestionWidget
from explainer.widgets.questions.controls import ChoiceList


class ListQuestionWidget(QuestionWidget):
    """A question answered by picking from a :class:`ChoiceList`. Subclasses give the
    texts and build the response from the picks; the marks come from the kind."""

    multiple: ClassVar[bool] = False
    """Whether several choices may be picked."""

    def choice_texts(self) -> list[str]:
        """The texts to list, in display order."""
        raise NotImplementedError

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """Build the response from the picked display indexes (None when nothing)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The list of choices."""
        yield ChoiceList(
            self.choice_texts(), multiple=self.multiple, respond=self.make_response, id="choices", classes="answer-control"
        )

    @property
    def choice_list(self) -> ChoiceList:
        """The list of choices."""
        return self.query_one(ChoiceList)

    def pick(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown), as the number keys do."""
        self.choice_list.pick(number - 1)

    def status_text(self) -> str:
        """How to pick, then how to check."""
        if self.has_answer:
            return _("Press enter to check your answer.")
        return _("Pick with ↑↓ and space, or press a number.")


class ChoiceQuestionWidget(ListQuestionWidget):
    """Shared code of single- and multiple-choice questions: the written choices, in
    the session's display order."""

    def choice_texts(self) -> list[str]:
        """The choice texts in display order."""
        return [self.question.choices[i].text for i in self.order]  # type: ignore[union-attr]

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """A :class:`~explainer.kinds.ChoiceResponse` in FILE order, or None when nothing is picked."""
        from explainer.kinds import ChoiceResponse

        if not picked:
            return None
        return ChoiceResponse(frozenset(self.order[i] for i in picked))
