"""What the GIFT and Aiken importers share: the report, ids, text clean-up, writing a pack.

An importer turns a question bank into an :class:`ImportResult`: question dicts shaped
like ``[[questions]]`` tables of quiz.toml (every one already checked against the
pydantic question models), plus a report with one :class:`ReportEntry` per question
imported or skipped and per problem found, each with its line in the source file.

:func:`write_pack` writes an :class:`ImportResult` as a pack folder that
``explainer validate`` accepts: quiz.toml (tomli-w), a minimal pack.toml and an
explainer.toml with one section that every imported question points at.

No imported text holds a control character or a bidi override (see
:mod:`explainer.pack.text`): :func:`clean_lines` removes them from the bank before it is
read and :func:`clean_question` from what HTML entities decode to, each with a report
line naming the character.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import tomli_w
from pydantic import TypeAdapter, ValidationError

from explainer.pack.model import Question
from explainer.pack.text import describe_char, find_forbidden, is_bidi_control, remove_forbidden

Kind = Literal["converted", "approximated", "skipped", "error"]
"""What happened to one item of the source: the four kinds a report line can have."""

KINDS: tuple[Kind, ...] = ("converted", "approximated", "skipped", "error")

IMPORTED_SECTION = "imported"
"""Id of the one section an imported pack has; every imported question points at it."""

BLANK = "_____"
"""What a missing-word question shows where the answer block was."""


@dataclass(frozen=True)
class ReportEntry:
    """One line of an import or export report.

    Attributes:
        line: 1-based line in the source file the entry is about (for an export: the
            line of the question in quiz.toml, or 1 when unknown).
        kind: ``"converted"`` (kept exactly), ``"approximated"`` (kept, with something
            changed or lost, said in ``message``), ``"skipped"`` (not kept, on purpose:
            the target cannot express it) or ``"error"`` (malformed input, not kept).
        message: one line in plain words.
    """

    line: int
    kind: Kind
    message: str

    def format(self, file: str | Path) -> str:
        """Format as ``FILE:LINE: kind: message`` (one line, no newline)."""
        return f"{file}:{self.line}: {self.kind}: {self.message}"


@dataclass
class ImportResult:
    """What an importer read from a bank.

    Attributes:
        questions: question dicts in file order, each shaped like a ``[[questions]]``
            table of quiz.toml (``id``, ``type``, ``prompt``, ``section`` first) and
            valid for :data:`explainer.pack.model.Question`.
        report: report entries in line order.
        format: ``"gift"`` or ``"aiken"``.
    """

    questions: list[dict[str, Any]] = field(default_factory=list)
    report: list[ReportEntry] = field(default_factory=list)
    format: str = ""

    def count(self, kind: Kind) -> int:
        """Return how many report entries are of ``kind``."""
        return sum(1 for entry in self.report if entry.kind == kind)

    @property
    def errors(self) -> list[ReportEntry]:
        """The report entries of kind ``"error"``."""
        return [entry for entry in self.report if entry.kind == "error"]


class BankError(Exception):
    """A problem in the source bank that stops one question from being imported.

    Attributes:
        line: 1-based line of the problem in the source file.
        message: what is wrong and how to fix it, one line.
    """

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


# ------------------------------------------------------------------------ reading text


def decode_bank(data: bytes) -> list[str]:
    """Decode a bank file to its lines: UTF-8 with or without a BOM, any line endings.

    Returns the lines without their endings (``\\r\\n``, ``\\r`` and ``\\n`` all end a
    line), so index ``i`` is line ``i + 1``.

    Raises:
        BankError: the bytes are not UTF-8 (with the line of the first bad byte).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BankError(line, "the file is not UTF-8 text; save it as UTF-8 and import it again") from None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# ------------------------------------------------------------------ forbidden characters


def describe_removed(chars: list[str]) -> str:
    """Say which forbidden characters were removed, for a report line.

    ``["\\x1b"]`` gives ``"removed U+001B ESCAPE, a control character that could drive
    the terminal"``; several give ``"removed 3 characters that could drive the terminal
    or reorder its text: U+001B ESCAPE (2), U+0007 BELL"``. ``chars`` must not be empty.
    """
    if len(chars) == 1:
        char = chars[0]
        what = (
            "a bidirectional control that makes text display in another order than it is written"
            if is_bidi_control(char)
            else "a control character that could drive the terminal"
        )
        return f"removed {describe_char(char)}, {what}"
    counts: dict[str, int] = {}
    for char in chars:
        counts[char] = counts.get(char, 0) + 1
    names = ", ".join(describe_char(c) + (f" ({n})" if n > 1 else "") for c, n in counts.items())
    return f"removed {len(chars)} characters that could drive the terminal or reorder its text: {names}"


def clean_lines(lines: list[str]) -> tuple[list[str], list[ReportEntry]]:
    """Remove control characters and bidi overrides from the lines of a bank.

    Args:
        lines: the bank's lines (see :func:`decode_bank`); line ``i + 1`` is ``lines[i]``.

    Returns:
        The lines without those characters (tab kept; same number of lines), and one
        ``approximated`` report entry per line that held any, naming them. Never raises.
    """
    cleaned: list[str] = []
    report: list[ReportEntry] = []
    for number, line in enumerate(lines, start=1):
        found = find_forbidden(line)
        if found:
            report.append(ReportEntry(number, "approximated", describe_removed([char for _, char in found])))
            line = remove_forbidden(line)
        cleaned.append(line)
    return cleaned, report


def clean_question(question: dict[str, Any], line: int) -> list[ReportEntry]:
    """Remove control characters and bidi overrides from every string of a question dict.

    The importers call it on each question they build, to catch what an HTML entity such
    as ``&#x202E;`` decodes to (:func:`clean_lines` has removed the rest already).

    Args:
        question: a question dict; its strings (in lists and nested dicts too) are
            changed in place.
        line: the question's line in the bank, for the report.

    Returns:
        One ``approximated`` report entry at ``line`` if anything was removed, else ``[]``.
    """
    removed: list[str] = []

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            found = find_forbidden(value)
            removed.extend(char for _, char in found)
            return remove_forbidden(value) if found else value
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    for key, value in list(question.items()):
        question[key] = clean(value)
    return [ReportEntry(line, "approximated", describe_removed(removed))] if removed else []


# ---------------------------------------------------------------------------- ids, tags


def short_answer_text(text: str, notes: list[str]) -> str:
    """One accepted answer of a Moodle short answer, as explainer keeps it.

    Moodle reads ``*`` in a short answer as a wildcard (any text) and ``\\*`` as a
    literal star. explainer has no wildcards: ``\\*`` becomes ``*``, and an answer
    with a wildcard is kept as written (it then matches only itself) with a note. The
    catch-all answer ``*`` alone is handled by the importers before this.

    Args:
        text: the answer as the bank gives it (GIFT escapes already read).
        notes: where the note about any change is appended.

    Returns:
        The answer text to accept.
    """
    wildcard = re.search(r"(?<!\\)\*", text)
    if wildcard:
        notes.append(
            f'the answer "{text}" uses Moodle\'s wildcard \'*\' (any text); explainer has no'
            " wildcards, so only the text as written, star included, is accepted"
        )
    if "\\*" in text:
        literal = text.replace("\\*", "*")
        notes.append(f'\'\\*\' (Moodle\'s literal star) in the answer "{text}" kept as \'*\'')
        return literal
    return text


def usable_id_source(candidates: list[tuple[str, str | None]], notes: list[str]) -> str | None:
    """The first text an id can be made from, with a note for each one passed over.

    Args:
        candidates: ``(what it is, text)`` in order of preference, such as
            ``[("the [id:] mark", "q1"), ("the title", "Привіт")]``; empty texts are
            skipped without a note.
        notes: where ``"the title 'Привіт' cannot be an id (ids are written with a-z,
            0-9 and '-'); the id comes from the prompt"`` and the like are appended.

    Returns:
        The first text with a non-empty :func:`slugify`, or None (the id then comes
        from the prompt; see :meth:`IdMaker.make`).
    """
    passed: list[str] = []
    for what, text in candidates:
        text = (text or "").strip()
        if not text:
            continue
        if slugify(text):
            for skipped in passed:
                notes.append(f"{skipped}; the id comes from {what}")
            return text
        passed.append(f"{what} '{text}' cannot be an id (ids are written with a-z, 0-9 and '-')")
    for skipped in passed:
        notes.append(f"{skipped}; the id comes from the prompt")
    return None


def tag_slugs(raw: list[str], notes: list[str]) -> list[str]:
    """Tags as explainer ids, with a note for each one that changed (beyond letter case,
    which Moodle's tags ignore too) or was dropped.

    Args:
        raw: the tags as the bank gives them (``"Cold War"``, ``"한국"``).
        notes: where ``"the tag 'Cold War' written as 'cold-war'"`` and ``"the tag
            '한국' dropped (tags are written with a-z, 0-9 and '-')"`` are appended.

    Returns:
        The slugs, in order, without blanks or repeats.
    """
    slugs: list[str] = []
    for tag in raw:
        tag = tag.strip()
        slug = slugify(tag)
        if not tag:
            continue
        if not slug:
            notes.append(f"the tag '{tag}' dropped (tags are written with a-z, 0-9 and '-')")
            continue
        if slug != tag.lower():  # case alone is no change: Moodle's tags ignore case too
            notes.append(f"the tag '{tag}' written as '{slug}'")
        if slug not in slugs:
            slugs.append(slug)
    return slugs


def moodle_star(text: str) -> str:
    """An accepted answer written for a Moodle short answer: each ``*`` as ``\\*``, so
    Moodle reads a literal star, not a wildcard (the inverse of
    :func:`short_answer_text`)."""
    return text.replace("*", "\\*")


def slugify(text: str, limit: int = 48) -> str:
    """Turn ``text`` into an explainer id: lower-case ASCII letters, digits, single hyphens.

    Accents are dropped (``"Équipe"`` -> ``"equipe"``); anything else that is not a
    letter or digit separates words. The result is cut at a word boundary to at most
    ``limit`` characters. Returns ``""`` when nothing usable is left (e.g. only CJK).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            if not slug:
                slug = word[:limit]
            break
        slug = candidate
    return slug


class IdMaker:
    """Makes unique question ids, from a title when there is one, else from the prompt."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}
        """The next suffix to try per base, so 20,000 questions with one title take
        linear time, not quadratic."""

    def make(self, title: str | None, prompt: str, number: int) -> str:
        """Return an unused id: the slug of ``title``, or of the prompt's first words.

        ``number`` (the question's 1-based position) names it ``q-N`` when neither gives
        a usable slug. Taken ids get ``-2``, ``-3``, ... appended.
        """
        base = slugify(title or "") or slugify(prompt, limit=40) or f"q-{number}"
        candidate, n = base, self._next.get(base, 1)
        if n > 1:
            candidate = f"{base}-{n}"
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._next[base] = n + 1
        self._used.add(candidate)
        return candidate


# -------------------------------------------------------------------------- html, text


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre section article hr dd dt".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title"})


_MEDIA_TAGS = {"audio": "audio", "video": "video", "source": None, "embed": "media", "object": "media", "iframe": "page"}
"""Tags whose file would vanish with the markup: kept as ``[audio: file]`` and the like."""

_MEDIA_EXTENSIONS = {
    "audio": (".mp3", ".wav", ".ogg", ".oga", ".m4a", ".aac", ".flac"),
    "video": (".mp4", ".webm", ".ogv", ".mov", ".avi", ".m4v"),
    "image": (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"),
}

_PRE_SPACE, _PRE_LINE = "\ue000", "\ue001"
"""Stand-ins for the spaces and line breaks of ``<pre>`` text while runs of white
space elsewhere are made one space."""


def _media_kind(address: str, default: str) -> str:
    """``audio``, ``video`` or ``image`` by the file's extension, else ``default``."""
    path = address.split("?", 1)[0].split("#", 1)[0].lower()
    for kind, extensions in _MEDIA_EXTENSIONS.items():
        if path.endswith(extensions):
            return kind
    return default


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment: blocks become lines, list items get "- ",
    ``<pre>`` keeps its spacing, and links and media stay as text (:attr:`kept`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.kept: list[str] = []
        """What was kept as text in place of markup: ``"[audio: greeting.mp3]"``..."""
        self._skip = 0
        self._pre = 0
        self._links: list[tuple[str, int]] = []

    def _mark(self, text: str) -> None:
        """Put ``text`` (a ``[kind: address]`` mark) into the output and remember it."""
        self.parts.append(f" {text}")
        self.kept.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a tag: a block starts a line, ``li`` a list item, ``img`` gives its alt
        (or ``[image: file]``), media give ``[audio: file]``; a link remembers its address."""
        values = dict(attrs)
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            if tag == "pre":
                self._pre += 1
        if tag == "img":
            alt, src = values.get("alt"), values.get("src")
            if alt:
                self.parts.append(alt)
            if src:
                self._mark(f"[image: {src}]")
        elif tag in _MEDIA_TAGS:
            src = values.get("src") or values.get("data")
            if src:
                self._mark(f"[{_media_kind(src, _MEDIA_TAGS[tag] or 'media')}: {src}]")
        elif tag == "a" and values.get("href"):
            self._links.append((values["href"] or "", len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag (``<img/>``, ``<br/>``): as its start tag."""
        self.handle_starttag(tag, attrs)
        if tag in _BLOCK_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close a tag: a block ends its line; a link is kept as ``text [link: address]``
        (media files as ``[audio: file]``), unless its text is the address."""
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            text = "".join(self.parts[start:]).strip()
            if text.replace(_PRE_SPACE, " ") != href:
                self._mark(f"[{_media_kind(href, 'link')}: {href}]")

    def handle_data(self, data: str) -> None:
        """Keep text (character references already decoded), outside script and style;
        inside ``<pre>``, every space and line break as written."""
        if self._skip:
            return
        if self._pre:
            data = data.replace(" ", _PRE_SPACE).replace("\t", _PRE_SPACE * 4).replace("\n", _PRE_LINE)
        self.parts.append(data)


def html_to_text(fragment: str, kept: list[str] | None = None) -> str:
    """Return the plain text of an HTML fragment: tags dropped, entities decoded.

    Block tags (``p``, ``br``, ``li``, ``div``...) become line breaks, list items start
    with ``"- "``, images give their ``alt`` text and ``[image: file]``; runs of spaces become one space and
    blank lines are dropped, except inside ``<pre>``, whose spacing is kept. Links and
    media stay as text: ``<a href="a.mp3">Listen</a>`` gives ``Listen [audio: a.mp3]``,
    ``<audio src="b.ogg">`` gives ``[audio: b.ogg]``, ``<img alt="A map" src="map.png">``
    gives ``A map [image: map.png]``. Never raises.

    Args:
        fragment: the HTML.
        kept: if given, each ``[kind: address]`` mark made is appended to it, for the
            import report.
    """
    parser = _TextExtractor()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # pragma: no cover - HTMLParser is lenient; belt and braces
        return html.unescape(fragment)
    if kept is not None:
        kept.extend(parser.kept)
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    return text.replace(_PRE_SPACE, " ").replace(_PRE_LINE, "\n")


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def char_ref_notes(fragment: str, field: str) -> list[str]:
    """Report lines for the numeric character references in HTML that do not decode to
    the character they name.

    HTML (and :func:`html.unescape`, which :func:`html_to_text` uses) drops a reference
    to a control character (``&#27;``) and reads one in 128-159 as the Windows-1252
    character at that place (``&#x85;`` is ``…``), as browsers do.

    Args:
        fragment: the HTML, before decoding.
        field: the field's name for the message (``"prompt"``).

    Returns:
        One message per distinct reference, such as ``"&#27; (U+001B ESCAPE, not a
        character HTML allows) in the prompt dropped"``, ``"&#x85; in the prompt read as
        '…' (as browsers read it)"`` or, for ``&#0;``, a surrogate or a number beyond
        Unicode, ``"... read as U+FFFD REPLACEMENT CHARACTER"``; ``[]`` when there is none.
    """
    notes: list[str] = []
    for match in dict.fromkeys(m.group(0) for m in _CHAR_REF.finditer(fragment)):
        found = _CHAR_REF.fullmatch(match)
        assert found is not None
        number = int(found.group(1), 16) if found.group(1) else int(found.group(2))
        decoded = html.unescape(match if match.endswith(";") else match + ";")
        if 0x80 <= number <= 0x9F and decoded != chr(number):
            notes.append(f"{match} in the {field} read as '{decoded}' (as browsers read it)")
        elif decoded == "\ufffd" and number != 0xFFFD:
            notes.append(f"{match} (not a character HTML allows) in the {field} read as U+FFFD REPLACEMENT CHARACTER (\ufffd)")
        elif decoded == "" or (decoded != chr(number) and number != 0x0D):
            notes.append(f"{match} ({describe_char(chr(number))}, not a character HTML allows) in the {field} dropped")
    return notes


_MARKDOWN_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """``text`` escaped for a Markdown field, so it shows exactly as written.

    Backslash-escapes (CommonMark) the characters that would format: ``\\ ` * _ [ ] < >
    | ~`` anywhere, and at the start of a line ``#``, ``>``, ``+``, ``-``, ``=`` and a
    number followed by ``.`` or ``)``. ``2*3*4 = 24`` gives ``2\\*3\\*4 = 24``, which
    shows as ``2*3*4 = 24``.
    """
    escaped = _MARKDOWN_ANYWHERE.sub(r"\\\1", text)

    def line_start(match: re.Match[str]) -> str:
        lead, mark = match.group(1), match.group(2)
        if mark[0].isdigit():
            return f"{lead}{mark[:-1]}\\{mark[-1]}"
        return f"{lead}\\{mark}"

    return _MARKDOWN_LINE_START.sub(line_start, escaped)


_HTML_TAG = re.compile(
    r"</?(?:p|br|b|i|u|em|strong|span|div|ul|ol|li|sub|sup|a|img|code|pre|table|tr|td|th|h[1-6]|font|hr|blockquote"
    r"|audio|video|source|embed|object|iframe)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds a common HTML tag or an entity such as ``&amp;``."""
    return bool(_HTML_TAG.search(text) or _HTML_ENTITY.search(text))


_ABOVE = re.compile(r"^\s*(?:all|none|both|neither)\b.*\b(?:above|these|of them)\W*$", re.IGNORECASE)


def is_positional_choice(text: str) -> bool:
    """True for choices such as "None of the above" that only make sense in place."""
    return bool(_ABOVE.match(text)) and len(text) < 60


def pin_positional(question: dict[str, Any]) -> list[str]:
    """Set ``pin = true`` on "All/None of the above" choices of a choice question dict.

    Returns the texts of the choices it pinned (to mention in the report).
    """
    pinned: list[str] = []
    for choice in question.get("choices", ()):
        if is_positional_choice(choice["text"]) and not choice.get("pin"):
            choice["pin"] = True
            pinned.append(choice["text"])
    return pinned


# ---------------------------------------------------------------------- checking, writing

_QUESTION = TypeAdapter(Question)


def check_question(question: dict[str, Any], line: int) -> None:
    """Check a question dict against the explainer question models.

    Raises:
        BankError: at ``line``, with the model's message, when the question is not valid.
    """
    try:
        _QUESTION.validate_python(question)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"][1:] if part != question.get("type"))
        message = first["msg"]
        raise BankError(line, f"{message} ({where})" if where else message) from None


def write_pack(
    result: ImportResult,
    folder: Path,
    *,
    source_name: str,
    today: dt.date | None = None,
    language: str = "en",
) -> None:
    """Write ``result`` as a pack in ``folder`` (created if needed).

    Args:
        result: an import result with at least one question.
        folder: where to write pack.toml, explainer.toml and quiz.toml. Existing files of
            those names are replaced; the caller checks the folder is empty first.
        source_name: the bank's file name, for the pack's title and the section text.
        today: the ``updated`` date (default: today).
        language: the pack's ``language`` (BCP 47): the bank's, since banks do not say it.

    Raises:
        ValueError: ``result`` has no questions (a quiz needs at least one).
        OSError: the folder or a file cannot be written.
    """
    if not result.questions:
        raise ValueError("no questions to write")
    folder.mkdir(parents=True, exist_ok=True)
    source_name = remove_forbidden(source_name)  # a file name may hold them too
    label = {"gift": "Moodle GIFT", "aiken": "Aiken"}.get(result.format, result.format)
    pack = {
        "schema": 1,
        "id": slugify(Path(source_name).stem) or "imported",
        "title": f"Imported from {source_name}",
        "summary": f"Questions imported from the {label} bank {source_name}."
        " The explainer is still to be written.",
        "language": language,
        "updated": today or dt.date.today(),
        "authors": [],
    }
    explainer = {
        "sections": [
            {
                "id": IMPORTED_SECTION,
                "title": "Imported questions",
                "body": (
                    f"The questions of this pack were imported from `{source_name}`"
                    f" ({label}). The explainer is still to be written.\n\n"
                    "Educator: replace this section with the sections that teach what the"
                    " questions ask, then set each question's `section` in quiz.toml to the"
                    " section that teaches its answer."
                ),
            }
        ]
    }
    quiz = {
        "quiz": {"title": "Check your understanding", "pass_mark": 0.7},
        "questions": result.questions,
    }
    for name, data in (("pack.toml", pack), ("explainer.toml", explainer), ("quiz.toml", quiz)):
        text = tomli_w.dumps(data, multiline_strings=True)
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
