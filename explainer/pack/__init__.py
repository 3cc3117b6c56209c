"""The content model, loader and scoring. Pure Python and pydantic: never imports Textual.

Typical use::

    from explainer.pack import load_pack, PackError

    try:
        pack = load_pack("content/nk-pows")
    except PackError as exc:
        for error in exc.errors:
            print(error)          # FILE:LINE:COL: message

Every name here is imported from its module when first used (PEP 562), so that
importing a light module of this package (:mod:`explainer.pack.text`,
:mod:`explainer.pack.preview`) does not import pydantic: the app's first paint needs
neither (``docs/performance.md``). Scoring rests on the question kinds
(:mod:`explainer.kinds`), which rest on the models here, so importing it eagerly would
also go round in a circle.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_WHERE: dict[str, str] = {
    **dict.fromkeys(("ContentError", "PackError"), "explainer.pack.errors"),
    **dict.fromkeys(("PackNotFound", "bundled_pack_path", "load_pack"), "explainer.pack.loader"),
    **dict.fromkeys(("SectionLinks", "section_links"), "explainer.pack.links"),
    **dict.fromkeys(
        (
            "QUESTION_TYPES",
            "AnyQuestion",
            "Choice",
            "Figure",
            "FigureValue",
            "GlossaryEntry",
            "MatchQuestion",
            "MultipleChoiceQuestion",
            "NumericQuestion",
            "OrderQuestion",
            "Pack",
            "Pair",
            "Question",
            "QuizSettings",
            "Section",
            "ShortAnswerQuestion",
            "SingleChoiceQuestion",
            "Source",
            "TimelineEvent",
            "TrueFalseQuestion",
        ),
        "explainer.pack.model",
    ),
    **dict.fromkeys(
        (
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
        ),
        "explainer.pack.scoring",
    ),
}
"""Each name this package offers, and the module it comes from."""

if TYPE_CHECKING:
    from explainer.pack.errors import ContentError, PackError
    from explainer.pack.links import SectionLinks, section_links
    from explainer.pack.loader import PackNotFound, bundled_pack_path, load_pack
    from explainer.pack.model import (
        QUESTION_TYPES,
        AnyQuestion,
        Choice,
        Figure,
        FigureValue,
        GlossaryEntry,
        MatchQuestion,
        MultipleChoiceQuestion,
        NumericQuestion,
        OrderQuestion,
        Pack,
        Pair,
        Question,
        QuizSettings,
        Section,
        ShortAnswerQuestion,
        SingleChoiceQuestion,
        Source,
        TimelineEvent,
        TrueFalseQuestion,
    )
    from explainer.pack.scoring import (
        ChoiceResponse,
        MatchResponse,
        NumberResponse,
        OrderResponse,
        Response,
        Score,
        TextResponse,
        TrueFalseResponse,
        describe_answer,
        describe_response,
        format_number,
        normalise_text,
        parse_number,
        score,
    )


def __getattr__(name: str) -> object:
    """The name ``name`` (one of :data:`_WHERE`), from its module.

    Raises:
        AttributeError: ``name`` is not one of them.
    """
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'explainer.pack' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The names this package offers, with the module's own."""
    return sorted(set(globals()) | set(_WHERE))


__all__ = sorted(_WHERE)
