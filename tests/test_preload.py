"""`explainer serve` forks each tab's app from a preloaded server (explainer.preload).

A tab's first screen comes from a fork of a process that has imported the app, loaded
the pack and drawn the sign-in screen once, so 40 students arriving at once see it in
about 3.5 s on 2 cores instead of about 12 s (docs/performance.md). These tests start a
real `explainer serve` on 127.0.0.1 and speak textual-serve's websocket protocol, as the
page's JavaScript does.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
CLIENT = ROOT / "explainer" / "serve_client.py"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="preloading forks (POSIX only)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, int]:
    """`explainer serve` of the mini pack on a free loopback port, once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "explainer", "serve", str(FIXTURES / "mini"), "--class-dir", str(tmp_path / "class"),
         "--port", str(port), *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "EXPLAINER_CONFIG_DIR": str(tmp_path / "config")},
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError("serve did not answer")


def descendants(pid: int) -> dict[int, bytes]:
    """Every process under ``pid``: its command line."""
    found: dict[int, bytes] = {}
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            kids = [int(k) for t in os.listdir(f"/proc/{current}/task")
                    for k in open(f"/proc/{current}/task/{t}/children").read().split()]
        except OSError:
            continue
        for kid in kids:
            try:
                found[kid] = open(f"/proc/{kid}/cmdline", "rb").read()
            except OSError:
                continue
            stack.append(kid)
    return found


def parent_of(pid: int) -> int:
    return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])


async def first_screen(port: int, seconds: float = 60) -> bytes:
    """Open a tab (websocket) and return its output once the sign-in screen is drawn."""
    import aiohttp

    text = b""
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=32") as ws:
            deadline = time.monotonic() + seconds
            while b"Sign in to the class" not in ANSI.sub(b"", text).replace(b"\r\n", b""):
                message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
                if message.type == aiohttp.WSMsgType.BINARY:
                    text += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
            return text


async def tab_watching(server: subprocess.Popen, port: int, seen: dict[int, bytes]) -> bytes:
    """Open a tab (:func:`first_screen`) while noting every process under ``server`` in
    ``seen`` (pid: command line); return the tab's output."""
    task = asyncio.create_task(first_screen(port))
    while not task.done():
        seen.update(descendants(server.pid))
        await asyncio.sleep(0.05)
    return await task


def test_a_tab_is_a_fork_of_the_preloaded_server_and_stopping_serve_ends_it(tmp_path: Path) -> None:
    server, port = start_serve(tmp_path)
    try:
        seen: dict[int, bytes] = {}
        output = asyncio.run(tab_watching(server, port, seen))
        assert b"Sign in to the class" in ANSI.sub(b"", output).replace(b"\r\n", b"")
        preloaded = [pid for pid, line in seen.items() if b"explainer.preload" in line]
        server_pid = next(pid for pid in preloaded if parent_of(pid) == server.pid)
        apps = [pid for pid in preloaded if pid != server_pid]
        assert apps, "no app process was forked from the preloaded server"
        assert not any(b"\x00open\x00" in line for line in seen.values()), "a tab started an app from nothing"
        clients = [line for line in seen.values() if b"serve_client.py" in line and not line.startswith(b"/bin/sh")]
        assert clients and all(b"\x00-I\x00-S\x00" in line for line in clients)
        socket_folder = Path(next(line for line in clients).split(b"\x00")[-2].decode()).parent
        assert socket_folder.is_dir() and oct(socket_folder.stat().st_mode)[-3:] == "700"
    finally:
        server.terminate()
        server.wait(timeout=30)
    def ended() -> bool:
        try:
            return "Z" in open(f"/proc/{server_pid}/stat").read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True

    for _attempt in range(100):  # a loaded machine may take a moment; bounded at 10 s
        if ended() and not socket_folder.exists():
            break
        time.sleep(0.1)
    assert ended() and not socket_folder.exists()


def test_without_preloading_each_tab_runs_explainer_open(tmp_path: Path) -> None:
    server, port = start_serve(tmp_path, "--no-preload")
    try:
        seen: dict[int, bytes] = {}
        output = asyncio.run(tab_watching(server, port, seen))
        assert b"Sign in to the class" in ANSI.sub(b"", output).replace(b"\r\n", b"")
        assert any(b"\x00open\x00" in line and b"--class-dir" in line for line in seen.values())
        assert not any(b"explainer.preload" in line for line in seen.values())
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_client_runs_the_app_itself_when_the_preloaded_server_is_gone(tmp_path: Path) -> None:
    fallback = f"{sys.executable} -c \"print('the app, from nothing')\""
    run = subprocess.run(
        [sys.executable, "-I", "-S", str(CLIENT), str(tmp_path / "no.sock")],
        capture_output=True, text=True, timeout=60, env={**os.environ, "EXPLAINER_PRELOAD_FALLBACK": fallback},
    )
    assert run.returncode == 0 and run.stdout == "the app, from nothing\n"
    bare = subprocess.run(
        [sys.executable, "-I", "-S", str(CLIENT), str(tmp_path / "no.sock")],
        capture_output=True, text=True, timeout=60, env={k: v for k, v in os.environ.items() if k != "EXPLAINER_PRELOAD_FALLBACK"},
    )
    assert bare.returncode == 1 and bare.stderr == "explainer: the preloaded app server is not running\n"


def test_the_client_imports_only_the_standard_library() -> None:
    source = CLIENT.read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:import|from) (\w+)", source, re.MULTILINE))
    assert imported <= {"json", "os", "shlex", "signal", "socket", "sys"}
