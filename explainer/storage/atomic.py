"""Atomic file writes: a crash at any instant leaves the old file or the new one, whole.

:func:`atomic_write_bytes` writes a temp file (``.<name>.<random>.tmp``,
:data:`TEMP_SUFFIX`) in the same folder, flushes and fsyncs it, ``os.replace``-s it over
the file, then fsyncs the folder. Used for progress files and the settings file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["TEMP_SUFFIX", "atomic_write_bytes"]


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; a no-op where that is impossible."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_prefix(path: Path) -> str:
    """The name prefix of the temp files written next to ``path``."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"
"""Temp files are ``.<name>.<random>.tmp`` beside the file they will replace."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` so that a crash leaves old or new, whole.

    Writes a temp file ``.<name>.<random>.tmp`` in the same folder, flushes and fsyncs
    it, ``os.replace``-s it over ``path``, then fsyncs the folder. The folder is created
    if needed. On an error the temp file is removed (a SIGKILL can still leave one: see
    :class:`ProgressStore`, which removes them under its lock).

    Raises:
        OSError: the folder or file could not be written.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.NamedTemporaryFile(
        dir=folder, prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, delete=False
    )
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp.name, path)
    except BaseException:
        try:
            os.unlink(tmp.name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
