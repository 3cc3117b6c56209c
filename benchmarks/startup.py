"""How long ``explainer`` takes to show its first screen, against a bare Textual app.

Run from the repository root (explainer installed in the active environment)::

    python benchmarks/startup.py              # 10 rounds of each, alternating
    python benchmarks/startup.py --rounds 20

Each round starts a fresh interpreter, so a figure includes what a user waits for:
interpreter start, imports, loading the bundled pack, building the app and its first
full paint. The two programs run alternately (explainer, bare, explainer, bare, ...) so
a slow patch of the machine hits both alike; one uncounted warm-up round of each comes
first, so byte-code caches exist.

- **explainer**: ``explainer`` with no arguments, through the real command line
  (``explainer.cli.main([])``: click, ``load_pack`` of the bundled pack,
  ``ExplainerApp(pack).run()``).
- **bare**: a Textual ``App`` whose only widget is one ``Static``.

Both run headless at 100x32 (Textual computes every frame, but writes nothing). The
child measures "first paint" as the moment the first screen and its children have
handled their pending messages and the screen has refreshed (an ``auto_pilot`` waits for
that, notes the time on the system-wide monotonic clock, then exits). The parent
subtracts the moment it started the child. Wall time to exit is reported too.

Then it reports import times (``python -X importtime``, median of 5) of
``explainer.cli`` (what ``explainer validate`` needs: must not import Textual),
``textual.app`` and ``explainer.app``.

Target: explainer's median time to first paint <= 1.3 x the bare app's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

ROUNDS = 10
TARGET_RATIO = 1.3
SIZE = (100, 32)

_CHILD = textwrap.dedent(
    """
    import asyncio, json, sys, time

    mode = sys.argv[1]
    started = time.clock_gettime_ns(time.CLOCK_MONOTONIC)

    from textual.app import App

    _run = App.run

    async def first_paint(pilot):
        # The first screen and its children have handled what was queued (mounts,
        # compose), then the screen has refreshed: that is the first full paint.
        await pilot._wait_for_screen()
        painted = asyncio.Event()
        pilot.app.screen.call_after_refresh(painted.set)
        await painted.wait()
        print(json.dumps({"started": started, "painted": time.clock_gettime_ns(time.CLOCK_MONOTONIC),
                          "screen": type(pilot.app.screen).__name__}), file=sys.__stdout__, flush=True)
        pilot.app.exit()

    def run(self, *args, **kwargs):
        kwargs.update(headless=True, size=SIZE, auto_pilot=first_paint)
        return _run(self, *args, **kwargs)

    App.run = run

    if mode == "explainer":
        import explainer.terminal
        explainer.terminal.plain_wanted = lambda *args, **kwargs: False  # output is a pipe here
        from explainer.cli import main
        main([])
    else:
        from textual.widgets import Static

        class Bare(App):
            def compose(self):
                yield Static("Hello from a bare Textual app")

        Bare().run()
    """
).replace("SIZE", repr(SIZE))


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    # Byte-code caches as an installed package has them (pip compiles on install).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Keep the app away from the user's own progress and settings.
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(home, name.lower())
    env.pop("TEXTUAL", None)  # no devtools
    return env


def one_round(mode: str, env: dict[str, str]) -> tuple[float, float]:
    """Run one child; return (seconds to first paint, seconds to exit)."""
    spawned = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, mode],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    exited = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        sys.exit(
            f"{mode}: exit code {result.returncode}, no paint reported\n"
            f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
        )
    report = json.loads(lines[-1])
    return (report["painted"] - spawned) / 1e9, (exited - spawned) / 1e9


def import_time(module: str, env: dict[str, str], runs: int = 5) -> tuple[float, bool]:
    """Median cumulative import time of ``module`` in ms, and whether Textual got loaded."""
    totals = []
    textual_loaded = False
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c",
             f"import sys, {module}; print('textual' in sys.modules)"],
            env=env, capture_output=True, text=True, check=True,
        )
        textual_loaded = result.stdout.strip() == "True"
        cumulative = None
        for line in result.stderr.splitlines():
            # "import time:       self [us] |   cumulative | imported package"
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == module:
                cumulative = int(parts[1].strip())
        assert cumulative is not None, result.stderr[-2000:]
        totals.append(cumulative / 1000)
    return statistics.median(totals), textual_loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="explainer-startup-") as home:
        env = _child_env(home)
        print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus;"
              f" {args.rounds} rounds each, alternating, fresh interpreter per round, headless {SIZE[0]}x{SIZE[1]}\n")
        for mode in ("explainer", "bare"):  # warm-up, not counted
            one_round(mode, env)
        paint: dict[str, list[float]] = {"explainer": [], "bare": []}
        wall: dict[str, list[float]] = {"explainer": [], "bare": []}
        for _ in range(args.rounds):
            for mode in ("explainer", "bare"):
                to_paint, to_exit = one_round(mode, env)
                paint[mode].append(to_paint)
                wall[mode].append(to_exit)

        print("program   | first paint median ms | min ms | max ms | exit median ms")
        for mode in ("explainer", "bare"):
            print(f"{mode:9} | {statistics.median(paint[mode]) * 1000:21.0f} | {min(paint[mode]) * 1000:6.0f}"
                  f" | {max(paint[mode]) * 1000:6.0f} | {statistics.median(wall[mode]) * 1000:14.0f}")
        ratio = statistics.median(paint["explainer"]) / statistics.median(paint["bare"])
        wall_ratio = statistics.median(wall["explainer"]) / statistics.median(wall["bare"])
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        print(f"\nratio explainer / bare, first paint: {ratio:.2f} (target <= {TARGET_RATIO}: {verdict});"
              f" to exit: {wall_ratio:.2f}")

        print("\nimport time (python -X importtime, cumulative, median of 5)")
        imports = {}
        for module in ("explainer.cli", "explainer.pack", "textual.app", "explainer.app"):
            ms, textual_loaded = import_time(module, env)
            imports[module] = {"ms": ms, "imports_textual": textual_loaded}
            print(f"  {module:15} {ms:6.0f} ms   imports textual: {'yes' if textual_loaded else 'no'}")

        if args.json:
            print(json.dumps({"paint_s": paint, "exit_s": wall, "ratio": ratio, "imports": imports}, indent=2))
        return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
