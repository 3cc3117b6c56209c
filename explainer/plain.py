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

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from explainer import wording
from explainer.flow import QuizFlow
from explainer.i18n import _, ngettext
from explainer.kinds import InputProblem, kind_of
from explainer.pack import AnyQuestion, Figure, Pack, Response, Score, Section
from explainer.pack.text import printable
from explainer.terminal import plain_wanted  # noqa: F401  (part of this module's API)

__all__ = [
    "EXIT_INPUT_ENDED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main_plain",
    "markdown_to_text",
    "plain_wanted",
    "run_plain",
]

EXIT_OK = 0
"""Exit code of a finished lesson or quiz, passed or not, and of a reader who quit."""
EXIT_INPUT_ENDED = 66
"""Exit code when the input ended before the quiz did (a pipe ran out, ctrl+D): the quiz
in progress is saved, to continue on the next start; no finished attempt is recorded.
(66 is ``EX_NOINPUT`` of sysexits.h.)"""
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
            parts.append(_("(image: {description})").format(description=alt) if alt else _("(image)"))
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


# ------------------------------------------------------------------ the runner


class _Plain:
    """One run of plain mode: the console over the shared quiz flow
    (:class:`explainer.flow.QuizFlow`), which keeps the progress."""

    def __init__(self, flow: QuizFlow, console: _Console) -> None:
        self.flow = flow
        self.pack = flow.pack
        self.out = console
        flow.listen(lambda message, error: console.warn(message))


    # ----------------------------------------------------------------- yes / no

    def _yes_no(self, question: str) -> bool:
        """Ask a yes/no question, default yes (Enter, or the end of input).

        Raises:
            _Quit: the reader typed q (as at any question: stop, keeping everything).
        """
        self.out.say(_("{question} [Y/n]").format(question=question))
        while True:
            try:
                answer = self.out.ask().strip().casefold()
            except _EndOfInput:
                return True
            if answer in ("", "y", "yes"):
                return True
            if answer in ("n", "no"):
                return False
            if answer == "q":
                raise _Quit
            self.out.say(_("Type y for yes or n for no."))

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
            self.flow.reading.mark_read(sections[index].id)
            last = index == total - 1
            if last:
                self.out.say(_("Press Enter to start the quiz, or type q to quit."))
            else:
                self.out.say(
                    _("Press Enter for the next section, or type q to quit.")
                    + " "
                    + _("Type z to go straight to the quiz.")
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
                    _("Press Enter to go on, type z for the quiz, or q to quit.")
                    if not last
                    else _("Press Enter to start the quiz, or type q to quit.")
                )
            self.out.blank()
            if answer in ("z", "quiz"):
                return True
        return True

    def extras_line(self) -> str | None:
        """The line that says how to open the glossary and the timeline, if the pack has them."""
        if self.pack.glossary and self.pack.timeline:
            return _("At each pause between sections, type g for the glossary or t for the timeline.")
        if self.pack.glossary:
            return _("At each pause between sections, type g for the glossary.")
        if self.pack.timeline:
            return _("At each pause between sections, type t for the timeline.")
        return None

    def show_glossary(self) -> None:
        """Print every glossary term with its definition as plain text, then a pause line."""
        out = self.out
        out.blank()
        terms = len(self.pack.glossary)
        out.say(ngettext("Glossary, {count} term:", "Glossary, {count} terms:", terms).format(count=wording.points(terms)))
        for entry in self.pack.glossary:
            out.say(f"- {entry.term}: {markdown_to_text(entry.definition)}")
            if entry.see_also:
                out.say("  " + _("See also: {terms}").format(terms="; ".join(entry.see_also)))
        out.say(_("End of the glossary. Press Enter to go on."))

    def show_timeline(self) -> None:
        """Print every timeline event, one a line, with its section, then a pause line."""
        out = self.out
        out.blank()
        events = len(self.pack.timeline)
        out.say(ngettext("Timeline, {count} event:", "Timeline, {count} events:", events).format(count=wording.points(events)))
        for event in self.pack.timeline:
            line = f"- {event.date}: {event.event}"
            if event.section:
                try:
                    index = self.pack.section_index(event.section)
                    line += " " + _("(section {number}, {title})").format(
                        number=index + 1, title=self.pack.sections[index].title
                    )
                except KeyError:  # pragma: no cover - the loader checks references
                    pass
            out.say(line)
        out.say(_("End of the timeline. Press Enter to go on."))

    def show_section(self, index: int, section: Section) -> None:
        """Print one section: title, body as plain text, key points, sources."""
        out = self.out
        out.say(
            _("Section {number} of {total}: {title}").format(
                number=index + 1, total=len(self.pack.sections), title=section.title
            )
        )
        out.blank()
        out.say(markdown_to_text(section.body))
        for figure in section.figures:
            out.blank()
            for line in figure_table(self.pack, figure):
                out.say(line)
        if section.key_points:
            out.blank()
            out.say(_("Key points:"))
            for point in section.key_points:
                out.say(f"- {point}")
        if section.sources:
            out.blank()
            out.say(_("Sources:"))
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

    def quiz(self) -> int:
        """Ask every question of the flow's attempt from where it is; then the results.

        Returns:
            :data:`EXIT_OK` after the last question, and when the reader typed q (the
            quiz waits to be continued); :data:`EXIT_INPUT_ENDED` when the input ended
            first (the quiz is saved, no finished attempt is recorded).
        """
        out, flow = self.out, self.flow
        session = flow.session
        out.say(self.pack.quiz.title if not session.review else _("Review your mistakes"))
        out.say(
            ngettext(
                "{count} question, pass mark {mark}.", "{count} questions, pass mark {mark}.", session.total
            ).format(count=wording.points(session.total), mark=wording.pass_mark(self.pack.quiz.pass_mark))
            + " "
            + _("Type q at any question to stop; your answers are kept and you can continue later.")
        )
        out.blank()
        while not session.finished:
            question = session.current
            assert question is not None
            try:
                response = self.ask_question(question)
            except KeyboardInterrupt:
                flow.save()  # ctrl+C: the quiz waits to be continued
                raise
            except _Quit:
                flow.save()
                out.say(_("Stopped. Your answers so far are saved; start plain mode again to continue the quiz."))
                return EXIT_OK
            except _EndOfInput:
                flow.save()
                left = flow.questions_left
                out.blank()
                out.warn(
                    ngettext(
                        "The input ended before the quiz did: {count} question left.",
                        "The input ended before the quiz did: {count} questions left.",
                        left,
                    ).format(count=wording.points(left))
                    + " "
                    + _("Your answers so far are saved; start plain mode again to continue the quiz.")
                )
                return EXIT_INPUT_ENDED
            result = flow.answer(response)
            self.feedback(question, response, result)
            out.blank()
            flow.move_on()
        self.finish()
        return EXIT_OK

    def ask_question(self, question: AnyQuestion) -> Response:
        """Print the whole question and read answers until one fits.

        Raises:
            _Quit: the reader typed q.
            _EndOfInput: the input ended.
        """
        out, session = self.out, self.flow.session
        kind = kind_of(question)
        order = session.display_order(question.id)
        out.say(_("Question {number} of {total}").format(number=session.position + 1, total=session.total))
        out.say(question.prompt)
        out.say(kind.scoring(question))
        for line in kind.plain_lines(question, order):
            out.say(line)
        instruction = kind.plain_instruction(question, order)
        rules = kind.rules(question)
        if rules:
            instruction = f"{instruction} {rules}"
        if question.hint:
            instruction += " " + _("Type h for a hint.")
        out.say(instruction)
        while True:
            text = out.ask()
            if _is_hint(text) and not kind.accepts_text(question, text):
                if question.hint:
                    out.say(_("Hint: {hint}").format(hint=self.flow.use_hint()))
                else:
                    out.say(_("This question has no hint."))
                continue
            if _is_quit(text) and not kind.accepts_text(question, text):
                raise _Quit
            try:
                return kind.parse_plain(question, order, text)
            except InputProblem as problem:
                out.say(str(problem))

    # ----------------------------------------------------------------- feedback

    def feedback(self, question: AnyQuestion, response: Response, result: Score) -> None:
        """After an answer: the verdict in words, both answers, choice feedback, explanation."""
        out = self.out
        if result.correct:
            out.say(_("Correct."))
        elif result.points > 0:
            out.say(
                ngettext(
                    "Partly right: {points} of {count} point.", "Partly right: {points} of {count} points.", result.max_points
                ).format(points=wording.points(result.points), count=wording.points(result.max_points))
            )
        else:
            out.say(_("Not quite."))
        kind = kind_of(question)
        out.say(kind.scoring_note(question, response))
        self._answer_lines(question, response)
        note = kind.accepted_note(question, response)
        if note:
            out.say(note)
        self._answer_lines(question, None)
        for text, feedback in kind.picked_feedback(question, response):
            if kind.one_pick:
                out.say(_("About your answer: {feedback}").format(feedback=feedback))
            else:
                out.say(_("About “{choice}”: {feedback}").format(choice=text, feedback=feedback))
        if question.explanation:
            out.say(_("Explanation: {explanation}").format(explanation=markdown_to_text(question.explanation)))

    def _answer_lines(self, question: AnyQuestion, response: Response | None) -> None:
        """Print the reader's answer (``response``), labelled "Your answer", or the right
        one (None), labelled "The right answer"."""
        text, lines = kind_of(question).answer_lines(question, response)
        mine = response is not None
        if lines:
            if text:
                label = _("Your answer, {how}:") if mine else _("The right answer, {how}:")
            else:
                label = _("Your answer:") if mine else _("The right answer:")
            self.out.say(label.format(how=text) if text else label)
            for line in lines:
                self.out.say(line)
        else:
            label = _("Your answer: {answer}") if mine else _("The right answer: {answer}")
            self.out.say(label.format(answer=text))

    # ----------------------------------------------------------------- the end

    def finish(self) -> None:
        """Record the attempt (through the flow) and print the score, pass or not, and
        what was missed."""
        out, flow = self.out, self.flow
        flow.finish()
        session = flow.session
        results = session.results()
        mark = self.pack.quiz.pass_mark
        if session.review:
            right = sum(line.correct for line in results)
            verdict = wording.outcome(session.passed, True, right, session.total)
            out.say(
                _("Score: {score} — {verdict}").format(
                    score=wording.score_line(session.points, session.max_points, mark), verdict=verdict
                )
            )
        else:
            out.say(
                _("Score: {score} — {result} (pass mark {mark})").format(
                    score=wording.score_line(session.points, session.max_points, mark),
                    result=wording.passed_word(session.passed),
                    mark=wording.pass_mark(mark),
                )
            )
        missed = [line for line in results if not line.correct]
        if not missed:
            out.say(_("You answered every question correctly."))
            return
        out.blank()
        out.say(_("Questions to look at again ({count}):").format(count=len(missed)))
        for line in missed:
            question = line.question
            if line.response is None:
                how = _("Question {number}, skipped: {prompt}")
            elif line.score.points > 0:
                how = _("Question {number}, partly right: {prompt}")
            else:
                how = _("Question {number}, missed: {prompt}")
            out.say("- " + how.format(number=line.number, prompt=question.prompt))
            index = self.pack.section_index(question.section)
            out.say(
                "  "
                + _("Read again: section {number}, {title}").format(number=index + 1, title=self.pack.sections[index].title)
            )
        sections = session.missed_sections()
        if sections:
            out.blank()
            out.say(_("Sections to read again:"))
            for section_id in sections:
                index = self.pack.section_index(section_id)
                out.say("- " + _("Section {number}: {title}").format(number=index + 1, title=self.pack.sections[index].title))


def figure_table(pack: Pack, figure: Figure) -> list[str]:
    """A figure as plain-text lines: ``Figure: <title>``, then one row per value (the
    label, padded, then the number and unit, labelled when an estimate), then the note
    and the sources. The same words and numbers as the app's chart
    (:mod:`explainer.wording`)."""
    values = [wording.figure_value(v.value, figure.unit, v.estimate) for v in figure.values]
    width = min(max(len(v.label) for v in figure.values), 40)
    lines = [_("Figure: {title}").format(title=figure.title)]
    for entry, value in zip(figure.values, values):
        lines.append(f"  {entry.label.ljust(width)}  {value}")
    if figure.note:
        lines.append(f"  {figure.note}")
    titles = []
    for source_id in figure.sources:
        try:
            source = pack.source(source_id)
        except KeyError:  # pragma: no cover - the loader checks references
            continue
        titles.append(f"{source.title}, {source.publisher}")
    if titles:
        lines.append(f"  {wording.figure_source_line(titles)}")
    return lines


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
        stdin, stdout, stderr: the streams (default: the process's, set to replace
            what they cannot decode or encode). Answers are read from ``stdin`` a line
            at a time; notices go to ``stderr``, one line each.

    Returns:
        :data:`EXIT_OK` (0) after a finished quiz (passed or not), and when the reader
        typed q (progress is saved, the quiz waits to be continued);
        :data:`EXIT_INPUT_ENDED` (66) when the input ended before the quiz did (the
        quiz is saved and can be continued; no finished attempt is recorded);
        :data:`EXIT_INTERRUPTED` (130) after ctrl+C.
    """
    if stdin is None and stdout is None:
        for stream in (sys.stdin, sys.stdout):
            try:
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]
            except (AttributeError, ValueError):
                pass
    console = _Console(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr)
    flow = QuizFlow(pack, data_dir=data_dir, seed=seed)
    runner = _Plain(flow, console)
    try:
        runner.header()
        saved = flow.saved_attempt()
        if saved is not None:
            session, started = saved
            total = session.total
            at = min(session.position + 1, total)
            if runner._yes_no(
                _("Continue the quiz where you stopped (question {number} of {total})?").format(number=at, total=total)
            ):
                console.blank()
                flow.resume(session, started)
                if session.finished:
                    runner.finish()
                    return EXIT_OK
                return runner.quiz()
            console.blank()
        if not quiz_only:
            start = 0
            index = flow.saved_section()
            if index is not None:
                title = pack.sections[index].title
                if runner._yes_no(
                    _("Continue reading where you stopped (section {number} of {total}, {title})?").format(
                        number=index + 1, total=len(pack.sections), title=title
                    )
                ):
                    start = index
                console.blank()
            extras = runner.extras_line()
            if extras:
                console.say(extras)
                console.blank()
            if not runner.read(start):
                console.say(_("Stopped. What you have read is saved."))
                return EXIT_OK
        flow.start()
        return runner.quiz()
    except _Quit:  # q at a yes/no question, before the quiz
        console.say(_("Stopped. Your answers so far are saved."))
        return EXIT_OK
    except KeyboardInterrupt:
        try:
            console.blank()
            console.warn(_("Stopped. Your answers so far are saved."))
        except Exception:  # pragma: no cover - a closed stream
            pass
        return EXIT_INTERRUPTED
    finally:
        try:
            console.stdout.flush()
        except Exception:  # pragma: no cover - a closed pipe
            pass


def main_plain(argv: Sequence[str] | None = None) -> int:
    """Plain mode from the command line: ``explainer --plain`` (the one click command
    line, :mod:`explainer.cli`) with ``argv`` after it; returns the exit code.

    ``python -m explainer.plain [PATH] [--quiz-only] [--data-dir DIR] [--seed N]``:
    PATH is a pack folder (default: the bundled pack). Exit codes as ``explainer``'s:
    0 done, 1 invalid content, 2 usage error, 66 the input ended before the quiz did,
    74 the output could not be written, 130 ctrl+C.
    """
    from explainer.cli import main

    try:
        main(["open", "--plain", *(sys.argv[1:] if argv is None else argv)])
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return EXIT_OK  # pragma: no cover - main always exits


if __name__ == "__main__":
    sys.exit(main_plain())
