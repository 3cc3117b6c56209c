"""Question kinds: one module per question ``type``, and the one registry of them.

Everything a question type does apart from drawing lives in its kind module
(:mod:`~explainer.kinds.single`, :mod:`~explainer.kinds.multiple`,
:mod:`~explainer.kinds.true_false`, :mod:`~explainer.kinds.short_answer`,
:mod:`~explainer.kinds.numeric`, :mod:`~explainer.kinds.order`,
:mod:`~explainer.kinds.match`), as a :class:`~explainer.kinds.base.QuestionKind`.
The session, storage, scoring, lint, export, plain mode and the widgets look a kind up
here with :func:`kind_of`; nothing outside this package branches on question classes.

Responses are small frozen values, one class per family of kinds, with indexes always
in FILE order (as written in quiz.toml), whatever order the reader saw:

- :class:`ChoiceResponse` (single, multiple): the picked choices' indexes.
- :class:`TrueFalseResponse` (true_false), :class:`TextResponse` (short_answer),
  :class:`NumberResponse` (numeric).
- :class:`OrderResponse` (order): item indexes in the reader's order.
- :class:`MatchResponse` (match): per left side, the picked option's index in
  ``question.right_options``, or None.

Pure Python: no Textual (a test checks).
"""

from __future__ import annotations

from typing import Any

from explainer.kinds import match, multiple, numeric, order, short_answer, single, true_false
from explainer.kinds.base import (
    InputProblem,
    NoExportForm,
    Mark,
    MarkKind,
    QuestionKind,
    Score,
    format_number,
    normalise_text,
    parse_number,
)
from explainer.kinds.choice import ChoiceResponse, correct_choice_indexes
from explainer.kinds.match import MatchResponse
from explainer.kinds.multiple import partial_fraction
from explainer.kinds.numeric import NumberResponse
from explainer.kinds.order import OrderResponse
from explainer.kinds.short_answer import TextResponse
from explainer.kinds.true_false import TrueFalseResponse

__all__ = [
    "KINDS",
    "ChoiceResponse",
    "InputProblem",
    "NoExportForm",
    "Mark",
    "MarkKind",
    "MatchResponse",
    "NumberResponse",
    "OrderResponse",
    "QuestionKind",
    "Response",
    "Score",
    "TextResponse",
    "TrueFalseResponse",
    "correct_choice_indexes",
    "format_number",
    "kind_named",
    "kind_of",
    "normalise_text",
    "parse_number",
    "partial_fraction",
    "response_from_saved",
    "response_to_saved",
]

KINDS: dict[str, QuestionKind[Any, Any]] = {
    module.KIND.type: module.KIND
    for module in (single, multiple, true_false, short_answer, numeric, order, match)
}
"""Every kind by its quiz.toml ``type``. Adding a kind: its model in
:mod:`explainer.pack.model`, its module here, its widget module in
:mod:`explainer.widgets.kinds` (docs/architecture.md has a worked example)."""

Response = (
    ChoiceResponse | TrueFalseResponse | TextResponse | NumberResponse | OrderResponse | MatchResponse
)
"""Any response a kind scores (for annotations)."""

_BY_TAG: dict[str, QuestionKind[Any, Any]] = {}
for _kind in KINDS.values():
    _BY_TAG.setdefault(_kind.saved_tag, _kind)
_BY_RESPONSE: dict[type, QuestionKind[Any, Any]] = {}
for _kind in KINDS.values():
    _BY_RESPONSE.setdefault(_kind.response_type, _kind)


def kind_of(question: Any) -> QuestionKind[Any, Any]:
    """The kind of a validated question model (looked up by its ``type``).

    Raises:
        KeyError: no kind is registered for that type.
    """
    return KINDS[question.type]


def kind_named(type_: str) -> QuestionKind[Any, Any]:
    """The kind registered for the quiz.toml ``type`` ``type_``.

    Raises:
        KeyError: there is none.
    """
    return KINDS[type_]


def response_to_saved(response: Any) -> dict[str, Any]:
    """A response as its table in the progress file: ``{kind = tag, <key> = value}``.

    The tables are::

        {kind = "choice", selected = [1, 3]}      # ChoiceResponse, file-order indexes, sorted
        {kind = "true_false", value = true}       # TrueFalseResponse
        {kind = "text", text = "Hanawon"}         # TextResponse
        {kind = "number", value = 10000.0}        # NumberResponse
        {kind = "order", order = [2, 0, 1]}       # OrderResponse
        {kind = "match", matches = [1, 0, -1]}    # MatchResponse; -1 = nothing picked

    Raises:
        TypeError: ``response`` is not a response of any kind.
    """
    kind = _BY_RESPONSE.get(type(response))
    if kind is None:
        raise TypeError(f"not a response: {type(response).__name__}")
    return {"kind": kind.saved_tag, kind.saved_key: kind.to_saved(response)}


def response_from_saved(table: Any) -> Response:
    """Read back a table written by :func:`response_to_saved`.

    Raises:
        ValueError: anything else: not a table, an unknown or missing ``kind``, missing
            or extra keys, values of the wrong type (a bool is not a number here),
            negative or repeated indexes.
    """
    from collections.abc import Mapping

    if not isinstance(table, Mapping):
        raise ValueError("a response must be a table with a 'kind' key")
    tag = table.get("kind")
    if not isinstance(tag, str) or tag not in _BY_TAG:
        known = ", ".join(repr(k) for k in _BY_TAG)
        raise ValueError(f"a response's 'kind' must be one of {known}, not {tag!r}")
    kind = _BY_TAG[tag]
    if set(table) != {"kind", kind.saved_key}:
        raise ValueError(f"a {tag!r} response has exactly the keys 'kind' and {kind.saved_key!r}")
    return kind.from_saved(table[kind.saved_key])


def is_response(value: object) -> bool:
    """True when ``value`` is a response of some kind."""
    return type(value) in _BY_RESPONSE
