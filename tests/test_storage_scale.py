"""Progress files at scale: summaries (format 2), the size limit, and saves that reuse work.

Nothing here measures time (``benchmarks/progress.py`` does). The thresholds are
lowered through ``ProgressStore``'s parameters so the files stay small and the tests
fast; what is checked is that summarising changes nothing the reader sees: history
rows, ``explainer results`` rows and the review queue.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest
import tomli_w

from explainer import history, review, storage
from explainer.pack import Pack, score
from explainer.pack.scoring import ChoiceResponse, TextResponse, TrueFalseResponse
from explainer.plain import run_plain
from explainer.screens.history import attempts_table, score_chart
from explainer.storage import (
    AnswerCounts,
    Attempt,
    AttemptAnswer,
    CarriedDue,
    Progress,
    ProgressError,
    ProgressStore,
    QuestionState,
    QuizInProgress,
    compact,
    question_hash,
    read_progress,
)

T0 = dt.datetime(2025, 2, 3, 9, 30, tzinfo=dt.timezone.utc)


def _answer(question, right: bool, rng: random.Random) -> AttemptAnswer:
    """A scored answer to ``question``: right or wrong, sometimes with the hint."""
    if question.type == "true_false":
        response = TrueFalseResponse(question.answer if right else not question.answer)
    else:
        correct = {i for i, choice in enumerate(question.choices) if choice.correct}
        wrong = sorted(set(range(len(question.choices))) - correct)
        response = ChoiceResponse(frozenset(correct if right else {rng.choice(wrong)}))
    return AttemptAnswer.of(question, response, score(question, response), hint_used=rng.random() < 0.3)


def many_attempts(pack: Pack, count: int, seed: int = 3, *, start: int = 0) -> list[Attempt]:
    """``count`` attempts, one a day: whole quizzes and review rounds (two questions),
    right about half the time, so questions keep entering and leaving the review queue."""
    rng = random.Random(seed)
    attempts = []
    for n in range(start, start + count):
        review_round = n % 4 == 3
        questions = rng.sample(list(pack.questions), 2) if review_round else list(pack.questions)
        answers = [_answer(q, rng.random() < 0.55, rng) for q in questions]
        got = sum(a.points for a in answers)
        total = sum(a.max_points for a in answers)
        started = T0 + dt.timedelta(days=n)
        attempts.append(
            Attempt(
                started=started,
                finished=started + dt.timedelta(minutes=3, seconds=n % 50),
                review=review_round,
                score=got,
                max_points=total,
                passed=got / total >= pack.quiz.pass_mark,
                answers=answers,
            )
        )
    return attempts


def _edited(pack: Pack, question_id: str) -> Pack:
    """A copy of ``pack`` with one question's prompt changed (so its hash changes)."""
    questions = tuple(
        q.model_copy(update={"prompt": q.prompt + " (edited)"}) if q.id == question_id else q for q in pack.questions
    )
    return pack.model_copy(update={"quiz_file": pack.quiz_file.model_copy(update={"questions": questions})})


def seen(pack: Pack, progress: Progress) -> dict:
    """Everything the reader can see of the attempts: the history screen's table and
    chart, the rows of ``explainer results`` (table, CSV, and the JSON without the
    per-question list) and the review queue."""
    return {
        "rows": history.rows(progress),
        "csv": history.to_csv(progress),
        "table": history.to_table(progress),
        "screen": attempts_table(progress.attempts).plain,
        "chart": score_chart(progress.attempts, pack.quiz.pass_mark).plain if progress.attempts else "",
        "due": review.due_questions(pack, progress),
        "queue": review.review_queue(pack, progress),
    }


# ------------------------------------------------------------------ summarising


def test_summarising_keeps_history_results_and_the_review_queue(tmp_path: Path, mini_pack: Pack) -> None:
    attempts = many_attempts(mini_pack, 400)
    full = Progress(pack=mini_pack.id, attempts=tuple(attempts))
    store = ProgressStore(mini_pack.id, tmp_path, detailed_attempts=25, detailed_answers=60)
    saved = store.save(full)

    again = ProgressStore(mini_pack.id, tmp_path).load()
    assert again == saved
    kept = answers = 0
    for attempt in reversed(attempts):  # the newest, up to 25 attempts and 60 answers
        answers += len(attempt.answers)
        if answers > 60:
            break
        kept += 1
    assert 15 < kept < 25
    assert again.format == 2 and again.summarised_count == 400 - kept
    assert all(not a.summarised for a in again.attempts[-kept:])
    assert seen(mini_pack, again) == seen(mini_pack, full)
    assert review.due_questions(mini_pack, full), "the test needs questions in the queue"
    # With a question edited, its old answers (summarised or not) stop counting, alike.
    edited = _edited(mini_pack, "piers")
    assert review.due_questions(edited, again) == review.due_questions(edited, full)
    # The JSON keeps every field of each attempt; only the per-question list is gone.
    before = history.to_json(full)
    after = history.to_json(again)
    for old, new in zip(json.loads(before)["attempts"], json.loads(after)["attempts"]):
        answers = old.pop("answers")
        new_answers = new.pop("answers")
        assert old == new
        assert new_answers in ([], answers)


def test_each_save_summarises_one_more_and_never_changes_what_is_due(tmp_path: Path, mini_pack: Pack) -> None:
    store = ProgressStore(mini_pack.id, tmp_path, detailed_attempts=6, detailed_answers=1_000)
    attempts = many_attempts(mini_pack, 80, seed=11)
    for count, attempt in enumerate(attempts, start=1):
        saved = store.add_attempt(attempt)
        assert saved.summarised_count == max(0, count - 6)
        if count % 7 == 0 or count > 70:
            full = Progress(pack=mini_pack.id, attempts=tuple(attempts[:count]))
            assert review.due_questions(mini_pack, saved) == review.due_questions(mini_pack, full)
            assert history.rows(saved) == history.rows(full)
    on_disk = ProgressStore(mini_pack.id, tmp_path).load()
    assert on_disk == saved and len(on_disk.attempts) == 80


def test_a_clock_set_back_keeps_the_order_the_review_queue_uses(mini_pack: Pack) -> None:
    attempts = many_attempts(mini_pack, 30, seed=5)
    late = attempts[2].model_copy(update={"finished": T0 + dt.timedelta(days=25, hours=12)})
    attempts[2] = late  # finished after 22 later attempts
    full = Progress(pack=mini_pack.id, attempts=tuple(attempts))
    compacted = compact(full, keep=20, keep_answers=10_000)
    assert compacted.summarised_count == 2  # only those before the late one can go
    assert seen(mini_pack, compacted) == seen(mini_pack, full)
    # With no split left, once the detailed attempts reach twice what is kept, the oldest
    # go regardless (so a clock far in the future cannot keep the file growing).
    once = compact(full, keep=5, keep_answers=10_000)
    assert once.summarised_count == 2
    assert compact(once, keep=5, keep_answers=10_000).summarised_count == 25
    assert compact(once, keep=15, keep_answers=10_000) is once  # 28 < 2 x 15: wait


def test_compact_keeps_the_newest_attempt_and_checks_its_arguments(mini_pack: Pack) -> None:
    full = Progress(pack=mini_pack.id, attempts=tuple(many_attempts(mini_pack, 5)))
    assert compact(full, keep=10, keep_answers=10_000) is full  # nothing to do
    one = compact(full, keep=3, keep_answers=0)
    assert one.summarised_count == 4 and not one.attempts[-1].summarised
    assert compact(full, keep=0).summarised_count == 5
    assert compact(one, keep=3, keep_answers=0) is one
    with pytest.raises(ValueError):
        compact(full, keep=-1)


def test_summarised_attempts_keep_their_counts(mini_pack: Pack) -> None:
    attempt = many_attempts(mini_pack, 1)[0]
    summarised = compact(Progress(pack=mini_pack.id, attempts=(attempt,)), keep=0).attempts[0]
    assert summarised.summarised and summarised.answers == ()
    assert summarised.counts == AnswerCounts(
        questions=len(attempt.answers),
        correct=sum(a.correct for a in attempt.answers),
        hints_used=sum(a.hint_used for a in attempt.answers),
    )
    for name in ("question_count", "correct_count", "hint_count", "fraction", "started", "score", "passed"):
        assert getattr(summarised, name) == getattr(attempt, name)
    with pytest.raises(ValueError):
        Attempt.model_validate({**dict(attempt), "counts": summarised.counts})
    with pytest.raises(ValueError):
        AnswerCounts(questions=2, correct=3, hints_used=0)


# ------------------------------------------------------------------ the format


def _full_state(pack: Pack) -> Progress:
    """Sections, a quiz in progress and a few attempts: everything format 1 holds."""
    states = [
        QuestionState.of(q, reversed(range(storage.display_order_length(q))), hint_used=i == 0)
        for i, q in enumerate(pack.questions)
    ]
    quiz = QuizInProgress(started=T0, seed=42, position=1, questions=states)
    return Progress(
        pack=pack.id, sections_read=("the-vote",), last_section="the-vote", quiz=quiz,
        attempts=tuple(many_attempts(pack, 3)),
    )


def test_format_1_is_written_exactly_as_before(mini_pack: Pack) -> None:
    for progress in (
        Progress.empty(mini_pack.id),
        _full_state(mini_pack),
        _full_state(mini_pack).model_copy(update={"quiz": None, "last_section": None}),
        _full_state(mini_pack).model_copy(update={"attempts": ()}),
    ):
        data = progress.model_dump(mode="python", exclude_none=True)
        del data["review_carry"]
        assert progress.to_toml() == tomli_w.dumps(data)  # the writer before summaries
        assert progress.to_toml().startswith("format = 1\n")


def test_a_format_2_file_reads_back_the_same(tmp_path: Path, mini_pack: Pack) -> None:
    progress = _full_state(mini_pack).model_copy(update={"attempts": tuple(many_attempts(mini_pack, 30))})
    store = ProgressStore(mini_pack.id, tmp_path, detailed_attempts=4)
    saved = store.save(progress)
    text = store.path.read_text(encoding="utf-8")
    assert text.startswith("format = 2\n")
    assert "[summary]\nattempts = '''\nstarted,finished,kind,score,max_points,passed,questions,correct,hints_used\n" in text
    assert "2025-02-03T09:30:00+00:00,2025-02-03T09:33:00+00:00,quiz," in text
    assert text.count("[[attempts]]") == 4
    assert ProgressStore(mini_pack.id, tmp_path).load() == saved
    assert read_progress(mini_pack.id, tmp_path) == saved
    assert saved.quiz == progress.quiz and saved.sections_read == progress.sections_read


def test_summary_lines_with_another_offset_are_kept_in_utc(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        "format = 2\npack = \"p\"\nsections_read = []\nattempts = []\n\n[summary]\nattempts = '''\n"
        "started,finished,kind,score,max_points,passed,questions,correct,hints_used\n"
        "2025-02-03T10:30:00+01:00,2025-02-03T10:35:00+01:00,review,1,2,no,2,1,0\n'''\n"
        "\n[[summary.due]]\nquestion = \"q\"\nhash = \"0123456789abcdef\"\nsince = 2025-02-03T09:35:00Z\n",
        encoding="utf-8",
    )
    progress = store.load()
    assert store.notice is None
    (attempt,) = progress.attempts
    assert attempt.started == T0 and attempt.started.tzinfo is dt.timezone.utc
    assert attempt.review and attempt.score == 1.0 and attempt.counts == AnswerCounts(
        questions=2, correct=1, hints_used=0
    )
    assert progress.review_carry == (
        CarriedDue(question="q", hash="0123456789abcdef", since=T0 + dt.timedelta(minutes=5)),
    )


SUMMARY_HEAD = (
    "format = 2\npack = \"p\"\nsections_read = []\nattempts = []\n\n[summary]\nattempts = '''\n"
    "started,finished,kind,score,max_points,passed,questions,correct,hints_used\n"
)
LINE = "2025-02-03T09:30:00+00:00,2025-02-03T09:35:00+00:00,quiz,1.0,2.0,no,2,1,0\n"

BAD_SUMMARIES = {
    "summary-in-format-1": (SUMMARY_HEAD + LINE + "'''\n").replace("format = 2", "format = 1"),
    "no-header": SUMMARY_HEAD.replace("started,finished", "begun,finished") + LINE + "'''\n",
    "naive-date": SUMMARY_HEAD + LINE.replace("+00:00", "", 1) + "'''\n",
    "bad-kind": SUMMARY_HEAD + LINE.replace("quiz", "exam") + "'''\n",
    "negative-score": SUMMARY_HEAD + LINE.replace(",1.0,", ",-1.0,") + "'''\n",
    "nan-score": SUMMARY_HEAD + LINE.replace(",1.0,", ",nan,") + "'''\n",
    "more-right-than-asked": SUMMARY_HEAD + LINE.replace(",2,1,0", ",2,3,0") + "'''\n",
    "extra-column": SUMMARY_HEAD + LINE.replace(",0\n", ",0,9\n") + "'''\n",
    "quoted-newline": SUMMARY_HEAD + LINE.replace(",quiz,", ',"qu\niz",') + "'''\n",
    "summary-not-a-table": 'format = 2\npack = "p"\nsummary = 3\n',
    "unknown-summary-key": SUMMARY_HEAD + LINE + "'''\ncolour = \"red\"\n",
    "bad-carry": SUMMARY_HEAD + LINE + "'''\n[[summary.due]]\nquestion = \"q\"\nhash = \"xyz\"\nsince = 2025-02-03T09:35:00Z\n",
    "carry-at-top-level": 'format = 2\npack = "p"\nreview_carry = []\n',
    "counts-in-attempts": (
        'format = 2\npack = "p"\n[[attempts]]\nstarted = 2025-02-03T09:30:00Z\nfinished = 2025-02-03T09:30:00Z\n'
        "score = 1.0\nmax_points = 1.0\npassed = true\ncounts = { questions = 1, correct = 1, hints_used = 0 }\n"
    ),
}


@pytest.mark.parametrize("name", list(BAD_SUMMARIES))
def test_a_bad_summary_is_set_aside_with_a_notice(tmp_path: Path, name: str) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    data = BAD_SUMMARIES[name].encode()
    store.path.write_bytes(data)
    assert store.load() == Progress.empty("p")
    assert store.notice is not None and "unreadable" in store.notice
    (backup,) = store.path.parent.glob("p.toml.bak-*")
    assert backup.read_bytes() == data
    assert "summary" in store.notice or "counts" in store.notice or "review_carry" in store.notice


def test_a_bad_summary_line_is_named_in_the_notice(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text(SUMMARY_HEAD + LINE + LINE.replace(",1.0,", ",lots,") + "'''\n", encoding="utf-8")
    store.load()
    assert store.notice is not None and "summary.attempts line 3, score" in store.notice


# ------------------------------------------------------------------ the size limit


def test_a_file_over_the_size_limit_is_set_aside_unread(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore(mini_pack.id, tmp_path, max_bytes=4096)
    ProgressStore(mini_pack.id, tmp_path).save(Progress(pack=mini_pack.id, attempts=tuple(many_attempts(mini_pack, 10))))
    data = store.path.read_bytes()
    assert len(data) > 4096

    def never(*args, **kwargs):
        raise AssertionError("a file over the limit must not be parsed")

    monkeypatch.setattr(storage.store, "_parse", never)  # where ProgressStore looks it up
    assert store.load() == Progress.empty(mini_pack.id)
    assert store.notice is not None
    assert f"it is {len(data) // 1024} KiB, over the 4 KiB limit, so it was not read" in store.notice
    assert ".bak-" in store.notice
    (backup,) = store.path.parent.glob(f"{mini_pack.id}.toml.bak-*")
    assert backup.read_bytes() == data
    # The default limit is 64 MiB, read when the store is made.
    assert storage.MAX_FILE_BYTES == 64 * 2**20


def test_results_refuse_a_file_over_the_limit_and_leave_it(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProgressStore(mini_pack.id, tmp_path).save(Progress(pack=mini_pack.id, attempts=tuple(many_attempts(mini_pack, 3))))
    path = storage.progress_path(mini_pack.id, tmp_path)
    data = path.read_bytes()
    monkeypatch.setattr(storage.store, "MAX_FILE_BYTES", len(data) - 1)  # where read_progress looks it up
    with pytest.raises(ProgressError, match="over the .* limit, so it was not read.*left as it is"):
        read_progress(mini_pack.id, tmp_path)
    assert path.read_bytes() == data


# ------------------------------------------------------------------ saves reuse work


def test_a_save_after_a_load_neither_parses_nor_converts_old_attempts_again(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProgressStore(mini_pack.id, tmp_path, detailed_attempts=10).save(
        Progress(pack=mini_pack.id, attempts=tuple(many_attempts(mini_pack, 40)))
    )
    store = ProgressStore(mini_pack.id, tmp_path, detailed_attempts=10)
    store.load()
    calls = {"parse": 0, "attempt": 0, "row": 0}
    for module, name, key in (  # each patched where it is looked up
        (storage.store, "_parse", "parse"),
        (storage.format, "_attempt_chunk", "attempt"),
        (storage.format, "_summary_row", "row"),
    ):
        real = getattr(module, name)

        def counting(*args, _real=real, _key=key, **kwargs):
            calls[_key] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    new = many_attempts(mini_pack, 3, seed=8, start=100)
    for attempt in new:
        store.add_attempt(attempt)
        store.mark_read("the-vote")
    assert calls == {"parse": 0, "attempt": 3, "row": 3}  # only the new attempts, once each
    monkeypatch.undo()
    assert ProgressStore(mini_pack.id, tmp_path).load() == store.load()


def test_a_change_by_another_instance_is_seen_even_at_the_same_size(tmp_path: Path, mini_pack: Pack) -> None:
    mine = ProgressStore(mini_pack.id, tmp_path)
    mine.mark_read("the-vote")
    data = mine.path.read_bytes()
    mine.path.write_bytes(data.replace(b"the-vote", b"the-vete"))  # same length, edited in place
    assert mine.mark_read("the-bridge").sections_read == ("the-vete", "the-bridge")


def test_reading_in_pieces_never_splits_inside_a_string(tmp_path: Path) -> None:
    """A hand-edited file whose text answer spans lines, one of them ``[[attempts]]``, and a
    table after the attempts: read as a whole, and saved without losing anything."""
    text = (
        'format = 1\npack = "p"\nsections_read = []\n\n'
        "[[attempts]]\nstarted = 2025-02-03T09:30:00Z\nfinished = 2025-02-03T09:31:00Z\n"
        "score = 1.0\nmax_points = 1.0\npassed = true\n\n"
        '[[attempts.answers]]\nquestion = "q"\nhash = "0123456789abcdef"\ncorrect = true\n'
        'points = 1.0\nmax_points = 1.0\nresponse = { kind = "text", text = """two\n[[attempts]]\nlines""" }\n\n'
        "[[attempts]]\nstarted = 2025-02-03T09:40:00Z\nfinished = 2025-02-03T09:41:00Z\n"
        "score = 0.0\nmax_points = 1.0\npassed = false\n\n"
        '[quiz]\nstarted = 2025-02-03T09:50:00Z\n[[quiz.questions]]\nid = "q"\nhash = "0123456789abcdef"\n'
    )
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text(text, encoding="utf-8")
    progress = store.load()
    assert store.notice is None
    assert len(progress.attempts) == 2 and progress.quiz is not None
    assert progress.attempts[0].answers[0].response == TextResponse("two\n[[attempts]]\nlines")
    saved = store.mark_read("s")
    assert ProgressStore("p", tmp_path).load() == saved
    assert saved.attempts == progress.attempts and saved.quiz == progress.quiz


def test_trusted_models_equal_model_construct() -> None:
    """Summary lines become models without pydantic's per-field loop; if a pydantic
    release changed what a model holds, this fails."""
    counts = {"questions": 3, "correct": 2, "hints_used": 1}
    values = {
        "started": T0, "finished": T0, "review": True, "score": 2.0, "max_points": 3.0, "passed": False,
        "answers": (), "counts": storage._trusted(AnswerCounts, dict(counts)),
    }
    fast = storage._trusted(Attempt, dict(values))
    slow = Attempt.model_construct(**{**values, "counts": AnswerCounts.model_construct(**counts)})
    assert fast == slow and fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump() == slow.model_dump() == Attempt.model_validate(values).model_dump()
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert hash(fast.counts) == hash(slow.counts)


# ------------------------------------------------------------------ a plain run


def test_a_plain_run_on_a_large_progress_file_summarises_it_and_keeps_what_is_seen(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.models, "DETAILED_ATTEMPTS", 8)  # compact() reads them there
    monkeypatch.setattr(storage.models, "DETAILED_ANSWERS", 40)
    monkeypatch.setattr(storage.store, "DETAILED_ATTEMPTS", 8)  # and ProgressStore, for the pieces it keeps
    attempts = many_attempts(mini_pack, 300)
    full = Progress(pack=mini_pack.id, attempts=tuple(attempts))
    path = storage.progress_path(mini_pack.id, tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(full.to_toml(), encoding="utf-8")  # format 1: every answer, as before summaries
    before = seen(mini_pack, full)

    out, err = io.StringIO(), io.StringIO()
    code = run_plain(mini_pack, quiz_only=True, data_dir=tmp_path, seed=1,
                     stdin=io.StringIO("1\n1\n1\n1\n"), stdout=out, stderr=err)

    assert code == 0 and "Score: " in out.getvalue() and err.getvalue() == ""
    after = read_progress(mini_pack.id, tmp_path)
    assert after.format == 2 and len(after.attempts) == 301 and after.summarised_count == 293
    now_full = Progress(pack=mini_pack.id, attempts=(*attempts, after.attempts[-1]))
    assert seen(mini_pack, after) == seen(mini_pack, now_full)
    old_rows = history.rows(after)[:300]
    assert old_rows == before["rows"]
    assert history.to_csv(after).splitlines()[:301] == before["csv"].splitlines()
    assert question_hash(mini_pack.questions[0]) in path.read_text(encoding="utf-8")


def test_a_quiz_of_inline_and_table_questions_is_written_as_tomli_w_writes_it(every_type_pack: Pack) -> None:
    # tomli-w writes [[quiz.questions]] tables when any question needs one, and an
    # inline array when none does; the piecewise writer must give the same text both ways.
    questions = every_type_pack.questions
    mixed = [
        QuestionState.of(q, reversed(range(storage.display_order_length(q))) if i % 2 else ())
        if storage.display_order_length(q) else QuestionState.of(q)
        for i, q in enumerate(questions)
    ]
    plain = [QuestionState.of(q) for q in questions]
    for states in (mixed, plain, plain[:1], mixed[1:2]):
        quiz = QuizInProgress(started=T0, seed=7, position=0, questions=states)
        progress = Progress(pack=every_type_pack.id, quiz=quiz)
        data = progress.model_dump(mode="python", exclude_none=True)
        del data["review_carry"]
        assert progress.to_toml() == tomli_w.dumps(data)


def test_saving_after_one_answer_converts_one_question(tmp_path: Path, mini_pack: Pack, monkeypatch) -> None:
    from explainer.flow import QuizFlow
    from explainer.kinds import kind_of
    from explainer.storage import format as file_format

    made: list[str] = []
    real = file_format._question_chunk

    def counted(state: QuestionState):
        made.append(state.id)
        return real(state)

    monkeypatch.setattr(file_format, "_question_chunk", counted)
    flow = QuizFlow(mini_pack, data_dir=tmp_path, seed=1)
    flow.start()
    flow.save()
    assert len(made) == len(mini_pack.questions)  # the first save writes every question
    for _ in range(3):
        made.clear()
        question = flow.session.current
        flow.answer(kind_of(question).parse_plain(question, flow.session.display_order(question.id), "1"))
        assert made == [question.id]
        flow.session.advance()
    saved = read_progress(mini_pack.id, tmp_path).quiz
    assert saved is not None and len(saved.answers) == 3
    assert saved == flow.progress.quiz
