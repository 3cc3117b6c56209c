"""How long ``load_pack`` takes, and how much memory it needs, as a pack grows.

Run from the repository root (explainer installed in the active environment)::

    python benchmarks/loading.py                  # 1,000 / 10,000 / 50,000 questions
    python benchmarks/loading.py --sizes 1000 5000
    python benchmarks/loading.py --profile 10000  # cProfile of one load, hot spots

For each size it writes a valid pack (about 100 sections; single, multiple and
true_false questions; choices with feedback) into a temporary folder, then, in a fresh
subprocess per size so one size cannot warm or bloat the next:

- time: the median of 3 runs of ``load_pack`` (read + parse + validate + cross-check),
  against a baseline of the same process reading the same three files with the
  standard library's ``tomllib.loads`` only (median of 3), measured alternately. The
  ratio is ``load_pack`` over that fixed reference. When ``tomli`` (the compiled build
  of the same parser, which the loader prefers) is installed, its parse time is shown
  too: ``load_pack`` minus that is what validation and cross-checks cost.
- memory: the ``tracemalloc`` peak of one ``load_pack``, against the peak of the
  ``tomllib`` baseline, and the subprocess's ``ru_maxrss``.

Target: a 10,000-question pack loads in under 1 s, and time grows linearly (the
"ms per 1,000 questions" column stays flat).

``load_pack`` refuses a pack file over 20 MB (``loader.MAX_FILE_BYTES``); the
50,000-question quiz.toml is about 30 MB, so the measurements lift that limit.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

DEFAULT_SIZES = (1_000, 10_000, 50_000)
SECTIONS = 100
ROUNDS = 3
TARGET_SIZE, TARGET_SECONDS = 10_000, 1.0


# ------------------------------------------------------------------ generating packs


def _q(text: str) -> str:
    """A TOML basic string."""
    return json.dumps(text, ensure_ascii=False)


def write_pack(folder: Path, questions: int, sections: int = SECTIONS) -> Path:
    """Write a valid pack with ``questions`` questions into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [f"source-{n}" for n in range(1, 6)]
    pack = [
        "schema = 1",
        f'id = "bench-{questions}"',
        f"title = {_q(f'Benchmark pack with {questions:,} questions')}",
        'summary = "A generated pack for measuring how the loader scales."',
        'language = "en"',
        "updated = 2025-04-28",
        'authors = ["benchmarks/loading.py"]',
    ]
    for n, source in enumerate(sources, start=1):
        pack += [
            "",
            "[[sources]]",
            f'id = "{source}"',
            f'title = "Source number {n}"',
            'publisher = "Generated"',
            f'url = "https://example.org/{source}"',
            "published = 2025-02-05",
        ]
    (folder / "pack.toml").write_text("\n".join(pack) + "\n", encoding="utf-8")

    explainer: list[str] = []
    for n in range(sections):
        explainer += [
            "[[sections]]",
            f'id = "section-{n}"',
            f"title = {_q(f'Section {n}: what happened [sic] and why')}",
            'body = """',
            f"Section **{n}** explains one part of the story in a few sentences of Markdown.",
            "",
            "- a first point, with *emphasis*",
            "- a second point, with a [link](https://example.org)",
            '"""',
            f'key_points = ["Point one of section {n}.", "Point two of section {n}."]',
            f'sources = ["{sources[n % len(sources)]}"]',
            "",
        ]
    for n in range(20):
        explainer += [
            "[[glossary]]",
            f'term = "Term {n}"',
            f'definition = "What term {n} means, in *Markdown*."',
            f'see_also = ["Term {(n + 1) % 20}"]',
            "",
        ]
    for n in range(30):
        explainer += [
            "[[timeline]]",
            f'date = "2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}"',
            f'event = "Event {n} happened."',
            f'section = "section-{n % sections}"',
            "",
        ]
    (folder / "explainer.toml").write_text("\n".join(explainer), encoding="utf-8")

    quiz = [
        "[quiz]",
        'title = "Check your understanding"',
        "pass_mark = 0.7",
        "shuffle_questions = false",
        "shuffle_choices = true",
        "",
    ]
    for n in range(questions):
        kind = ("single", "single", "multiple", "true_false", "single")[n % 5]
        quiz += [
            "[[questions]]",
            f'id = "q-{n}"',
            f'type = "{kind}"',
            f"prompt = {_q(f'Question {n}: which of these is right about part {n % sections}?')}",
            f'section = "section-{n % sections}"',
            f'explanation = "Because section {n % sections} says so; see **the law**."',
        ]
        if n % 3 == 0:
            quiz.append(f'hint = "Reread section {n % sections}."')
        if n % 4 == 0:
            quiz.append('tags = ["law", "history"]')
        if kind == "true_false":
            quiz += [f"answer = {'true' if n % 2 else 'false'}", ""]
            continue
        quiz.append("")
        correct = {0} if kind == "single" else {0, 2}
        for c in range(4):
            quiz += [
                "  [[questions.choices]]",
                f'  text = "Choice {c} of question {n}"',
                f"  correct = {'true' if c in correct else 'false'}",
                f'  feedback = "Feedback for choice {c}: {"right" if c in correct else "not quite"}."',
                "",
            ]
    (folder / "quiz.toml").write_text("\n".join(quiz), encoding="utf-8")
    return folder


# ------------------------------------------------------------------------ measuring

_CHILD = textwrap.dedent(
    """
    import json, resource, statistics, sys, time, tomllib, tracemalloc
    from pathlib import Path
    from explainer.pack import load_pack, loader

    # The loader refuses pack files over 20 MB (MAX_FILE_BYTES); the 50,000-question
    # quiz.toml is ~30 MB, so the limit is lifted here to keep measuring how time grows.
    loader.MAX_FILE_BYTES = 1 << 40

    folder = Path(sys.argv[1])
    rounds = int(sys.argv[2])
    names = ("pack.toml", "explainer.toml", "quiz.toml")

    def baseline():
        return [tomllib.loads((folder / name).read_text(encoding="utf-8")) for name in names]

    try:  # the compiled parser the loader prefers, when installed
        import tomli
    except ImportError:
        tomli = None

    def parse_tomli():
        return [tomli.loads((folder / name).read_text(encoding="utf-8")) for name in names]

    def peak(fn):
        tracemalloc.start()
        result = fn()
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del result
        return top

    # Alternate the two so drift (other load on the machine) hits both alike.
    base_times, load_times, tomli_times = [], [], []
    for _ in range(rounds):
        start = time.perf_counter()
        parsed = baseline()
        base_times.append(time.perf_counter() - start)
        del parsed
        if tomli is not None:
            start = time.perf_counter()
            parsed = parse_tomli()
            tomli_times.append(time.perf_counter() - start)
            del parsed
        start = time.perf_counter()
        pack = load_pack(folder)
        load_times.append(time.perf_counter() - start)
        questions = len(pack.questions)
        del pack
    out = {
        "questions": questions,
        "baseline_s": statistics.median(base_times),
        "load_s": statistics.median(load_times),
        "tomli_s": statistics.median(tomli_times) if tomli_times else None,
        "baseline_peak": peak(baseline),
        "load_peak": peak(lambda: load_pack(folder)),
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print(json.dumps(out))
    """
)


def measure(folder: Path, rounds: int = ROUNDS) -> dict[str, float]:
    """Measure one pack in a fresh interpreter; return the child's figures."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(rounds)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"measuring {folder} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def profile(folder: Path, top: int = 20) -> None:
    """Print the hot spots of one ``load_pack`` of ``folder``."""
    from explainer.pack import load_pack, loader

    loader.MAX_FILE_BYTES = 1 << 40  # as in the measurements: 50,000 questions are over 20 MB
    load_pack(folder)  # warm: imports, pydantic schema build
    profiler = cProfile.Profile()
    profiler.enable()
    load_pack(folder)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def _mib(n: float) -> str:
    return f"{n / 2**20:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--profile", type=int, metavar="N", help="profile one load of an N-question pack")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        if args.profile:
            profile(write_pack(Path(tmp) / f"pack-{args.profile}", args.profile))
            return 0

        print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus;"
              f" median of {args.rounds}; one subprocess per size\n")
        header = (
            "questions", "quiz.toml MiB", "tomllib ms", "tomli ms", "load_pack ms", "x tomllib",
            "ms / 1k q", "tomllib peak MiB", "load peak MiB", "x tomllib", "maxrss MiB",
        )
        print(" | ".join(header))
        rows = []
        ok = True
        for size in args.sizes:
            folder = write_pack(Path(tmp) / f"pack-{size}", size)
            figures = measure(folder, args.rounds)
            figures["quiz_bytes"] = (folder / "quiz.toml").stat().st_size
            rows.append(figures)
            n = figures["questions"]
            assert n == size, (n, size)
            print(" | ".join((
                f"{n:,}",
                _mib(figures["quiz_bytes"]),
                f"{figures['baseline_s'] * 1000:.0f}",
                f"{figures['tomli_s'] * 1000:.0f}" if figures["tomli_s"] is not None else "-",
                f"{figures['load_s'] * 1000:.0f}",
                f"{figures['load_s'] / figures['baseline_s']:.2f}",
                f"{figures['load_s'] * 1000 / (n / 1000):.1f}",
                _mib(figures["baseline_peak"]),
                _mib(figures["load_peak"]),
                f"{figures['load_peak'] / figures['baseline_peak']:.2f}",
                f"{figures['maxrss_kib'] / 1024:.0f}",
            )), flush=True)
            if size == TARGET_SIZE and figures["load_s"] >= TARGET_SECONDS:
                ok = False
        if args.json:
            print(json.dumps(rows, indent=2))
        if TARGET_SIZE in args.sizes:
            verdict = "met" if ok else "MISSED"
            print(f"\ntarget: {TARGET_SIZE:,} questions in under {TARGET_SECONDS:.0f} s: {verdict}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
