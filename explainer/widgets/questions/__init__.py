"""Question widgets: one module per question kind, all speaking the same two messages.

Every question widget is a :class:`QuestionWidget` (:mod:`.base`) holding one answer
control (:mod:`.controls`: a choice list, a text box, an order list or a match list).
The control posts the one message vocabulary, :class:`AnswerControl.AnswerChanged`
whenever the reader's answer changes and :class:`AnswerControl.CheckRequested` when the
reader asks to check it (also known as :class:`QuestionWidget.AnswerChanged` and
:class:`QuestionWidget.CheckRequested`); both carry the answer as a response and bubble
through the question widget to the screen. After the screen has scored the answer it
calls :meth:`QuestionWidget.show_verdict`, which locks the control and shows the
kind's marks in words.

The widget modules (:mod:`.single`, :mod:`.multiple`, :mod:`.true_false`,
:mod:`.short_answer`, :mod:`.numeric`, :mod:`.order`, :mod:`.match`) each register one
``WIDGET``; :data:`WIDGETS` is the registry, keyed like :data:`explainer.kinds.KINDS`.
Everything that is not drawing (the instruction, scoring, reading typed text, marks)
comes from the question's kind (:mod:`explainer.kinds`).
"""

from __future__ import annotations

from collections.abc import Sequence

from explainer.pack import AnyQuestion
from explainer.widgets.questions import match, multiple, numeric, order, short_answer, single, true_false
from explainer.widgets.questions.base import MARK_STYLES, AnswerControl, QuestionWidget
from explainer.widgets.questions.choice import ChoiceQuestionWidget, ListQuestionWidget
from explainer.widgets.questions.controls import AnswerInput, ChoiceList, MatchList, OrderList
from explainer.widgets.questions.match import MatchWidget
from explainer.widgets.questions.multiple import MultipleChoiceWidget
from explainer.widgets.questions.numeric import NumericWidget
from explainer.widgets.questions.order import OrderWidget
from explainer.widgets.questions.short_answer import ShortAnswerWidget
from explainer.widgets.questions.single import SingleChoiceWidget
from explainer.widgets.questions.true_false import TrueFalseWidget
from explainer.widgets.questions.typed import TypedAnswerWidget

__all__ = [
    "MARK_STYLES",
    "WIDGETS",
    "AnswerControl",
    "AnswerInput",
    "ChoiceList",
    "ChoiceQuestionWidget",
    "ListQuestionWidget",
    "MatchList",
    "MatchWidget",
    "MultipleChoiceWidget",
    "NumericWidget",
    "OrderList",
    "OrderWidget",
    "QuestionWidget",
    "ShortAnswerWidget",
    "SingleChoiceWidget",
    "TrueFalseWidget",
    "TypedAnswerWidget",
    "question_widget",
]

_MODULES = {
    "single": single,
    "multiple": multiple,
    "true_false": true_false,
    "short_answer": short_answer,
    "numeric": numeric,
    "order": order,
    "match": match,
}

WIDGETS: dict[str, type[QuestionWidget]] = {type_: module.WIDGET for type_, module in _MODULES.items()}
"""Question ``type`` -> the widget class that asks it (one module per kind)."""


def question_widget(question: AnyQuestion, order: Sequence[int] = (), *, id: str | None = None) -> QuestionWidget:
    """Return the widget that asks ``question`` (what it shows in display ``order``).

    Raises:
        KeyError: no widget is registered for the question's type.
    """
    return WIDGETS[question.type](question, order, id=id)
