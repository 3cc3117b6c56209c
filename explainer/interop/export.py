"""Write the questions of a pack as a Moodle GIFT or Aiken bank.

:func:`export_gift` and :func:`export_aiken` take a loaded
:class:`~explainer.pack.model.Pack` and return an :class:`ExportResult`: the bank's text
and a report with one entry per question (``converted``, ``approximated`` with what was
lost or changed, or ``skipped`` with why), each with the question's line in quiz.toml.

GIFT expresses every type but ``order``. Per question it writes ``::id::`` (so ids
survive a round trip), the prompt as ``[plain]`` text (shown verbatim, as in explainer),
per-choice ``feedback`` as ``#feedback``, the ``explanation`` as ``####[markdown]``
general feedback, and ``tags`` as a ``$CATEGORY:`` line before each run of questions
with the same tags. A prompt holding ``_____`` once becomes a missing-word question.
Hints, pins, points, ``case_sensitive`` and all-or-nothing scoring of a ``multiple``
question have no GIFT form: they are reported.

Aiken expresses only ``single`` questions, and only their prompt and choices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from explainer.interop.common import BLANK, ReportEntry, slugify
from explainer.interop.gift import SPECIAL
from explainer.pack.loader import QUIZ_FILE
from explainer.pack.locate import KeyLocator
from explainer.kinds import NoExportForm, kind_of
from explainer.pack.model import AnyQuestion, Pack

_FORMAT_LIKE = re.compile(r"\A\s*\[(?:html|moodle|plain|markdown)\]", re.IGNORECASE)
_AIKEN_LIKE = re.compile(r"\A\s*(?:[A-Z]\s*[.)]\s|ANSWER\s*:)", re.IGNORECASE)


@dataclass
class ExportResult:
    """A bank written from a pack.

    Attributes:
        text: the bank, ending with a newline ("" when nothing could be written).
        report: one entry per question, in quiz order.
        exported: how many questions the text holds.
    """

    text: str = ""
    report: list[ReportEntry] = field(default_factory=list)
    exported: int = 0

    def count(self, kind: str) -> int:
        """Return how many report entries are of ``kind``."""
        return sum(1 for entry in self.report if entry.kind == kind)


def gift_escape(text: str) -> str:
    """Escape ``text`` for GIFT: a backslash before ``~ = # { } :`` and ``\\``; line
    breaks become ``\\n``, so a text is always one line."""
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char in SPECIAL:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
    return "".join(out)


def _answer_text(text: str) -> str:
    """Escape an answer or feedback text; guard a leading ``%`` or ``[format]`` with
    ``[plain]`` so it is not read as a weight or a format marker."""
    escaped = gift_escape(text.strip())
    if escaped.startswith("%") or _FORMAT_LIKE.match(escaped):
        escaped = "[plain]" + escaped
    return escaped


def _weight(value: float) -> str:
    """Format a GIFT weight: ``50``, ``33.33333``, ``-12.5``."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    """Format a number for GIFT (an int stays an int; floats keep full precision)."""
    return str(value) if isinstance(value, int) else repr(float(value))


class _Gift:
    """The GIFT helpers a question kind writes its answer block with
    (:meth:`explainer.kinds.QuestionKind.gift_answers`)."""

    text = staticmethod(_answer_text)
    weight = staticmethod(_weight)
    number = staticmethod(_number)


def _question_lines(pack: Pack) -> list[int]:
    """The line of each question's ``[[questions]]`` header in quiz.toml (1 if unknown)."""
    try:
        locator = KeyLocator.from_text((pack.path / QUIZ_FILE).read_text(encoding="utf-8-sig"))
    except OSError:
        return [1] * len(pack.questions)
    lines = []
    for index in range(len(pack.questions)):
        position = locator.find(("questions", index))
        lines.append(position.line if position else 1)
    return lines


def _common_losses(question: AnyQuestion, format_name: str = "GIFT") -> list[str]:
    """What ``format_name`` (GIFT or Aiken) cannot hold of any question: hint, points."""
    lost = []
    if question.hint:
        lost.append(f"hint dropped ({format_name} has no hints)")
    if question.points != 1:
        lost.append(f"points = {question.points} dropped ({format_name} questions carry no points)")
    return lost


def outer_space_losses(question: AnyQuestion, format_name: str) -> list[str]:
    """What a bank loses of the white space around the question's texts.

    GIFT, Aiken and Moodle XML imports trim every text (Moodle's importers trim them
    too), so spaces, tabs or line breaks around a prompt, a choice, an accepted answer,
    a pair's side or an item do not survive. The explanation (Markdown, where they mean
    nothing) is not checked.

    Args:
        question: the question.
        format_name: ``"GIFT"``, ``"Aiken"`` or ``"Moodle XML"``, for the message.

    Returns:
        ``[]``, or one message naming the texts, such as ``'the spaces around the
        prompt, "  a  " dropped (GIFT trims them)'``.
    """
    found: list[str] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, str):
            if value != value.strip():
                found.append(where or f'"{value}"')
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("id", "type", "section", "explanation", "hint", "tags"):
                    walk(item, "the prompt" if key == "prompt" else "")
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, "")

    walk(question.model_dump(), "")
    if not found:
        return []
    return [f"the spaces around {', '.join(dict.fromkeys(found))} dropped ({format_name} trims them)"]


def _article(word: str) -> str:
    """``"an"`` before a vowel sound (order), else ``"a"`` (single, match)."""
    return "an" if word[:1] in "aeiou" else "a"


def export_gift(pack: Pack) -> ExportResult:
    """Write the questions of ``pack`` as a GIFT bank.

    Returns:
        An :class:`ExportResult`; ``order`` questions are skipped (GIFT has no ordering
        question), everything else is written, and whatever GIFT cannot express is in
        the report as ``approximated``. Never raises.
    """
    result = ExportResult()
    out: list[str] = [
        f"// {pack.title}",
        f"// Exported from the explainer pack '{pack.id}'. Ids are the ::titles::.",
        f"// language: {pack.meta.language}",
        "",
    ]
    lines = _question_lines(pack)
    category: tuple[str, ...] | None = None
    for question, line in zip(pack.questions, lines):
        label = f"question '{question.id}'"
        kind = kind_of(question)
        try:
            written = kind.gift_answers(question, _Gift)
        except NoExportForm as exc:
            result.report.append(ReportEntry(line, "skipped", f"{label}: {exc}"))
            continue
        if written is None:
            result.report.append(
                ReportEntry(line, "skipped", f"{label}: {_article(question.type)} {question.type} question has no GIFT form")
            )
            continue
        losses = _common_losses(question) + outer_space_losses(question, "GIFT")
        tags = tuple(question.tags)
        if tags != category:
            parts = [slugify(tag) for tag in tags]
            if any(part != tag for part, tag in zip(parts, tags)):
                losses.append("tags written as a $CATEGORY path of slugs")
            path = "/".join(p for p in parts if p) or "$course$/top"
            out += [f"$CATEGORY: {path}", ""]
            category = tags
        answer_block, block_losses = written
        losses += block_losses
        if question.explanation:
            answer_block.append("####[markdown]" + gift_escape(question.explanation.strip()))
        prompt = question.prompt.strip()
        if prompt.count(BLANK) == 1 and kind.gift_blank:
            before, after = (gift_escape(part) for part in prompt.split(BLANK))
        else:
            before, after = gift_escape(prompt), ""
        out.append(f"// {question.id} ({question.type})")
        out.append(f"::{question.id}::[plain]{before}{{")
        out += ["\t" + item for item in answer_block]
        out.append("}" + after)
        out.append("")
        result.exported += 1
        kind = "approximated" if losses else "converted"
        message = f"{label} ({question.type})" + (": " + "; ".join(losses) if losses else "")
        result.report.append(ReportEntry(line, kind, message))
    result.text = "\n".join(out) if result.exported else ""
    return result


def export_aiken(pack: Pack) -> ExportResult:
    """Write the ``single`` questions of ``pack`` as an Aiken bank.

    Returns:
        An :class:`ExportResult`. Other types are skipped; a single question with more
        than 26 choices, or whose prompt starts like an Aiken option or ``ANSWER:`` line,
        is skipped too. Explanations, feedback, hints, pins, tags and points are
        reported as dropped; line breaks inside a text become spaces. Never raises.
    """
    result = ExportResult()
    out: list[str] = []
    for question, line in zip(pack.questions, _question_lines(pack)):
        label = f"question '{question.id}'"
        if not kind_of(question).aiken:
            result.report.append(
                ReportEntry(line, "skipped", f"{label}: {_article(question.type)} {question.type} question has no Aiken form (Aiken holds single-choice questions only)")
            )
            continue
        if len(question.choices) > 26:
            result.report.append(ReportEntry(line, "skipped", f"{label}: more than 26 choices (Aiken letters them A to Z)"))
            continue
        texts = [_one_line(question.prompt)] + [_one_line(c.text) for c in question.choices]
        if _AIKEN_LIKE.match(texts[0]):
            result.report.append(
                ReportEntry(line, "skipped", f"{label}: its prompt starts like an Aiken option or ANSWER line")
            )
            continue
        lost = _common_losses(question, "Aiken") + outer_space_losses(question, "Aiken")
        if any("\n" in t for t in [question.prompt] + [c.text for c in question.choices]):
            lost.append("line breaks written as spaces (an Aiken text is one line)")
        for name, present in (
            ("explanation", question.explanation),
            ("feedback", any(c.feedback for c in question.choices)),
            ("pin", any(c.pin for c in question.choices)),
            ("tags", question.tags),
        ):
            if present:
                lost.append(f"{name} dropped")
        out.append(texts[0])
        letters = [chr(ord("A") + i) for i in range(len(question.choices))]
        out += [f"{letter}. {text}" for letter, text in zip(letters, texts[1:])]
        right = next(letter for letter, c in zip(letters, question.choices) if c.correct)
        out += [f"ANSWER: {right}", ""]
        result.exported += 1
        kind = "approximated" if lost else "converted"
        message = f"{label} (single)" + (": " + "; ".join(lost) if lost else "")
        result.report.append(ReportEntry(line, kind, message))
    result.text = "\n".join(out) if out else ""
    return result


def _one_line(text: str) -> str:
    """Join the lines of ``text`` with spaces and strip it."""
    return " ".join(part.strip() for part in text.strip().splitlines() if part.strip())
