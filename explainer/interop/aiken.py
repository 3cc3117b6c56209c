"""Read Aiken question banks (Moodle's simplest format: single-choice questions).

An Aiken question is a line of question text, its options, each on its own line and
starting with a capital letter and ``.`` or ``)``, then ``ANSWER: X``::

    What is the capital of France?
    A. Paris
    B) London
    ANSWER: A

:func:`parse_aiken` turns such a file into an
:class:`~explainer.interop.common.ImportResult` of ``single`` questions. Question text
may run over several lines (joined with line breaks); blank lines between questions are
optional. A malformed question is reported with its line and left out; reading resumes
after its ``ANSWER:`` line (or the next blank line), so the questions around it are
still imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from explainer.interop.common import (
    IMPORTED_SECTION,
    BankError,
    IdMaker,
    ImportResult,
    ReportEntry,
    check_question,
    clean_lines,
    clean_question,
    pin_positional,
)

OPTION = re.compile(r"^\s*([A-Z])[.)]\s*(\S.*?)\s*$")
"""An option line: a capital letter, ``.`` or ``)``, then the option text (Moodle also
reads ``A)Text``, with no space)."""
EMPTY_OPTION = re.compile(r"^\s*([A-Z])([.)])\s*$")
"""An option letter with no text after it (``A)``): an error, not a line of the prompt."""

ANSWER = re.compile(r"^\s*ANSWER\s*:\s*(.*?)\s*$", re.IGNORECASE)
"""The answer line: ``ANSWER:`` and a letter (anything else after it is reported, never
taken for the text of the next question)."""


def looks_like_aiken(lines: list[str]) -> bool:
    """True when the text has an ``ANSWER: X`` line right after an option line."""
    previous = ""
    for line in lines:
        if not line.strip():
            continue
        if ANSWER.match(line) and OPTION.match(previous):
            return True
        previous = line
    return False


@dataclass
class _Pending:
    """The question being read: its first line, text lines and options."""

    line: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)


def parse_aiken(lines: list[str], *, section: str = IMPORTED_SECTION) -> ImportResult:
    """Read an Aiken bank.

    Args:
        lines: the file's lines without line endings (see
            :func:`explainer.interop.common.decode_bank`); line ``i + 1`` is ``lines[i]``.
        section: the section id every question points at.

    Returns:
        An :class:`ImportResult` (``format="aiken"``) of ``single`` questions, and a
        report in line order. Never raises: problems become ``error`` entries
        (options before any question, a repeated option letter, a question with fewer
        than two options, no ``ANSWER:`` line, an answer letter that is no option).
        Control characters and bidi overrides are removed (see
        :func:`explainer.interop.common.clean_lines`), each line that held any reported as
        ``approximated``.
    """
    result = ImportResult(format="aiken")
    ids = IdMaker()
    lines, removed = clean_lines(lines)
    result.report.extend(removed)
    pending: _Pending | None = None
    skipping = False

    def fail(line: int, message: str) -> None:
        """Report an error at ``line``, drop the question being read, skip to its end."""
        nonlocal pending, skipping
        result.report.append(ReportEntry(line, "error", message))
        pending, skipping = None, True

    last = max((i for i, line in enumerate(lines, start=1) if line.strip()), default=0)
    for number, raw in enumerate(lines[:last], start=1):
        line = raw.strip()
        answer = ANSWER.match(raw)
        if skipping:
            if answer or not line:
                skipping = False
            continue
        if not line:
            if pending is not None and pending.options:
                fail(pending.line, f"no 'ANSWER:' line after the options of this question (blank line {number})")
                skipping = False
            continue
        option = OPTION.match(raw)
        if answer:
            if pending is None:
                fail(number, "'ANSWER:' with no question before it")
            else:
                try:
                    question = _build(pending, answer.group(1), number, section)
                    result.report.extend(clean_question(question, pending.line))
                    question["id"] = ids.make(None, question["prompt"], len(result.questions) + 1)
                    pinned = pin_positional(question)
                    check_question(question, pending.line)
                except BankError as exc:
                    fail(exc.line, exc.message)
                    skipping = False
                    continue
                result.questions.append(question)
                message = f"question '{question['id']}' as single"
                if pinned:
                    message += " (pinned " + ", ".join(f'"{t}"' for t in pinned) + " in place)"
                result.report.append(ReportEntry(pending.line, "converted", message))
                pending = None
        elif option:
            letter, text = option.groups()
            if pending is None:
                fail(number, f"answers before any question: option '{letter}' has no question line above it")
            elif not pending.options and letter != "A" and not pending.text:
                fail(number, f"option '{letter}' has no question line above it")
            else:
                used = [o[0] for o in pending.options]
                expected = chr(ord(used[-1]) + 1) if used else "A"
                if letter in used:
                    fail(number, f"option '{letter}' appears twice in this question (first on line {pending.options[used.index(letter)][2]})")
                elif letter != expected:
                    fail(number, f"option '{letter}' where '{expected}' was expected: letter the options A, B, C... in order")
                else:
                    pending.options.append((letter, text, number))
        elif (empty := EMPTY_OPTION.match(raw)) and pending is not None:
            fail(number, f"option '{empty.group(1)}' has no text: write the choice after '{empty.group(1)}{empty.group(2)}'")
        else:
            if pending is not None and pending.options:
                fail(
                    pending.line,
                    f"no 'ANSWER:' line after the options of this question (new text on line {number})",
                )
                skipping = False
                pending = _Pending(number, [line])
            elif pending is None:
                pending = _Pending(number, [line])
            else:
                pending.text.append(line)
    if pending is not None and not skipping:
        fail(pending.line, "no 'ANSWER:' line at the end of this question")
    result.report.sort(key=lambda entry: entry.line)
    return result


def _build(pending: _Pending, letter: str, line: int, section: str) -> dict[str, Any]:
    """Build the question dict for a question ended by ``ANSWER: letter`` on ``line``.

    Raises:
        BankError: fewer than two options, or ``letter`` is not one of them.
    """
    if len(pending.options) < 2:
        found = len(pending.options)
        raise BankError(
            pending.line,
            f"a question needs at least two options (found {found}), each on its own line as 'A. text'",
        )
    letters = [o[0] for o in pending.options]
    letter = letter.strip().upper()
    if letter not in letters:
        shown = f"'{letter}'" if letter else "nothing"
        raise BankError(line, f"'ANSWER:' names {shown}, which is not one of the options {', '.join(letters)}")
    return {
        "id": "",
        "type": "single",
        "prompt": "\n".join(pending.text),
        "section": section,
        "choices": [
            {"text": text, "correct": True} if option_letter == letter else {"text": text}
            for option_letter, text, _ in pending.options
        ],
    }
