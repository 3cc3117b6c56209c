"""Reading and writing one pack's progress file safely: :class:`ProgressStore`.

- Every change is a read-modify-write under a file lock (:meth:`ProgressStore.update`),
  and every write is atomic (:func:`~explainer.storage.atomic.atomic_write_bytes`), so two
  app instances never corrupt the file and never lose each other's attempts.
- A file is read whole only up to :data:`MAX_FILE_BYTES`, and never if it is not a
  regular file (:func:`_read_bytes`).
- A corrupt, unreadable, newer-format or oversized file is moved aside to
  ``<name>.bak-<UTC timestamp>`` (never overwritten, never deleted), a fresh state is
  started, and :attr:`ProgressStore.notice` says what happened. These cases never raise.
- :func:`read_progress` reads without changing anything on disk (for reports).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from explainer.storage.atomic import TEMP_SUFFIX, _fsync_folder, _temp_prefix, atomic_write_bytes
from explainer.storage.format import _Chunks, _gc_paused, _parse, _render, _Unusable
from explainer.storage.models import DETAILED_ATTEMPTS, Attempt, Progress, QuizInProgress, compact
from explainer.storage.paths import progress_path

__all__ = ["MAX_FILE_BYTES", "ProgressError", "ProgressStore", "read_progress"]


MAX_FILE_BYTES = 64 * 2**20
"""The largest progress file that is read: 64 MiB. A bigger one is set aside unread.

At about 950 bytes per detailed attempt and 90 per summarised one, a file this version
writes reaches it only after some 700,000 attempts.
"""


class ProgressError(Exception):
    """Progress could not be saved: the disk refused a write, or the lock timed out.

    Never raised for a corrupt, unreadable or newer-format file: those are set aside
    (see :class:`ProgressStore`).
    """


class _TooBig(Exception):
    """Internal: the file is over the size limit; ``size`` is its size in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read a file whole, unless it is over ``limit`` bytes (then :class:`_TooBig`).

    A special file (a FIFO, a device such as ``/dev/zero``, a link to one) is never
    opened: reading it could block or never end.

    Raises:
        _TooBig: the file is bigger than ``limit``; nothing was read.
        _Unusable: the path is a special file, not a regular one.
        OSError: as ``stat``, ``open`` and ``read`` raise it (FileNotFoundError,
            IsADirectoryError...).
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise _Unusable("it is not a regular file (a device, a pipe or a socket is in its place)")
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > limit:
            raise _TooBig(size)
        return file.read(limit + 1)


def _size(size: int) -> str:
    """A number of bytes in words: ``"64 MiB"``, ``"4 KiB"``, ``"700 bytes"`` (rounded down)."""
    if size >= 2**20:
        return f"{size // 2**20} MiB"
    if size >= 2**10:
        return f"{size // 2**10} KiB"
    return f"{size} bytes"


def _too_big(size: int, limit: int) -> _Unusable:
    """The problem of a file over the size limit, in words."""
    return _Unusable(f"it is {_size(size)}, over the {_size(limit)} limit, so it was not read")


def read_progress(pack_id: str, folder: Path | str | None = None) -> Progress:
    """Read a pack's progress without changing anything on disk (for reports).

    Args:
        pack_id: the pack's id.
        folder: the data folder (see :func:`data_dir`).

    Returns:
        The saved progress exactly as in the file (nothing is summarised here), or an
        empty one when there is no file yet.

    Raises:
        ProgressError: the file exists but cannot be used, or is over
            :data:`MAX_FILE_BYTES` (then it is not read); the message says why. The file
            is left exactly as it is (the app sets such a file aside when it next opens
            the pack).
    """
    path = progress_path(pack_id, folder)
    try:
        data = _read_bytes(path, MAX_FILE_BYTES)
        return _parse(data, pack_id)
    except FileNotFoundError:
        return Progress.empty(pack_id)
    except _TooBig as exc:
        reason = _too_big(exc.size, MAX_FILE_BYTES).reason
    except OSError as exc:
        raise ProgressError(f"{path} cannot be read: {exc.strerror or exc}") from None
    except _Unusable as exc:
        reason = exc.reason
    raise ProgressError(f"{path} cannot be used ({reason}); it was left as it is")


class ProgressStore:
    """Reads and writes one pack's progress file, safely.

    Args:
        pack_id: the pack's id (a slug); the file is ``<folder>/progress/<pack_id>.toml``.
        folder: the data folder, e.g. ``data_dir(cli_option)``; None means :func:`data_dir` ().
        lock_timeout: seconds to wait for another instance to finish writing.
        detailed_attempts: the most attempts that keep every answer when saving (see
            :func:`compact`); None means :data:`DETAILED_ATTEMPTS`.
        detailed_answers: the most answers those may hold in all; None means
            :data:`DETAILED_ANSWERS`.
        max_bytes: files bigger than this many bytes are not read but set aside; None
            means :data:`MAX_FILE_BYTES`.

    Raises:
        ValueError: ``pack_id`` is not a slug.

    Every change goes through :meth:`update`: it takes the lock (``<name>.lock`` beside
    the file, via filelock), re-reads the file, applies your function and writes the
    result atomically, so concurrent instances see and keep each other's changes. Stray
    temp files left by a writer that was killed (``.<name>.*.tmp``) are removed under the
    lock before each write; at most one can exist at any time. Each save summarises all
    but the newest attempts (``detailed_attempts``, ``detailed_answers``: :func:`compact`).

    Re-reading is cheap: the store remembers the bytes it last read or wrote and the
    progress they hold, and parses the file again only when its bytes differ (another
    instance, or a person, changed it).

    A file that cannot be used (not UTF-8, not TOML, wrong shape or types, empty, a
    folder in its place, another pack's, a newer format, or bigger than ``max_bytes``)
    is renamed to ``<name>.bak-YYYYmmddTHHMMSSZ`` (``-2``, ``-3``... appended if that
    exists), a fresh state is started, and :attr:`notice` is set to a sentence for the
    reader. Nothing is deleted or overwritten.

    A symbolic link in place of the file is read through, and the first save replaces
    the link itself with a regular file (the link's target is never written).
    """

    def __init__(
        self,
        pack_id: str,
        folder: Path | str | None = None,
        *,
        lock_timeout: float = 10.0,
        detailed_attempts: int | None = None,
        detailed_answers: int | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.pack_id = pack_id
        self.path = progress_path(pack_id, folder)
        """The progress file."""
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        """The lock file beside it (kept between runs; it holds no data)."""
        self.lock_timeout = lock_timeout
        self.detailed_attempts = detailed_attempts
        """Detailed attempts kept by each save; None: :data:`DETAILED_ATTEMPTS`."""
        self.detailed_answers = detailed_answers
        """Answers those may hold in all; None: :data:`DETAILED_ANSWERS`."""
        self.max_bytes = max_bytes
        """The largest file read, in bytes; None: :data:`MAX_FILE_BYTES`."""
        self.notice: str | None = None
        """The latest message about a file set aside (or that could not be), else None."""
        self._lock: Any = None
        self._known: tuple[bytes, Progress] | None = None
        self._chunks = _Chunks()

    # ------------------------------------------------------------------ reading

    def load(self) -> Progress:
        """Return the saved progress, or an empty one if there is none.

        The progress is as in the file: attempts are summarised by the next save, not
        here. The file is parsed only if its bytes differ from those this store last
        read or wrote.

        Never raises for a bad file (or one over :attr:`max_bytes`, which is not read):
        it is set aside and :attr:`notice` says so. If even that fails (e.g. the folder
        is read-only), the empty state is returned, the file is left as it is and
        :attr:`notice` says progress cannot be saved.
        """
        try:
            return self._read()
        except _Unusable:
            pass
        try:
            with self._locked():
                return self._read_or_set_aside()
        except ProgressError as exc:
            self.notice = str(exc)
            return Progress.empty(self.pack_id)

    def take_notice(self) -> str | None:
        """Return :attr:`notice` and clear it (so a message is shown once)."""
        notice, self.notice = self.notice, None
        return notice

    # ------------------------------------------------------------------ writing

    def update(self, change: Callable[[Progress], Progress]) -> Progress:
        """Apply ``change`` to the saved progress and save the result, under the lock.

        Args:
            change: maps the current state (re-read under the lock) to the new one.
                It may be called with an empty state if the file was set aside.

        Returns:
            The state now on disk: ``change``'s result with all but the newest
            attempts summarised (:func:`compact`).

        Raises:
            ProgressError: the lock timed out, or the file could not be written (or a
                bad file could not be set aside, so writing would overwrite it).
            TypeError: ``change`` returned something other than a :class:`Progress`.
            ValueError: it returned the progress of another pack.
            Whatever ``change`` raises, unchanged (nothing is written then).
        """
        with self._locked():
            current = self._read_or_set_aside()
            new = change(current)
            if not isinstance(new, Progress):
                raise TypeError(f"the change returned {type(new).__name__}, not Progress")
            if new.pack != self.pack_id:
                raise ValueError(f"the change returned the progress of pack {new.pack!r}")
            with _gc_paused():
                new = compact(new, self.detailed_attempts, self.detailed_answers)
            if new == current and self.path.is_file():
                return current
            self._remove_stray_temp_files()
            with _gc_paused():
                text, chunks = _render(new, self._chunks)
            data = text.encode("utf-8")
            try:
                atomic_write_bytes(self.path, data)
            except OSError as exc:
                raise ProgressError(f"Your progress could not be saved to {self.path}: {exc.strerror or exc}") from exc
            self._chunks = chunks
            self._known = (data, new)
            return new

    def save(self, progress: Progress) -> Progress:
        """Replace the whole saved state with ``progress`` (under the lock); returns it.

        Prefer :meth:`update`, which keeps what other instances saved meanwhile.

        Raises:
            ProgressError, TypeError, ValueError: as :meth:`update`.
        """
        return self.update(lambda _current: progress)

    def mark_read(self, section_id: str) -> Progress:
        """Record that ``section_id`` was opened: read, and the section to continue from.

        Returns the new state. Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_section_read(section_id))

    def save_quiz(self, quiz: QuizInProgress | None) -> Progress:
        """Save the quiz in progress (None: there is none any more). Returns the new state.

        Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_quiz(quiz))

    def add_attempt(self, attempt: Attempt) -> Progress:
        """Add a finished attempt, keeping every attempt already saved. Returns the new state.

        The quiz in progress is cleared if it is the one the attempt came from (same
        ``started``). Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_attempt(attempt))

    # ------------------------------------------------------------------ helpers

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the pack's file lock for the ``with`` block; ProgressError if it cannot be had."""
        import filelock

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressError(
                f"Your progress cannot be saved: the folder {self.path.parent} could not"
                f" be created ({exc.strerror or exc})."
            ) from exc
        if self._lock is None:
            self._lock = filelock.FileLock(str(self.lock_path))
        try:
            self._lock.acquire(timeout=self.lock_timeout, poll_interval=0.01)
        except filelock.Timeout as exc:
            raise ProgressError(
                f"Your progress file {self.path} is busy: another explainer kept it"
                f" locked for over {self.lock_timeout:g} seconds."
            ) from exc
        except OSError as exc:
            raise ProgressError(
                f"Your progress file {self.path} could not be locked ({exc.strerror or exc})."
            ) from exc
        try:
            yield
        finally:
            self._lock.release()

    def _read(self) -> Progress:
        """Read the file: empty progress if it does not exist; :class:`_Unusable` if bad.

        The file is parsed only if its bytes differ from those last read or written.
        """
        limit = MAX_FILE_BYTES if self.max_bytes is None else self.max_bytes
        try:
            data = _read_bytes(self.path, limit)
        except FileNotFoundError:
            return Progress.empty(self.pack_id)
        except NotADirectoryError:
            return Progress.empty(self.pack_id)  # the progress folder is missing; writes will say so
        except IsADirectoryError:
            raise _Unusable("a folder is in its place") from None
        except _TooBig as exc:
            raise _too_big(exc.size, limit) from None
        except OSError as exc:
            raise _Unusable(f"it could not be read ({exc.strerror or exc})") from None
        known = self._known
        if known is not None and known[0] == data:
            return known[1]
        chunks = _Chunks()
        keep = DETAILED_ATTEMPTS if self.detailed_attempts is None else self.detailed_attempts
        progress = _parse(data, self.pack_id, chunks, pieces_wanted=keep)
        self._known = (data, progress)
        self._chunks = chunks
        return progress

    def _read_or_set_aside(self) -> Progress:
        """Under the lock: read the file, or set it aside and start afresh."""
        try:
            return self._read()
        except _Unusable as problem:
            backup = self._set_aside(problem)
            if problem.newer is not None:
                self.notice = (
                    f"Your progress file {self.path} was written by a newer version of explainer"
                    f" ({problem.reason}); it was kept as {backup} and a new one was started."
                    " Update explainer to carry on with the old progress."
                )
            else:
                self.notice = (
                    f"Your progress file {self.path} was unreadable ({problem.reason}); it was kept"
                    f" as {backup} and a new one was started."
                )
            return Progress.empty(self.pack_id)

    def _set_aside(self, problem: _Unusable) -> Path:
        """Rename the file to a fresh ``.bak-<timestamp>`` name; ProgressError if impossible."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        base = self.path.with_name(f"{self.path.name}.bak-{stamp}")
        backup, n = base, 1
        while os.path.lexists(backup):
            n += 1
            backup = base.with_name(f"{base.name}-{n}")
        try:
            os.rename(self.path, backup)
            _fsync_folder(self.path.parent)
        except OSError as exc:
            raise ProgressError(
                f"Your progress file {self.path} is unusable ({problem.reason}) and could not be"
                f" moved aside ({exc.strerror or exc}); it was left as it is, and progress will"
                " not be saved until it is moved or fixed."
            ) from exc
        return backup

    def _remove_stray_temp_files(self) -> None:
        """Under the lock: delete temp files a killed writer left (no writer is running)."""
        prefix = _temp_prefix(self.path)
        try:
            entries = list(os.scandir(self.path.parent))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
