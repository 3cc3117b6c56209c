"""A class's results, for the teacher: every student's attempts and an item analysis.

``explainer results --class DIR`` prints :func:`to_table`, :func:`to_csv` or
:func:`to_json`; the class view (``explainer class DIR``) shows the same figures.

Rows: one per finished attempt of each student, in the columns of
:data:`explainer.history.CSV_COLUMNS` with ``student`` first.

**Item analysis**, as Moodle's quiz statistics report gives it, over each student's
first whole-quiz attempt (review rounds aside), for each question:

- **facility index** F = 100 × the mean, over the attempts, of the points earned on the
  question divided by its points (for a one-point question: the share who got it right);
- **discrimination index** D = 100 × the Pearson correlation, over the attempts, between
  the fraction earned on this question and the fraction earned on the rest of the quiz
  (all the other questions); it is shown as "-" when fewer than two attempts, or when
  either score is the same for everyone (the correlation is then undefined);
- for each **wrong choice** of a choice question: how many attempts picked it, and the
  share of the attempts that answered the question. The most-picked wrong choice is the
  distractor that misled the class.

Pure Python: no Textual.
"""

from __future__ import annotations

import csv
import io
import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from explainer import history, i18n, wording
from explainer.kinds import kind_of
from explainer.pack import Pack
from explainer.pack.text import json_safe
from explainer.storage import Attempt, ProgressError, read_progress

CLASS_COLUMNS: tuple[str, ...] = ("student", *history.CSV_COLUMNS)
"""The columns of :func:`to_csv`: the student's name, then those of
:data:`explainer.history.CSV_COLUMNS`."""


@dataclass
class ClassStudent:
    """A student of the class and their finished attempts at the pack.

    Attributes:
        name: the display name.
        attempts: finished attempts, oldest first.
        problem: why the progress could not be read, or "".
    """

    name: str
    attempts: list[Attempt] = field(default_factory=list)
    problem: str = ""


def students(pack: Pack, class_dir: Path | str) -> list[ClassStudent]:
    """Every student of the class folder, by name (case-insensitive), with their
    attempts at ``pack``. Reading never moves or rewrites a file; a student whose
    progress cannot be read is listed with the reason."""
    found = []
    root = Path(class_dir) / "students"
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        try:
            record = tomllib.loads((folder / "student.toml").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        student = ClassStudent(str(record.get("name", folder.name)))
        try:
            student.attempts = list(read_progress(pack.id, folder / "progress").attempts)
        except ProgressError as exc:
            student.problem = str(exc)
        found.append(student)
    return sorted(found, key=lambda s: s.name.casefold())


def rows(pack: Pack, class_students: list[ClassStudent]) -> list[tuple[str, history.AttemptRow]]:
    """``(student name, attempt row)`` for every finished attempt, student by student."""
    out = []
    for student in class_students:
        for number, attempt in enumerate(student.attempts, start=1):
            out.append((student.name, history.AttemptRow.of(number, attempt, pack.quiz.pass_mark)))
    return out


@dataclass(frozen=True)
class Distractor:
    """A wrong choice and how often it was picked (:func:`item_analysis`)."""

    text: str
    picked: int
    share: float


@dataclass(frozen=True)
class ItemStats:
    """The item analysis of one question (formulas: the module docstring).

    Attributes:
        question: the question's id.
        section: the id of the section that teaches it.
        attempts: how many first attempts asked it.
        facility: the facility index, 0 to 100 (None with no attempts).
        discrimination: the discrimination index, -100 to 100 (None when undefined).
        distractors: the wrong choices, most picked first.
    """

    question: str
    section: str
    attempts: int
    facility: float | None
    discrimination: float | None
    distractors: tuple[Distractor, ...]


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    """The Pearson correlation of two equally long lists, or None when undefined."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_analysis(pack: Pack, class_students: list[ClassStudent]) -> list[ItemStats]:
    """The item analysis of every question of ``pack`` over each student's first
    whole-quiz attempt, in quiz order (formulas: the module docstring)."""
    firsts = [next((a for a in s.attempts if not a.review), None) for s in class_students]
    firsts = [a for a in firsts if a is not None]
    stats = []
    for question in pack.questions:
        xs, rests, picks, answered = [], [], {}, 0
        for attempt in firsts:
            answer = next((a for a in attempt.answers if a.question == question.id), None)
            if answer is None or not answer.max_points:
                continue
            x = answer.points / answer.max_points
            rest_max = attempt.max_points - answer.max_points
            rest = (attempt.score - answer.points) / rest_max if rest_max else 0.0
            xs.append(x)
            rests.append(rest)
            if answer.response is not None:
                answered += 1
                for index in kind_of(question).chosen(question, answer.response):
                    picks[index] = picks.get(index, 0) + 1
        choices = kind_of(question).choices(question)
        distractors = sorted(
            (
                Distractor(choice.text, picks.get(index, 0), picks.get(index, 0) / answered if answered else 0.0)
                for index, choice in enumerate(choices)
                if not choice.correct
            ),
            key=lambda d: -d.picked,
        )
        r = _pearson(xs, rests)
        stats.append(
            ItemStats(
                question=question.id,
                section=question.section,
                attempts=len(xs),
                facility=100 * sum(xs) / len(xs) if xs else None,
                discrimination=100 * r if r is not None else None,
                distractors=tuple(distractors),
            )
        )
    return stats


def _index(value: float | None) -> str:
    """An index as shown: a whole number, or "-" when undefined."""
    return "-" if value is None else f"{value:.0f}"


def to_csv(pack: Pack, class_students: list[ClassStudent]) -> str:
    """One row per student attempt, with a header (columns: :data:`CLASS_COLUMNS`), in
    English whatever the language in force (scripts read it)."""
    with i18n.english():
        return _to_csv(pack, class_students)


def _to_csv(pack: Pack, class_students: list[ClassStudent]) -> str:
    """:func:`to_csv`, in the language in force."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLASS_COLUMNS)
    for name, row in rows(pack, class_students):
        cells = [getattr(row, column) for column in history.CSV_COLUMNS]
        cells[history.CSV_COLUMNS.index("passed")] = "yes" if row.passed else "no"
        writer.writerow([name, *cells])
    return out.getvalue()


def to_json(pack: Pack, class_students: list[ClassStudent]) -> str:
    """``{"pack", "students": [{"name", "problem", "attempts": [row...]}], "items":
    [{"question", "section", "attempts", "facility", "discrimination", "distractors":
    [{"text", "picked", "share"}]}]}``; rows have the :data:`CLASS_COLUMNS` fields. In
    English whatever the language in force (scripts read it)."""
    with i18n.english():
        return _to_json(pack, class_students)


def _to_json(pack: Pack, class_students: list[ClassStudent]) -> str:
    """:func:`to_json`, in the language in force."""
    by_student = []
    for student in class_students:
        attempts = []
        for number, attempt in enumerate(student.attempts, start=1):
            row = history.AttemptRow.of(number, attempt, pack.quiz.pass_mark)
            attempts.append({column: getattr(row, column) for column in history.CSV_COLUMNS})
        by_student.append({"name": student.name, "problem": student.problem, "attempts": attempts})
    items = [
        {
            "question": item.question,
            "section": item.section,
            "attempts": item.attempts,
            "facility": None if item.facility is None else round(item.facility, 2),
            "discrimination": None if item.discrimination is None else round(item.discrimination, 2),
            "distractors": [{"text": d.text, "picked": d.picked, "share": round(d.share, 4)} for d in item.distractors],
        }
        for item in item_analysis(pack, class_students)
    ]
    document = {"pack": pack.id, "students": by_student, "items": items}
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def to_table(pack: Pack, class_students: list[ClassStudent]) -> str:
    """The attempts as an aligned table, then the questions most often missed."""
    header = ("student", "#", "finished (local time)", "kind", "score", "%", "result")
    body = [
        (name, str(row.attempt), row.date, row.kind, f"{row.score} of {row.max_points}", row.percent + "%", row.result)
        for name, row in rows(pack, class_students)
    ]
    if not body:
        return f"No finished attempts yet in this class for {pack.id}.\n"
    from rich.cells import cell_len  # terminal cells: a Hangul syllable takes two

    widths = [max(cell_len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(line)).rstrip()
        for line in (header, *body)
    ]
    items = [i for i in item_analysis(pack, class_students) if i.facility is not None]
    hardest = sorted(items, key=lambda i: i.facility)[:5]
    if hardest:
        lines += ["", "Most missed (facility index, lowest first; discrimination index; the wrong choice picked most):"]
        for item in hardest:
            top = next((d for d in item.distractors if d.picked), None)
            misled = f'; "{top.text}" picked {wording.plural(top.picked, "time")}' if top else ""
            section = pack.section(item.section).title
            lines.append(f"  {item.question}: F {_index(item.facility)}, D {_index(item.discrimination)}{misled} (section: {section})")
    return "\n".join(lines) + "\n"
