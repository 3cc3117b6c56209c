"""The saved-response format: a reader's answer as a small TOML table with a ``kind`` key.

The forms belong to the question kinds (:mod:`explainer.kinds`: each kind's
``to_saved``/``from_saved``); this module is storage's way to them:

- :func:`response_to_toml` and :func:`response_from_toml` write and read the tables
  (``{kind = "choice", selected = [1, 3]}`` ...); :data:`StoredResponse` is the pydantic
  type the progress models use for a response field.
- :func:`display_order_length` and :func:`response_fits` say whether a saved display
  order or answer still fits a question (a hand-edited or stale file is dropped, never a
  crash).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator

from explainer.kinds import Response, is_response, kind_of, response_from_saved, response_to_saved
from explainer.pack.model import AnyQuestion

__all__ = [
    "StoredResponse",
    "display_order_length",
    "response_fits",
    "response_from_toml",
    "response_to_toml",
]


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
    return response_to_saved(response)


def response_from_toml(table: Any) -> Response:
    """Read back a table written by :func:`response_to_toml`.

    Args:
        table: a mapping with a ``kind`` key and that kind's one value key.

    Returns:
        The response object (a :class:`~explainer.kinds.ChoiceResponse`, ...).

    Raises:
        ValueError: anything else: not a table, an unknown or missing ``kind``, missing or
            extra keys, values of the wrong type (a bool is not a number here), negative
            or repeated indexes.
    """
    return response_from_saved(table)


def _validate_response(value: Any) -> Response:
    """Pydantic validator: accept a response object, or a TOML table of one."""
    if is_response(value):
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
    right-hand options (pairs then distractors) of a match question; 0 for the rest
    (:meth:`explainer.kinds.QuestionKind.order_length`).
    """
    return kind_of(question).order_length(question)


def response_fits(question: AnyQuestion, response: Response) -> bool:
    """Return True if ``response`` is the right kind for ``question`` and its indexes exist.

    Used to drop a hand-edited or stale answer rather than crash on it.
    """
    return kind_of(question).response_fits(question, response)
