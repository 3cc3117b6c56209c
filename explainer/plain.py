"""Plain mode: the lesson and the quiz as plain lines on stdout, answers on stdin.

For readers who cannot (or would rather not) use the full-screen app: with a screen
reader, on a dumb terminal, or through a pipe::

    printf '1\\n2\\nt\\n' | explainer --plain --quiz-only

What it prints, one thing per line, with no colour, no cursor movement and no box
drawing: a header (title, summary); unless ``quiz_only``, each section (the Markdown
body as plain text, key points, sources) with a pause between sections; then the quiz,
one question at a time, with numbered choices and a one-line instruction saying what to
type; feedback after each answer (correct or not in words, the right answer, the
feedback of the picked choice, the explanation); and at the end the score, pass or not,
and the questions missed with the sections to read again.

Input is one line per answer. A line that does not fit gets a one-line message and the
question is asked again. The end of input (a pipe that runs out, or ctrl+D) never
crashes and never loops: a pause goes on, a yes/no question takes its default, and each
remaining question is skipped, so a short pipe still ends with a score.

Progress is kept as the app keeps it, through :class:`explainer.storage.ProgressStore`:
the sections read, the quiz in progress after every answer and hint, and each finished
attempt. A quiz in progress is offered for continuing on the next start.

This module never imports Textual (a test checks): only the content model, the quiz
session, the progress store and markdown-it.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from explainer.pack import (
    AnyQuestion,
    ChoiceResponse,
    MatchQuestion,
    MatchResponse,
    MultipleChoiceQuestion,
    NumberResponse,
    NumericQuestion,
    OrderQuestion,
    OrderResponse,
    Pack,
    Response,
    Section,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TextResponse,
    TrueFalseQuestion,
    TrueFalseResponse,
    describe_answer,
    describe_response,
    normalise_text,
    parse_number,
)
from explainer.pack.text import printable
from explainer.resume import session_from_in_progress, session_to_attempt, session_to_in_progress
from explainer.session import QuizSession
from explainer.terminal import plain_wanted  # noqa: F401  (part of this module's API)
from explainer.storage import (
    ProgressError,
    ProgressStore,
    utc_now,
    valid_in_progress,
)

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main_plain",
    "markdown_to_text",
    "plain_wanted",
    "run_plain",
]

EXIT_OK = 0
"""Exit code of a finished lesson or quiz, passed or not, and of a reader who quit."""
EXIT_INTERRUPTED = 130
"""Exit code after ctrl+C (progress up to the last answer is saved)."""

def _safe(text: str) -> str:
    """Return author text as written, except control characters, shown as ``\\xNN``,
    and bidi embeddings, overrides and isolates, shown as ``\\uNNNN``
    (:func:`explainer.pack.text.printable`).

    Everything printable (brackets, backslashes, CJK, emoji) is kept verbatim; only
    characters that could drive the terminal (escape sequences, carriage returns, bells)
    or reorder the line are made visible, so author text can never move the cursor,
    change colours or reverse what is shown. Newlines and tabs are kept.
    """
    return printable(text)


# ------------------------------------------------------------------ Markdown -> text


def _markdown_parser():  # -> markdown_it.MarkdownIt
    """The markdown-it parser: CommonMark plus tables and strikethrough."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token) -> str:
    """Render an ``inline`` token's children as plain text: emphasis markers dropped,
    code kept as its text, a link as its text followed by its address in brackets when
    the address differs, an image as its description, a hard break as a newline."""
    parts: list[str] = []
    href_stack: list[str] = []
    link_start: list[int] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            href_stack.append(str(child.attrGet("href") or ""))
            link_start.append(len(parts))
        elif kind == "link_close":
            href = href_stack.pop() if href_stack else ""
            start = link_start.pop() if link_start else len(parts)
            label = "".join(parts[start:])
            shown = href[7:] if href.startswith("mailto:") else href
            if href and shown != label:
                parts.append(f" ({href})")
        elif kind == "image":
            alt = "".join(c.content for c in child.children or ()) or child.content
            parts.append(f"(image: {alt})" if alt else "(image)")
        # em/strong/s open and close: markers dropped.
    return "".join(parts)


def markdown_to_text(source: str) -> str:
    """Turn a Markdown field (a section body, an explanation) into readable plain text.

    Paragraphs become one line each, separated by a blank line (no hard wrapping: the
    terminal or the screen reader wraps). Emphasis markers are dropped; headings keep
    their text; list items start with ``- `` or their number (``1. ``), nested ones
    indented by two spaces per level; block quotes and code blocks are indented; a
    table row becomes ``- header: cell; header: cell``; a link keeps its text followed
    by its address in brackets. Backslash escapes are resolved as Markdown resolves them;
    everything else is kept verbatim, except control characters (see :func:`_safe`).

    Returns:
        The text, without trailing blank lines.
    """
    tokens = _markdown_parser().parse(source)
    lines: list[str] = []
    lists: list[list] = []  # [kind, next number] per open list
    markers: list[str] = []  # marker waiting for the first line of the open list item
    quote = 0
    table: list[list[str]] | None = None
    row: list[str] | None = None

    def indent() -> str:
        """Indentation of continuation lines at the current depth."""
        return "  " * quote + "  " * len(lists)

    def block_break() -> None:
        """A blank line before a new top-level block, never two in a row."""
        if not lists and lines and lines[-1] != "":
            lines.append("")

    def emit(text: str) -> None:
        """Add text (maybe several lines) at the current depth, the item marker first."""
        for number, line in enumerate(text.split("\n")):
            if number == 0 and markers and markers[-1]:
                depth = "  " * quote + "  " * (len(lists) - 1)
                lines.append(depth + markers[-1] + line)
                markers[-1] = ""
            else:
                lines.append(indent() + line if line else "")

    for token in tokens:
        kind = token.type
        if kind in ("paragraph_open", "heading_open", "blockquote_open", "fence", "code_block",
                    "html_block", "hr", "table_open", "bullet_list_open", "ordered_list_open"):
            if not (kind == "paragraph_open" and token.hidden):
                block_break()
        if kind == "bullet_list_open":
            lists.append(["bullet", 0])
        elif kind == "ordered_list_open":
            start = token.attrGet("start")
            lists.append(["ordered", int(start) if start is not None else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
            if not lists:
                lines.append("")
        elif kind == "list_item_open":
            if lists and lists[-1][0] == "ordered":
                markers.append(f"{lists[-1][1]}. ")
                lists[-1][1] += 1
            else:
                markers.append("- ")
        elif kind == "list_item_close":
            if markers:
                if markers[-1]:  # an empty item
                    emit("")
                markers.pop()
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote = max(0, quote - 1)
            if not lists:
                lines.append("")
        elif kind == "table_open":
            table = []
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            table.append(row)
            row = None
        elif kind == "table_close" and table is not None:
            header, *body = table or [[]]
            for cells in body:
                pairs = [f"{h}: {c}" if h else c for h, c in zip(header, cells)]
                emit("- " + "; ".join(pairs))
            if not body:
                emit("; ".join(header))
            table = None
            lines.append("")
        elif kind == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            else:
                emit(text)
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                emit("    " + line if line else "")
            if not lists:
                lines.append("")
        elif kind == "html_block":
            emit(token.content.rstrip("\n"))
            if not lists:
                lines.append("")
        elif kind in ("paragraph_close", "heading_close"):
            if not lists and not token.hidden:
                lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    while lines and lines[0] == "":
        lines.pop(0)
    text = "\n".join(line.rstrip() for line in lines)
    return _safe(re.sub(r"\n{3,}", "\n\n", text))


# ------------------------------------------------------------------ input and output


class _EndOfInput(Exception):
    """Internal: stdin is at its end (a pipe ran out, or ctrl+D)."""


class _Quit(Exception):
    """Internal: the reader typed q to stop."""


class _Console:
    """Plain line output and line input, with the end of input remembered."""

    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.at_end = False
        self._told: set[str] = set()

    def say(self, text: str = "") -> None:
        """Print one or more lines (author text made safe for the terminal)."""
        self._write(self.stdout, _safe(text) + "\n")

    def blank(self) -> None:
        """Print an empty line."""
        self._write(self.stdout, "\n")

    def warn(self, text: str, *, once: bool = False) -> None:
        """Print one line on stderr (with ``once``, a repeated message is not printed)."""
        line = " ".join(_safe(text).split("\n"))
        if once and line in self._told:
            return
        self._told.add(line)
        self.stdout.flush()
        self._write(self.stderr, line + "\n")
        self.stderr.flush()

    def ask(self) -> str:
        """Flush the output and read one line, without its line ending.

        Raises:
            _EndOfInput: at the end of input (and on every call after it).
        """
        self.stdout.flush()
        if self.at_end:
            raise _EndOfInput
        try:
            line = self.stdin.readline()
        except UnicodeDecodeError:
            return "\ufffd"  # not text: the caller says what to type instead
        except (OSError, ValueError):  # closed or unreadable stdin
            line = ""
        if line == "":
            self.at_end = True
            raise _EndOfInput
        return line.rstrip("\r\n")

    @staticmethod
    def _write(stream: TextIO, text: str) -> None:
        """Write ``text``; characters the stream cannot encode become ``?``."""
        try:
            stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding, "replace"))


def _is_quit(text: str) -> bool:
    """True for ``q`` or ``quit`` (any case, spaces around)."""
    return text.strip().casefold() in ("q", "quit")


def _is_hint(text: str) -> bool:
    """True for ``h`` or ``hint`` (any case, spaces around)."""
    return text.strip().casefold() in ("h", "hint")


def _points(value: float) -> str:
    """``1.0`` -> ``"1"``, ``0.5`` -> ``"0.5"``, ``2/3`` -> ``"0.67"``."""
    return f"{round(value, 2):g}"


def _plural(count: float, word: str) -> str:
    """``1 point``, ``2 points``, ``0.5 points``."""
    return f"{_points(count)} {word}" if count == 1 else f"{_points(count)} {word}s"


def _percent(fraction: float) -> str:
    """A whole percentage, rounded down so a score below the pass mark never shows it."""
    return f"{math.floor(fraction * 100 + 1e-9)}%"


def _mark(fraction: float) -> str:
    """A pass mark as a percentage: ``0.7`` -> ``70%``, ``0.725`` -> ``72.5%``."""
    return f"{round(fraction * 100, 4):g}%"


def _letters(count: int) -> list[str]:
    """Labels for a match question's options: a, b, ... z, then aa, ab, ..."""
    labels = []
    for index in range(count):
        label, n = "", index
        while True:
            label = chr(ord("a") + n % 26) + label
            n = n // 26 - 1
            if n < 0:
                break
        labels.append(label)
    return labels


def _split(text: str) -> list[str]:
    """Split an answer on spaces and commas (and semicolons), dropping empty parts."""
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def _whole_numbers(parts: Sequence[str]) -> list[int] | None:
    """Parse ``["3", "1."]`` as ``[3, 1]``; None if any part is not a whole number."""
    numbers = []
    for part in parts:
        part = part.rstrip(".)")
        if not part.isdigit() or not part.isascii():
            return None
        numbers.append(int(part))
    return numbers


# ------------------------------------------------------------------ the runner


class _Plain:
    """One run of plain mode: the pack, the console, the progress store."""

    def __init__(self, pack: Pack, console: _Console, store: ProgressStore | None, seed: int | None) -> None:
        self.pack = pack
        self.out = console
        self.store = store
        self.seed = seed

    # ----------------------------------------------------------------- progress

    def _notice(self) -> None:
        """Print the store's notice about a file set aside, if any, on stderr."""
        if self.store is not None:
            notice = self.store.take_notice()
            if notice:
                self.out.warn(notice)

    def _save(self, change) -> None:
        """Apply a change to the store; a failure is one line on stderr, never a crash."""
        if self.store is None:
            return
        try:
            change(self.store)
        except ProgressError as exc:
            self.out.warn(str(exc), once=True)
        except OSError as exc:  # pragma: no cover - the store turns these into ProgressError
            self.out.warn(f"Your progress could not be saved: {exc}", once=True)
        self._notice()

    # ----------------------------------------------------------------- yes / no

    def _yes_no(self, question: str) -> bool:
        """Ask a yes/no question, default yes (Enter, or the end of input)."""
        self.out.say(f"{question} [Y/n]")
        while True:
            try:
                answer = self.out.ask().strip().casefold()
            except _EndOfInput:
                return True
            if answer in ("", "y", "yes"):
                return True
            if answer in ("n", "no"):
                return False
            self.out.say("Type y for yes or n for no.")

    # ----------------------------------------------------------------- the lesson

    def header(self) -> None:
        """The pack's title and summary, and what follows."""
        self.out.say(self.pack.title)
        self.out.say(self.pack.meta.summary)
        self.out.blank()

    def read(self, start: int = 0) -> bool:
        """Show the sections from ``start``; return False if the reader typed q.

        Typing z at a pause goes straight to the quiz (returns True).
        """
        sections = self.pack.sections
        total = len(sections)
        for index in range(start, total):
            self.show_section(index, sections[index])
            self._save(lambda store, sid=sections[index].id: store.mark_read(sid))
            last = index == total - 1
            if last:
                self.out.say("Press Enter to start the quiz, or type q to quit.")
            else:
                self.out.say(
                    "Press Enter for the next section, or type q to quit."
                    " Type z to go straight to the quiz."
                )
            while True:
                try:
                    answer = self.out.ask().strip().casefold()
                except _EndOfInput:
                    answer = ""
                if answer == "":
                    break
                if _is_quit(answer):
                    return False
                if answer in ("z", "quiz"):
                    return True
                if answer in ("g", "glossary") and self.pack.glossary:
                    self.show_glossary()
                    continue
                if answer in ("t", "timeline") and self.pack.timeline:
                    self.show_timeline()
                    continue
                self.out.say(
                    "Press Enter to go on, type z for the quiz, or q to quit."
                    if not last
                    else "Press Enter to start the quiz, or type q to quit."
                )
            self.out.blank()
            if answer in ("z", "quiz"):
                return True
        return True

    def extras_line(self) -> str | None:
        """The line that says how to open the glossary and the timeline, if the pack has them."""
        parts = []
        if self.pack.glossary:
            parts.append("g for the glossary")
        if self.pack.timeline:
            parts.append("t for the timeline")
        if not parts:
            return None
        return "At each pause between sections, type " + " or ".join(parts) + "."

    def show_glossary(self) -> None:
        """Print every glossary term with its definition as plain text, then a pause line."""
        out = self.out
        out.blank()
        out.say(f"Glossary, {_plural(len(self.pack.glossary), 'term')}:")
        for entry in self.pack.glossary:
            out.say(f"- {entry.term}: {markdown_to_text(entry.definition)}")
            if entry.see_also:
                out.say(f"  See also: {'; '.join(entry.see_also)}")
        out.say("End of the glossary. Press Enter to go on.")

    def show_timeline(self) -> None:
        """Print every timeline event, one a line, with its section, then a pause line."""
        out = self.out
        out.blank()
        out.say(f"Timeline, {_plural(len(self.pack.timeline), 'event')}:")
        for event in self.pack.timeline:
            line = f"- {event.date}: {event.event}"
            if event.section:
                try:
                    index = self.pack.section_index(event.section)
                    line += f" (section {index + 1}, {self.pack.sections[index].title})"
                except KeyError:  # pragma: no cover - the loader checks references
                    pass
            out.say(line)
        out.say("End of the timeline. Press Enter to go on.")

    def show_section(self, index: int, section: Section) -> None:
        """Print one section: title, body as plain text, key points, sources."""
        out = self.out
        out.say(f"Section {index + 1} of {len(self.pack.sections)}: {section.title}")
        out.blank()
        out.say(markdown_to_text(section.body))
        if section.key_points:
            out.blank()
            out.say("Key points:")
            for point in section.key_points:
                out.say(f"- {point}")
        if section.sources:
            out.blank()
            out.say("Sources:")
            for source_id in section.sources:
                try:
                    source = self.pack.source(source_id)
                except KeyError:  # pragma: no cover - the loader checks references
                    continue
                parts = [source.title, source.publisher]
                if source.published is not None:
                    parts.append(source.published.isoformat())
                line = ", ".join(parts)
                if source.url:
                    line += f", {source.url}"
                out.say(f"- {line}")
        out.blank()

    # ----------------------------------------------------------------- the quiz

    def new_session(self) -> tuple[QuizSession, object]:
        """A fresh attempt at the whole quiz, and when it started."""
        seed = self.seed if self.seed is not None else random.SystemRandom().randrange(2**32)
        return QuizSession(self.pack, seed=seed), utc_now()

    def save_quiz(self, session: QuizSession, started) -> None:
        """Save the quiz in progress (after every answer and hint)."""
        quiz = session_to_in_progress(session, started)
        self._save(lambda store: store.save_quiz(quiz))

    def quiz(self, session: QuizSession, started) -> int:
        """Ask every question from the session's position; then the results.

        Returns the exit code (0, also when the reader typed q: the quiz waits).
        """
        out = self.out
        out.say(f"{self.pack.quiz.title}")
        out.say(
            f"{_plural(session.total, 'question')}, pass mark {_mark(self.pack.quiz.pass_mark)}."
            " Type q at any question to stop; your answers are kept and you can continue later."
        )
        out.blank()
        self.save_quiz(session, started)
        while not session.finished:
            question = session.current
            assert question is not None
            if out.at_end:  # nothing more to read: skip the rest briefly
                out.say(f"Question {session.position + 1} of {session.total}: skipped (end of input).")
                session.advance()
                self.save_quiz(session, started)
                continue
            try:
                response = self.ask_question(session, question, started)
            except _Quit:
                out.say("Stopped. Your answers so far are saved; start plain mode again to continue the quiz.")
                return EXIT_OK
            if response is None:
                out.say("No answer (end of input): question skipped.")
                session.advance()
                self.save_quiz(session, started)
                continue
            result = session.submit(question.id, response)
            session.advance()
            self.save_quiz(session, started)
            self.feedback(question, response, result)
            out.blank()
        if out.at_end:
            out.blank()
        self.finish(session, started)
        return EXIT_OK

    def ask_question(self, session: QuizSession, question: AnyQuestion, started) -> Response | None:
        """Show a question and read answers until one fits; None at the end of input.

        Raises:
            _Quit: the reader typed q.
        """
        out = self.out
        out.say(f"Question {session.position + 1} of {session.total}")
        out.say(question.prompt)
        if question.points != 1:
            out.say(f"(worth {_plural(question.points, 'point')})")
        instruction = self.show_question(session, question)
        if question.hint:
            instruction += " Type h for a hint."
        out.say(instruction)
        while True:
            try:
                text = out.ask()
            except _EndOfInput:
                return None
            if _is_hint(text) and not self._accepted(question, text):
                if question.hint:
                    hint = session.use_hint(question.id)
                    out.say(f"Hint: {hint}")
                    self.save_quiz(session, started)
                else:
                    out.say("This question has no hint.")
                continue
            if _is_quit(text) and not self._accepted(question, text):
                raise _Quit
            response, problem = self.parse(session, question, text)
            if response is not None:
                return response
            out.say(problem or "That answer does not fit this question; try again.")

    @staticmethod
    def _accepted(question: AnyQuestion, text: str) -> bool:
        """True if ``text`` is an accepted short answer (so ``h`` or ``q`` can be answers)."""
        if not isinstance(question, ShortAnswerQuestion):
            return False
        typed = normalise_text(text, question.case_sensitive)
        return any(typed == normalise_text(a, question.case_sensitive) for a in question.accept)

    def show_question(self, session: QuizSession, question: AnyQuestion) -> str:
        """Print what the question shows (choices, items, options); return the instruction."""
        out = self.out
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            for number, index in enumerate(session.display_order(question.id), start=1):
                out.say(f"  {number}. {question.choices[index].text}")
            if isinstance(question, SingleChoiceQuestion):
                return "Type the number of your answer."
            return "Type the numbers of every right answer, separated by spaces or commas."
        if isinstance(question, TrueFalseQuestion):
            out.say("  1. True")
            out.say("  2. False")
            return "Type t for true or f for false."
        if isinstance(question, ShortAnswerQuestion):
            return "Type your answer."
        if isinstance(question, NumericQuestion):
            return "Type a number."
        if isinstance(question, OrderQuestion):
            order = session.display_order(question.id) or tuple(range(len(question.items)))
            for number, index in enumerate(order, start=1):
                out.say(f"  {number}. {question.items[index]}")
            return f"Type the numbers in the right order, e.g. {self._order_example(len(order))}."
        if isinstance(question, MatchQuestion):
            for number, pair in enumerate(question.pairs, start=1):
                out.say(f"  {number}. {pair.left}")
            out.say("Options:")
            options = question.right_options
            order = session.display_order(question.id) or tuple(range(len(options)))
            for label, index in zip(_letters(len(order)), order):
                out.say(f"  {label}. {options[index]}")
            return f"Type a letter for each, in order, e.g. {self._match_example(len(question.pairs), len(order))}."
        raise TypeError(f"unknown question type {type(question).__name__}")  # pragma: no cover

    @staticmethod
    def _order_example(count: int) -> str:
        """An example order answer: ``3 1 2`` for three items."""
        return " ".join(str(n) for n in [count, *range(1, count)])

    @staticmethod
    def _match_example(lefts: int, options: int) -> str:
        """An example match answer: ``b a c`` for three left sides."""
        labels = _letters(max(options, 2))
        example = [labels[1], labels[0], *(labels[i % options] for i in range(2, lefts))]
        return " ".join(example[:lefts])

    def parse(self, session: QuizSession, question: AnyQuestion, text: str) -> tuple[Response | None, str | None]:
        """Turn a typed line into a response, or return ``(None, message)`` saying what to type."""
        stripped = text.strip()
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            order = session.display_order(question.id)
            count = len(order)
            numbers = _whole_numbers(_split(stripped))
            if isinstance(question, SingleChoiceQuestion):
                if numbers is None or len(numbers) != 1 or not 1 <= numbers[0] <= count:
                    return None, f"Type one number from 1 to {count}."
                return ChoiceResponse(frozenset({order[numbers[0] - 1]})), None
            if not numbers or not all(1 <= n <= count for n in numbers):
                return None, f"Type one or more numbers from 1 to {count}, separated by spaces or commas, e.g. 1 3."
            return ChoiceResponse(frozenset(order[n - 1] for n in numbers)), None
        if isinstance(question, TrueFalseQuestion):
            word = stripped.casefold().rstrip(".")
            if word in ("t", "true", "y", "yes", "1"):
                return TrueFalseResponse(True), None
            if word in ("f", "false", "n", "no", "2"):
                return TrueFalseResponse(False), None
            return None, "Type t for true or f for false."
        if isinstance(question, ShortAnswerQuestion):
            if not stripped or stripped == "\ufffd":
                return None, "Type your answer, then press Enter."
            return TextResponse(text.strip()), None
        if isinstance(question, NumericQuestion):
            try:
                return NumberResponse(parse_number(stripped)), None
            except ValueError as exc:
                return None, str(exc)
        if isinstance(question, OrderQuestion):
            order = session.display_order(question.id) or tuple(range(len(question.items)))
            count = len(order)
            numbers = _whole_numbers(_split(stripped))
            if numbers is None and stripped.isdigit() and len(stripped) == count and count < 10:
                numbers = [int(ch) for ch in stripped]  # "312"
            if numbers is None or sorted(numbers) != list(range(1, count + 1)):
                return None, (
                    f"Type each number from 1 to {count} once, in the right order,"
                    f" e.g. {self._order_example(count)}."
                )
            return OrderResponse(tuple(order[n - 1] for n in numbers)), None
        if isinstance(question, MatchQuestion):
            options = question.right_options
            order = session.display_order(question.id) or tuple(range(len(options)))
            labels = _letters(len(order))
            lefts = len(question.pairs)
            parts = [p.casefold().rstrip(".)") for p in _split(stripped)]
            if len(parts) == 1 and len(parts[0]) == lefts and len(labels) <= 26:
                parts = list(parts[0])  # "bac"
            message = (
                f"Type {lefts} letters from a to {labels[-1]}, one for each numbered item,"
                f" e.g. {self._match_example(lefts, len(order))}."
            )
            if len(parts) != lefts or not all(p in labels for p in parts):
                return None, message
            return MatchResponse(tuple(order[labels.index(p)] for p in parts)), None
        raise TypeError(f"unknown question type {type(question).__name__}")  # pragma: no cover

    # ----------------------------------------------------------------- feedback

    def feedback(self, question: AnyQuestion, response: Response, result) -> None:
        """After an answer: the verdict in words, both answers, choice feedback, explanation."""
        out = self.out
        if result.correct:
            out.say("Correct.")
        elif result.points > 0:
            out.say(f"Partly right: {_points(result.points)} of {_plural(result.max_points, 'point')}.")
        else:
            out.say("Not quite.")
        self._answer_lines("Your answer", question, response)
        self._answer_lines("The right answer", question, None)
        if isinstance(response, ChoiceResponse) and isinstance(
            question, (SingleChoiceQuestion, MultipleChoiceQuestion)
        ):
            picked = [question.choices[i] for i in sorted(response.selected) if 0 <= i < len(question.choices)]
            with_feedback = [c for c in picked if c.feedback]
            for choice in with_feedback:
                if len(picked) == 1:
                    out.say(f"About your answer: {choice.feedback}")
                else:
                    out.say(f"About “{choice.text}”: {choice.feedback}")
        if question.explanation:
            explanation = markdown_to_text(question.explanation)
            out.say(f"Explanation: {explanation}")

    def _answer_lines(self, label: str, question: AnyQuestion, response: Response | None) -> None:
        """Print the reader's answer (``response``) or the right one (None), one part a line
        for order and match questions."""
        out = self.out
        if isinstance(question, OrderQuestion):
            items = (
                [question.items[i] for i in response.order if 0 <= i < len(question.items)]
                if isinstance(response, OrderResponse)
                else list(question.items)
            )
            out.say(f"{label}, first to last:")
            for number, item in enumerate(items, start=1):
                out.say(f"  {number}. {item}")
            return
        if isinstance(question, MatchQuestion):
            options = question.right_options
            if isinstance(response, MatchResponse):
                picks = [options[m] if m is not None and 0 <= m < len(options) else "(none)" for m in response.matches]
            else:
                picks = [pair.right for pair in question.pairs]
            out.say(f"{label}:")
            for pair, pick in zip(question.pairs, picks):
                out.say(f"  {pair.left}: {pick}")
            return
        if response is None:
            out.say(f"{label}: {describe_answer(question)}")
        else:
            out.say(f"{label}: {describe_response(question, response)}")

    # ----------------------------------------------------------------- the end

    def finish(self, session: QuizSession, started) -> None:
        """Record the attempt and print the score, pass or not, and what was missed."""
        out = self.out
        results = session.results()
        attempt = session_to_attempt(session, started)
        self._save(lambda store: store.add_attempt(attempt))
        verdict = "passed" if session.passed else "not passed"
        out.say(
            f"Score: {_points(session.points)} of {_plural(session.max_points, 'point')}"
            f" ({_percent(session.fraction)}) — {verdict} (pass mark {_mark(self.pack.quiz.pass_mark)})"
        )
        missed = [line for line in results if not line.correct]
        if not missed:
            out.say("You answered every question correctly.")
            return
        out.blank()
        out.say(f"Questions to look at again ({len(missed)}):")
        for line in missed:
            question = line.question
            how = "skipped" if line.response is None else ("partly right" if line.score.points > 0 else "missed")
            out.say(f"- Question {line.number}, {how}: {question.prompt}")
            try:
                section = self.pack.section(question.section)
                index = self.pack.section_index(question.section)
                out.say(f"  Read again: section {index + 1}, {section.title}")
            except KeyError:  # pragma: no cover - the loader checks references
                pass
        sections = session.missed_sections()
        if sections:
            out.blank()
            out.say("Sections to read again:")
            for section_id in sections:
                index = self.pack.section_index(section_id)
                out.say(f"- Section {index + 1}: {self.pack.sections[index].title}")


def run_plain(
    pack: Pack,
    *,
    quiz_only: bool = False,
    data_dir: Path | str | None = None,
    seed: int | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the lesson and the quiz of ``pack`` as plain lines; return the exit code.

    Args:
        pack: a loaded pack.
        quiz_only: skip the sections and go straight to the quiz.
        data_dir: the data folder for progress (``--data-dir``); None means
            ``$EXPLAINER_DATA_DIR`` or the platform's user data folder.
        seed: shuffle seed for a new quiz (None: a random one, saved with the quiz).
        stdin, stdout, stderr: the streams (default: the process's). Answers are read
            from ``stdin`` a line at a time; notices about the progress file go to
            ``stderr``, one line each.

    Returns:
        0 after a finished quiz (passed or not), and when the reader typed q (progress is
        saved, the quiz waits to be continued); 130 after ctrl+C.
    """
    console = _Console(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr)
    store: ProgressStore | None
    try:
        store = ProgressStore(pack.id, data_dir)
    except ValueError as exc:  # pragma: no cover - pack ids are slugs
        console.warn(f"Progress cannot be saved: {exc}")
        store = None
    runner = _Plain(pack, console, store, seed)
    try:
        progress = store.load() if store is not None else None
        runner._notice()
        runner.header()
        saved = valid_in_progress(pack, progress) if progress is not None else None
        if saved is not None:
            total = len(saved.questions)
            at = min(saved.position + 1, total)
            if runner._yes_no(f"Continue the quiz where you stopped (question {at} of {total})?"):
                console.blank()
                return runner.quiz(session_from_in_progress(pack, saved), saved.started)
            console.blank()
        if not quiz_only:
            start = 0
            sections = [s.id for s in pack.sections]
            last = progress.last_section if progress is not None else None
            read = set(progress.sections_read) if progress is not None else set()
            if last in sections and sections.index(last) > 0 and not read.issuperset(sections):
                index = sections.index(last)
                title = pack.sections[index].title
                if runner._yes_no(
                    f"Continue reading where you stopped (section {index + 1} of {len(sections)}, {title})?"
                ):
                    start = index
                console.blank()
            extras = runner.extras_line()
            if extras:
                console.say(extras)
                console.blank()
            if not runner.read(start):
                console.say("Stopped. What you have read is saved.")
                return EXIT_OK
        session, started = runner.new_session()
        return runner.quiz(session, started)
    except KeyboardInterrupt:
        try:
            console.blank()
            console.warn("Stopped. Your answers so far are saved.")
        except Exception:  # pragma: no cover - a closed stream
            pass
        return EXIT_INTERRUPTED
    finally:
        try:
            console.stdout.flush()
        except Exception:  # pragma: no cover - a closed pipe
            pass


def main_plain(argv: Sequence[str] | None = None) -> int:
    """Plain mode as a small command line; returns the exit code.

    ``python -m explainer.plain [PATH] [--quiz-only] [--data-dir DIR] [--seed N]``:
    PATH is a pack folder (default: the bundled pack). Exit codes: 0 done, 1 invalid
    content (every problem on stderr, one line each), 2 usage error, 74 the output could
    not be written (stdout closed or full, or a pipe whose reader went away), 130 ctrl+C.
    Closed and broken streams are handled as by ``explainer`` (:mod:`explainer.streams`).
    """
    from explainer.streams import run_guarded

    return run_guarded(lambda: _main_plain(argv))


def _main_plain(argv: Sequence[str] | None) -> int:
    """The body of :func:`main_plain`, run with guarded streams."""
    from explainer.pack import PackError, PackNotFound, bundled_pack_path, load_pack

    parser = argparse.ArgumentParser(
        prog="explainer --plain",
        description="The lesson and the quiz as plain lines: for screen readers and pipes.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="a pack folder (default: the bundled pack)")
    parser.add_argument("--quiz-only", action="store_true", help="skip the sections, go straight to the quiz")
    parser.add_argument("--data-dir", type=Path, default=None, help="where progress is saved")
    parser.add_argument("--seed", type=int, default=None, help="shuffle seed, for a repeatable quiz")
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else 2
    try:
        pack = load_pack(args.path or bundled_pack_path())
    except PackNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PackError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return 1
    for stream in (sys.stdin, sys.stdout):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    return run_plain(pack, quiz_only=args.quiz_only, data_dir=args.data_dir, seed=args.seed)


if __name__ == "__main__":
    sys.exit(main_plain())
