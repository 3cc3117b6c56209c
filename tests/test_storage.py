"""The progress store: format, round trips, atomic writes, locking, bad files, history rules.

The SIGKILL test is in test_storage_kill.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from explainer import storage
from explainer.pack import Pack, score
from explainer.pack.model import MatchQuestion, NumericQuestion, OrderQuestion, Pair, ShortAnswerQuestion
from explainer.pack.scoring import (
    ChoiceResponse,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    TextResponse,
    TrueFalseResponse,
)
from explainer.storage import (
    Attempt,
    AttemptAnswer,
    Progress,
    ProgressError,
    ProgressStore,
    QuestionState,
    QuizInProgress,
    history_for,
    question_hash,
    response_from_toml,
    response_to_toml,
    valid_in_progress,
)

T0 = dt.datetime(2025, 2, 3, 9, 30, tzinfo=dt.timezone.utc)
"""A fixed start time, so no test depends on the clock."""

RESPONSES = [
    ChoiceResponse(frozenset()),
    ChoiceResponse(frozenset({1, 3})),
    TrueFalseResponse(True),
    TrueFalseResponse(False),
    TextResponse(""),
    TextResponse('  Hanawon "quoted" \\ back\nslash [b]x[/b] 한국어 🎉 '),
    NumberResponse(10000.0),
    NumberResponse(-0.25),
    NumberResponse(1e300),
    OrderResponse((2, 0, 1)),
    MatchResponse((1, None, 0)),
    MatchResponse(()),
]


def _attempt(pack: Pack, marker: int = 0, *, started: dt.datetime = T0) -> Attempt:
    """A finished attempt answering every question of ``pack`` with its first choice."""
    answers = []
    for question in pack.questions:
        response = (
            TrueFalseResponse(True) if question.type == "true_false" else ChoiceResponse(frozenset({0}))
        )
        answers.append(AttemptAnswer.of(question, response, score(question, response)))
    got = sum(a.points for a in answers)
    total = sum(a.max_points for a in answers)
    return Attempt(
        started=started + dt.timedelta(minutes=marker),
        finished=started + dt.timedelta(minutes=marker, seconds=90),
        score=got,
        max_points=total,
        passed=got / total >= 0.7,
        answers=answers,
    )


def _quiz(pack: Pack, position: int = 0, answered: int = 0) -> QuizInProgress:
    """A quiz in progress over every question of ``pack``, the first ``answered`` answered."""
    states = []
    for index, question in enumerate(pack.questions):
        n = storage.display_order_length(question)
        response = None
        if index < answered:
            response = TrueFalseResponse(False) if question.type == "true_false" else ChoiceResponse(frozenset({1}))
        states.append(QuestionState.of(question, reversed(range(n)), response=response, hint_used=index == 0))
    return QuizInProgress(started=T0, seed=42, position=position, questions=states)


def _edited(pack: Pack, question_id: str | None = None, *, remove: str | None = None) -> Pack:
    """A copy of ``pack`` with one question's prompt changed, or one question removed."""
    questions = []
    for question in pack.questions:
        if question.id == remove:
            continue
        if question.id == question_id:
            question = question.model_copy(update={"prompt": question.prompt + " (edited)"})
        questions.append(question)
    quiz_file = pack.quiz_file.model_copy(update={"questions": tuple(questions)})
    return pack.model_copy(update={"quiz_file": quiz_file})


def _read_text(text: str, pack_id: str, folder: Path) -> Progress:
    """Parse a progress file's text the public way: write it as ``pack_id``'s file in
    ``folder`` and :func:`~explainer.storage.read_progress` it (ProgressError if unusable)."""
    path = storage.progress_path(pack_id, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return storage.read_progress(pack_id, folder)


def _files(folder: Path) -> list[str]:
    """The names in ``folder``, sorted (empty if it does not exist)."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ------------------------------------------------------------------ responses


@pytest.mark.parametrize("response", RESPONSES, ids=lambda r: type(r).__name__)
def test_response_round_trip(response, tmp_path: Path) -> None:
    table = response_to_toml(response)
    assert isinstance(table["kind"], str)
    assert response_from_toml(table) == response
    # and through a whole file
    state = QuestionState(id="q", hash="0" * 16, response=response)
    progress = Progress(
        pack="p", quiz=QuizInProgress(started=T0, questions=[state]),
    )
    again = _read_text(progress.to_toml(), "p", tmp_path)
    assert again == progress
    assert again.quiz.questions[0].response == response


def test_response_tables_are_small_and_readable() -> None:
    assert response_to_toml(ChoiceResponse(frozenset({3, 1}))) == {"kind": "choice", "selected": [1, 3]}
    assert response_to_toml(NumberResponse(10000)) == {"kind": "number", "value": 10000.0}
    assert response_to_toml(MatchResponse((1, None))) == {"kind": "match", "matches": [1, -1]}
    assert response_from_toml({"kind": "number", "value": 7}) == NumberResponse(7.0)


@pytest.mark.parametrize(
    "junk",
    [
        None,
        3,
        "choice",
        [],
        {},
        {"kind": "nope", "value": 1},
        {"kind": 1, "value": 1},
        {"selected": [1]},
        {"kind": "choice"},
        {"kind": "choice", "selected": [1], "extra": 2},
        {"kind": "choice", "selected": [1, 1]},
        {"kind": "choice", "selected": [-1]},
        {"kind": "choice", "selected": [True]},
        {"kind": "choice", "selected": [1.0]},
        {"kind": "choice", "selected": "1"},
        {"kind": "true_false", "value": 1},
        {"kind": "text", "text": 5},
        {"kind": "number", "value": "10"},
        {"kind": "number", "value": True},
        {"kind": "order", "order": [0, 0]},
        {"kind": "match", "matches": [-2]},
        {"kind": "match", "matches": [None]},
    ],
)
def test_response_from_toml_refuses_junk(junk) -> None:
    with pytest.raises(ValueError):
        response_from_toml(junk)


def test_response_to_toml_refuses_non_responses() -> None:
    with pytest.raises(TypeError):
        response_to_toml("yes")  # type: ignore[arg-type]


# ------------------------------------------------------------------ the format


def test_full_state_round_trips_through_the_store(tmp_path: Path, mini_pack: Pack) -> None:
    store = ProgressStore(mini_pack.id, tmp_path)
    store.mark_read("intro")
    store.mark_read("law")
    store.mark_read("intro")
    store.add_attempt(_attempt(mini_pack, 1))
    store.save_quiz(_quiz(mini_pack, position=2, answered=2))
    saved = store.load()
    assert saved.sections_read == ("intro", "law")
    assert saved.last_section == "intro"
    assert len(saved.attempts) == 1 and saved.attempts[0] == _attempt(mini_pack, 1)
    assert saved.quiz == _quiz(mini_pack, position=2, answered=2)
    assert ProgressStore(mini_pack.id, tmp_path).load() == saved
    assert store.notice is None
    text = store.path.read_text(encoding="utf-8")
    assert text.startswith("format = 1\n")
    assert "+00:00" in text  # date-times are TOML offset date-times in UTC


def test_add_attempt_clears_only_its_own_quiz(tmp_path: Path, mini_pack: Pack) -> None:
    store = ProgressStore(mini_pack.id, tmp_path)
    store.save_quiz(_quiz(mini_pack))
    other = _attempt(mini_pack, started=T0 + dt.timedelta(days=1))
    assert store.add_attempt(other).quiz is not None  # another instance's attempt
    assert store.add_attempt(_attempt(mini_pack)).quiz is None  # the attempt of this quiz


def test_datetimes_are_kept_in_utc_and_must_have_a_timezone(mini_pack: Pack) -> None:
    seoul = dt.timezone(dt.timedelta(hours=9))
    attempt = _attempt(mini_pack, started=dt.datetime(2025, 2, 3, 18, 30, tzinfo=seoul))
    assert attempt.started == T0 and attempt.started.tzinfo == dt.timezone.utc
    with pytest.raises(ValueError):
        _attempt(mini_pack, started=dt.datetime(2025, 2, 3, 9, 30))


def test_models_check_their_shape() -> None:
    with pytest.raises(ValueError):
        QuestionState(id="q", hash="0" * 16, order=(0, 2))  # not a permutation
    with pytest.raises(ValueError):
        QuestionState(id="q", hash="xyz")
    state = QuestionState(id="q", hash="0" * 16)
    with pytest.raises(ValueError):
        QuizInProgress(started=T0, questions=[state, state])
    with pytest.raises(ValueError):
        QuizInProgress(started=T0, position=2, questions=[state])
    with pytest.raises(ValueError):
        Progress(pack="Not A Slug")
    with pytest.raises(ValueError):
        Progress(pack="p", sections_read=("a", "a"))
    with pytest.raises(ValueError):
        ProgressStore("../etc")


def test_update_refuses_wrong_results_and_writes_nothing_on_error(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    with pytest.raises(TypeError):
        store.update(lambda p: None)  # type: ignore[arg-type, return-value]
    with pytest.raises(ValueError):
        store.update(lambda p: Progress(pack="q"))

    def boom(progress: Progress) -> Progress:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.update(boom)
    assert not store.path.exists()


# ------------------------------------------------------------------ atomic writes


def test_writes_leave_no_temp_files(tmp_path: Path, mini_pack: Pack) -> None:
    store = ProgressStore(mini_pack.id, tmp_path)
    for n in range(5):
        store.add_attempt(_attempt(mini_pack, n))
        store.mark_read("intro" if n % 2 else "law")
    folder = store.path.parent
    assert _files(folder) == ["mini.toml", "mini.toml.lock"]
    assert len(store.load().attempts) == 5


def test_a_failed_write_keeps_the_old_file_and_no_temp_file(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore(mini_pack.id, tmp_path)
    store.mark_read("intro")
    before = store.path.read_bytes()

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ProgressError, match="could not be saved"):
        store.mark_read("law")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert _files(store.path.parent) == ["mini.toml", "mini.toml.lock"]


def test_stray_temp_files_of_a_killed_writer_are_removed_under_the_lock(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.mark_read("a")
    folder = store.path.parent
    (folder / ".p.toml.abc123.tmp").write_text("half a fi")
    (folder / ".other.toml.abc123.tmp").write_text("not ours")
    store.mark_read("b")
    assert _files(folder) == [".other.toml.abc123.tmp", "p.toml", "p.toml.lock"]


# ------------------------------------------------------------------ a hostile disk


class _FailingTemp:
    """Wraps the real temp file; ``fail`` names the call that raises (ENOSPC, EACCES...)."""

    def __init__(self, real, fail: str, error: OSError) -> None:
        self._real, self._fail, self._error = real, fail, error
        self.name = real.name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()
        return False

    def write(self, data):
        if self._fail == "write":
            raise self._error
        return self._real.write(data)

    def flush(self):
        return self._real.flush()

    def fileno(self):
        return self._real.fileno()


DISK_FULL = OSError(28, "No space left on device")
READ_ONLY = PermissionError(13, "Permission denied")


@pytest.mark.parametrize(
    "where, error",
    [
        ("create", READ_ONLY),  # a read-only data folder: the temp file cannot be made
        ("write", DISK_FULL),
        ("fsync", DISK_FULL),
        ("replace", DISK_FULL),
    ],
)
def test_a_save_the_disk_refuses_keeps_the_old_file_and_says_why(
    tmp_path: Path, mini_pack: Pack, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError
) -> None:
    store = ProgressStore(mini_pack.id, tmp_path)
    store.add_attempt(_attempt(mini_pack, 0))
    before = store.path.read_bytes()
    real_temp = tempfile.NamedTemporaryFile

    def temp(*args, **kwargs):
        if where == "create":
            raise error
        return _FailingTemp(real_temp(*args, **kwargs), where, error)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", temp)
    if where in ("fsync", "replace"):
        monkeypatch.setattr(os, where, fail)
    with pytest.raises(ProgressError, match=f"could not be saved to .*mini.toml: {error.strerror}"):
        store.add_attempt(_attempt(mini_pack, 1))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert _files(store.path.parent) == ["mini.toml", "mini.toml.lock"]
    # Once the disk takes writes again, the next save works from what is on disk.
    assert len(store.load().attempts) == 1
    assert len(store.add_attempt(_attempt(mini_pack, 2)).attempts) == 2
    assert len(ProgressStore(mini_pack.id, tmp_path).load().attempts) == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_data_folder_refuses_saves_with_a_notice(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.mark_read("a")
    folder = store.path.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(ProgressError, match="could not be saved|could not be locked"):
            store.mark_read("b")
        assert store.load().sections_read == ("a",)
    finally:
        folder.chmod(0o755)


def test_a_symlink_is_read_through_and_replaced_by_the_first_save(tmp_path: Path) -> None:
    """Kept as it has always been: the link is followed to read, and saving replaces the
    link itself with a regular file in the progress folder. The target is never written."""
    target = tmp_path / "elsewhere" / "p.toml"
    target.parent.mkdir()
    target.write_text(Progress(pack="p", sections_read=("a",)).to_toml(), encoding="utf-8")
    original = target.read_bytes()
    store = ProgressStore("p", tmp_path / "data")
    store.path.parent.mkdir(parents=True)
    store.path.symlink_to(target)

    assert store.load().sections_read == ("a",) and store.notice is None
    assert storage.read_progress("p", tmp_path / "data").sections_read == ("a",)
    store.mark_read("b")

    assert not store.path.is_symlink() and store.path.is_file()
    assert ProgressStore("p", tmp_path / "data").load().sections_read == ("a", "b")
    assert target.read_bytes() == original


def test_a_dangling_symlink_is_no_progress_yet(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.symlink_to(tmp_path / "nowhere.toml")
    assert store.load() == Progress.empty("p") and store.notice is None
    store.mark_read("a")
    assert store.path.is_file() and not store.path.is_symlink()
    assert not (tmp_path / "nowhere.toml").exists()


def test_results_leave_a_folder_in_place_of_the_file_alone(tmp_path: Path) -> None:
    path = storage.progress_path("p", tmp_path)
    path.mkdir(parents=True)
    with pytest.raises(ProgressError, match="cannot be read"):
        storage.read_progress("p", tmp_path)
    assert path.is_dir()


# ------------------------------------------------------------------ bad files

GOOD = Progress(pack="p", sections_read=("a",)).to_toml().encode()

BAD_FILES = {
    "garbage": b"this is not toml at all {{{",
    "bad-toml": b"format = 1\npack = \"p\"\nsections_read = [\n",
    "binary": bytes(range(256)) * 8,
    "utf16": "format = 1\n".encode("utf-16"),
    "empty": b"",
    "no-format": b'pack = "p"\n',
    "format-string": b'format = "1"\npack = "p"\n',
    "format-zero": b'format = 0\npack = "p"\n',
    "wrong-types": b'format = 1\npack = "p"\nsections_read = "a"\n',
    "wrong-type-deep": GOOD.replace(b'"a"', b"7"),
    "unknown-key": b'format = 1\npack = "p"\ncolour = "red"\n',
    "naive-datetime": textwrap.dedent(
        """\
        format = 1
        pack = "p"
        [quiz]
        started = 2025-02-03T09:30:00
        [[quiz.questions]]
        id = "q"
        hash = "0000000000000000"
        """
    ).encode(),
    "bad-response": textwrap.dedent(
        """\
        format = 1
        pack = "p"
        [quiz]
        started = 2025-02-03T09:30:00Z
        [[quiz.questions]]
        id = "q"
        hash = "0000000000000000"
        response = { kind = "telepathy" }
        """
    ).encode(),
    "other-pack": b'format = 1\npack = "q"\n',
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_set_aside_with_a_notice(tmp_path: Path, name: str) -> None:
    other = ProgressStore("other", tmp_path)
    other.mark_read("kept")
    store = ProgressStore("p", tmp_path)
    store.path.write_bytes(BAD_FILES[name])

    progress = store.load()

    assert progress == Progress.empty("p")
    folder = store.path.parent
    backups = [p for p in folder.iterdir() if p.name.startswith("p.toml.bak-")]
    assert len(backups) == 1
    assert backups[0].read_bytes() == BAD_FILES[name]  # kept byte for byte
    assert len(backups[0].name) == len("p.toml.bak-20250203T093000Z")
    assert not store.path.exists()  # nothing written until there is something to save
    assert store.notice is not None
    assert "unreadable" in store.notice and str(backups[0]) in store.notice
    assert "new one was started" in store.notice
    assert other.load().sections_read == ("kept",)  # other packs are untouched
    # the next save starts the new file, and the backup stays
    store.mark_read("a")
    assert ProgressStore("p", tmp_path).load().sections_read == ("a",)
    assert backups[0].read_bytes() == BAD_FILES[name]


def test_a_newer_format_is_set_aside_and_named_as_such(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    newer = f'format = {storage.FORMAT + 1}\npack = "p"\n[whatever]\nnew = "shape"\n'.encode()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(newer)
    assert store.load() == Progress.empty("p")
    assert store.notice is not None and "newer version of explainer" in store.notice
    assert f"format {storage.FORMAT + 1}" in store.notice
    (backup,) = store.path.parent.glob("p.toml.bak-*")
    assert backup.read_bytes() == newer
    assert store.take_notice() is not None and store.notice is None


def test_a_folder_in_place_of_the_file_is_set_aside(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.mkdir(parents=True)
    (store.path / "inside.txt").write_text("keep me")
    store.mark_read("a")  # update() sets it aside too, then writes
    assert store.notice is not None and "folder" in store.notice
    (backup,) = store.path.parent.glob("p.toml.bak-*")
    assert (backup / "inside.txt").read_text() == "keep me"
    assert store.load().sections_read == ("a",)


def test_backups_are_never_overwritten(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    contents = [f"junk {n} {{".encode() for n in range(3)]
    for data in contents:
        store.path.write_bytes(data)
        store.load()
    backups = sorted(store.path.parent.glob("p.toml.bak-*"))
    assert sorted(b.read_bytes() for b in backups) == sorted(contents)


def test_a_bad_file_that_cannot_be_moved_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore("p", tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"junk {")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    assert store.load() == Progress.empty("p")
    assert store.notice is not None and "could not be moved aside" in store.notice
    with pytest.raises(ProgressError):
        store.mark_read("a")
    assert store.path.read_bytes() == b"junk {"


def test_a_busy_lock_times_out_with_a_clear_error(tmp_path: Path) -> None:
    store = ProgressStore("p", tmp_path, lock_timeout=0.2)
    store.path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import filelock, sys, time\n"
            f"lock = filelock.FileLock({str(store.lock_path)!r})\n"
            "lock.acquire()\nprint('held', flush=True)\nsys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ProgressError, match="busy"):
            store.mark_read("a")
    finally:
        holder.communicate("")
    assert store.mark_read("a").sections_read == ("a",)


# ------------------------------------------------------------------ two instances

WRITER = """\
import datetime as dt, sys, time
from explainer.storage import Attempt, AttemptAnswer, ProgressStore
folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = ProgressStore("p", folder)
t0 = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
print("ready", flush=True)
sys.stdin.readline()  # start together
for n in range(count):
    answer = AttemptAnswer(question=f"{name}-{n}", hash="0" * 16, correct=True, points=1, max_points=1)
    store.add_attempt(Attempt(started=t0, finished=t0, score=n, max_points=count, passed=True, answers=[answer]))
    if n % 5 == 0:
        store.mark_read(f"{name}-{n}")
    time.sleep(0.005)  # let the other instance in
"""


@pytest.mark.slow
def test_two_instances_keep_each_others_attempts(tmp_path: Path) -> None:
    count = 40
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate(timeout=60)
        assert proc.returncode == 0
    store = ProgressStore("p", tmp_path)
    progress = store.load()
    assert store.notice is None
    writers = [a.answers[0].question.split("-")[0] for a in progress.attempts]
    switches = sum(1 for a, b in zip(writers, writers[1:]) if a != b)
    assert switches >= 3, f"the two writers barely overlapped: {writers}"  # it was a real race
    seen = sorted(a.answers[0].question for a in progress.attempts)
    assert seen == sorted(f"{name}-{n}" for name in ("one", "two") for n in range(count))
    assert set(progress.sections_read) == {f"{name}-{n}" for name in ("one", "two") for n in range(0, count, 5)}
    assert _files(store.path.parent) == ["p.toml", "p.toml.lock"]


# ------------------------------------------------------------------ hash and history


def test_question_hash_is_short_stable_and_content_bound(mini_pack: Pack) -> None:
    question = mini_pack.questions[0]
    digest = question_hash(question)
    assert len(digest) == 16 and int(digest, 16) >= 0
    assert question_hash(question.model_copy()) == digest
    assert question_hash(type(question).model_validate(question.model_dump())) == digest
    changed = [
        question.model_copy(update={"prompt": question.prompt + "?"}),
        question.model_copy(update={"points": 2}),
        question.model_copy(update={"choices": question.choices[::-1]}),
        question.model_copy(update={"hint": "Look again."}),
    ]
    assert len({digest, *(question_hash(q) for q in changed)}) == 1 + len(changed)
    assert len({question_hash(q) for q in mini_pack.questions}) == len(mini_pack.questions)


def test_editing_one_question_resets_only_its_history(mini_pack: Pack) -> None:
    progress = Progress(pack=mini_pack.id, attempts=[_attempt(mini_pack, n) for n in range(3)])
    before = history_for(mini_pack, progress)
    assert all(len(answers) == 3 for answers in before.values())

    edited_id = mini_pack.questions[1].id
    after = history_for(_edited(mini_pack, edited_id), progress)
    assert after[edited_id] == []
    assert {k: v for k, v in after.items() if k != edited_id} == {
        k: v for k, v in before.items() if k != edited_id
    }


def test_removing_one_question_leaves_the_rest_intact(mini_pack: Pack) -> None:
    progress = Progress(pack=mini_pack.id, attempts=[_attempt(mini_pack, n) for n in range(2)])
    removed = mini_pack.questions[0].id
    after = history_for(_edited(mini_pack, remove=removed), progress)
    assert removed not in after
    assert after == {k: v for k, v in history_for(mini_pack, progress).items() if k != removed}


def test_history_is_in_order_of_finishing(mini_pack: Pack) -> None:
    attempts = [_attempt(mini_pack, n) for n in (2, 0, 1)]
    progress = Progress(pack=mini_pack.id, attempts=attempts)
    first = mini_pack.questions[0].id
    assert history_for(mini_pack, progress)[first] == [
        a.answers[0] for a in sorted(attempts, key=lambda a: a.finished)
    ]


def test_quiz_in_progress_drops_edited_and_removed_questions(mini_pack: Pack) -> None:
    ids = [q.id for q in mini_pack.questions]
    quiz = _quiz(mini_pack, position=2, answered=2)
    progress = Progress(pack=mini_pack.id, quiz=quiz)
    assert valid_in_progress(mini_pack, progress) == quiz

    # edit the first (answered) question: it goes, the reader stays on the same question
    kept = valid_in_progress(_edited(mini_pack, ids[0]), progress)
    assert kept is not None
    assert kept.question_ids == tuple(ids[1:])
    assert kept.questions[kept.position].id == ids[2]
    assert [s.id for s in kept.answers] == [ids[1]]
    assert kept.questions[0] == quiz.questions[1]  # answer, order and hint kept

    # remove the current question: the reader moves on to the next one
    kept = valid_in_progress(_edited(mini_pack, remove=ids[2]), progress)
    assert kept is not None and kept.questions[kept.position].id == ids[3]
    assert len(kept.answers) == 2

    # remove a later one: nothing else changes
    kept = valid_in_progress(_edited(mini_pack, remove=ids[-1]), progress)
    assert kept is not None and kept.position == 2 and kept.questions == quiz.questions[:-1]


def test_quiz_in_progress_goes_only_when_nothing_is_left(mini_pack: Pack) -> None:
    only = mini_pack.questions[0]
    quiz = QuizInProgress(started=T0, position=1, questions=[QuestionState.of(only, (0, 1, 2))])
    progress = Progress(pack=mini_pack.id, quiz=quiz)
    assert valid_in_progress(_edited(mini_pack, only.id), progress) is None
    assert valid_in_progress(_edited(mini_pack, remove=only.id), progress) is None
    assert valid_in_progress(mini_pack, Progress(pack=mini_pack.id)) is None


def test_quiz_in_progress_drops_what_does_not_fit(mini_pack: Pack) -> None:
    question = mini_pack.questions[0]  # three choices
    state = QuestionState.of(question, (1, 0), response=ChoiceResponse(frozenset({7})))
    progress = Progress(pack=mini_pack.id, quiz=QuizInProgress(started=T0, questions=[state]))
    kept = valid_in_progress(mini_pack, progress)
    assert kept is not None and kept.questions[0].order == () and kept.questions[0].response is None


def test_for_pack_forgets_removed_sections(mini_pack: Pack) -> None:
    first, second = (section.id for section in mini_pack.sections[:2])
    progress = Progress(pack=mini_pack.id, sections_read=("gone", second, first), last_section="gone")
    fitted = storage.for_pack(mini_pack, progress)
    assert fitted.sections_read == (first, second) and fitted.last_section is None
    kept = progress.model_copy(update={"last_section": second})
    assert storage.for_pack(mini_pack, kept).last_section == second


def test_response_fits_every_question_type() -> None:
    base = {"prompt": "?", "section": "s"}
    short = ShortAnswerQuestion(id="a", type="short_answer", accept=("x",), **base)
    number = NumericQuestion(id="b", type="numeric", answer=5, **base)
    order = OrderQuestion(id="c", type="order", items=("x", "y", "z"), **base)
    match = MatchQuestion(
        id="d", type="match", pairs=(Pair(left="a", right="1"), Pair(left="b", right="2")), distractors=("3",), **base
    )
    assert storage.response_fits(short, TextResponse("x"))
    assert not storage.response_fits(short, NumberResponse(1.0))
    assert storage.response_fits(number, NumberResponse(1.0))
    assert storage.response_fits(order, OrderResponse((2, 1, 0)))
    assert not storage.response_fits(order, OrderResponse((3, 1, 0)))
    assert storage.response_fits(match, MatchResponse((2, None)))
    assert not storage.response_fits(match, MatchResponse((3, None)))
    assert not storage.response_fits(match, MatchResponse((0,)))
    assert storage.display_order_length(match) == 3 and storage.display_order_length(number) == 0


# ------------------------------------------------------------------ where


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(tmp_path / "platform" / name))
    monkeypatch.delenv(storage.DATA_DIR_ENV, raising=False)
    assert storage.data_dir() == tmp_path / "platform" / "explainer"
    monkeypatch.setenv(storage.DATA_DIR_ENV, "")
    assert storage.data_dir() == tmp_path / "platform" / "explainer"
    monkeypatch.setenv(storage.DATA_DIR_ENV, str(tmp_path / "env"))
    assert storage.data_dir() == tmp_path / "env"
    assert storage.data_dir(tmp_path / "option") == tmp_path / "option"
    assert storage.progress_path("nk-pows") == tmp_path / "env" / "progress" / "nk-pows.toml"
    assert ProgressStore("nk-pows").path == tmp_path / "env" / "progress" / "nk-pows.toml"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert storage.data_dir("~/data") == tmp_path / "home" / "data"


def test_platformdirs_default_names_explainer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(storage.DATA_DIR_ENV, raising=False)
    assert storage.data_dir().name == "explainer"


# ------------------------------------------------------------------ hygiene


def test_storage_does_not_import_textual() -> None:
    code = "import sys, explainer.storage; print(json.dumps(['textual' in sys.modules]))"
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [False]


def test_the_docs_example_is_a_valid_file(tmp_path: Path) -> None:
    """docs/progress.md's example parses as format 1 (so the docs cannot drift)."""
    doc = (Path(__file__).parent.parent / "docs" / "progress.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    progress = _read_text(example, "nk-pows", tmp_path)
    assert progress.attempts and progress.quiz is not None


def test_the_docs_format_2_example_is_a_valid_file(tmp_path: Path) -> None:
    """docs/progress.md's example of a file with summarised attempts parses as format 2."""
    doc = (Path(__file__).parent.parent / "docs" / "progress.md").read_text(encoding="utf-8")
    example = next(block.split("```", 1)[0] for block in doc.split("```toml\n") if block.startswith("format = 2"))
    progress = _read_text(example, "nk-pows", tmp_path)
    assert progress.format == 2 and progress.summarised_count == 2 and len(progress.attempts) == 3
    assert progress.attempts[1].review and progress.attempts[1].correct_count == 1
    assert [c.question for c in progress.review_carry] == ["how-many"]
    header = next(line for line in doc.splitlines() if line.startswith("started,finished"))
    assert header == ",".join(storage.SUMMARY_COLUMNS)
