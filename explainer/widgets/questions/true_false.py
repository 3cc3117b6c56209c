"""The widget of a ``true_false`` question (:mod:`explainer.kinds.true_false`): two
choices, "True" (position 0) and "False" (position 1)."""

from __future__ import annotations

from explainer.i18n import _
from explainer.kinds import TrueFalseResponse
from explainer.pack import Response
from explainer.widgets.questions.choice import ListQuestionWidget


class TrueFalseWidget(ListQuestionWidget):
    """A ``true_false`` question: pick "True" or "False"."""

    def choice_texts(self) -> list[str]:
        """``["True", "False"]`` (in the language in force)."""
        return [_("True"), _("False")]

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """A :class:`~explainer.kinds.TrueFalseResponse`, or None when nothing is picked."""
        if not picked:
            return None
        return TrueFalseResponse(value=0 in picked)


WIDGET = TrueFalseWidget
"""The registered widget."""
