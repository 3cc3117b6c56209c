"""The widget of a ``short_answer`` question (:mod:`explainer.kinds.short_answer`)."""

from __future__ import annotations

from explainer.widgets.questions.typed import TypedAnswerWidget


class ShortAnswerWidget(TypedAnswerWidget):
    """A ``short_answer`` question: type a word or phrase."""


WIDGET = ShortAnswerWidget
"""The registered widget."""
