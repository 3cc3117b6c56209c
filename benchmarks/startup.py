"""How long ``explainer`` takes to start, paint its first screen and exit, against bare
Textual apps.

Run from the repository root (explainer installed in the active environment)::

    python benchmarks/startup.py              # 15 rounds of each, alternating
    python benchmarks/startup.py --rounds 25 --json

Each round starts a fresh interpreter in a pseudo-terminal (``pty.openpty``, 100x32,
``TERM=xterm-256color``), so a figure is what a user waits for: interpreter start,
imports, loading the pack, building the app, the first full frame written to the
terminal, and exiting. The programs take turns (a, b, c, d, a, b, c, d, ...) so a slow
patch of the machine hits all alike; one uncounted warm-up round of each comes first,
so byte-code caches (and explainer's pack cache) exist.

- **a, explainer**: ``python -m explainer`` (the console script's code path: entry,
  click, the bundled pack, ``ExplainerApp``), with a warm pack cache.
- **b, welcome**: ``benchmarks/bare_apps.py welcome``: a bare Textual app composing the
  welcome screen's widgets (the same texts, the same five buttons in the same grids,
  a footer with the same keys).
- **c, static**: ``benchmarks/bare_apps.py static``: a Textual app with one ``Static``.
- **d, explainer, cold cache**: as a, with an empty pack cache folder each round (the
  first start after installing, or after the pack changed).

"First paint then exit" is the same for all: ``EXPLAINER_EXIT_AFTER_FIRST_PAINT=1``
makes each app call ``self.exit()`` after the refresh that follows Textual's ``Ready``
event (sent once the first screen has been laid out and its first frame written). The
time is from spawning the child to the pseudo-terminal closing (the child exited); the
parent reads everything the child writes, as a terminal would.

``EXPLAINER_DATA_DIR``, ``EXPLAINER_CACHE_DIR`` and the XDG folders point into a
temporary folder, so the user's progress, settings and cache are never touched.

Then one more run of ``explainer`` lists which of the modules the issue names were
imported by the time it exited (click, pydantic, filelock, platformdirs, markdown_it,
explainer.storage...).

Target: a / b <= 1.3 (the median of explainer against the same widgets in a bare app).
Exit 1 when it is missed.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROUNDS = 15
TARGET_RATIO = 1.3
SIZE = (100, 32)
TIMEOUT_S = 60.0
BENCHMARKS = Path(__file__).resolve().parent
WATCHED = (
    "click", "pydantic", "pydantic_core", "filelock", "platformdirs", "markdown_it", "pygments",
    "tomli_w", "explainer.storage", "explainer.pack.loader", "explainer.pack.cache",
    "explainer.screens.quiz", "explainer.widgets.markdown",
)


def welcome_texts() -> dict[str, str]:
    """The bundled pack's welcome-screen texts, as ``explainer/screens/welcome.py`` makes them."""
    from explainer.pack import bundled_pack_path, load_pack

    pack = load_pack(bundled_pack_path())

    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'' if n == 1 else 's'}"

    details = f"Updated {pack.meta.updated.isoformat()}"
    if pack.meta.authors:
        details += " · by " + ", ".join(pack.meta.authors)
    return {
        "counts": f"{count(len(pack.sections), 'section')} · {count(len(pack.questions), 'question')}",
        "title": pack.title,
        "summary": pack.meta.summary,
        "details": details,
    }


def commands(texts: dict[str, str]) -> dict[str, list[str]]:
    """The command line of each program."""
    bare = f"import sys; sys.path.insert(0, {str(BENCHMARKS)!r}); import bare_apps; bare_apps.main(sys.argv[1:])"
    return {
        "explainer": [sys.executable, "-m", "explainer"],
        "welcome": [sys.executable, "-c", bare, "welcome", json.dumps(texts)],
        "static": [sys.executable, "-c", bare, "static"],
        "explainer-cold": [sys.executable, "-m", "explainer"],
    }


def child_env(home: Path) -> dict[str, str]:
    """The children's environment: temporary folders, a real terminal type, the hook on."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-code caches, as an installed package has
    for name in ("TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_PRESS", "TEXTUAL_SCREENSHOT", "TEXTUAL_ANIMATIONS"):
        env.pop(name, None)
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["EXPLAINER_DATA_DIR"] = str(home / "data")
    env["EXPLAINER_CACHE_DIR"] = str(home / "cache")
    env["TERM"] = "xterm-256color"
    env["COLUMNS"], env["LINES"] = str(SIZE[0]), str(SIZE[1])
    env["EXPLAINER_EXIT_AFTER_FIRST_PAINT"] = "1"
    return env


LEAVING = b"\x1b[?2004l"
"""The first thing Textual's Linux driver writes when the app exits (bracketed paste
off): seen by the parent, the app has painted its first frame and begun to exit."""


def run_in_pty(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, bytes]:
    """Run ``argv`` on a new pseudo-terminal of :data:`SIZE`, reading all it writes.

    Returns:
        (seconds from spawn until the child began to exit, i.e. :data:`LEAVING` arrived
        (NaN if it never did), seconds until the terminal closed, exit code, the last
        4 KiB written).

    Raises:
        TimeoutError: the child ran longer than :data:`TIMEOUT_S` (it is killed).
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    started = time.monotonic()
    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    tail = b""
    leaving = float("nan")
    try:
        while True:
            if time.monotonic() - started > TIMEOUT_S:
                child.kill()
                raise TimeoutError(f"{argv[:3]} ran over {TIMEOUT_S} s")
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every copy of the terminal's other end is closed
                break
            if not data:
                break
            if leaving != leaving and LEAVING in tail[-16:] + data:
                leaving = time.monotonic()
            tail = (tail + data)[-4096:]
        ended = time.monotonic()
        code = child.wait(timeout=TIMEOUT_S)
    finally:
        os.close(master)
    return leaving - started, ended - started, code, tail


def one_round(name: str, argv: list[str], env: dict[str, str], home: Path) -> tuple[float, float]:
    """Run one program once; return (seconds to first paint, seconds to exit); exits the
    script if the program failed."""
    if name == "explainer-cold":
        cache = home / "cold-cache"
        shutil.rmtree(cache, ignore_errors=True)
        env = {**env, "EXPLAINER_CACHE_DIR": str(cache)}
    painted, exited, code, tail = run_in_pty(argv, env)
    if code != 0 or painted != painted:
        sys.exit(f"{name}: exit code {code}\n--- last output\n{tail.decode('utf-8', 'replace')}")
    return painted, exited


def imported_modules(env: dict[str, str], home: Path) -> dict[str, bool]:
    """Which of :data:`WATCHED` ``explainer`` has imported when it exits after its first paint."""
    listing = home / "modules.json"
    code = (
        "import atexit, json, runpy, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write(json.dumps(sorted(sys.modules))))\n"
        "sys.argv = ['explainer']\n"
        "runpy.run_module('explainer', run_name='__main__', alter_sys=True)\n"
    )
    run_in_pty([sys.executable, "-c", code], env)
    modules = set(json.loads(listing.read_text()))
    return {name: name in modules for name in WATCHED}


def spread(values: list[float]) -> str:
    """``min–max`` in ms."""
    return f"{min(values) * 1000:.0f}–{max(values) * 1000:.0f}"


def main() -> int:
    """Run the benchmark; print the table and ratios. Returns 0 when a / b <= 1.3, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    args = parser.parse_args()

    texts = welcome_texts()
    programs = commands(texts)
    with tempfile.TemporaryDirectory(prefix="explainer-startup-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = float("nan")
        print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus, load {load:.2f};"
              f" {args.rounds} rounds each, alternating, fresh interpreter per round, pty {SIZE[0]}x{SIZE[1]}\n")
        for name, argv in programs.items():  # warm-up, not counted
            one_round(name, argv, env, home)
        times: dict[str, list[float]] = {name: [] for name in programs}
        exits: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.rounds):
            for name, argv in programs.items():
                painted, exited = one_round(name, argv, env, home)
                times[name].append(painted)
                exits[name].append(exited)

        medians = {name: statistics.median(values) for name, values in times.items()}
        exit_medians = {name: statistics.median(values) for name, values in exits.items()}
        print("program                     | first paint: median ms | min–max ms | to exit: median ms | min–max ms")
        labels = {
            "explainer": "a explainer (warm cache)",
            "welcome": "b bare app, welcome widgets",
            "static": "c bare app, one Static",
            "explainer-cold": "d explainer (cold cache)",
        }
        for name, label in labels.items():
            print(f"{label:27} | {medians[name] * 1000:22.0f} | {spread(times[name]):>10} |"
                  f" {exit_medians[name] * 1000:18.0f} | {spread(exits[name]):>10}")
        ratios = {
            "a/b": medians["explainer"] / medians["welcome"],
            "b/c": medians["welcome"] / medians["static"],
            "a/c": medians["explainer"] / medians["static"],
            "d/b": medians["explainer-cold"] / medians["welcome"],
            "a/b to exit": exit_medians["explainer"] / exit_medians["welcome"],
            "b/c to exit": exit_medians["welcome"] / exit_medians["static"],
        }
        verdict = "met" if ratios["a/b"] <= TARGET_RATIO else "MISSED"
        print(f"\nratio a/b explainer / welcome widgets: {ratios['a/b']:.2f} (target <= {TARGET_RATIO}: {verdict})")
        print(f"ratio b/c welcome widgets / one Static: {ratios['b/c']:.2f}")
        print(f"ratio a/c explainer / one Static: {ratios['a/c']:.2f}")
        print(f"ratio d/b explainer, cold cache / welcome widgets: {ratios['d/b']:.2f}")
        print(f"to exit: a/b {ratios['a/b to exit']:.2f}, b/c {ratios['b/c to exit']:.2f}"
              " (includes up to 100 ms of Textual's input thread noticing the exit)")

        modules = imported_modules(env, home)
        print("\nimported by explainer's first paint: "
              + ", ".join(f"{name} {'yes' if seen else 'no'}" for name, seen in modules.items()))
        if args.json:
            print(json.dumps({"first_paint_s": times, "exit_s": exits, "medians": medians, "ratios": ratios, "modules": modules}, indent=2))
        return 0 if ratios["a/b"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
