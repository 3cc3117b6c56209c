"""A pack whose every text field carries terminal control sequences (test helper).

The loader refuses such packs, so :func:`hostile_pack` builds one past it: it copies a
valid pack and appends :data:`HOSTILE` to every text a reader can see, with pydantic's
``model_copy`` (which does not validate). The app must still show every one of them as
visible characters: this is the defence in depth behind the loader's rule.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from explainer.pack import Pack

HOSTILE = " OSC\x1b]0;PWNED\x07 CLR\x1b[2J ASK\x1b[5n C1\x9b31m RLO\u202eevil"
"""Appended to every text: rename the terminal window (OSC 0), clear the screen, ask
the terminal to type a reply (device status report), a C1 control sequence
introducer, and a right-to-left override."""

MARKERS: tuple[bytes, ...] = (b"\x1b]0;PWNED", b"CLR\x1b[2J", b"ASK\x1b[5n", b"C1\xc2\x9b", "\u202eevil".encode())
"""Byte strings that are in the terminal output only if content reached it raw."""

_KEEP = {"id", "section", "sources", "type", "language", "schema_", "url", "date"}
"""Fields that are ids, references or machine values: left as they are, so the pack
still holds together."""


def _poison(value: Any, field: str | None = None) -> Any:
    """``value`` with :data:`HOSTILE` appended to every text in it (recursively)."""
    if isinstance(value, BaseModel):
        updates = {name: _poison(getattr(value, name), name) for name in type(value).model_fields}
        copy = value.model_copy(update=updates)
        copy.__dict__.pop("_index", None)  # a Pack's lookup index, built again on first use
        return copy
    if isinstance(value, tuple):  # a tuple of models (the pack's sources) is poisoned
        return tuple(_poison(item, field) for item in value)
    if field in _KEEP:
        return value  # ids and references (a section's ``sources``)
    if isinstance(value, str):
        return value + HOSTILE
    return value


def hostile_pack(pack: Pack) -> Pack:
    """Return a copy of ``pack`` with :data:`HOSTILE` appended to every text a reader
    sees (titles, bodies, key points, terms, definitions, events, prompts, choices,
    items, pairs, accepted answers, hints, feedback, explanations, authors, sources)."""
    return _poison(pack)


DECODED = "See <https://example.org/%1B%5D0;PWNED%1B%5C%1B%5B2JMARK> and https://example.org/%1B%5B2J, abc&#x202E;REV&#x202C; &#x2066;"
"""Markdown that is clean as written but decodes into control characters when parsed:
percent-escapes in link addresses and HTML character references."""


def with_first_body(pack: Pack, body: str) -> Pack:
    """Return a copy of ``pack`` whose first section's body is ``body`` (unchecked)."""
    first = pack.sections[0].model_copy(update={"body": body})
    explainer = pack.explainer.model_copy(update={"sections": (first, *pack.sections[1:])})
    copy = pack.model_copy(update={"explainer": explainer})
    copy.__dict__.pop("_index", None)
    return copy
