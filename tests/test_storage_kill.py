"""Kill a writer with SIGKILL at random moments, dozens of times (hundreds on demand); the
file must survive.

How it works:

- A helper interpreter (the "zygote") imports explainer.storage once, then forks a fresh
  writer for every round, so a round costs a fork, not a Python start-up.
- The writer loops forever: under the store's lock it reads state k from disk and
  writes state k+1 (:meth:`ProgressStore.update`), printing ``writing k+1`` as the file
  write begins (after serialising) and ``wrote k+1`` once ``update`` returns. State k is
  :func:`make_state` (k): 200 attempts (~190 KB of TOML) in which every attempt carries
  k, so a file stitched from two states would equal neither.
- The test kills the writer with SIGKILL after a seeded random delay from its first
  ``writing`` line: half the delays are 0-4 ms (aimed at the temp file, fsync and
  rename), half 0-50 ms (anywhere, including the next cycle's lock, read and
  serialising). It waits for the zygote to reap the writer, then checks that the file
  parses, validates, and equals ``make_state(k)`` for the last state written or the one
  being written, never anything else, and that no file other than the progress file,
  its lock and at most one temp file (``.kill.toml.*.tmp``) is in the folder. Temp
  files are cleaned, not ignored: the next writer removes a killed writer's temp file,
  under the lock, before it writes its own, so there is never more than one.
- Kills must land on both sides of the rename (some rounds see the old state, some the
  new); the run prints how many left a temp file, i.e. were killed mid-write.

POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32", reason="needs fork and SIGKILL"),
]

KILLS = int(os.environ.get("EXPLAINER_KILL_ROUNDS", "60"))
"""How many times the writer is killed (override with EXPLAINER_KILL_ROUNDS).

60 by default (about 10 s): enough that kills land on both sides of the rename (each run
sees roughly 15-25 "new" and 40 "old" outcomes, and about 10 temp files left mid-write).
For the thorough run, e.g. ``EXPLAINER_KILL_ROUNDS=1000 pytest tests/test_storage_kill.py``."""

SEED = 20250203
"""Seed of the kill delays, so a CI run can be repeated."""

ATTEMPTS = 200
"""Attempts in every state (~190 KB of TOML): enough that a torn write would show."""

STATE_CODE = '''
import datetime as _dt
from explainer.pack.scoring import ChoiceResponse as _Choice
from explainer.storage import Attempt as _Attempt, AttemptAnswer as _Answer, Progress as _Progress

_T0 = _dt.datetime(2025, 1, 1, tzinfo=_dt.timezone.utc)


def make_state(k, attempts=%d):
    """State number k: every attempt and answer carries k somewhere."""
    when = _T0 + _dt.timedelta(seconds=k)
    answers = tuple(
        _Answer(question="q%%d" %% j, hash="0123456789abcdef", response=_Choice(frozenset({j, 4 + k %% 7})),
                correct=j %% 2 == 0, points=float(j %% 2 == 0), max_points=1.0)
        for j in range(4)
    )
    return _Progress(
        pack="kill",
        sections_read=("s-%%d" %% k,),
        last_section="s-%%d" %% k,
        attempts=tuple(
            _Attempt(started=when, finished=when + _dt.timedelta(seconds=i), score=float(k), max_points=float(i),
                     passed=i %% 2 == 0, answers=answers)
            for i in range(attempts)
        ),
    )


def state_number(progress):
    """The k of a state made by make_state."""
    return int(progress.last_section[2:])
''' % ATTEMPTS

ZYGOTE = STATE_CODE + '''
import os, sys
from explainer.storage import ProgressStore, store as storage_store

folder = sys.argv[1]


def say(line):
    os.write(1, (line + "\\n").encode())


def writer():
    store = ProgressStore("kill", folder)
    writing = [0]
    write = storage_store.atomic_write_bytes

    def signalled_write(path, data):
        say("writing %d" % writing[0])  # the bytes are serialised; the file write starts now
        write(path, data)

    storage_store.atomic_write_bytes = signalled_write  # where ProgressStore.update looks it up

    def next_state(current):
        writing[0] = state_number(current) + 1
        return make_state(writing[0])

    while True:
        k = state_number(store.update(next_state))
        say("wrote %d" % k)


for command in sys.stdin:
    if command.strip() != "go":
        break
    pid = os.fork()
    if pid == 0:
        try:
            writer()
        finally:
            os._exit(3)
    say("pid %d" % pid)
    os.waitpid(pid, 0)
    say("reaped %d" % pid)
'''


class _Lines:
    """Lines from a pipe, read by a thread so the test can wait with a timeout."""

    def __init__(self, stream) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line.strip())
        self._queue.put("eof")

    def get(self, timeout: float = 20.0) -> str:
        """The next line; AssertionError if none comes within ``timeout`` seconds."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no line from the writer within {timeout} s (is the lock stuck?)") from None


def test_sigkill_never_leaves_a_torn_or_mixed_file(tmp_path: Path) -> None:
    from explainer import storage
    from explainer.storage import ProgressStore

    names: dict = {}
    exec(STATE_CODE, names)
    make_state, state_number = names["make_state"], names["state_number"]

    store = ProgressStore("kill", tmp_path)
    store.save(make_state(0))
    folder = store.path.parent

    rng = random.Random(SEED)
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    lines = _Lines(zygote.stdout)
    on_disk = 0
    outcomes = {"old": 0, "new": 0, "temp file left": 0}
    started = time.monotonic()
    try:
        for round_ in range(KILLS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            pid = None
            writing: list[int] = []
            wrote: list[int] = []
            while pid is None or not writing:
                line = lines.get()
                kind, _, number = line.partition(" ")
                if kind == "pid":
                    pid = int(number)
                elif kind == "writing":
                    writing.append(int(number))
                elif kind == "wrote":
                    wrote.append(int(number))
                else:
                    raise AssertionError(f"unexpected line from the zygote: {line!r}")
            # Half the kills aim at the write itself (temp file, fsync, rename: a few ms),
            # half land anywhere in the next 50 ms (the next cycle's lock, read, serialising).
            time.sleep(rng.uniform(0.0, 0.004) if rng.random() < 0.5 else rng.uniform(0.0, 0.05))
            os.kill(pid, signal.SIGKILL)
            while True:
                line = lines.get()
                kind, _, number = line.partition(" ")
                if kind == "reaped":
                    break
                if kind == "writing":
                    writing.append(int(number))
                elif kind == "wrote":
                    wrote.append(int(number))
                else:
                    raise AssertionError(f"unexpected line from the zygote: {line!r}")

            temps = sorted(p.name for p in folder.glob(".kill.toml.*.tmp"))
            assert len(temps) <= 1, f"round {round_}: stray temp files {temps}"
            outcomes["temp file left"] += len(temps)
            others = sorted(
                p.name for p in folder.iterdir() if p.name not in {"kill.toml", "kill.toml.lock", *temps}
            )
            assert others == [], f"round {round_}: unexpected files {others}"

            progress = storage.read_progress("kill", tmp_path)  # parses and validates
            k = state_number(progress)
            last_complete = wrote[-1] if wrote else on_disk
            allowed = {last_complete}
            if writing and writing[-1] not in wrote:
                allowed.add(writing[-1])
            assert k in allowed, f"round {round_}: state {k} on disk, expected one of {sorted(allowed)}"
            assert progress == make_state(k), f"round {round_}: state {k} is not whole"
            outcomes["new" if k != last_complete else "old"] += 1
            on_disk = k
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    elapsed = time.monotonic() - started

    # The store still works, without a notice, and the killed writers' state is there.
    fresh = ProgressStore("kill", tmp_path)
    assert fresh.load() == make_state(on_disk)
    assert fresh.notice is None
    assert outcomes["old"] > 0 and outcomes["new"] > 0  # kills landed on both sides of the rename
    print(f"\n{KILLS} kills in {elapsed:.1f} s; outcomes {outcomes}; last state {on_disk}")
