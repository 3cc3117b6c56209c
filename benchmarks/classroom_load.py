"""Load: N students at once against one ``explainer serve`` on this machine.

Usage::

    python benchmarks/classroom_load.py                  # 40 sessions
    python benchmarks/classroom_load.py --sessions 10 --json

Each session is a websocket client speaking textual-serve's protocol (what the page's
JavaScript does: ``GET /ws?width=..&height=..``, then ``["stdin", keys]`` messages; the
server answers with the app's terminal output). All sessions connect at once. Each
measures its **time to first screen**: from opening the websocket to the first output
that draws the sign-in screen ("Sign in to the class"). Then it signs in (its own name,
a PIN), takes the whole quiz (the mini fixture pack, choices in file order) and waits
for its results. While they run, the **RSS of each app process** (the serve process's
children, from ``/proc``) is sampled; each process's largest is kept.

At the end it reads ``explainer results --class`` and checks that every session's
attempt is recorded **exactly once**. Targets (issue 12): p95 first screen under 5 s,
each process at most 80 MB. Bounded: ``--sessions`` sessions, and everything stops
after ``--seconds`` (default 400).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
TARGET_FIRST_SCREEN_P95 = 5.0
TARGET_RSS_MB = 80.0


def _pack(folder: Path) -> Path:
    """The mini pack with choices in file order (the sessions know the keys)."""
    shutil.copytree(FIXTURE, folder)
    quiz = folder / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("shuffle_choices = true", "shuffle_choices = false"), encoding="utf-8")
    return folder


def _memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of ``pid`` in MB. PSS counts each page shared by n processes as 1/n:
    the forked apps of the preloaded server share most of theirs."""
    status = open(f"/proc/{pid}/status").read()
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
    try:
        rollup = open(f"/proc/{pid}/smaps_rollup").read()
        pss = int(re.search(r"Pss:\s+(\d+) kB", rollup).group(1)) / 1024
    except (OSError, AttributeError):
        pss = float("nan")
    return rss, pss


def _children_rss(pid: int) -> dict[int, tuple[float, float]]:
    """(RSS, PSS) in MB of every app process under ``pid``: each ``explainer open
    --class-dir`` (without preloading) or each child of the preloaded server
    (``explainer.preload``; the server itself is left out)."""
    found: dict[int, tuple[float, float]] = {}
    stack = [(pid, b"")]
    while stack:
        current, above = stack.pop()  # above: the command line of current's parent
        try:
            kids = [int(k) for t in os.listdir(f"/proc/{current}/task")
                    for k in open(f"/proc/{current}/task/{t}/children").read().split()]
            own = open(f"/proc/{current}/cmdline", "rb").read()
        except OSError:
            continue
        for kid in kids:
            stack.append((kid, own))
            try:
                cmdline = open(f"/proc/{kid}/cmdline", "rb").read()
                argv0 = cmdline.split(b"\0", 1)[0]
                python = b"python" in Path(argv0.decode(errors="replace")).name.encode()
                # a fork of the server (not the server itself, nor anything an app forks)
                forked = b"explainer.preload" in cmdline and b"explainer.preload" in own and b"explainer.preload" not in above
                # "open": not a fork of serve itself caught before it runs exec
                if python and ((b"\0open\0" in cmdline and b"--class-dir" in cmdline) or forked):
                    found[kid] = _memory(kid)
            except (OSError, AttributeError):
                continue
    return found


class Session:
    """One student: a websocket to the server, the screen text seen so far."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.text = b""
        self.first_screen: float | None = None
        self.done = False
        self.error = ""

    def seen(self, words: bytes) -> bool:
        """True once ``words`` appeared in the output (escape codes removed)."""
        return words in ANSI.sub(b"", self.text).replace(b"\r", b"").replace(b"\n", b"")


async def _run_session(session: Session, url: str, deadline: float) -> None:
    """Connect, time the first screen, sign in, take the quiz, wait for the results."""
    import aiohttp

    start = time.perf_counter()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"{url}ws?width=100&height=32", heartbeat=30) as ws:

                async def reader() -> None:
                    async for message in ws:
                        if message.type == aiohttp.WSMsgType.BINARY:
                            session.text += message.data
                            if session.first_screen is None and session.seen(b"Sign in to the class"):
                                session.first_screen = time.perf_counter() - start

                read_task = asyncio.create_task(reader())

                async def wait_for(words: bytes, seconds: float = 120) -> None:
                    limit = min(deadline, time.monotonic() + seconds)
                    while not session.seen(words):
                        if time.monotonic() > limit:
                            raise TimeoutError(f"no {words!r}")
                        await asyncio.sleep(0.1)

                async def keys(text: str, pause: float = 0.4) -> None:
                    await ws.send_json(["stdin", text])
                    await asyncio.sleep(pause)

                await wait_for(b"Sign in to the class")
                await asyncio.sleep(1.0)  # the name box takes the keyboard once the screen is mounted
                await keys(f"student{session.number:02d}")
                await keys("\r")
                await keys("1234")
                await keys("\r", 1.0)
                await wait_for(b"Welcome")
                await wait_for(b"Start reading")
                for _ in range(20):  # "z" may come before the home screen takes keys: say it again
                    await keys("z", 2.0)
                    if session.seen(b"Question 1 of 4"):
                        break
                answers = ("1", "2", "12", "1")
                for number, answer in enumerate(answers, start=1):
                    await wait_for(f"Question {number} of 4".encode())
                    for key in answer:
                        await keys(key, 0.3)
                    await keys("\r", 1.0)
                    marker = f"Question {number + 1} of 4".encode() if number < len(answers) else b"Retake"
                    for _ in range(30):  # "n" is a no-op until the answer is checked: repeat it
                        await keys("n", 1.5)
                        if session.seen(marker):
                            break
                await wait_for(b"Retake")
                session.done = True
                read_task.cancel()
    except Exception as exc:  # noqa: BLE001 - a session's failure is reported, not fatal
        session.error = f"{type(exc).__name__}: {exc}"


async def run(sessions: int, seconds: float, preload: bool = True) -> dict[str, object]:
    """Serve (forking preloaded apps, or with ``--no-preload`` when ``preload`` is
    False), run ``sessions`` students at once, and return the figures."""
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as tmp:
        pack = _pack(Path(tmp) / "pack")
        class_dir = Path(tmp) / "class"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "EXPLAINER_CONFIG_DIR": str(Path(tmp) / "config")}
        server = subprocess.Popen(
            [sys.executable, "-m", "explainer", "serve", str(pack), "--class-dir", str(class_dir), "--port", str(port)]
            + ([] if preload else ["--no-preload"]),
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            import urllib.request

            while True:
                try:
                    urllib.request.urlopen(url, timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            students = [Session(n) for n in range(sessions)]
            rss: dict[int, float] = {}
            pss: dict[int, float] = {}

            async def sample() -> None:
                while True:
                    for pid, (rss_mb, pss_mb) in _children_rss(server.pid).items():
                        rss[pid] = max(rss.get(pid, 0.0), rss_mb)
                        pss[pid] = max(pss.get(pid, 0.0), pss_mb)
                    await asyncio.sleep(0.5)

            sampler = asyncio.create_task(sample())
            await asyncio.wait_for(
                asyncio.gather(*(_run_session(s, url, deadline) for s in students)),
                timeout=max(1.0, deadline - time.monotonic()),
            )
            sampler.cancel()
            await asyncio.sleep(1.0)
            report = subprocess.run(
                [sys.executable, "-m", "explainer", "results", str(pack), "--class", str(class_dir), "--format", "json"],
                cwd=ROOT, capture_output=True, text=True, timeout=120,
            )
            data = json.loads(report.stdout)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    firsts = sorted(s.first_screen for s in students if s.first_screen is not None)
    attempts = {student["name"]: len(student["attempts"]) for student in data["students"]}
    p95 = firsts[min(len(firsts) - 1, round(0.95 * (len(firsts) - 1)))] if firsts else float("nan")
    return {
        "preload": preload,
        "sessions": sessions,
        "cpus": os.cpu_count(),
        "first_screen_p50_s": statistics.median(firsts) if firsts else float("nan"),
        "first_screen_p95_s": p95,
        "first_screen_max_s": firsts[-1] if firsts else float("nan"),
        "rss_max_mb": max(rss.values()) if rss else float("nan"),
        "rss_median_mb": statistics.median(rss.values()) if rss else float("nan"),
        "pss_max_mb": max(pss.values()) if pss else float("nan"),
        "pss_median_mb": statistics.median(pss.values()) if pss else float("nan"),
        "processes_seen": len(rss),
        "completed": sum(s.done for s in students),
        "errors": [s.error for s in students if s.error],
        "attempts_recorded": sum(attempts.values()),
        "attempts_exactly_once": all(
            attempts.get(f"student{s.number:02d}") == 1 for s in students if s.done
        ) and sum(attempts.values()) == sum(s.done for s in students),
    }


def _met(figures: dict[str, object]) -> bool:
    """True when one run met every target."""
    return bool(
        figures["completed"] == figures["sessions"]
        and figures["first_screen_p95_s"] < TARGET_FIRST_SCREEN_P95
        and figures["rss_max_mb"] <= TARGET_RSS_MB
        and figures["attempts_exactly_once"]
    )


def main(argv: list[str] | None = None) -> int:
    """Run and print the figures; exit 0 when the targets and exactly-once hold.

    ``--mode both`` runs the preloaded server, then the same load with
    ``--no-preload`` (the baseline, in the same run), and prints the ratio of their p95
    first screens.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=400.0)
    parser.add_argument("--mode", choices=("preload", "no-preload", "both"), default="preload")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    modes = {"preload": [True], "no-preload": [False], "both": [True, False]}[args.mode]
    runs = [asyncio.run(run(args.sessions, args.seconds, preload)) for preload in modes]
    if args.json:
        print(json.dumps(runs if len(runs) > 1 else runs[0], indent=2))
    else:
        for figures in runs:
            for key, value in figures.items():
                print(f"{key:24} {value:.2f}" if isinstance(value, float) else f"{key:24} {value}")
            print()
    if len(runs) == 2:
        ratio = runs[0]["first_screen_p95_s"] / runs[1]["first_screen_p95_s"]
        print(f"p95 first screen, preloaded / from nothing: {ratio:.2f}")
    met = _met(runs[0])
    print(f"targets (p95 first screen < {TARGET_FIRST_SCREEN_P95:g} s, each process <= {TARGET_RSS_MB:g} MB, every attempt once): {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
