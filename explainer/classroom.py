"""Students of a class served in the browser (``explainer serve --class-dir DIR``).

A student signs in with a display name and a PIN of 4 to 8 digits. The first sign-in
under a name creates the student; coming back under the same name needs the same PIN.
Everything about a student lives in one folder under the class folder::

    DIR/students/<folder>/student.toml     name, PIN hash, failed tries
    DIR/students/<folder>/progress/        the student's progress (the usual store)

- **Names.** Any Unicode name of 1 to 40 characters without control characters, shown
  as typed. Its folder (:func:`folder_name`) is made from its letters and digits plus a
  hash of the whole name, so no name can reach outside ``DIR/students`` ("..", "/",
  "C:", "con") and two names never share a folder.
- **PINs** are kept only as a salted scrypt hash (:func:`hash_pin`, ``hashlib.scrypt``,
  n = 2**14, r = 8, p = 1, a 16-byte random salt), compared in constant time.
- **Wrong PINs** are refused with a message; from the fourth wrong try in a row the
  student must wait before trying again: 2, 4, 8... seconds, at most 5 minutes
  (:data:`FREE_TRIES`, :func:`wait_after`). The count is kept in student.toml under a
  file lock, so every app process (one per browser tab) sees it.
- **A roster** (``DIR/roster.toml``, optional) lists who may sign in::

      [[students]]
      name = "Min-jun"

  With a roster, a name not on it is refused.

Pure Python, no Textual: the sign-in screen and the command line use it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import time
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from explainer.pack.text import find_forbidden
from explainer.storage.atomic import atomic_write_bytes

__all__ = [
    "FREE_TRIES",
    "MAX_NAME",
    "SignInRefused",
    "Student",
    "check_name",
    "check_pin",
    "folder_name",
    "hash_pin",
    "sign_in",
    "verify_pin",
    "wait_after",
]

MAX_NAME = 40
"""The longest display name, in characters."""

FREE_TRIES = 3
"""Wrong PINs in a row before each further try must wait (:func:`wait_after`)."""

LONGEST_WAIT = 300.0
"""The longest wait between tries, in seconds."""

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
"""scrypt's cost parameters (about 16 MB and 50 ms a hash on the 2-core test machine)."""

_PIN = re.compile(r"[0-9]{4,8}")


class SignInRefused(Exception):
    """A sign-in that cannot go on: ``message`` says why, in words for the student;
    ``wait`` is how many seconds to wait before the next try (0 when waiting will not
    help)."""

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.message = message
        self.wait = wait


def check_name(name: str) -> str:
    """The display name as kept: NFC, spaces at the ends removed.

    Raises:
        SignInRefused: empty, longer than :data:`MAX_NAME`, or holding a control
            character or a bidi override.
    """
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise SignInRefused("Type your name.")
    if len(cleaned) > MAX_NAME:
        raise SignInRefused(f"A name has at most {MAX_NAME} characters.")
    if find_forbidden(cleaned) or "\t" in cleaned or "\n" in cleaned:
        raise SignInRefused("A name cannot hold control characters.")
    return cleaned


def check_pin(pin: str) -> str:
    """The PIN, if it is 4 to 8 digits (0-9).

    Raises:
        SignInRefused: anything else.
    """
    if not _PIN.fullmatch(pin):
        raise SignInRefused("A PIN is 4 to 8 digits.")
    return pin


def folder_name(name: str) -> str:
    """The folder of the student called ``name`` (checked with :func:`check_name`):
    the name's letters and digits in lower case, joined by ``-`` (at most 24 of them),
    then ``-`` and 10 hex digits of the SHA-256 of the case-folded name. Unicode letters
    are kept (``"민준"`` gives ``"민준-…"``); anything else is dropped, so the result is
    one path component with no dots, slashes or drive letters."""
    key = unicodedata.normalize("NFC", name).strip().casefold()
    words = re.findall(r"[^\W_]+", key)
    stem = "-".join(words)[:24].strip("-") or "student"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}"


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """``(salt, hash)`` of ``pin`` with scrypt (:data:`SCRYPT`); a new random 16-byte
    salt unless one is given."""
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return salt, digest


def verify_pin(pin: str, salt: bytes, digest: bytes) -> bool:
    """True when ``pin`` hashes to ``digest`` with ``salt`` (constant-time compare)."""
    return hmac.compare_digest(hash_pin(pin, salt)[1], digest)


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong PINs in a row: 0 for the first
    :data:`FREE_TRIES`, then 2, 4, 8... up to :data:`LONGEST_WAIT`."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST_WAIT, 2.0 ** (failures - FREE_TRIES + 1))


@dataclass(frozen=True)
class Student:
    """A signed-in student.

    Attributes:
        name: the display name, as typed (NFC).
        folder: the student's folder (under ``DIR/students``).
    """

    name: str
    folder: Path

    @property
    def progress_dir(self) -> Path:
        """Where the student's progress is kept (the data folder of their app)."""
        return self.folder / "progress"


def _roster(class_dir: Path) -> set[str] | None:
    """The case-folded names of ``roster.toml``, or None when there is none.

    Raises:
        SignInRefused: the roster cannot be read (the teacher must fix it).
    """
    path = class_dir / "roster.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise SignInRefused("The class roster cannot be read; ask your teacher.") from None
    entries = data.get("students", [])
    return {
        unicodedata.normalize("NFC", str(entry.get("name", ""))).strip().casefold()
        for entry in entries
        if isinstance(entry, dict)
    }


def sign_in(
    class_dir: Path | str,
    name: str,
    pin: str,
    *,
    clock: Callable[[], float] = time.time,
) -> Student:
    """Sign ``name`` in with ``pin``: create the student on the first sign-in, check
    the PIN afterwards.

    Args:
        class_dir: the class folder (``--class-dir``).
        name: the display name as typed.
        pin: the PIN as typed.
        clock: seconds since the epoch (tests pass their own).

    Returns:
        The :class:`Student`.

    Raises:
        SignInRefused: a bad name or PIN, a name not on the roster, a wrong PIN (with
            the wait before the next try), or a student file that cannot be written.
    """
    import filelock

    class_dir = Path(class_dir)
    name = check_name(name)
    pin = check_pin(pin)
    roster = _roster(class_dir)
    if roster is not None and name.casefold() not in roster:
        raise SignInRefused("That name is not on this class's list; check the spelling or ask your teacher.")
    folder = class_dir / "students" / folder_name(name)
    path = folder / "student.toml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with filelock.FileLock(str(folder / ".student.lock"), timeout=10):
            record = _read(path)
            now = clock()
            if record is None:
                salt, digest = hash_pin(pin)
                _write(path, {"name": name, "salt": salt.hex(), "hash": digest.hex(), "failures": 0, "last_failure": 0.0,
                              "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
                return Student(name, folder)
            failures = int(record.get("failures", 0))
            wait = wait_after(failures) - (now - float(record.get("last_failure", 0.0)))
            if wait > 0:
                raise SignInRefused(f"Too many wrong PINs: try again in {int(wait + 0.999)} seconds.", wait)
            if verify_pin(pin, bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])):
                if failures:
                    _write(path, {**record, "failures": 0, "last_failure": 0.0})
                return Student(str(record.get("name", name)), folder)
            failures += 1
            _write(path, {**record, "failures": failures, "last_failure": now})
            after = wait_after(failures)
            more = f" Wait {int(after)} seconds before the next try." if after else ""
            raise SignInRefused("That PIN is not the one this name was first used with." + more, after)
    except (OSError, filelock.Timeout) as exc:
        raise SignInRefused(f"Your sign-in could not be saved ({getattr(exc, 'strerror', None) or exc}); ask your teacher.") from None


def _read(path: Path) -> dict | None:
    """student.toml as a dict, or None when there is none yet.

    A file that cannot be read is set aside (renamed ``.bad``) and the name starts
    afresh, as progress files are.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        os.replace(path, path.with_name(path.name + f".bad-{int(time.time())}"))
        return None
    if not all(isinstance(data.get(key), str) for key in ("salt", "hash")):
        os.replace(path, path.with_name(path.name + f".bad-{int(time.time())}"))
        return None
    return data


def _write(path: Path, record: dict) -> None:
    """Write student.toml atomically (temp file, fsync, rename)."""
    atomic_write_bytes(path, tomli_w.dumps(record).encode("utf-8"))
