"""Widgets of the explainer app: question widgets, feedback, section view, Markdown.

Question widgets (one class per question type) all speak the same messages,
:class:`~explainer.widgets.questions.QuestionWidget.AnswerChanged` and
:class:`~explainer.widgets.questions.QuestionWidget.CheckRequested`, posted by their
answer controls (:class:`~explainer.widgets.questions.AnswerControl`); build the right
one for a question with :func:`~explainer.widgets.questions.question_widget`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Where each public name lives. Imported on first use (PEP 562), so the welcome screen
#: does not pay for Markdown, markdown-it and Pygments before the first section opens.
_WHERE = {
    "TopBar": "bar",
    "KeyFooter": "bar",
    "Feedback": "feedback",
    "PackMarkdown": "markdown",
    "AnswerControl": "questions",
    "AnswerInput": "questions",
    "ChoiceList": "questions",
    "ListQuestionWidget": "questions",
    "MatchList": "questions",
    "MatchWidget": "questions",
    "MultipleChoiceWidget": "questions",
    "NumericWidget": "questions",
    "OrderList": "questions",
    "OrderWidget": "questions",
    "QuestionWidget": "questions",
    "ShortAnswerWidget": "questions",
    "SingleChoiceWidget": "questions",
    "TrueFalseWidget": "questions",
    "WIDGETS": "questions",
    "question_widget": "questions",
    "SectionView": "section",
    "source_content": "section",
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from explainer.widgets.bar import KeyFooter, TopBar
    from explainer.widgets.feedback import Feedback
    from explainer.widgets.markdown import PackMarkdown
    from explainer.widgets.questions import (
        WIDGETS,
        AnswerControl,
        AnswerInput,
        ChoiceList,
        ListQuestionWidget,
        MatchList,
        MatchWidget,
        MultipleChoiceWidget,
        NumericWidget,
        OrderList,
        OrderWidget,
        QuestionWidget,
        ShortAnswerWidget,
        SingleChoiceWidget,
        TrueFalseWidget,
        question_widget,
    )
    from explainer.widgets.section import SectionView, source_content


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` and return it; AttributeError if none."""
    if name not in _WHERE:
        raise AttributeError(f"module 'explainer.widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"explainer.widgets.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
