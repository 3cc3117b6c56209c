"""The content model, loader and scoring. Pure Python and pydantic: never imports Textual.

Typical use::

    from explainer.pack import load_pack, PackError

    try:
        pack = load_pack("content/nk-pows")
    except PackError as exc:
        for error in exc.errors:
            print(error)          # FILE:LINE:COL: message
"""

from explainer.pack.errors import ContentError, PackError
from explainer.pack.loader import PackNotFound, bundled_pack_path, load_pack
from explainer.pack.model import (
    QUESTION_TYPES,
    Choice,
    GlossaryEntry,
    MultipleChoiceQuestion,
    Pack,
    Question,
    QuizSettings,
    Section,
    SingleChoiceQuestion,
    Source,
    TimelineEvent,
    TrueFalseQuestion,
)
from explainer.pack.scoring import (
    ChoiceResponse,
    Response,
    Score,
    TrueFalseResponse,
    describe_answer,
    describe_response,
    score,
)

__all__ = [
    "QUESTION_TYPES",
    "Choice",
    "ChoiceResponse",
    "ContentError",
    "GlossaryEntry",
    "MultipleChoiceQuestion",
    "Pack",
    "PackError",
    "PackNotFound",
    "Question",
    "QuizSettings",
    "Response",
    "Score",
    "Section",
    "SingleChoiceQuestion",
    "Source",
    "TimelineEvent",
    "TrueFalseQuestion",
    "TrueFalseResponse",
    "bundled_pack_path",
    "describe_answer",
    "describe_response",
    "load_pack",
    "score",
]
