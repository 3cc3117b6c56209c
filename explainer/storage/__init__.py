"""Progress and results: what the reader has read, the quiz in progress, every attempt.

One TOML file per pack, ``<data dir>/progress/<pack id>.toml``, written with tomli-w and
read with tomli (tomllib). The file's shape is the pydantic models, the one definition
of the format; ``docs/progress.md`` shows an example. Format 1 keeps every attempt in
full; format 2 adds ``[summary]``, where older attempts are kept as one CSV line each
(read with :mod:`csv`, checked with pydantic) with the review queue they left
(:func:`compact`). A file with nothing summarised is still written as format 1.

One module per concern; every public name is re-exported here, so
``from explainer.storage import X`` is the way to use them:

- :mod:`~explainer.storage.paths`: where the files live (:func:`data_dir`:
  ``--data-dir`` > ``EXPLAINER_DATA_DIR`` > the platform's user data folder;
  :func:`progress_path`).
- :mod:`~explainer.storage.responses`: the saved-response format
  (:func:`response_to_toml`, :func:`response_from_toml`) and whether a saved answer or
  display order still fits a question (:func:`response_fits`,
  :func:`display_order_length`).
- :mod:`~explainer.storage.hashes`: :func:`question_hash` fingerprints a question's
  content (cached per process); :func:`current_hashes`.
- :mod:`~explainer.storage.models`: the pydantic models (:class:`Progress` and its
  parts) and the pure functions over them: :func:`history_for` and
  :func:`valid_in_progress` apply the rule "editing one question resets that question's
  history only; removing one leaves the rest intact"; :func:`compact` summarises all but
  the newest attempts (:data:`DETAILED_ATTEMPTS`, :data:`DETAILED_ANSWERS`), so the file
  stays small and quick to read however long the history.
- :mod:`~explainer.storage.format`: the file's text, TOML rendering and parsing
  (:data:`FORMAT`, :data:`SUMMARY_COLUMNS`). A save reuses what it last read or wrote:
  it parses the file again only if its bytes changed, and converts only attempts it has
  not written before.
- :mod:`~explainer.storage.atomic`: atomic writes (temp file in the same folder, flush,
  fsync, ``os.replace``, fsync the folder: :func:`atomic_write_bytes`).
- :mod:`~explainer.storage.store`: :class:`ProgressStore` reads and writes one pack's
  file; every change is a read-modify-write under a file lock, so two app instances
  never corrupt the file and never lose each other's attempts, and a crash at any
  instant leaves either the old file or the new one. A corrupt, unreadable,
  newer-format or oversized (:data:`MAX_FILE_BYTES`) file is moved aside to
  ``<name>.bak-<UTC timestamp>`` (never overwritten, never deleted), a fresh state is
  started, and :attr:`ProgressStore.notice` says what happened in one sentence; these
  cases never raise. :func:`read_progress` reads without changing anything.

Pure Python: no Textual, no clock or randomness except where a caller asks for it.

Monkeypatching (tests): patch a name in the module that looks it up (for example
``explainer.storage.store.MAX_FILE_BYTES``), not here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE: dict[str, str] = {
    "TEMP_SUFFIX": "atomic",
    "atomic_write_bytes": "atomic",
    "FORMAT": "format",
    "SUMMARY_COLUMNS": "format",
    "tomllib": "format",
    "current_hashes": "hashes",
    "question_hash": "hashes",
    "DETAILED_ANSWERS": "models",
    "DETAILED_ATTEMPTS": "models",
    "AnswerCounts": "models",
    "Attempt": "models",
    "AttemptAnswer": "models",
    "CarriedDue": "models",
    "Progress": "models",
    "QuestionState": "models",
    "QuizInProgress": "models",
    "_trusted": "models",  # for tests/test_storage_scale.py, checked against model_construct
    "compact": "models",
    "for_pack": "models",
    "history_for": "models",
    "utc_now": "models",
    "valid_in_progress": "models",
    "DATA_DIR_ENV": "paths",
    "data_dir": "paths",
    "progress_path": "paths",
    "StoredResponse": "responses",
    "display_order_length": "responses",
    "response_fits": "responses",
    "response_from_toml": "responses",
    "response_to_toml": "responses",
    "MAX_FILE_BYTES": "store",
    "ProgressError": "store",
    "ProgressStore": "store",
    "read_progress": "store",
}
"""Where each name of this package lives. A name is imported on first use (PEP 562), so
``explainer.storage.paths`` alone (the data folder, needed for the theme before the
first paint) does not pull in pydantic models, the file format and filelock."""

_SUBMODULES = frozenset({"atomic", "format", "hashes", "models", "paths", "responses", "store"})

if TYPE_CHECKING:
    from explainer.storage.atomic import TEMP_SUFFIX, atomic_write_bytes
    from explainer.storage.format import FORMAT, SUMMARY_COLUMNS, tomllib
    from explainer.storage.hashes import current_hashes, question_hash
    from explainer.storage.models import (
        DETAILED_ANSWERS,
        DETAILED_ATTEMPTS,
        AnswerCounts,
        Attempt,
        AttemptAnswer,
        CarriedDue,
        Progress,
        QuestionState,
        QuizInProgress,
        _trusted,
        compact,
        for_pack,
        history_for,
        utc_now,
        valid_in_progress,
    )
    from explainer.storage.paths import DATA_DIR_ENV, data_dir, progress_path
    from explainer.storage.responses import (
        StoredResponse,
        display_order_length,
        response_fits,
        response_from_toml,
        response_to_toml,
    )
    from explainer.storage.store import MAX_FILE_BYTES, ProgressError, ProgressStore, read_progress


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` (or the submodule ``name``) and return it.

    Raises:
        AttributeError: no such name in this package.
    """
    if name in _SUBMODULES:
        return importlib.import_module(f"explainer.storage.{name}")
    if name not in _WHERE:
        raise AttributeError(f"module 'explainer.storage' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"explainer.storage.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DATA_DIR_ENV",
    "DETAILED_ANSWERS",
    "DETAILED_ATTEMPTS",
    "FORMAT",
    "MAX_FILE_BYTES",
    "SUMMARY_COLUMNS",
    "AnswerCounts",
    "Attempt",
    "AttemptAnswer",
    "CarriedDue",
    "Progress",
    "ProgressError",
    "ProgressStore",
    "QuestionState",
    "QuizInProgress",
    "atomic_write_bytes",
    "compact",
    "current_hashes",
    "data_dir",
    "display_order_length",
    "for_pack",
    "history_for",
    "progress_path",
    "question_hash",
    "read_progress",
    "response_fits",
    "response_from_toml",
    "response_to_toml",
    "utc_now",
    "valid_in_progress",
]
