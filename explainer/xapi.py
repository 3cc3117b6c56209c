"""Learning records of a class in xAPI 1.0.3, sent to a Learning Record Store.

When ``explainer serve`` is given ``--lrs URL``, every app process of the class writes a
statement for what its student does (:class:`Recorder`):

- **experienced** a section (``http://adlnet.gov/expapi/verbs/experienced``), when the
  section's end is on screen;
- **answered** a question (``.../verbs/answered``), with ``result.success``,
  ``result.score`` (raw, min 0, max, scaled) and ``result.response`` (the answer in
  words);
- **completed** the quiz (``.../verbs/completed``), then **passed** or **failed**
  (``.../verbs/passed``, ``.../verbs/failed``) against the pack's pass mark, with the
  score.

The actor is the student as an account of the class (``homePage`` the class's address,
``name`` the student's folder name) with their display name; activities are
``urn:explainer:<pack>``, ``urn:explainer:<pack>:section:<id>`` and
``urn:explainer:<pack>:question:<id>``. Each statement gets its id (a UUID) when it is
made, so sending it twice never records it twice: the LRS keeps the first.

Statements pass through an **outbox** on disk (``DIR/outbox/``, one JSON file per
statement, written atomically), so nothing is lost when the LRS is down, slow or
answers 5xx. One sender (:class:`Sender`, in the serve process) posts them in batches
with httpx, oldest first, and removes a file only once the LRS has accepted it; after a
failure it waits 1, 2, 4... seconds (at most :data:`LONGEST_BACKOFF`) and tries again.

Credentials: ``EXPLAINER_LRS_USERNAME`` and ``EXPLAINER_LRS_PASSWORD`` in the
environment, else ``username`` and ``password`` in ``lrs.toml`` in the config folder
(:mod:`explainer.keymap` finds the folder the same way).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.storage.atomic import atomic_write_bytes

__all__ = ["LONGEST_BACKOFF", "Outbox", "Recorder", "Sender", "credentials", "verbs"]

XAPI_VERSION = "1.0.3"
"""The xAPI version of the statements and of the ``X-Experience-API-Version`` header."""

LONGEST_BACKOFF = 60.0
"""The longest wait between tries after the LRS failed, in seconds."""

BATCH = 50
"""Statements posted in one request at most."""

VERBS = {
    name: {"id": f"http://adlnet.gov/expapi/verbs/{name}", "display": {"en-US": name}}
    for name in ("experienced", "answered", "completed", "passed", "failed")
}
"""The ADL verbs the statements use."""


def verbs() -> list[str]:
    """The verb names statements use (``experienced``, ``answered``, ...)."""
    return list(VERBS)


def _now() -> str:
    """The time now, UTC, ISO 8601 to the millisecond (``2025-03-01T10:00:00.000Z``)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Outbox:
    """Statements waiting to be sent, one JSON file each under ``folder``.

    Args:
        folder: the outbox folder (``DIR/outbox``); created when the first statement
            is written.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def put(self, statement: dict[str, Any]) -> Path:
        """Write ``statement`` (which has its ``id``) to the outbox; returns its file.

        Raises:
            OSError: the outbox cannot be written.
        """
        name = f"{time.time_ns():020d}-{statement['id']}.json"
        path = self.folder / name
        atomic_write_bytes(path, json.dumps(statement, ensure_ascii=False).encode("utf-8"))
        return path

    def pending(self) -> list[Path]:
        """The files waiting, oldest first (temp files of a write in progress aside)."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))


@dataclass(frozen=True)
class LrsEndpoint:
    """Where statements go: the LRS's base URL (``.../xAPI/`` is added) and its login."""

    url: str
    username: str
    password: str

    @property
    def statements_url(self) -> str:
        """``<url>/xAPI/statements`` (without a doubled slash)."""
        return self.url.rstrip("/") + "/xAPI/statements"


def credentials(config_dir: Path | None = None) -> tuple[str, str] | None:
    """The LRS username and password: from ``EXPLAINER_LRS_USERNAME`` and
    ``EXPLAINER_LRS_PASSWORD``, else from ``lrs.toml`` in ``config_dir`` (default: the
    config folder of :func:`explainer.keymap.config_dir`); None when neither has them."""
    user, password = os.environ.get("EXPLAINER_LRS_USERNAME"), os.environ.get("EXPLAINER_LRS_PASSWORD")
    if user and password:
        return user, password
    import tomllib

    if config_dir is None:
        from explainer.keymap import config_dir as folder

        config_dir = folder()
    try:
        data = tomllib.loads((Path(config_dir) / "lrs.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    user, password = data.get("username"), data.get("password")
    return (user, password) if isinstance(user, str) and isinstance(password, str) else None


class Sender:
    """Sends the outbox to the LRS, in a background thread, until stopped.

    Args:
        outbox: the outbox.
        endpoint: the LRS.
        sleep: how long to wait (seconds) between looks at an empty outbox.
        client_factory: makes the httpx client (tests pass their own transport).
    """

    def __init__(
        self,
        outbox: Outbox,
        endpoint: LrsEndpoint,
        *,
        sleep: float = 0.5,
        client_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.outbox = outbox
        self.endpoint = endpoint
        self.sleep = sleep
        self.backoff = 0.0
        """The wait before the next try, after failures (0 when the last try worked)."""
        self.sent = 0
        """Statements the LRS has accepted since the sender started."""
        self.failures = 0
        """Failed tries since the sender started."""
        self._client_factory = client_factory
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _client(self) -> Any:
        import httpx

        if self._client_factory is not None:
            return self._client_factory()
        return httpx.Client(
            auth=(self.endpoint.username, self.endpoint.password),
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=10.0,
        )

    def send_once(self, client: Any) -> int:
        """Post up to :data:`BATCH` waiting statements; returns how many the LRS took.

        A 2xx answer removes the files (200: recorded; 204: every id was known
        already). Anything else, or no answer, leaves them for the next try.

        Raises:
            httpx.HTTPError, OSError: the LRS could not be reached or failed; the
                files stay.
        """
        files = self.outbox.pending()[:BATCH]
        if not files:
            return 0
        statements = []
        for path in files:
            try:
                statements.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                path.rename(path.with_suffix(".bad"))  # never resent, kept for a person to look at
                return 0
        response = client.post(self.endpoint.statements_url, json=statements)
        if not 200 <= response.status_code < 300:
            raise OSError(f"the LRS answered {response.status_code}")
        for path in files:
            path.unlink(missing_ok=True)
        self.sent += len(files)
        return len(files)

    def run(self) -> None:
        """Send until :meth:`stop`: a batch at a time; after a failure, wait 1, 2, 4...
        seconds (at most :data:`LONGEST_BACKOFF`); when the outbox is empty, look
        again after :attr:`sleep` seconds."""
        with self._client() as client:
            while not self._stop.is_set():
                try:
                    sent = self.send_once(client)
                except Exception:  # noqa: BLE001 - any failure: keep the files, back off, retry
                    self.failures += 1
                    self.backoff = min(LONGEST_BACKOFF, max(1.0, self.backoff * 2))
                    self._stop.wait(self.backoff)
                    continue
                self.backoff = 0.0
                if not sent:
                    self._stop.wait(self.sleep)

    def start(self) -> None:
        """Run :meth:`run` in a daemon thread."""
        self._thread = threading.Thread(target=self.run, name="xapi-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to stop and wait for it (at most ``timeout`` seconds)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


class Recorder:
    """Makes the statements of one student and puts them in the outbox.

    Args:
        outbox: where statements go.
        pack_id: the pack's id (activity ids are made from it).
        pack_title: the pack's title (the quiz activity's name).
        class_url: the class's address (the actor's ``homePage``).
        account: the student's account name (their folder name).
        name: the student's display name.
    """

    def __init__(self, outbox: Outbox, pack_id: str, pack_title: str, class_url: str, account: str, name: str) -> None:
        self.outbox = outbox
        self.pack_id = pack_id
        self.pack_title = pack_title
        self.actor = {"objectType": "Agent", "name": name, "account": {"homePage": class_url, "name": account}}

    def _activity(self, kind: str | None, ident: str | None, title: str) -> dict[str, Any]:
        activity_id = f"urn:explainer:{self.pack_id}" + (f":{kind}:{ident}" if kind else "")
        return {"objectType": "Activity", "id": activity_id, "definition": {"name": {"en": title}}}

    def _put(self, verb: str, activity: dict[str, Any], result: dict[str, Any] | None = None) -> dict[str, Any]:
        statement: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "actor": self.actor,
            "verb": VERBS[verb],
            "object": activity,
            "timestamp": _now(),
        }
        if result is not None:
            statement["result"] = result
        self.outbox.put(statement)
        return statement

    def experienced(self, section_id: str, title: str) -> dict[str, Any]:
        """The student read a section; returns the statement."""
        return self._put("experienced", self._activity("section", section_id, title))

    def answered(self, question_id: str, prompt: str, success: bool, points: float, max_points: float, response: str) -> dict[str, Any]:
        """The student answered a question; returns the statement."""
        scaled = points / max_points if max_points else 0.0
        result = {
            "success": success,
            "score": {"raw": points, "min": 0, "max": max_points, "scaled": round(scaled, 4)},
            "response": response,
        }
        return self._put("answered", self._activity("question", question_id, prompt[:200]), result)

    def finished(self, points: float, max_points: float, passed: bool) -> list[dict[str, Any]]:
        """The student finished the quiz: "completed", then "passed" or "failed"."""
        scaled = points / max_points if max_points else 0.0
        score = {"raw": points, "min": 0, "max": max_points, "scaled": round(scaled, 4)}
        quiz = self._activity(None, None, self.pack_title)
        return [
            self._put("completed", quiz, {"completion": True, "score": score}),
            self._put("passed" if passed else "failed", quiz, {"success": passed, "score": score}),
        ]
