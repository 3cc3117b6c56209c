"""The widget of a ``single`` question (:mod:`explainer.kinds.single`): pick one choice."""

from __future__ import annotations

from explainer.widgets.questions.choice import ChoiceQuestionWidget


class SingleChoiceWidget(ChoiceQuestionWidget):
    """A ``single`` question: pick exactly one choice."""

    multiple = False


WIDGET = SingleChoiceWidget
"""The registered widget."""
