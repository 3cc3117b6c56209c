"""The saved-response format: a reader's answer as a small TOML table with a ``kind`` key.

- :func:`response_to_toml` and :func:`response_from_toml` write and read the tables
  (``{kind = "choice", selected = [1, 3]}`` ...); :data:`StoredResponse` is the pydantic
  type the progress models use for a response field.
- :func:`display_order_length` and :func:`response_fits` say whether a saved display
  order or answer still fits a question (a hand-edited or stale file is dropped, never a
  crash).

Each function is small and self-contained, one branch per kind of response.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator

from explainer.pack.model import (
    AnyQuestion,
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from explainer.pack.scoring import (
    ChoiceResponse,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    Response,
    TextResponse,
    TrueFalseResponse,
)

__all__ = [
    "StoredResponse",
    "display_order_length",
    "response_fits",
    "response_from_toml",
    "response_to_toml",
]


def _index_list(value: Any, what: str, *, allow_none_marker: bool = False) -> list[int]:
    """Check that ``value`` is a list of TOML integers >= 0 (or -1 when allowed)."""
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of whole numbers")
    lowest = -1 if allow_none_marker else 0
    for item in value:
        if type(item) is not int or item < lowest:
            raise ValueError(f"{what} must hold whole numbers >= {lowest}, not {item!r}")
    return list(value)


def response_to_toml(response: Response) -> dict[str, Any]:
    """Turn a response into a small TOML table with a ``kind`` key.

    The tables are::

        {kind = "choice", selected = [1, 3]}      # ChoiceResponse, file-order indexes, sorted
        {kind = "true_false", value = true}       # TrueFalseResponse
        {kind = "text", text = "Hanawon"}         # TextResponse
        {kind = "number", value = 10000.0}        # NumberResponse
        {kind = "order", order = [2, 0, 1]}       # OrderResponse
        {kind = "match", matches = [1, 0, -1]}    # MatchResponse; -1 = nothing picked

    Raises:
        TypeError: ``response`` is not one of the response classes.
    """
    if isinstance(response, ChoiceResponse):
        return {"kind": "choice", "selected": sorted(int(i) for i in response.selected)}
    if isinstance(response, TrueFalseResponse):
        return {"kind": "true_false", "value": bool(response.value)}
    if isinstance(response, TextResponse):
        return {"kind": "text", "text": str(response.text)}
    if isinstance(response, NumberResponse):
        return {"kind": "number", "value": float(response.value)}
    if isinstance(response, OrderResponse):
        return {"kind": "order", "order": [int(i) for i in response.order]}
    if isinstance(response, MatchResponse):
        return {"kind": "match", "matches": [-1 if m is None else int(m) for m in response.matches]}
    raise TypeError(f"not a response: {type(response).__name__}")


_RESPONSE_KEYS: dict[str, str] = {
    "choice": "selected",
    "true_false": "value",
    "text": "text",
    "number": "value",
    "order": "order",
    "match": "matches",
}


def response_from_toml(table: Any) -> Response:
    """Read back a table written by :func:`response_to_toml`.

    Args:
        table: a mapping with a ``kind`` key and that kind's one value key.

    Returns:
        The response object (a :class:`ChoiceResponse`, :class:`TrueFalseResponse`, ...).

    Raises:
        ValueError: anything else: not a table, an unknown or missing ``kind``, missing or
            extra keys, values of the wrong type (a bool is not a number here), negative
            or repeated indexes.
    """
    if not isinstance(table, Mapping):
        raise ValueError("a response must be a table with a 'kind' key")
    kind = table.get("kind")
    if not isinstance(kind, str) or kind not in _RESPONSE_KEYS:
        known = ", ".join(repr(k) for k in _RESPONSE_KEYS)
        raise ValueError(f"a response's 'kind' must be one of {known}, not {kind!r}")
    key = _RESPONSE_KEYS[kind]
    if set(table) != {"kind", key}:
        raise ValueError(f"a {kind!r} response has exactly the keys 'kind' and {key!r}")
    value = table[key]
    if kind == "choice":
        selected = _index_list(value, "'selected'")
        if len(set(selected)) != len(selected):
            raise ValueError("'selected' names a choice twice")
        return ChoiceResponse(frozenset(selected))
    if kind == "true_false":
        if not isinstance(value, bool):
            raise ValueError("a true_false response's 'value' must be true or false")
        return TrueFalseResponse(value)
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError("a text response's 'text' must be a string")
        return TextResponse(value)
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("a number response's 'value' must be a number")
        return NumberResponse(float(value))
    if kind == "order":
        order = _index_list(value, "'order'")
        if len(set(order)) != len(order):
            raise ValueError("'order' names an item twice")
        return OrderResponse(tuple(order))
    matches = _index_list(value, "'matches'", allow_none_marker=True)
    return MatchResponse(tuple(None if m == -1 else m for m in matches))


_RESPONSE_TYPES = (
    ChoiceResponse,
    TrueFalseResponse,
    TextResponse,
    NumberResponse,
    OrderResponse,
    MatchResponse,
)


def _validate_response(value: Any) -> Response:
    """Pydantic validator: accept a response object, or a TOML table of one."""
    if isinstance(value, _RESPONSE_TYPES):
        return value
    return response_from_toml(value)


StoredResponse = Annotated[
    Response,
    PlainValidator(_validate_response),
    PlainSerializer(response_to_toml, return_type=dict),
]
"""A response kept as its object in Python and as a ``kind`` table in TOML."""


def display_order_length(question: AnyQuestion) -> int:
    """How many entries a question's display order has.

    The choices of a single/multiple question, the items of an order question, the
    right-hand options (pairs then distractors) of a match question; 0 for the rest.
    """
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return len(question.choices)
    if isinstance(question, OrderQuestion):
        return len(question.items)
    if isinstance(question, MatchQuestion):
        return len(question.right_options)
    return 0


def response_fits(question: AnyQuestion, response: Response) -> bool:
    """Return True if ``response`` is the right kind for ``question`` and its indexes exist.

    Used to drop a hand-edited or stale answer rather than crash on it.
    """
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return isinstance(response, ChoiceResponse) and all(
            0 <= i < len(question.choices) for i in response.selected
        )
    if isinstance(question, TrueFalseQuestion):
        return isinstance(response, TrueFalseResponse)
    if isinstance(question, ShortAnswerQuestion):
        return isinstance(response, TextResponse)
    if isinstance(question, NumericQuestion):
        return isinstance(response, NumberResponse)
    if isinstance(question, OrderQuestion):
        return isinstance(response, OrderResponse) and all(
            0 <= i < len(question.items) for i in response.order
        )
    if isinstance(question, MatchQuestion):
        return (
            isinstance(response, MatchResponse)
            and len(response.matches) == len(question.pairs)
            and all(m is None or 0 <= m < len(question.right_options) for m in response.matches)
        )
    return False  # pragma: no cover - unknown question type
