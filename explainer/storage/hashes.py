"""Content hashes of questions: what ties saved answers to a question's current text.

:func:`question_hash` is 16 hex digits of the SHA-256 of a question's canonical JSON; it
is worked out once per question object per process (the questions are frozen) and kept
in a per-process cache. :func:`current_hashes` maps every question of a pack to it.
"""

from __future__ import annotations

import hashlib
import json

from explainer.pack.model import AnyQuestion, Pack

__all__ = ["alias", "current_hashes", "question_hash"]


_HASH = r"^[0-9a-f]{16}$"
"""The pattern of a :func:`question_hash`: 16 lower-case hex digits."""


_HASHES: dict[int, tuple[AnyQuestion, str]] = {}
"""question_hash() already worked out, by ``id()`` of the (frozen) question; the entry
keeps the question alive, so its ``id()`` cannot be reused while it is here."""


def question_hash(question: AnyQuestion) -> str:
    """Return a short, stable fingerprint of a question's content: 16 hex digits.

    It is the first 16 hex digits of the SHA-256 of the question's canonical JSON
    (keys sorted, no spaces, UTF-8, fields left at their default value omitted). Any
    edit an author makes to the question (prompt, choices, answer, explanation, hint,
    points, ...) changes it; reordering keys in quiz.toml, or a new version of explainer
    adding a field with a default, does not.

    Questions are frozen, so each one's fingerprint is worked out once per process:
    saving the quiz in progress after every answer does not hash a 100,000-question
    pack again each time.
    """
    known = _HASHES.get(id(question))
    if known is not None and known[0] is question:
        return known[1]
    fingerprint = _fingerprint(question)
    _HASHES[id(question)] = (question, fingerprint)
    return fingerprint


def _fingerprint(question: AnyQuestion) -> str:
    """The SHA-256 fingerprint :func:`question_hash` describes, worked out now."""
    data = question.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data["type"] = question.type  # the discriminator is a default-less Literal, but be explicit
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def current_hashes(pack: Pack) -> dict[str, str]:
    """Return ``{question id: question_hash(question)}`` for every question of ``pack``."""
    return {question.id: question_hash(question) for question in pack.questions}


def alias(question: AnyQuestion, source: AnyQuestion) -> None:
    """From now on (in this process), fingerprint ``question`` as ``source``.

    A translated question (explainer.pack.translations) is the original's question in
    other words: aliasing it to the original's makes an answer saved in one language
    count in the other, while an edit of the original still makes saved answers lapse.
    """
    _HASHES[id(question)] = (question, question_hash(source))
