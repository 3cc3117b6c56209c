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
    AnyQuestion,
    Choice,
    MatchQuestion,
    NumericQuestion,
    OrderQuestion,
    Pair,
    ShortAnswerQuestion,
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
_SCORING = frozenset({
    "ChoiceResponse",
    "MatchResponse",
    "NumberResponse",
    "OrderResponse",
    "Response",
    "Score",
    "TextResponse",
    "TrueFalseResponse",
    "describe_answer",
    "describe_response",
    "format_number",
    "normalise_text",
    "parse_number",
    "score",
})
"""Names this package passes on from :mod:`explainer.pack.scoring`, imported when first
used: scoring rests on the question kinds (:mod:`explainer.kinds`), which rest on the
models here, so importing it eagerly would go round in a circle."""


def __getattr__(name: str) -> object:
    """The scoring names (:data:`_SCORING`), from :mod:`explainer.pack.scoring`.

    Raises:
        AttributeError: ``name`` is not one of them.
    """
    if name in _SCORING:
        from explainer.pack import scoring

        return getattr(scoring, name)
    raise AttributeError(f"module 'explainer.pack' has no attribute {name!r}")


__all__ = [
    "QUESTION_TYPES",
    "AnyQuestion",
    "MatchQuestion",
    "MatchResponse",
    "NumberResponse",
    "NumericQuestion",
    "OrderQuestion",
    "OrderResponse",
    "Pair",
    "ShortAnswerQuestion",
    "TextResponse",
    "format_number",
    "normalise_text",
    "parse_number",
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
