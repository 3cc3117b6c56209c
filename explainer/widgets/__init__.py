"""Widgets of the explainer app: question widgets, feedback, section view, Markdown.

Question widgets (one class per question type) all speak the same messages,
:class:`~explainer.widgets.questions.QuestionWidget.AnswerChanged` and
:class:`~explainer.widgets.questions.QuestionWidget.CheckRequested`; build the right one
for a question with :func:`~explainer.widgets.questions.question_widget`.
"""

from explainer.widgets.bar import TopBar
from explainer.widgets.feedback import Feedback
from explainer.widgets.markdown import PackMarkdown
from explainer.widgets.questions import (
    ChoiceList,
    MultipleChoiceWidget,
    QuestionWidget,
    SingleChoiceWidget,
    TrueFalseWidget,
    question_widget,
)
from explainer.widgets.section import SectionView, source_content

__all__ = [
    "ChoiceList",
    "Feedback",
    "MultipleChoiceWidget",
    "PackMarkdown",
    "QuestionWidget",
    "SectionView",
    "SingleChoiceWidget",
    "TopBar",
    "TrueFalseWidget",
    "question_widget",
    "source_content",
]
