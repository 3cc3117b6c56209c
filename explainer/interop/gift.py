"""Read Moodle GIFT question banks.

:func:`parse_gift` turns the text of a GIFT file into an
:class:`~explainer.interop.common.ImportResult`: explainer question dicts and a report
with the line of every question converted, approximated or skipped, and of every
problem. A malformed question is reported and left out; the questions around it are
still imported, because questions are read one blank-line-separated block at a time.

What maps to what:

===============================================  =====================================
GIFT                                             explainer
===============================================  =====================================
``{=right ~wrong ~wrong}``                       ``single``
``{~%50%a ~%50%b ~%-50%c}`` (no ``=``)           ``multiple``, ``scoring = "partial"``
``{=a =b ~c}`` (several ``=``)                   ``multiple`` (approximated)
``{T}`` ``{TRUE}`` ``{F#if-wrong#if-right}``     ``true_false``
``{=answer =other}`` (only ``=``)                ``short_answer`` (``accept``)
``{#5:0.5}`` ``{#1..3}`` ``{#=5:0 =%50%6:0}``    ``numeric`` (full-credit answer kept)
``{=left -> right ...}``                         ``match`` (empty left = distractor)
text ``{...}`` more text                         prompt with ``_____`` for the block
``#feedback`` after an answer                    the choice's ``feedback``
``####general feedback``                         ``explanation``
``::title::``                                    ``id`` (slug, made unique)
``$CATEGORY: a/b``                               ``tags`` of the questions after it
``{}`` essay, text without ``{...}``             skipped (reported)
===============================================  =====================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from explainer.interop.common import (
    BLANK,
    IMPORTED_SECTION,
    BankError,
    IdMaker,
    ImportResult,
    ReportEntry,
    char_ref_notes,
    check_question,
    clean_lines,
    clean_question,
    escape_markdown,
    html_to_text,
    looks_like_html,
    short_answer_text,
    tag_slugs,
    usable_id_source,
    pin_positional,
    slugify,
)

#: Characters GIFT lets you escape with a backslash (plus ``\n`` for a line break).
SPECIAL = "~=#{}:\\"
_FORMATS = ("html", "moodle", "plain", "markdown")
_FORMAT = re.compile(r"\A\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*", re.ASCII)  # 0-9 only, as PHP's is_numeric
_MARKDOWNISH = re.compile(r"[*_`#\[\]>]")


# ------------------------------------------------------------------ escaped characters


@dataclass
class _Span:
    """A stretch of a question block after escapes are read.

    ``chars[i]`` is one character, ``escaped[i]`` says whether it was written with a
    backslash (so it is never syntax), ``lines[i]`` is its 1-based source line.
    """

    chars: list[str]
    escaped: list[bool]
    lines: list[int]
    anchor: int = 0  # the line an empty span stands at, for its error messages

    def __len__(self) -> int:
        return len(self.chars)

    def slice(self, start: int, stop: int | None = None) -> _Span:
        """Return the sub-span ``[start:stop]``; an empty one remembers the line it stands at."""
        return _Span(self.chars[start:stop], self.escaped[start:stop], self.lines[start:stop], self.line(start))

    def text(self) -> str:
        """Return the characters as text, escapes resolved."""
        return "".join(self.chars)

    def line(self, index: int = 0) -> int:
        """Return the source line of character ``index`` (the last line if past the end; the
        line it stands at if the span is empty)."""
        if not self.lines:
            return self.anchor
        return self.lines[min(max(index, 0), len(self.lines) - 1)]

    def find(self, seq: str, start: int = 0) -> int:
        """Return the index of the first unescaped ``seq`` at or after ``start``, or -1."""
        n = len(seq)
        for i in range(start, len(self.chars) - n + 1):
            if all(self.chars[i + k] == seq[k] and not self.escaped[i + k] for k in range(n)):
                return i
        return -1

    def rfind(self, seq: str) -> int:
        """Return the index of the last unescaped ``seq``, or -1."""
        n = len(seq)
        for i in range(len(self.chars) - n, -1, -1):
            if all(self.chars[i + k] == seq[k] and not self.escaped[i + k] for k in range(n)):
                return i
        return -1

    def strip(self) -> _Span:
        """Return the span without unescaped white space at either end."""
        start, stop = 0, len(self.chars)
        while start < stop and self.chars[start].isspace() and not self.escaped[start]:
            start += 1
        while stop > start and self.chars[stop - 1].isspace() and not self.escaped[stop - 1]:
            stop -= 1
        return self.slice(start, stop)

    def startswith(self, seq: str) -> bool:
        """True when the span starts with unescaped ``seq``."""
        return self.find(seq) == 0 if len(self.chars) >= len(seq) else False

    def split(self, separators: str) -> list[tuple[str, _Span]]:
        """Split at each unescaped character of ``separators``.

        Returns ``(separator, piece)`` pairs; the first piece (before any separator) has
        separator ``""``.
        """
        pieces: list[tuple[str, _Span]] = []
        marker, start = "", 0
        for i, (char, escaped) in enumerate(zip(self.chars, self.escaped)):
            if char in separators and not escaped:
                pieces.append((marker, self.slice(start, i)))
                marker, start = char, i + 1
        pieces.append((marker, self.slice(start)))
        return pieces


def _read_escapes(block: list[tuple[int, str]]) -> _Span:
    """Turn the lines of a block into a :class:`_Span`, resolving backslash escapes.

    A backslash before anything else (``\\q``, ``\\ ``, a line's end) is kept as
    written, as Moodle keeps it.
    """
    span = _Span([], [], [])
    for number, line in block:
        i = 0
        while i < len(line):
            char = line[i]
            if char == "\\":
                nxt = line[i + 1] if i + 1 < len(line) else ""
                if nxt and nxt in SPECIAL:
                    span.chars.append(nxt)
                elif nxt == "n":
                    span.chars.append("\n")
                else:
                    # Moodle keeps any other backslash as written (``\ `` stays ``\ ``),
                    # and the character after it is read as usual.
                    span.chars.append("\\")
                    span.escaped.append(True)
                    span.lines.append(number)
                    i += 1
                    continue
                span.escaped.append(True)
                span.lines.append(number)
                i += 2
                continue
            span.chars.append(char)
            span.escaped.append(False)
            span.lines.append(number)
            i += 1
        span.chars.append("\n")
        span.escaped.append(False)
        span.lines.append(number)
    return span


# ------------------------------------------------------------------------------ parsing


def parse_gift(lines: list[str], *, section: str = IMPORTED_SECTION) -> ImportResult:
    """Read a GIFT bank.

    Args:
        lines: the file's lines without line endings (see
            :func:`explainer.interop.common.decode_bank`); line ``i + 1`` is ``lines[i]``.
        section: the section id every question points at.

    Returns:
        An :class:`ImportResult` (``format="gift"``): the valid questions, and a report in
        line order. Never raises for any input: problems become ``error`` entries.
        Control characters and bidi overrides are removed (see
        :func:`explainer.interop.common.clean_lines`), each line that held any reported as
        ``approximated``.
    """
    result = ImportResult(format="gift")
    ids = IdMaker()
    tags: list[str] = []
    category_line: int | None = None  # the $CATEGORY: line just read, until the next block
    lines, removed = clean_lines(lines)
    result.report.extend(removed)
    for block, comments in _blocks(lines):
        first_line = block[0][0]
        head = block[0][1].strip()
        if head.startswith("$CATEGORY:"):
            category_notes: list[str] = []
            tags = category_tags(head[len("$CATEGORY:") :], category_notes)
            category_line = first_line
            if category_notes:
                result.report.append(ReportEntry(first_line, "approximated", "category: " + "; ".join(category_notes)))
            continue
        glued = category_line is not None and all(
            php_trim(lines[k]).startswith("//") for k in range(category_line, first_line - 1)
        )
        category_line = None
        id_number, comment_tags = _comment_marks(comments)
        mark_notes: list[str] = []
        own_tags = tag_slugs(comment_tags, mark_notes)
        try:
            parsed = _parse_question(block, section=section, tags=tags + [t for t in own_tags if t not in tags])
        except BankError as exc:
            result.report.append(ReportEntry(exc.line, "error", exc.message))
            continue
        except Exception as exc:  # pragma: no cover - a bug must not cost the other questions
            result.report.append(ReportEntry(first_line, "error", f"could not read this question ({exc})"))
            continue
        if isinstance(parsed, ReportEntry):
            result.report.append(parsed)
            continue
        question, title, notes, shape = parsed
        notes.extend(mark_notes)
        if glued:
            notes.append(
                "no blank line after the $CATEGORY: line above: Moodle reads such a question as part of"
                " the category's name; leave a blank line between them"
            )
        result.report.extend(clean_question(question, first_line))
        source = usable_id_source([(f"[id:{id_number}]", id_number), ("the title", title)], notes)
        question["id"] = ids.make(source, question["prompt"], len(result.questions) + 1)
        if id_number is not None and source == id_number:
            shape += f"; id from [id:{id_number}]"
        if comment_tags:
            shape += "; tags from " + " ".join(f"[tag:{t}]" for t in comment_tags)
        pinned = pin_positional(question)
        if pinned:
            shape += "; pinned " + ", ".join(f'"{text}"' for text in pinned) + " in place"
        try:
            check_question(question, first_line)
        except BankError as exc:
            result.report.append(ReportEntry(exc.line, "error", exc.message))
            continue
        result.questions.append(question)
        result.report.append(_entry(first_line, question, notes, shape))
    result.report.sort(key=lambda entry: entry.line)
    return result


def category_tags(path: str, notes: list[str] | None = None) -> list[str]:
    """Turn a ``$CATEGORY:`` path into tags: each meaningful part, slugified.

    Moodle's context parts (``$course$``, ``$system$``...) and ``top`` are dropped, so
    ``$course$/top/Geography/Europe`` gives ``["geography", "europe"]`` and
    ``$course$/top`` gives no tags. Each part that changes beyond letter case, or is
    dropped, adds a note to ``notes`` (:func:`~explainer.interop.common.tag_slugs`).
    """
    parts = []
    for part in path.strip().split("/"):
        part = part.strip()
        if not part or (part.startswith("$") and part.endswith("$")) or part.lower() == "top":
            continue
        parts.append(part)
    return tag_slugs(parts, notes if notes is not None else [])


def _entry(line: int, question: dict[str, Any], notes: list[str], shape: str = "") -> ReportEntry:
    """The report entry of an imported question."""
    kind = question["type"]
    if kind == "multiple":
        kind += f" ({question.get('scoring', 'all_or_nothing')} scoring)"
    kind += shape
    message = f"question '{question['id']}' as {kind}"
    if notes:
        unique = list(dict.fromkeys(notes))
        return ReportEntry(line, "approximated", f"{message}: " + "; ".join(unique))
    return ReportEntry(line, "converted", message)


def php_trim(text: str) -> str:
    """``text`` without the characters PHP's ``trim`` removes at either end (space, tab,
    line feed, carriage return, NUL, vertical tab): not Python's wider white space."""
    return text.strip(" \t\n\r\0\x0b")


def _blocks(lines: list[str]) -> list[tuple[list[tuple[int, str]], list[str]]]:
    """Split the file into question blocks: runs of lines between blank lines.

    Blank is as Moodle's qformat_default reads it: nothing but PHP's ``trim`` white
    space (space, tab, NUL, vertical tab), or ``0`` alone (PHP's ``empty("0")``); a
    line holding only a no-break space is not blank.

    Returns ``(block, comments)`` pairs: the block's lines, and the text of the comment
    lines (``//`` first) in it or right before it (no blank line between), where Moodle
    keeps a question's ``[id:...]`` and ``[tag:...]``. Comment lines do not end a block;
    a ``$CATEGORY:`` line is always a block of its own.
    """
    blocks: list[tuple[list[tuple[int, str]], list[str]]] = []
    current: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, line in enumerate(lines, start=1):
        stripped = php_trim(line)
        if stripped == "0":  # PHP's empty("0") is true: Moodle reads the line as blank
            stripped = ""
        if stripped.startswith("//"):
            comments.append(stripped[2:])
            continue
        if not stripped or stripped.startswith("$CATEGORY:"):
            if current:
                blocks.append((current, comments))
                current = []
            comments = [] if not current else comments
            if stripped:
                blocks.append(([(number, line)], []))
            if not stripped:
                comments = []
            continue
        current.append((number, line))
    if current:
        blocks.append((current, comments))
    return blocks


_ID_MARK = re.compile(r"\[id:([^\]]*)\]")
_TAG_MARK = re.compile(r"\[tag:([^\]]*)\]")


def _comment_marks(comments: list[str]) -> tuple[str | None, list[str]]:
    """Moodle's ``[id:...]`` (the question's id number) and ``[tag:...]`` marks in the
    comments of a question: ``(id number or None, tags in order)``."""
    text = "\n".join(comments)
    ids = [m.strip() for m in _ID_MARK.findall(text) if m.strip()]
    tags = [m.strip() for m in _TAG_MARK.findall(text) if m.strip()]
    return (ids[0] if ids else None), list(dict.fromkeys(tags))


def _parse_question(
    block: list[tuple[int, str]], *, section: str, tags: list[str]
) -> tuple[dict[str, Any], str | None, list[str], str] | ReportEntry:
    """Read one question block.

    Returns ``(question dict without id, title or None, approximation notes, shape)``,
    where shape is added to the report message (``" (missing word)"`` or ``""``); or
    a ``skipped`` report entry for essays and descriptions.

    Raises:
        BankError: the block is malformed.
    """
    first_line = block[0][0]
    span = _read_escapes(block).strip()
    title: str | None = None
    if span.startswith("::"):
        end = span.find("::", 2)
        if end == -1:
            raise BankError(first_line, "the title that starts with '::' is not closed with '::'")
        title = span.slice(2, end).text().strip()
        span = span.slice(end + 2).strip()
    open_ = span.find("{")
    close = span.find("}")
    if open_ == -1:
        if close != -1:
            raise BankError(span.line(close), "'}' with no '{' before it; write \\} for a literal brace")
        if span.startswith("=") or span.startswith("~"):
            raise BankError(
                span.line(0),
                "answers before any question: put the question text first and the answers"
                " inside { }",
            )
        if not span.text().strip():
            raise BankError(first_line, "a title with no question after it")
        return ReportEntry(
            first_line,
            "skipped",
            "description (text with no answer block) is not a question; put such text in explainer.toml",
        )
    if close != -1 and close < open_:
        raise BankError(span.line(close), "'}' with no '{' before it; write \\} for a literal brace")
    close = span.find("}", open_ + 1)
    nested = span.find("{", open_ + 1)
    if close == -1 or (nested != -1 and nested < close):
        raise BankError(
            span.line(open_),
            f"unclosed brace: the '{{' on line {span.line(open_)} has no '}}' to end the answer block"
            " (write \\{ for a literal brace)",
        )
    before, inner, after = span.slice(0, open_), span.slice(open_ + 1, close), span.slice(close + 1)
    for brace in ("{", "}"):
        extra = after.find(brace)
        if extra != -1:
            raise BankError(
                after.line(extra),
                f"a second '{brace}' after the answer block that ends on line {span.line(close)}:"
                " a question has one answer block; leave a blank line between questions",
            )
    notes: list[str] = []
    fmt, before_text = _take_format(before.text(), None)
    after_text = after.text()
    if not before_text.strip() and not after_text.strip():
        raise BankError(
            span.line(open_),
            "answers before any question: the answer block has no question text before it",
        )
    missing_word = bool(after_text.strip())
    prompt = before_text + BLANK + after_text if missing_word else before_text
    prompt = _convert(prompt.strip(), fmt, "prompt", notes, markdown_field=False)

    general_at = inner.rfind("####")
    general: str | None = None
    if general_at != -1:
        general = _text(inner.slice(general_at + 4), fmt, "general feedback", notes, markdown_field=True)
        inner = inner.slice(0, general_at)
    body = inner.strip()
    question: dict[str, Any] = {"id": "", "type": "", "prompt": prompt, "section": section}
    if not body.text().strip():
        return ReportEntry(
            first_line,
            "skipped",
            "essay question (free-text answer) is not imported: explainer cannot mark free text",
        )
    # The type, decided as Moodle's format.php decides it, in the same order: a number
    # block; any '~' (multiple choice, even if an answer holds '->'); '=' and '->'
    # (matching); T/F; anything else is a short answer ({One} included).
    feedbacks: list[tuple[str, str]] = []
    if body.startswith("#"):
        fields, feedbacks = _numeric(body.slice(1), fmt, notes)
    elif body.find("~") != -1:
        fields = _choices(_answers(body, fmt, notes, weight_after_equals=False), body, notes)
    elif body.find("=") != -1 and body.find("->") != -1:
        fields = _match(_answers(body, fmt, notes, arrows=True), body, fmt, notes)
    elif _is_true_false(body):
        fields, feedbacks = _true_false(body, fmt, notes)
    else:
        if not body.startswith("="):  # {One} or {One =Two}: Moodle reads the text before any '=' as an answer too
            body = _Span(["="] + body.chars, [False] + body.escaped, [body.line(0)] + body.lines)
        answers = _answers(body, fmt, notes)
        fields, feedbacks = _short_answer(answers, fmt, notes)
    question.update(fields)
    explanation = _explanation(general, feedbacks, notes)
    if explanation:
        question["explanation"] = explanation
    if tags:
        question["tags"] = list(tags)
    shape = " (missing word)" if missing_word else ""
    return question, title, notes, shape


# ------------------------------------------------------------------------------- texts


def _take_format(text: str, default: str | None) -> tuple[str | None, str]:
    """Split a leading ``[html]``-style marker off ``text``: returns (format, rest)."""
    match = _FORMAT.match(text)
    if match:
        return match.group(1).lower(), text[match.end() :]
    return default, text


def _convert(text: str, fmt: str | None, field: str, notes: list[str], *, markdown_field: bool) -> str:
    """Turn ``text`` written in GIFT format ``fmt`` into explainer text, shown as written.

    HTML (``[html]``, or tags in unmarked / ``[moodle]`` text) becomes plain text, with
    links and media kept as ``[audio: file]``-style text; ``[markdown]`` in a plain-text
    field is kept as written; text that lands in a Markdown field (the explanation) is
    escaped unless it was ``[markdown]`` already, so ``2*3*4`` stays ``2*3*4``. Adds a
    note for each change a reader could see.
    """
    if fmt == "html" or (fmt in (None, "moodle") and looks_like_html(text)):
        kept: list[str] = []
        notes.extend(char_ref_notes(text, field))
        plain = html_to_text(text, kept)
        if plain != text.strip():
            notes.append(f"HTML in the {field} converted to plain text")
        if kept:
            notes.append(f"links and media in the {field} kept as text: " + ", ".join(kept))
        return escape_markdown(plain) if markdown_field else plain
    if fmt == "markdown":
        if not markdown_field and _MARKDOWNISH.search(text.replace(BLANK, "")):
            notes.append(f"Markdown in the {field} kept as written (the {field} is plain text)")
        return text.strip()
    return escape_markdown(text.strip()) if markdown_field else text.strip()


def _text(span: _Span, fmt: str | None, field: str, notes: list[str], *, markdown_field: bool = False) -> str:
    """Convert one answer, feedback or general-feedback span (its own format marker wins)."""
    own, text = _take_format(span.text(), fmt)
    return _convert(text, own, field, notes, markdown_field=markdown_field)


# ----------------------------------------------------------------------------- answers


@dataclass
class _Answer:
    """One ``=`` or ``~`` answer of an answer block."""

    marker: str
    weight: float | None
    text: str
    feedback: str | None
    line: int
    arrow: bool
    span: _Span


def _answers(
    body: _Span, fmt: str | None, notes: list[str], *, arrows: bool = False, weight_after_equals: bool = True
) -> list[_Answer]:
    """Split an answer block into its ``=``/``~`` answers.

    Args:
        body: the answer block.
        fmt: the question's text format (``html``, ``markdown``...), or None.
        notes: where to add what was approximated.
        arrows: True for a matching question, whose answers are ``left -> right``
            (elsewhere ``->`` is just text).
        weight_after_equals: False for a multiple-choice block, where Moodle gives an
            ``=`` answer full credit and reads a ``%50%`` after it as text (noted).

    Raises:
        BankError: text before the first answer, a bad weight, an empty answer.
    """
    pieces = body.split("=~")
    _, lead = pieces[0]
    if lead.text().strip():
        raise BankError(
            lead.strip().line(0),
            "text before the first answer: each answer starts with '=' (right) or '~' (wrong)",
        )
    answers: list[_Answer] = []
    for marker, piece in pieces[1:]:
        line = piece.line(0)
        weight: float | None = None
        piece_stripped = piece.strip()
        if marker == "=" and not weight_after_equals:
            if piece_stripped.startswith("%"):
                notes.append(
                    f"'={_short(piece_stripped.text())}': after '=' Moodle reads no weight (the answer is right"
                    " and its text starts with '%'); write ~%50% for partial credit"
                )
        elif piece_stripped.startswith("%"):
            end = piece_stripped.find("%", 1)
            raw = piece_stripped.slice(1, end).text() if end != -1 else ""
            if end == -1 or not _NUMBER.fullmatch(raw):
                raise BankError(line, "a weight is a percentage between two '%', such as ~%50% or ~%-100%")
            weight = float(raw)
            if not -100 <= weight <= 100:
                raise BankError(line, f"the weight {raw}% is outside -100% to 100%")
            piece_stripped = piece_stripped.slice(end + 1)
        hash_at = piece_stripped.find("#")
        text_span = piece_stripped if hash_at == -1 else piece_stripped.slice(0, hash_at)
        feedback = None
        if hash_at != -1:
            feedback = _text(piece_stripped.slice(hash_at + 1), fmt, "feedback", notes) or None
        arrow = arrows and text_span.find("->") != -1
        text = text_span.text().strip() if arrow else _text(text_span, fmt, "answer", notes)
        if not text:
            raise BankError(line, f"an empty answer after '{marker}'")
        answers.append(_Answer(marker, weight, text, feedback, line, arrow, text_span))
    return answers


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 0.01


def _choices(answers: list[_Answer], body: _Span, notes: list[str]) -> dict[str, Any]:
    """Build a ``single`` or ``multiple`` question's fields from its answers.

    Raises:
        BankError: fewer than two answers, or no right answer.
    """
    if len(answers) < 2:
        raise BankError(
            body.line(0), f"a choice question needs at least two answers (found {len(answers)})"
        )
    right_marked = [a for a in answers if a.marker == "="]
    if right_marked:
        correct = [a.marker == "=" for a in answers]
        partial = [a for a in answers if a.marker == "~" and a.weight and a.weight > 0]
        if partial:
            notes.append(
                "partial credit dropped for "
                + ", ".join(f'"{a.text}" ({a.weight:g}%)' for a in partial)
                + " (counted wrong)"
            )
        if any(a.weight is not None and a.weight < 0 for a in answers):
            notes.append("negative weights dropped (a wrong pick scores 0)")
        if len(right_marked) > 1:
            notes.append(
                f"{len(right_marked)} answers marked '=' (in Moodle any one of them is right);"
                " the reader must pick all of them"
            )
            fields: dict[str, Any] = {"type": "multiple", "scoring": "all_or_nothing"}
        else:
            fields = {"type": "single"}
    else:
        weights = [a.weight or 0.0 for a in answers]
        correct = [w > 0 for w in weights]
        k = sum(correct)
        if k == 0:
            raise BankError(
                body.line(0),
                "no right answer: mark it with '=' or give right answers a positive weight such as ~%50%",
            )
        # Without '=', Moodle asks for several picks (single = 0), even if only one
        # answer has credit: so does explainer.
        fields = {"type": "multiple", "scoring": "partial"}
        exact = all(_close(w, 100 / k) if c else _close(w, -100 / k) for w, c in zip(weights, correct))
        if not exact:
            notes.append(
                f"weights become partial scoring: each right choice picked +1/{k},"
                f" each wrong one -1/{k}, never below 0"
            )
    fields["choices"] = [
        {"text": a.text, "correct": True, **({"feedback": a.feedback} if a.feedback else {})}
        if ok
        else {"text": a.text, **({"feedback": a.feedback} if a.feedback else {})}
        for a, ok in zip(answers, correct)
    ]
    return fields


def _short_answer(
    answers: list[_Answer], fmt: str | None, notes: list[str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Build a ``short_answer`` question's fields: the full-credit answers are accepted.

    Returns the fields and the answers' feedback, as ``(what, text)`` pairs, for
    :func:`_explanation`.
    """
    full = [a for a in answers if a.weight is None or _close(a.weight, 100)]
    if not full:
        best = max(answers, key=lambda a: a.weight or 0.0)
        full = [best]
        notes.append(f"no answer has full credit; \"{best.text}\" ({best.weight:g}%) is accepted")
    catch_all = [a for a in answers if a.text == "*" and a not in full]
    dropped = [a for a in answers if a not in full and a not in catch_all]
    if dropped:
        notes.append(
            "answers with partial credit not accepted: "
            + ", ".join(f'"{a.text}" ({(a.weight or 0):g}%)' for a in dropped)
        )
    if catch_all:
        notes.append("the catch-all answer '*' (any other answer) is not kept: any other answer is wrong anyway")
    feedbacks = [(f'the feedback of the answer "{a.text}"', a.feedback) for a in full + dropped + catch_all if a.feedback]
    return {"type": "short_answer", "accept": [short_answer_text(a.text, notes) for a in full]}, feedbacks


def _explanation(general: str | None, feedbacks: list[tuple[str, str]], notes: list[str]) -> str | None:
    """The explanation: the general feedback (``####``) if there is one, else the first
    per-answer feedback. Every feedback not used is named in ``notes``."""
    if general:
        for what, text in feedbacks:
            notes.append(f'{what} dropped ("{_short(text)}"): the general feedback (####) is the explanation')
        return general
    if not feedbacks:
        return None
    (first_what, first), *rest = feedbacks
    notes.append(f"{first_what} became the explanation")
    for what, text in rest:
        notes.append(f'{what} dropped ("{_short(text)}")')
    return escape_markdown(first)


def _short(text: str, limit: int = 40) -> str:
    """One line of ``text`` for a report, shortened with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _match(answers: list[_Answer], body: _Span, fmt: str | None, notes: list[str]) -> dict[str, Any]:
    """Build a ``match`` question's fields from ``=left -> right`` answers.

    An answer with nothing left of the arrow is an extra right-hand option (distractor).

    Raises:
        BankError: a ``~`` answer, an answer without ``->``, a weight, an empty right
            side, or fewer than two pairs.
    """
    pairs: list[dict[str, str]] = []
    distractors: list[str] = []
    for answer in answers:
        if answer.marker != "=" or not answer.arrow or answer.weight is not None:
            raise BankError(
                answer.line,
                "in a matching question every answer is written '=left -> right'",
            )
        arrow = answer.span.find("->")
        left = _text(answer.span.slice(0, arrow), fmt, "match side", notes)
        right = _text(answer.span.slice(arrow + 2), fmt, "match side", notes)
        if not right:
            raise BankError(answer.line, "a matching answer needs a right side after '->'")
        if answer.feedback:
            notes.append(f"feedback of the pair \"{left or right}\" dropped (pairs have no feedback)")
        if left:
            pairs.append({"left": left, "right": right})
        else:
            distractors.append(right)
    if len(pairs) < 2:
        raise BankError(body.line(0), f"a matching question needs at least two pairs (found {len(pairs)})")
    fields: dict[str, Any] = {"type": "match", "pairs": pairs}
    if distractors:
        fields["distractors"] = distractors
    return fields


def _is_true_false(body: _Span) -> bool:
    """True when the answer block is ``T``, ``TRUE``, ``F`` or ``FALSE`` (then feedback)."""
    head = body.split("#")[0][1].text().strip()
    # Case matters, as in Moodle (in_array against T, TRUE, F, FALSE): {true} is a short answer.
    return head in ("T", "TRUE", "F", "FALSE") and body.find("=") == -1 and body.find("~") == -1


def _true_false(
    body: _Span, fmt: str | None, notes: list[str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Build a ``true_false`` question's fields, and its feedbacks for
    :func:`_explanation` (``{T#if wrong#if right}``: the right answer's first).

    Raises:
        BankError: more than two feedbacks.
    """
    parts = body.split("#")
    if len(parts) > 3:
        raise BankError(
            body.line(0),
            "a true/false answer takes at most two feedbacks: {T#if wrong#if right}",
        )
    answer = parts[0][1].text().strip() in ("T", "TRUE")
    wrong = _text(parts[1][1], fmt, "feedback", notes) if len(parts) > 1 else ""
    right = _text(parts[2][1], fmt, "feedback", notes) if len(parts) > 2 else ""
    feedbacks = [("the feedback for a right answer", right), ("the feedback for a wrong answer", wrong)]
    return {"type": "true_false", "answer": answer}, [(what, text) for what, text in feedbacks if text]


def _number(text: str, line: int) -> int | float:
    """Parse a GIFT number; an integer stays an int.

    Raises:
        BankError: ``text`` is not a number, or is too large for TOML (beyond 64-bit
            integers, or infinite as a float).
    """
    if not _NUMBER.fullmatch(text):
        raise BankError(line, f"'{text.strip()}' is not a number (numeric answers look like #5, #5:0.5 or #1..3)")
    cleaned = text.strip()
    value: int | float = int(cleaned) if re.fullmatch(r"[+-]?\d+", cleaned) else float(cleaned)
    if isinstance(value, int) and not -(2**63) <= value < 2**63 or value in (float("inf"), float("-inf")):
        raise BankError(line, f"the number {cleaned} is too large")
    return value


def _numeric(
    span: _Span, fmt: str | None, notes: list[str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Build a ``numeric`` question's fields from what follows the ``#`` of ``{#...}``,
    and its feedbacks for :func:`_explanation`.

    One answer: ``x``, ``x:tolerance`` or ``min..max`` (optionally ``#feedback``).
    Several answers: ``=x:t =%50%y:t``; the first with full credit is kept. As in
    Moodle, a ``~`` starts the catch-all wrong answer (``~#feedback`` for any other
    number), which explainer has no place for: it is reported, never taken for text.

    Raises:
        BankError: a value that is not a number, a negative tolerance, min above max.
    """
    stripped = span.strip()
    wrong_at = stripped.find("~")
    catch_all: str | None = None
    if wrong_at != -1:
        wrong = stripped.slice(wrong_at + 1).strip()
        hash_at = wrong.find("#")
        catch_all = (wrong.slice(hash_at + 1) if hash_at != -1 else wrong).text().strip()
        stripped = stripped.slice(0, wrong_at).strip()
    if stripped.startswith("="):
        pieces = [(m, p) for m, p in stripped.split("=")[1:]]
    else:
        pieces = [("", stripped)]
    options: list[tuple[float | None, dict[str, Any], str | None, str, int]] = []
    for _, piece in pieces:
        line = piece.line(0)
        piece = piece.strip()
        weight: float | None = None
        if piece.startswith("%"):
            end = piece.find("%", 1)
            raw = piece.slice(1, end).text() if end != -1 else ""
            if end == -1 or not _NUMBER.fullmatch(raw):
                raise BankError(line, "a weight is a percentage between two '%', such as =%50%")
            weight = float(raw)
            piece = piece.slice(end + 1)
        hash_at = piece.find("#")
        value = (piece if hash_at == -1 else piece.slice(0, hash_at)).text().strip()
        feedback = _text(piece.slice(hash_at + 1), fmt, "feedback", notes) if hash_at != -1 else None
        if not value:
            raise BankError(line, "a numeric answer needs a number, such as {#5}, {#5:0.5} or {#1..3}")
        if ".." in value:
            low, _, high = value.partition("..")
            lo, hi = _number(low, line), _number(high, line)
            if lo > hi:
                raise BankError(line, f"the range {value} starts above where it ends; write {high.strip()}..{low.strip()}")
            target: dict[str, Any] = {"min": lo, "max": hi}
        elif ":" in value:
            exact, _, tol = value.partition(":")
            tolerance = _number(tol, line)
            if tolerance < 0:
                raise BankError(line, f"the tolerance {tol.strip()} is negative")
            target = {"answer": _number(exact, line), "tolerance": tolerance}
        else:
            target = {"answer": _number(value, line)}
        options.append((weight, target, feedback or None, value, line))
    full = [o for o in options if o[0] is None or _close(o[0], 100)]
    kept = full[0] if full else max(options, key=lambda o: o[0] or 0.0)
    if not full:
        notes.append(f"no numeric answer has full credit; {kept[3]} ({kept[0]:g}%) is the right answer")
    dropped = [o for o in options if o is not kept]
    if dropped:
        notes.append(
            f"several numeric answers: kept {kept[3]}, dropped "
            + ", ".join(f"{o[3]} ({(o[0] if o[0] is not None else 100):g}%)" for o in dropped)
        )
    if catch_all is not None:
        said = f' and its feedback "{_short(catch_all)}"' if catch_all else ""
        notes.append(f"the catch-all wrong answer (~, any other number){said} dropped: any other number is wrong anyway")
    feedbacks = [(f"the feedback of the answer {o[3]}", o[2]) for o in [kept, *dropped] if o[2]]
    return {"type": "numeric", **kept[1]}, feedbacks
