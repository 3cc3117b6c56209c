"""Word-aware wrapping with hanging indents, for every list-like text of the app.

Textual wraps a widget's text back to column 0, so a wrapped list entry loses its
place: "· 2. The captured" / "soldiers". :class:`Hanging` is a Textual
:class:`~textual.visual.Visual` that lays out *items*, each a marker (a bullet, a
number, a key, a date, a choice's "( ) 1.") and a body, with every line of the body
after the first indented to where the body began. It is used wherever the app shows a
list: the sidebar, the timeline, help, choices, feedback marks, key points and sources.

Line breaking (:func:`wrap_lines`):

- lines break at spaces only (U+0020); a no-break space (U+00A0) keeps its words
  together, so a phrase such as "right answer (not picked)" can be kept whole;
- a web address (``http://``, ``https://``, ``www.``) that fits the width is never
  broken: it moves to a line of its own; one longer than the width breaks only after a
  ``/``; a piece still longer than the width (a word or an address part) is cut after a
  ``-``, ``_``, ``?``, ``&``, ``=`` or ``.`` near the width if there is one, else at the
  width, as nothing else would show it;
- explicit newlines in a body start a new line at the body's indent.

Every line is built from slices of the given :class:`~textual.content.Content`, so
styles are kept, and the text is never read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.visual import Visual

from explainer.widgets.text import shown

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.style import Style
    from textual.visual import RenderOptions

__all__ = ["Hanging", "wrap_lines"]

_TOKEN = re.compile(r" *[^ ]+ *")
"""A word with the spaces after it (and, at the start of a line, the spaces before it)."""

_ADDRESS = re.compile(r"(?:https?://|www\.)[^ ]+")
"""A web address inside a word."""

_ADDRESS_PART = re.compile(r"[^/]*/+|[^/]+")
"""Pieces of an address that may end a line: up to and including each run of ``/``."""

_NEWLINE = shown("\n")

NO_BREAK = "\u00a0"
"""The no-break space: keeps the words on either side on one line; shown as a space."""

MIN_BODY = 8
"""Narrowest body (in cells) beside a marker; below it the body starts on the line under
the marker, at the left edge, so that a narrow column still reads as words."""


def _pieces(line: str, width: int) -> Iterable[tuple[int, int]]:
    """Yield ``(start, end)`` character offsets of the unbreakable pieces of ``line``.

    Each piece is a word with its trailing spaces; a web address longer than ``width``
    is several pieces, each ending after a ``/``.
    """
    for token in _TOKEN.finditer(line):
        start, end = token.span()
        word = token.group()
        address = _ADDRESS.search(word)
        if address is None or cell_len(address.group()) <= width:
            yield start, end
            continue
        cuts = [start + address.start() + part.end() for part in _ADDRESS_PART.finditer(address.group())]
        cuts[-1] = end  # the last part keeps what follows the address and the spaces
        begin = start
        for cut in cuts:
            if cut > begin:
                yield begin, cut
                begin = cut


_SOFT_BREAKS = frozenset("-_?&=.")
"""Characters after which a piece too long for any line is cut, when one is in reach
(an address part such as ``a-very-long-slug``), rather than in the middle of a word."""


def _fold(line: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut ``line[start:end]`` into runs of at most ``width`` cells (at least one
    character each), for a piece that fits no line: after a character of
    :data:`_SOFT_BREAKS` in the second half of the run if there is one, else at the
    width."""
    runs = []
    begin = start
    cells = 0
    soft = -1  # index just after the last soft break in the run
    index = start
    while index < end:
        size = cell_len(line[index])
        if cells + size > width and index > begin:
            cut = soft if soft > begin + (index - begin) // 2 else index
            runs.append((begin, cut))
            begin, cells, soft = cut, cell_len(line[cut:index]), -1
            continue
        cells += size
        index += 1
        if line[index - 1] in _SOFT_BREAKS:
            soft = index
    runs.append((begin, end))
    return runs


def _wrap_line(line: Content, width: int) -> list[Content]:
    """Wrap one line (no newline in it) to ``width`` cells; see :func:`wrap_lines`."""
    plain = line.plain
    if cell_len(plain) <= width:
        return [line.rstrip()] if plain.endswith(" ") else [line]
    out: list[tuple[int, int]] = []
    begin: int | None = None  # start of the line being filled
    end = 0  # end of its last piece, spaces included
    used = 0  # cells used, spaces after the last piece included
    for start, stop in _pieces(plain, width):
        text = plain[start:stop]
        full = cell_len(text)
        bare = cell_len(text.rstrip(" "))
        if begin is not None and used + bare <= width:
            end, used = stop, used + full
            continue
        if begin is not None:
            out.append((begin, end))
        if bare > width:
            runs = _fold(plain, start, start + len(text.rstrip(" ")), width)
            out.extend(runs[:-1])
            begin = runs[-1][0]
            end, used = stop, cell_len(plain[begin:stop])
        else:
            begin, end, used = start, stop, full
    if begin is not None:
        out.append((begin, end))
    return [line[a:b].rstrip() for a, b in out] or [Content.empty()]


def wrap_lines(content: Content, width: int) -> list[Content]:
    """Wrap ``content`` to lines of at most ``width`` cells, breaking at spaces.

    Args:
        content: the text; newlines in it start new lines.
        width: the width in cells (at least 1).

    Returns:
        The lines, each a slice of ``content`` (styles kept) without trailing spaces;
        at least one line. Rules: see the module's docstring.
    """
    width = max(1, width)
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        lines.extend(_wrap_line(line, width))
    return [_spaced(line) for line in lines] or [Content.empty()]


def _spaced(line: Content) -> Content:
    """``line`` with each no-break space shown as a space (same length, same styles)."""
    if NO_BREAK not in line.plain:
        return line
    return Content.blank(1).join(line.split(NO_BREAK, allow_blank=True))


def _as_content(text: Content | str) -> Content:
    """``text`` as Content; a ``str`` is shown verbatim (never markup, controls made
    visible: :func:`~explainer.widgets.text.shown`)."""
    return text if isinstance(text, Content) else shown(text)


class LinesVisual(Visual):
    """A Textual Visual made of whole lines: subclasses give :meth:`lines` for a width
    (each line at most that many cells); rendering and height come from them."""

    def lines(self, width: int) -> list[Content]:
        """The lines at ``width`` cells."""
        raise NotImplementedError

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        """Render the lines (Textual's Visual protocol): see :meth:`lines`."""
        if not width:
            return []
        return _NEWLINE.join(self.lines(width)).render_strips(width, height, style, options)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """How many lines there are at ``width`` cells."""
        return len(self.lines(width))


class Hanging(LinesVisual):
    """Items shown as marker + body, each body's lines after the first indented.

    Args:
        items: ``(marker, body)`` pairs; a ``str`` is shown verbatim, never as markup
            (pass author text through :func:`explainer.widgets.text.shown` first, so
            control characters are made visible).
        gap: blank lines between items (0 or more).
        indent: the body's column in cells; None: the widest marker's width, so every
            body of the list starts in the same column.

    The visual works in any widget that shows a visual (``Static``, ``Label``,
    ``OptionList`` prompts). Below :data:`MIN_BODY` cells beside the marker, the body
    starts on the next line at the left edge.
    """

    def __init__(
        self,
        items: Sequence[tuple[Content | str, Content | str]],
        *,
        gap: int = 0,
        indent: int | None = None,
    ) -> None:
        self.items = [(_as_content(marker), _as_content(body)) for marker, body in items]
        """The ``(marker, body)`` pairs, as Content."""
        self.gap = max(0, gap)
        """Blank lines between items."""
        widest = max((marker.cell_length for marker, _unused in self.items), default=0)
        self.indent = widest if indent is None else max(0, indent)
        """The body's column, in cells."""
        self._cache: tuple[int, list[Content]] | None = None

    @classmethod
    def one(cls, marker: Content | str, body: Content | str) -> Hanging:
        """One item: ``marker`` then ``body`` (see the class)."""
        return cls([(marker, body)])

    def lines(self, width: int) -> list[Content]:
        """The lines at ``width`` cells: each at most ``width`` cells, no trailing spaces."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        width = max(1, width)
        lines: list[Content] = []
        for number, (marker, body) in enumerate(self.items):
            if number and self.gap:
                lines.extend(Content.empty() for _unused in range(self.gap))
            room = width - self.indent
            if room >= MIN_BODY:
                head = marker.pad_right(self.indent - marker.cell_length)
                pad = Content.blank(self.indent)
                for row, line in enumerate(wrap_lines(body, room)):
                    lines.append(Content.assemble(head if row == 0 else pad, line).rstrip())
            else:
                if marker.plain.strip():
                    lines.extend(wrap_lines(marker, width))
                lines.extend(wrap_lines(body, width))
        self._cache = (width, lines)
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The width that needs no wrapping: the indent plus the longest body line."""
        longest = max(
            (cell_len(line) for _unused, body in self.items for line in body.plain.split("\n")),
            default=0,
        )
        markers = max((marker.cell_length for marker, _unused in self.items), default=0)
        return max(markers, self.indent + longest)

    def get_minimal_width(self, rules: RulesMap) -> int:
        """The indent plus a few cells of body (:data:`MIN_BODY`)."""
        return self.indent + MIN_BODY
