"""How long reading and saving a reader's progress takes, and how much memory, as attempts pile up.

Run from the repository root (explainer installed in the active environment)::

    python benchmarks/progress.py                   # 1,000 / 10,000 / 50,000 attempts
    python benchmarks/progress.py --sizes 1000 5000 --rounds 7
    python benchmarks/progress.py --legacy          # also: format 1 files, every answer kept
    python benchmarks/progress.py --plain 53000     # also: a whole plain-mode run on such a file
    python benchmarks/progress.py --profile 10000   # cProfile of one load and one save

For each size it writes a 4-question pack (``benchmarks/loading.py``'s generator) and a
progress file with that many finished attempts at it, 4 answers each, in a temporary
folder. The file is written by ``ProgressStore.save``, so it is what explainer keeps
after that many attempts: the newest ones in full, the older ones summarised
(``explainer.storage.compact``). Then, in a fresh subprocess per size:

- load: the median of the rounds of ``ProgressStore(...).load()`` with a new store
  each time (nothing cached), against ``tomllib.loads`` (the standard library's
  parser) of the same file, measured alternately.
- save: the median of the rounds of the first ``add_attempt`` by a store that has just
  loaded the file (what the app does when an attempt ends: re-read under the lock,
  summarise the oldest detailed attempt, write atomically with fsync), against
  ``tomli_w.dumps`` of the same file's data, measured alternately.
- memory: the ``tracemalloc`` peak of one load and of one save, against the peaks of
  the two baselines, and the subprocess's peak resident memory (``VmHWM``).

``--legacy`` adds, per size, a format 1 file as explainer wrote it before summaries
(every attempt in full): its first load and first save, when all but the newest
attempts are summarised once. One round each: it happens once per file.

``--plain N`` runs ``python -m explainer PACK --plain --quiz-only`` (4 answers piped
in) as a reader would, on no progress, on N attempts as explainer keeps them, and twice
on a format 1 file with N attempts in full (the first run summarises it).

Target: with 10,000 attempts, load and save each take under 300 ms. The script exits 1
when that is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loading import write_pack  # noqa: E402  (the sibling benchmark's pack generator)

DEFAULT_SIZES = (1_000, 10_000, 50_000)
ROUNDS = 5
TARGET_SIZE, TARGET_MS = 10_000, 300.0
QUESTIONS = 4
TEMPLATES = 32
T0 = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)


# ------------------------------------------------------------------ generating files


def make_pack(folder: Path):
    """Write the 4-question pack into ``folder`` and return it loaded (an explainer Pack)."""
    from explainer.pack import load_pack

    write_pack(folder, QUESTIONS, sections=2)
    return load_pack(folder)


def _templates(pack, seed: int = 1) -> list:
    """Finished attempts with 4 answers each (60 % right, 20 % hints), times not set."""
    from explainer.pack import score
    from explainer.pack.model import TrueFalseQuestion
    from explainer.pack.scoring import ChoiceResponse, TrueFalseResponse
    from explainer.storage import Attempt, AttemptAnswer

    rng = random.Random(seed)
    templates = []
    for _ in range(TEMPLATES):
        answers = []
        for question in pack.questions:
            right = rng.random() < 0.6
            if isinstance(question, TrueFalseQuestion):
                response = TrueFalseResponse(question.answer if right else not question.answer)
            else:
                correct = {i for i, choice in enumerate(question.choices) if choice.correct}
                wrong = {i for i in range(len(question.choices)) if i not in correct}
                response = ChoiceResponse(frozenset(correct if right else {rng.choice(sorted(wrong))}))
            answers.append(
                AttemptAnswer.of(question, response, score(question, response), hint_used=rng.random() < 0.2)
            )
        got = sum(a.points for a in answers)
        total = sum(a.max_points for a in answers)
        templates.append(
            Attempt(started=T0, finished=T0, score=got, max_points=total, passed=got / total >= 0.7, answers=answers)
        )
    return templates


def attempts(pack, count: int, seed: int = 1) -> list:
    """``count`` finished attempts at ``pack``, one every 10 minutes from 2020-01-01."""
    rng = random.Random(seed)
    templates = _templates(pack, seed)
    out = []
    for n in range(count):
        started = T0 + dt.timedelta(minutes=10 * n)
        out.append(
            rng.choice(templates).model_copy(
                update={"started": started, "finished": started + dt.timedelta(seconds=90)}
            )
        )
    return out


def write_progress(folder: Path, pack, count: int) -> Path:
    """Save ``count`` attempts through ``ProgressStore.save`` (so older ones are summarised)."""
    from explainer.storage import Progress, ProgressStore

    store = ProgressStore(pack.id, folder)
    store.save(Progress(pack=pack.id, attempts=tuple(attempts(pack, count))))
    return store.path


def write_legacy_progress(folder: Path, pack, count: int) -> Path:
    """Write ``count`` attempts as format 1 with every answer, as explainer did before summaries.

    Each template attempt is converted by explainer once; the file repeats those texts
    with each attempt's own times (converting 50,000 attempts one by one takes minutes).
    """
    from explainer.storage import Progress, progress_path

    rng = random.Random(1)
    chunks = []
    for template in _templates(pack):
        text = Progress(pack=pack.id, attempts=(template,)).to_toml()
        chunks.append(text[text.index("[[attempts]]\n") :])
    head = Progress(pack=pack.id).to_toml().replace("attempts = []\n", "")
    parts = [head]
    stamp = str(T0)  # how tomli-w writes a date-time: 2020-01-01 00:00:00+00:00
    for n in range(count):
        started = T0 + dt.timedelta(minutes=10 * n)
        chunk = rng.choice(chunks)
        chunk = chunk.replace(f"started = {stamp}", f"started = {started}", 1)
        chunk = chunk.replace(f"finished = {stamp}", f"finished = {started + dt.timedelta(seconds=90)}", 1)
        parts.append("\n" + chunk)
    path = progress_path(pack.id, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    return path


# ------------------------------------------------------------------------ measuring


def _extra_attempt(pack, n: int):
    """A new attempt, finished after every generated one (one more each round)."""
    template = _templates(pack, seed=99)[n % TEMPLATES]
    started = T0 + dt.timedelta(days=3650, minutes=n)
    return template.model_copy(update={"started": started, "finished": started + dt.timedelta(seconds=90)})


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB: ``VmHWM`` from /proc on Linux.

    ``ru_maxrss`` would count the parent's memory too: a child made by fork or vfork
    keeps the peak of the memory it shared with its parent until ``exec``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


_PLAIN_CHILD = """
import atexit, os, runpy, sys
sys.path.insert(0, os.environ["BENCH_DIR"])
from progress import peak_rss_kib

def note_peak():
    with open(os.environ["BENCH_PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(str(peak_rss_kib()))

atexit.register(note_peak)
sys.argv = ["explainer", *sys.argv[1:]]
runpy.run_module("explainer", run_name="__main__", alter_sys=True)
"""


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _peak(fn) -> int:
    import tracemalloc

    tracemalloc.start()
    result = fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return top


def child(pack_folder: Path, data_folder: Path, rounds: int, legacy: bool) -> dict:
    """Measure one progress file (run in a fresh interpreter); return the figures."""
    import tomllib

    import tomli_w

    from explainer.pack import load_pack
    from explainer.storage import ProgressStore, progress_path

    pack = load_pack(pack_folder)
    path = progress_path(pack.id, data_folder)
    size = path.stat().st_size
    extras = [_extra_attempt(pack, n) for n in range(rounds + 2)]

    def baseline_load():
        return tomllib.loads(path.read_text(encoding="utf-8"))

    table = None if legacy else baseline_load()  # (kept out of a legacy child's peak memory)

    def baseline_save():
        return tomli_w.dumps(table)

    base_load, loads, base_save, saves = [], [], [], []
    out: dict = {"bytes": size}
    if legacy:  # the first load and save of a format 1 file: once
        rounds = 1
    for n in range(rounds):
        base_load.append(_timed(baseline_load)[0])
        store = ProgressStore(pack.id, data_folder)
        seconds, progress = _timed(store.load)
        loads.append(seconds)
        if n == 0:
            out["attempts"] = len(progress.attempts)
            out["summarised"] = progress.summarised_count
            out["notice"] = store.notice
        if not legacy:
            base_save.append(_timed(baseline_save)[0])
        seconds, saved = _timed(lambda: store.add_attempt(extras[n]))
        saves.append(seconds)
        if n == 0:
            out["after_save"] = {
                "bytes": path.stat().st_size,
                "summarised": saved.summarised_count,
                "detailed": len(saved.attempts) - saved.summarised_count,
            }
        del progress, saved, store
    out["baseline_load_s"] = statistics.median(base_load)
    out["load_s"] = statistics.median(loads)
    out["baseline_save_s"] = statistics.median(base_save) if base_save else None
    out["save_s"] = statistics.median(saves)
    if not legacy:
        out["baseline_load_peak"] = _peak(baseline_load)
        out["load_peak"] = _peak(lambda: ProgressStore(pack.id, data_folder).load())
        out["baseline_save_peak"] = _peak(baseline_save)
        store = ProgressStore(pack.id, data_folder)
        store.load()
        out["save_peak"] = _peak(lambda: store.add_attempt(extras[-1]))
    out["maxrss_kib"] = peak_rss_kib()
    return out


def measure(pack_folder: Path, data_folder: Path, rounds: int, legacy: bool = False) -> dict:
    """Measure one progress file in a fresh interpreter; return the child's figures."""
    command = [sys.executable, __file__, "--child", str(pack_folder), str(data_folder), str(rounds)]
    if legacy:
        command.append("--legacy")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"measuring {data_folder} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def plain_run(pack_folder: Path, data_folder: Path) -> tuple[float, float]:
    """One ``explainer PACK --plain --quiz-only`` with 4 answers piped in: (seconds, peak RSS MiB)."""
    peak_file = data_folder.parent / f"{data_folder.name}.peak"
    env = {**os.environ, "BENCH_DIR": str(Path(__file__).resolve().parent), "BENCH_PEAK_FILE": str(peak_file)}
    command = [sys.executable, "-c", _PLAIN_CHILD, str(pack_folder), "--plain", "--quiz-only",
               "--data-dir", str(data_folder), "--seed", "1"]
    start = time.perf_counter()
    result = subprocess.run(command, input=b"1\n" * QUESTIONS, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the plain run failed ({result.returncode}):\n{result.stderr.decode()}")
    return seconds, int(peak_file.read_text(encoding="ascii")) / 1024


def profile(pack, data_folder: Path, top: int = 20) -> None:
    """Print the hot spots of one load and one save of the file in ``data_folder``."""
    from explainer.storage import ProgressStore

    ProgressStore(pack.id, data_folder).load()  # warm: imports, pydantic schema build
    for what in ("load", "save"):
        store = ProgressStore(pack.id, data_folder)
        if what == "save":
            store.load()
        profiler = cProfile.Profile()
        profiler.enable()
        if what == "load":
            store.load()
        else:
            store.add_attempt(_extra_attempt(pack, 0))
        profiler.disable()
        print(f"\n==== {what}")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def _mib(n: float) -> str:
    return f"{n / 2**20:.1f}"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--legacy", action="store_true", help="also measure format 1 files with every answer")
    parser.add_argument("--plain", type=int, nargs="*", metavar="N", help="also time whole plain runs on N attempts")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one load and one save of N attempts")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    parser.add_argument("--child", nargs=3, metavar=("PACK", "DATA", "ROUNDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        pack_folder, data_folder, rounds = args.child
        print(json.dumps(child(Path(pack_folder), Path(data_folder), int(rounds), args.legacy)))
        return 0

    with tempfile.TemporaryDirectory(prefix="explainer-bench-progress-") as tmp:
        root = Path(tmp)
        pack_folder = root / "pack"
        pack = make_pack(pack_folder)
        if args.profile:
            write_progress(root / "profile", pack, args.profile)
            profile(pack, root / "profile")
            return 0

        print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus;"
              f" {QUESTIONS} answers per attempt; median of {args.rounds}; one subprocess per file\n")
        header = (
            "attempts", "file MiB", "summarised", "tomllib ms", "load ms", "x tomllib",
            "tomli_w ms", "save ms", "x tomli_w", "load peak MiB", "x tomllib", "save peak MiB", "x tomli_w",
            "peak RSS MiB",
        )
        print(" | ".join(header))
        rows = []
        ok = True
        for size in args.sizes:
            data = root / f"data-{size}"
            write_progress(data, pack, size)
            figures = measure(pack_folder, data, args.rounds)
            figures["size"] = size
            rows.append(figures)
            assert figures["attempts"] == size and not figures["notice"], figures
            print(" | ".join((
                f"{size:,}",
                _mib(figures["bytes"]),
                f"{figures['summarised']:,}",
                _ms(figures["baseline_load_s"]),
                _ms(figures["load_s"]),
                f"{figures['load_s'] / figures['baseline_load_s']:.2f}",
                _ms(figures["baseline_save_s"]),
                _ms(figures["save_s"]),
                f"{figures['save_s'] / figures['baseline_save_s']:.2f}",
                _mib(figures["baseline_load_peak"]),
                _mib(figures["load_peak"]),
                f"{figures['load_peak'] / figures['baseline_load_peak']:.2f}",
                _mib(figures["save_peak"]),
                f"{figures['save_peak'] / figures['baseline_save_peak']:.2f}",
                f"{figures['maxrss_kib'] / 1024:.0f}",
            )), flush=True)
            if size == TARGET_SIZE and max(figures["load_s"], figures["save_s"]) * 1000 >= TARGET_MS:
                ok = False
            shutil.rmtree(data)

        if args.legacy:
            print("\nformat 1 files, every attempt in full (as older versions wrote them): first load,"
                  " first save (summarises all but the newest), one round")
            print("attempts | file MiB | tomllib ms | first load ms | first save ms | file after MiB | peak RSS MiB")
            for size in args.sizes:
                data = root / f"legacy-{size}"
                write_legacy_progress(data, pack, size)
                figures = measure(pack_folder, data, 1, legacy=True)
                figures["size"] = size
                figures["legacy"] = True
                rows.append(figures)
                print(" | ".join((
                    f"{size:,}",
                    _mib(figures["bytes"]),
                    _ms(figures["baseline_load_s"]),
                    _ms(figures["load_s"]),
                    _ms(figures["save_s"]),
                    _mib(figures["after_save"]["bytes"]),
                    f"{figures['maxrss_kib'] / 1024:.0f}",
                )), flush=True)
                shutil.rmtree(data)

        for size in args.plain or ():
            print(f"\nplain run (--quiz-only, {QUESTIONS} answers piped in), {size:,} attempts: seconds, peak RSS")
            empty = root / "plain-empty"
            seconds, rss = plain_run(pack_folder, empty)
            print(f"  no progress yet:                          {seconds:6.2f} s {rss:7.0f} MiB")
            kept = root / f"plain-{size}"
            write_progress(kept, pack, size)
            seconds, rss = plain_run(pack_folder, kept)
            print(f"  {size:,} attempts as explainer keeps them:  {seconds:6.2f} s {rss:7.0f} MiB")
            legacy = root / f"plain-legacy-{size}"
            write_legacy_progress(legacy, pack, size)
            for run in ("first", "second"):
                seconds, rss = plain_run(pack_folder, legacy)
                print(f"  format 1, every answer, {run} run:       {seconds:6.2f} s {rss:7.0f} MiB")
            rows.append({"plain": size})
            for folder in (empty, kept, legacy):
                shutil.rmtree(folder)

        if args.json:
            print(json.dumps(rows, indent=2))
        if TARGET_SIZE in args.sizes:
            verdict = "met" if ok else "MISSED"
            print(f"\ntarget: {TARGET_SIZE:,} attempts load and save in under {TARGET_MS:.0f} ms each: {verdict}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
