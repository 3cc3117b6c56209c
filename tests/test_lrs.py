"""Learning records reach a real Learning Record Store: Ralph (``ralph-malph`` from PyPI,
in its own virtual environment), started on 127.0.0.1 by these tests with its
``runserver`` command, the file-system backend, and credentials made with its ``auth``
command. The statements are read back with ``GET /xAPI/statements``.

.ci/run makes Ralph's environment (``.venv-ralph``) and sets ``EXPLAINER_RALPH`` to its
``ralph`` and ``EXPLAINER_REQUIRE_LRS=1``, so there these tests never skip; elsewhere they
skip when no Ralph is found.

One setting is changed in Ralph, and only in the processes these tests start: its
file-system backend writes every statement of the LRS to one file, and refuses a second
write to that file ("already exists and overwrite is not allowed with operation_type
create or index": the second POST of a class gets 500, measured with Ralph 4.2.0 and
5.1.0). A ``sitecustomize.py`` on Ralph's ``PYTHONPATH`` makes that backend append
instead (its own ``APPEND`` operation type); Ralph still parses, validates, checks and
stores every statement itself.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from conftest import SEED

from explainer.app import ExplainerApp
from explainer.xapi import LrsEndpoint, Outbox, Recorder, Sender

ROOT = Path(__file__).parent.parent
USER, PASSWORD = "teacher", "s3cret-for-tests"

APPEND = """\
# Ralph's file-system LRS backend creates its one file and refuses to write it again;
# let it append, as its APPEND operation does (tests/test_lrs.py).
try:
    from ralph.backends.data import fs as _fs
    from ralph.backends.data.base import BaseOperationType as _Operation

    _fs.FSDataBackend.default_operation_type = _Operation.APPEND
except Exception:  # not Ralph's environment, or another Ralph: leave it alone
    pass
"""


def _ralph() -> str | None:
    """The ``ralph`` command: $EXPLAINER_RALPH, else .venv-ralph in the repository."""
    found = os.environ.get("EXPLAINER_RALPH") or str(ROOT / ".venv-ralph" / "bin" / "ralph")
    return found if Path(found).exists() else shutil.which("ralph")


RALPH = _ralph()
if RALPH is None and os.environ.get("EXPLAINER_REQUIRE_LRS") != "1":
    pytest.skip("Ralph is not installed (python -m venv .venv-ralph && .venv-ralph/bin/pip install 'ralph-malph[cli,lrs]' requests)", allow_module_level=True)


class Ralph:
    """A Ralph LRS on 127.0.0.1: :meth:`start`, :meth:`stop`, :meth:`statements`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        site = folder / "site"
        site.mkdir(parents=True, exist_ok=True)
        (site / "sitecustomize.py").write_text(APPEND, encoding="utf-8")
        self.env = {
            **os.environ,
            "PYTHONPATH": str(site),
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
        }
        self.process: subprocess.Popen | None = None
        subprocess.run(
            [RALPH, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:teacher@example.org", "-w"],
            env=self.env, check=True, capture_output=True, timeout=120,
        )

    def start(self) -> None:
        """Run ``ralph runserver`` and wait until it answers."""
        self.process = subprocess.Popen(
            [RALPH, "runserver", "-b", "fs", "--fs-default-directory-path", str(self.folder / "data"),
             "-h", "127.0.0.1", "-p", str(self.port)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/__heartbeat__", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError("Ralph did not start")

    def stop(self) -> None:
        """Stop the server (the statements stay on disk)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def statements(self) -> list[dict]:
        """Every statement the LRS holds (``GET /xAPI/statements``, following ``more``)."""
        found, url = [], f"{self.url}/xAPI/statements?limit=500"
        with httpx.Client(auth=(USER, PASSWORD), headers={"X-Experience-API-Version": "1.0.3"}, timeout=10) as client:
            while url:
                data = client.get(url).json()
                found += data["statements"]
                more = data.get("more")
                url = f"{self.url}{more}" if more else ""
        return found


@pytest.fixture
def ralph(tmp_path: Path):
    server = Ralph(tmp_path / "ralph")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def drain(outbox: Outbox, endpoint: LrsEndpoint, seconds: float = 30) -> None:
    """Send the whole outbox (in the test's own thread)."""
    sender = Sender(outbox, endpoint)
    deadline = time.monotonic() + seconds
    with sender._client() as client:
        while outbox.pending():
            assert time.monotonic() < deadline, "the outbox did not empty"
            sender.send_once(client)


async def class_session(pack, class_dir: Path, name: str, pin: str, right) -> None:
    """A student signs in, reads the first section and takes the whole quiz."""
    from test_class_serve import sign_in, take_quiz

    app = ExplainerApp(pack, seed=SEED, class_dir=class_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await sign_in(pilot, name, pin)
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        await take_quiz(pilot, app, right)


async def test_a_class_s_statements_reach_ralph_and_read_back(mini_pack, ralph, tmp_path: Path, monkeypatch) -> None:
    outbox = Outbox(tmp_path / "class" / "outbox")
    monkeypatch.setenv("EXPLAINER_XAPI_OUTBOX", str(outbox.folder))
    monkeypatch.setenv("EXPLAINER_CLASS_URL", "http://127.0.0.1:8000")
    await class_session(mini_pack, tmp_path / "class", "Ana", "1234", lambda i: True)
    await class_session(mini_pack, tmp_path / "class", "Bo", "2345", lambda i: False)
    written = {p.name.split("-", 1)[1][:-5] for p in outbox.pending()}
    drain(outbox, LrsEndpoint(ralph.url, USER, PASSWORD))
    statements = ralph.statements()
    assert {s["id"] for s in statements} == written
    by = {}
    for s in statements:
        by.setdefault((s["actor"]["name"], s["verb"]["id"].rsplit("/", 1)[1]), []).append(s)
    assert len(by[("Ana", "answered")]) == len(mini_pack.questions) == len(by[("Bo", "answered")])
    assert all(s["result"]["success"] for s in by[("Ana", "answered")])
    assert not any(s["result"]["success"] for s in by[("Bo", "answered")])
    assert {s["result"]["response"] for s in by[("Ana", "answered")]} >= {"1 March 2025"}
    assert len(by[("Ana", "experienced")]) >= 1 and by[("Ana", "experienced")][0]["object"]["id"].startswith("urn:explainer:mini:section:")
    assert len(by[("Ana", "completed")]) == 1 and len(by[("Ana", "passed")]) == 1 and len(by[("Bo", "failed")]) == 1
    assert by[("Ana", "passed")][0]["result"]["score"]["scaled"] == 1
    account = by[("Ana", "completed")][0]["actor"]["account"]
    assert account["homePage"] == "http://127.0.0.1:8000" and account["name"].startswith("ana-")


def test_an_lrs_that_stops_mid_class_loses_nothing_and_records_each_statement_once(ralph, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    recorder = Recorder(outbox, "mini", "Mini", "http://127.0.0.1:8000", "ana-1", "Ana")
    made = [recorder.experienced("s1", "One")["id"] for _ in range(5)]
    sender = Sender(outbox, LrsEndpoint(ralph.url, USER, PASSWORD), sleep=0.1)
    sender.start()
    try:
        deadline = time.monotonic() + 30
        while outbox.pending() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not outbox.pending()
        ralph.stop()  # the LRS goes down mid-class
        made += [recorder.answered(f"q{i}", "Q?", i % 2 == 0, i % 2, 1, "an answer")["id"] for i in range(20)]
        deadline = time.monotonic() + 30
        while sender.failures == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sender.failures >= 1 and len(outbox.pending()) == 20  # kept, not lost
        ralph.start()  # and comes back
        deadline = time.monotonic() + 90
        while outbox.pending() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not outbox.pending()
    finally:
        sender.stop()
    ids = [s["id"] for s in ralph.statements()]
    assert sorted(ids) == sorted(made) and len(set(ids)) == len(ids) == 25
