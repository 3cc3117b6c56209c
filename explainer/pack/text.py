"""Which characters pack text may not hold, and their names for messages.

A pack's text is printed to a terminal. Some characters are not text but commands to
the terminal or to its layout:

- C0 controls (U+0000 to U+001F) other than tab and line feed, DEL (U+007F) and C1
  controls (U+0080 to U+009F). ESCAPE starts sequences that retitle the window, clear
  the screen or make the terminal type a reply into the app; U+009B CONTROL SEQUENCE
  INTRODUCER does the same in one character. CARRIAGE RETURN is refused too: a line
  break is a line feed (TOML turns CRLF line ends into line feeds by itself).
- Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
  U+2069), which make text display in another order than it is stored. Right-to-left
  text (Arabic, Hebrew) needs none of them: the terminal lays it out by itself.

The loader refuses packs that hold these characters, the importers remove them, and
the app can check any text with :func:`find_forbidden` before it shows it. Pure
Python; no Textual, no pydantic.
"""

from __future__ import annotations

import re
import unicodedata

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Matches one forbidden character: a control other than tab and line feed, or a
bidirectional embedding, override or isolate."""

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# unicodedata.name() knows no names for controls (they have none, only aliases), so the
# usual names of ISO 6429 / Unicode's NameAliases.txt are listed here.
_CONTROL_NAMES: dict[int, str] = {
    0x00: "NULL",
    0x01: "START OF HEADING",
    0x02: "START OF TEXT",
    0x03: "END OF TEXT",
    0x04: "END OF TRANSMISSION",
    0x05: "ENQUIRY",
    0x06: "ACKNOWLEDGE",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x0E: "SHIFT OUT",
    0x0F: "SHIFT IN",
    0x10: "DATA LINK ESCAPE",
    0x11: "DEVICE CONTROL ONE",
    0x12: "DEVICE CONTROL TWO",
    0x13: "DEVICE CONTROL THREE",
    0x14: "DEVICE CONTROL FOUR",
    0x15: "NEGATIVE ACKNOWLEDGE",
    0x16: "SYNCHRONOUS IDLE",
    0x17: "END OF TRANSMISSION BLOCK",
    0x18: "CANCEL",
    0x19: "END OF MEDIUM",
    0x1A: "SUBSTITUTE",
    0x1B: "ESCAPE",
    0x1C: "FILE SEPARATOR",
    0x1D: "GROUP SEPARATOR",
    0x1E: "RECORD SEPARATOR",
    0x1F: "UNIT SEPARATOR",
    0x7F: "DELETE",
    0x80: "PADDING CHARACTER",
    0x81: "HIGH OCTET PRESET",
    0x82: "BREAK PERMITTED HERE",
    0x83: "NO BREAK HERE",
    0x84: "INDEX",
    0x85: "NEXT LINE",
    0x86: "START OF SELECTED AREA",
    0x87: "END OF SELECTED AREA",
    0x88: "CHARACTER TABULATION SET",
    0x89: "CHARACTER TABULATION WITH JUSTIFICATION",
    0x8A: "LINE TABULATION SET",
    0x8B: "PARTIAL LINE FORWARD",
    0x8C: "PARTIAL LINE BACKWARD",
    0x8D: "REVERSE LINE FEED",
    0x8E: "SINGLE SHIFT TWO",
    0x8F: "SINGLE SHIFT THREE",
    0x90: "DEVICE CONTROL STRING",
    0x91: "PRIVATE USE ONE",
    0x92: "PRIVATE USE TWO",
    0x93: "SET TRANSMIT STATE",
    0x94: "CANCEL CHARACTER",
    0x95: "MESSAGE WAITING",
    0x96: "START OF GUARDED AREA",
    0x97: "END OF GUARDED AREA",
    0x98: "START OF STRING",
    0x99: "SINGLE GRAPHIC CHARACTER INTRODUCER",
    0x9A: "SINGLE CHARACTER INTRODUCER",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9C: "STRING TERMINATOR",
    0x9D: "OPERATING SYSTEM COMMAND",
    0x9E: "PRIVACY MESSAGE",
    0x9F: "APPLICATION PROGRAM COMMAND",
}


def is_forbidden(char: str) -> bool:
    """Return True if the one character ``char`` may not appear in pack text.

    Raises:
        TypeError: ``char`` is not a string of length 1.
    """
    if not isinstance(char, str) or len(char) != 1:
        raise TypeError(f"expected one character, got {char!r}")
    return FORBIDDEN.match(char) is not None


def has_forbidden(text: str) -> bool:
    """Return True if ``text`` holds at least one forbidden character (fast: one regex search)."""
    return FORBIDDEN.search(text) is not None


def find_forbidden(text: str) -> list[tuple[int, str]]:
    """Return every forbidden character in ``text`` as ``(index, char)`` pairs, in order.

    ``index`` is the 0-based position in ``text``. Returns ``[]`` for clean text (tab,
    line feed, Korean, emoji, right-to-left Arabic and Hebrew are all clean). Never
    raises for a string.
    """
    return [(match.start(), match.group()) for match in FORBIDDEN.finditer(text)]


def remove_forbidden(text: str) -> str:
    """Return ``text`` without its forbidden characters (everything else unchanged)."""
    return FORBIDDEN.sub("", text)


def is_bidi_control(char: str) -> bool:
    """Return True for a bidirectional embedding, override or isolate (U+202A-U+202E,
    U+2066-U+2069); False for any other character, controls included."""
    return char in _BIDI


def describe_char(char: str) -> str:
    """Name one character for a message: ``"U+001B ESCAPE"``, ``"U+202E RIGHT-TO-LEFT OVERRIDE"``.

    Controls get their standard name from a table here (``unicodedata`` has none for
    them); any other character its Unicode name, or just ``"U+XXXX"`` if it has none.

    Raises:
        TypeError: ``char`` is not a string of length 1.
    """
    if not isinstance(char, str) or len(char) != 1:
        raise TypeError(f"expected one character, got {char!r}")
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


def why_forbidden(char: str) -> str:
    """Say in a few words why ``char`` is refused, for a message after its name.

    Returns e.g. ``"a control character that could drive the terminal"``, or for a
    bidirectional control ``"a bidirectional control that makes text display in
    another order than it is written"``; ``""`` for a character that is allowed.
    """
    if is_bidi_control(char):
        return "a bidirectional control that makes text display in another order than it is written"
    if len(char) == 1 and FORBIDDEN.match(char):
        return "a control character that could drive the terminal"
    return ""


def printable(text: str) -> str:
    """Return ``text`` with every forbidden character (:data:`FORBIDDEN`) written as an
    escape: ``\\x1b`` for a control character, ``\\u202e`` for a bidi control.

    For text that goes to a terminal as lines (plain mode, command-line messages, file
    names in them): what the reader sees is what the text holds, and nothing in it can
    drive the terminal or reorder the line. Tab and newline are kept.
    """
    if not FORBIDDEN.search(text):
        return text
    return FORBIDDEN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """``\\x1b`` for a control character, ``\\u202e`` for a bidi control."""
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(document: str) -> str:
    """Return JSON text with every forbidden character inside its strings written as a
    JSON escape (``\\u001b``, ``\\u202e``), so JSON made with ``ensure_ascii=False``
    can go to a terminal; it decodes to the same value. Forbidden characters can only
    stand inside JSON strings, so nothing else changes."""
    if not FORBIDDEN.search(document):
        return document
    return FORBIDDEN.sub(lambda m: f"\\u{ord(m.group(0)):04x}", document)
