"""The one way text reaches the screen: control characters are made visible first.

The loader refuses control characters in packs (``explainer/pack``), but text also comes
from progress files, typed answers, pasted text, file names and error messages. Every
widget of the app shows such text through :func:`shown` (or :func:`visible`, where a
widget takes a string), so that no byte of content can reach the terminal as a control
sequence: an ``ESC`` shows as ``␛``, never starts an escape sequence.

What is made visible (:data:`INVISIBLE`):

- C0 controls other than tab and newline, U+0000–U+001F: the Unicode "control
  pictures" (U+2400–U+241F), e.g. ``␛`` for ESCAPE, ``␇`` for BELL;
- DELETE, U+007F: ``␡``;
- C1 controls, U+0080–U+009F, and the bidi embedding, override and isolate characters,
  U+202A–U+202E and U+2066–U+2069: their code in angle brackets, e.g. ``⟨U+202E⟩``, so
  right-to-left overrides cannot reorder what the reader sees.

This module never imports Textual at import time beyond :class:`~textual.content.Content`.
"""

from __future__ import annotations

import re

from textual.content import Content

from explainer.pack.text import FORBIDDEN, remove_forbidden

INVISIBLE = FORBIDDEN
"""Characters that could drive the terminal or reorder text: every C0 control but tab
and newline, DELETE, every C1 control, and the bidi embeddings, overrides and isolates:
the set the loader refuses in packs (:data:`explainer.pack.text.FORBIDDEN`)."""

_WORD_BREAKS = re.compile("[\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    """The visible stand-in of one character matched by :data:`INVISIBLE`."""
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\u27e8U+{code:04X}\u27e9"


def visible(text: str) -> str:
    """Return ``text`` with every character in :data:`INVISIBLE` made visible.

    Args:
        text: any text: author text, a typed answer, a file name, an error message.

    Returns:
        The same text where ``"\\x1b[2J"`` becomes ``"␛[2J"`` and U+202E becomes
        ``"⟨U+202E⟩"``; tab and newline are kept, and so is every printable character
        (Korean, emoji, Arabic...). Text with nothing to change is returned as it is.
    """
    if INVISIBLE.search(text) is None:
        return text
    return INVISIBLE.sub(_picture, text)


def strip_invisible(text: str) -> str:
    """Return ``text`` without the characters in :data:`INVISIBLE` (and without line or
    paragraph separators): for text that is *typed* or pasted into a box, where a
    stand-in such as ``␛`` would become part of the reader's answer."""
    return _WORD_BREAKS.sub(" ", remove_forbidden(text))


def shown(text: str) -> Content:
    """Return ``text`` as :class:`~textual.content.Content` to show verbatim: never read
    as markup (square brackets stay), and every control character made visible
    (:func:`visible`)."""
    return Content(visible(text))


def message_content(template: str, style: str = "", **fields: Content | str | tuple[str, str]) -> Content:
    """Return a translated message with named fields as :class:`~textual.content.Content`,
    so that a whole sentence stays one message while parts of it are styled or verbatim.

    Args:
        template: the message, already translated, with ``{name}`` fields
            (``_("{key_r} read the section “{title}”")``); ``{{`` and ``}}`` are braces.
        style: the style of the message's own words (``"bold"`` for a label), or none.
        **fields: each field's value: Content (such as :func:`shown` author text), a
            ``(text, style)`` pair, or a plain string. Values are never read as a format
            or as markup.

    Returns:
        The words and the fields in the order the message has them.

    Raises:
        KeyError: the message names a field that is not given.
    """
    from string import Formatter

    parts: list[Content | str | tuple[str, str]] = []

    def add(piece: Content | str | tuple[str, str]) -> None:
        if isinstance(piece, str) and parts and isinstance(parts[-1], str):
            parts[-1] += piece  # plain text runs on, as one piece
        else:
            parts.append(piece)

    for literal, name, _spec, _conversion in Formatter().parse(template):
        if literal:
            add((literal, style) if style else literal)
        if name is not None:
            add(fields[name])
    return Content.assemble(*parts)
