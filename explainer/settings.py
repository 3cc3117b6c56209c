"""The reader's settings: ``<data dir>/settings.toml`` (for now ``theme = "..."``).

:func:`load_settings` reads it and never raises (a bad file is ignored, with a sentence
saying so); :func:`save_settings` writes it atomically
(:func:`explainer.storage.atomic_write_bytes`).

Pure Python: no Textual.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from explainer.storage.atomic import atomic_write_bytes

try:  # tomli is the parser that became tomllib (as explainer.storage.format reads it)
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency
    import tomllib  # type: ignore[no-redef]

__all__ = ["SETTINGS_FILE", "SETTINGS_MAX_BYTES", "load_settings", "save_settings"]

SETTINGS_FILE = "settings.toml"
"""The settings file in the data folder (``theme = "..."``)."""


SETTINGS_MAX_BYTES = 64 * 1024
"""A settings file larger than this is ignored unread (a real one is a few lines)."""


def load_settings(folder: Path) -> tuple[dict[str, Any], str | None]:
    """Read ``<folder>/settings.toml``: ``(settings, notice)``.

    Args:
        folder: the data folder (see :func:`explainer.storage.data_dir`).

    Returns:
        ``(settings, notice)``: the file's table, and None or one sentence for the reader.
        A missing file gives ``({}, None)``. A file that cannot be read, is not TOML, is
        not a regular file (a pipe or ``/dev/zero`` would block or never end) or is
        larger than :data:`SETTINGS_MAX_BYTES` is left as it is and ignored: ``({}, a
        sentence saying so)``. Never raises.
    """
    path = folder / SETTINGS_FILE
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return {}, f"Your settings file {path} is not a regular file; it was ignored and the defaults are used."
        if info.st_size > SETTINGS_MAX_BYTES:
            return {}, f"Your settings file {path} is larger than a settings file can be; it was ignored and the defaults are used."
        with path.open("rb") as file:
            data = file.read(SETTINGS_MAX_BYTES + 1)
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, f"Your settings file {path} could not be read ({exc.strerror or exc}); the defaults are used."
    try:
        return tomllib.loads(data.decode("utf-8")), None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        return {}, f"Your settings file {path} is not valid TOML ({exc}); it was ignored and the defaults are used."


def save_settings(folder: Path, settings: dict[str, Any]) -> None:
    """Write ``settings`` to ``<folder>/settings.toml`` atomically (the folder is created).

    Args:
        folder: the data folder.
        settings: a table tomli-w can write (strings, numbers, booleans, tables...).

    Raises:
        OSError: the file could not be written.
    """
    import tomli_w

    atomic_write_bytes(folder / SETTINGS_FILE, tomli_w.dumps(settings).encode("utf-8"))
