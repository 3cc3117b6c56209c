"""The widget of a ``multiple`` question (:mod:`explainer.kinds.multiple`): pick every
right choice."""

from __future__ import annotations

from explainer.widgets.questions.choice import ChoiceQuestionWidget


class MultipleChoiceWidget(ChoiceQuestionWidget):
    """A ``multiple`` question: pick every right choice (space toggles)."""

    multiple = True


WIDGET = MultipleChoiceWidget
"""The registered widget."""
