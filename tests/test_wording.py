"""One module for the words and numbers a reader sees (explainer/wording.py), and every
front end agreeing on them: the results screen, the history screen, plain mode and
`explainer results` as a table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer import history, wording
from explainer.kinds import kind_of
from explainer.pack import Pack
from explainer.plain import run_plain
from explainer.storage import ProgressStore

sys.path.insert(0, str(Path(__file__).parent))
from plain_lines import first_attempt, right_line, wrong_line  # noqa: E402


# ------------------------------------------------------------------ the rules


@given(
    st.integers(min_value=1, max_value=500),
    st.data(),
    st.sampled_from([0.7, 0.725, 0.5, 1 / 3, 0.7255, 0.0, 1.0, 0.999, 0.01]),
)
def test_a_shown_percentage_never_crosses_the_pass_mark(total, data, mark) -> None:
    """Whatever the score and the pass mark, the percentage shown reaches the pass mark
    shown exactly when the score reaches the pass mark."""
    earned = data.draw(st.integers(min_value=0, max_value=total))
    fraction = earned / total
    shown = float(wording.percent(fraction, mark)[:-1])
    mark_shown = float(wording.pass_mark(mark)[:-1])
    assert (shown >= mark_shown) == wording.reaches(fraction, mark)


def test_the_drift_cases() -> None:
    """17.33 of 29 is 59% everywhere; 69.6% never reads 70% beside a 70% pass mark; a pass
    mark of 0.725 is 72.5%; points never show as 17.3333."""
    assert wording.points(52 / 3) == "17.33"
    assert wording.percent((52 / 3) / 29, 0.7) == "59%"
    assert wording.percent(0.696, 0.7) == "69%"
    assert wording.pass_mark(0.725) == "72.5%"
    assert wording.percent(0.7266, 0.725) == "72.6%"
    assert wording.points(1.0) == "1" and wording.points(6.5) == "6.5" and wording.points(-0.0) == "0"


def test_review_rounds_say_how_many_were_right() -> None:
    assert wording.outcome(True, True, 11, 12) == "11 of 12 right"
    assert wording.outcome(True, False, 11, 12) == "passed"
    assert wording.outcome(False, False, 1, 12) == "not passed"


# ------------------------------------------------------------------ every front end


def _with_pass_mark(pack: Pack, mark: float) -> Pack:
    """``pack`` with another pass mark."""
    quiz = pack.quiz_file.model_copy(update={"quiz": pack.quiz.model_copy(update={"pass_mark": mark})})
    return pack.model_copy(update={"quiz_file": quiz})


def _partial_line(session, question, rng: random.Random) -> str:
    """A multiple-choice pick of some right choices and maybe a wrong one."""
    order = session.display_order(question.id)
    right = [i for i, c in enumerate(question.choices) if c.correct]
    wrong = [i for i, c in enumerate(question.choices) if not c.correct]
    picked = right[: max(1, len(right) - 1)] + wrong[: rng.randint(0, 1)]
    return " ".join(str(order.index(i) + 1) for i in picked)


def _random_lines(session, rng: random.Random) -> list[str]:
    """One typed line per question: right, wrong, or (multiple) partly right."""
    lines = []
    for question in session.questions:
        choice = rng.random()
        if question.type == "multiple" and choice < 0.4:
            lines.append(_partial_line(session, question, rng))
        elif choice < 0.55:
            lines.append(right_line(session, question))
        else:
            lines.append(wrong_line(session, question))
    return lines


def _figures_of_plain(out: str) -> tuple[str, str, str, str]:
    """(points, max, percent, result) from plain mode's score line."""
    match = re.search(r"Score: (\S+) of (\S+) points? \((\S+)%\) — (passed|not passed)", out)
    assert match, out
    return match.group(1), match.group(2), match.group(3), match.group(4)


async def test_every_front_end_shows_the_same_figures(every_type_pack, tmp_path: Path) -> None:
    """Random attempts (right, wrong and partly right answers, several pass marks): plain
    mode, the results screen, the history screen and `explainer results` as a table, CSV
    and JSON show the same points, percentage and result."""
    from explainer.app import ExplainerApp
    from explainer.screens.history import attempts_table
    from explainer.screens.results import ResultsScreen
    from explainer.session import QuizSession

    rng = random.Random(20261203)
    cases: list[tuple[Pack, QuizSession, tuple[str, str, str, str], Path]] = []
    for case, mark in enumerate([0.7, 0.725, 0.5, 0.9, 0.43, 0.7, 0.6, 0.8571]):
        pack = _with_pass_mark(every_type_pack, mark)
        session = first_attempt(pack)
        lines = _random_lines(session, rng)
        data_dir = tmp_path / str(case)
        out, err = io.StringIO(), io.StringIO()
        code = run_plain(pack, quiz_only=True, data_dir=data_dir, seed=7, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out, stderr=err)
        assert code == 0, err.getvalue()
        plain = _figures_of_plain(out.getvalue())
        # The same attempt, answered through the kinds, for the results screen.
        for question, line in zip(session.questions, lines):
            session.submit(question.id, kind_of(question).parse_plain(question, session.display_order(question.id), line))
            session.advance()
        cases.append((pack, session, plain, data_dir))

        progress = ProgressStore(pack.id, data_dir).load()
        (attempt,) = progress.attempts
        table = history.to_table(progress, mark).splitlines()[1].split()
        # "1  2026-12-03 10:15  quiz  X of Y  P%  result...  hints"
        assert (table[4], table[6], table[7].rstrip("%"), " ".join(table[8:-1])) == plain
        (row,) = csv.DictReader(io.StringIO(history.to_csv(progress, mark)))
        assert (row["score"], row["max_points"], row["percent"], row["result"]) == plain
        (document,) = json.loads(history.to_json(progress, mark))["attempts"]
        assert (document["score"], document["max_points"], document["percent"], document["result"]) == plain
        screen_line = attempts_table([attempt], pass_mark=mark).plain.splitlines()[1].split()
        assert (screen_line[4], screen_line[6], screen_line[7].rstrip("%"), " ".join(screen_line[8:])) == plain
        # One date everywhere: when the attempt finished, in local time.
        assert screen_line[1:3] == table[1:3] == wording.when(attempt.finished).split()
        assert row["finished"] == document["finished"] == wording.when_iso(attempt.finished)
        assert row["result"] == document["result"] == " ".join(screen_line[8:])

    app = ExplainerApp(every_type_pack, seed=7, data_dir=tmp_path / "app")
    async with app.run_test(size=(100, 30)) as pilot:
        for pack, session, plain, _ in cases:
            app.pack = pack
            await app.push_screen(ResultsScreen(session))
            await pilot.pause()
            summary = str(app.screen.query_one("#summary").render())
            points, max_points, percent, result = plain
            assert f"You scored {points} of {max_points} points." in summary
            word = "Passed" if result == "passed" else "Not passed yet"
            assert f"{word}: {percent}%, pass mark {wording.pass_mark(pack.quiz.pass_mark)}" in summary
            await app.pop_screen()
            await pilot.pause()


@pytest.mark.parametrize("zone", ["UTC", "Asia/Seoul"])
def test_dates_are_local_and_the_same_everywhere(zone: str, monkeypatch) -> None:
    import datetime as dt
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        moment = dt.datetime(2025, 2, 3, 9, 30, 15, tzinfo=dt.timezone.utc)
        expected = "2025-02-03 09:30" if zone == "UTC" else "2025-02-03 18:30"
        assert wording.when(moment) == expected
        assert wording.when_iso(moment).startswith(expected.replace(" ", "T"))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_review_round_reads_the_same_on_screen_and_in_explainer_results(mini_pack) -> None:
    """History used to say "1 of 2 right" for a review round while `explainer results`
    said "passed"; both now say how many were right."""
    from explainer.screens.history import attempts_table
    from test_app_history import history_progress

    progress = history_progress(mini_pack)
    review = progress.attempts[1]
    assert review.review
    assert "1 of 2 right" in history.to_table(progress, 0.7).splitlines()[2]
    assert list(csv.DictReader(io.StringIO(history.to_csv(progress, 0.7))))[1]["result"] == "1 of 2 right"
    assert json.loads(history.to_json(progress, 0.7))["attempts"][1]["result"] == "1 of 2 right"
    assert attempts_table([review], pass_mark=0.7).plain.splitlines()[1].endswith("1 of 2 right")
