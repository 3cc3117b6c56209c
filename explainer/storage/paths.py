"""Where the progress files live: the data folder and each pack's file in it.

- :func:`data_dir`: ``--data-dir`` > ``$EXPLAINER_DATA_DIR`` > the platform's user data
  folder (:data:`DATA_DIR_ENV`).
- :func:`progress_path`: ``<data dir>/progress/<pack id>.toml``; the pack id must be a
  lower-case slug, so it can never name a path elsewhere.

Nothing here touches the disk (no folder is created).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "data_dir", "progress_path"]


DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
"""Environment variable that overrides the data folder (``--data-dir`` wins over it)."""

_SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
_SLUG = re.compile(_SLUG_PATTERN)


def data_dir(override: Path | str | None = None) -> Path:
    """Return the folder that holds explainer's user data (it is not created here).

    Args:
        override: the ``--data-dir`` option, if given; it wins over everything.

    Returns:
        ``override`` if given, else ``$EXPLAINER_DATA_DIR`` if set and not empty, else
        ``platformdirs.user_data_dir("explainer", appauthor=False)``. ``~`` is expanded.
    """
    if override is not None and str(override) != "":
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "")
    if from_env.strip():
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("explainer", appauthor=False))


def progress_path(pack_id: str, folder: Path | str | None = None) -> Path:
    """Return the progress file of a pack: ``<data dir>/progress/<pack id>.toml``.

    Args:
        pack_id: the pack's id, a lower-case slug such as ``"nk-pows"``.
        folder: the data folder; None means :func:`data_dir` ().

    Raises:
        ValueError: ``pack_id`` is not a slug (so it can never name a path elsewhere).
    """
    if not isinstance(pack_id, str) or not _SLUG.match(pack_id):
        raise ValueError(f"pack id {pack_id!r} is not a lower-case slug such as 'nk-pows'")
    base = data_dir() if folder is None else Path(folder)
    return base / "progress" / f"{pack_id}.toml"
