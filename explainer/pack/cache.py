"""A cache of validated packs, so the app's first paint does not wait for pydantic.

:func:`load_pack_cached` is :func:`explainer.pack.load_pack` with a cache in front of it.
The command line uses it where a pack is opened to be read (``explainer [PATH]``, plain
mode, ``explainer results``); ``explainer validate`` and lint call ``load_pack`` itself,
so they always report from a full validation.

Where: ``$EXPLAINER_CACHE_DIR``, else ``platformdirs.user_cache_dir("explainer")``, in
``packs/``. One file per pack content, named by its key.

The key: SHA-256 of a format tag, the explainer, Python and pydantic versions, and the
name, length and bytes of each pack file the loader reads (pack.toml, explainer.toml,
quiz.toml). Any edit to a file, or an upgrade, gives another key.

The key and the reading of an entry's header are in :mod:`explainer.pack.preview`,
which needs no pydantic: each entry also keeps the welcome screen's
:class:`~explainer.pack.preview.PackPreview`, so the app paints its first screen before
pydantic is imported, and builds the pack from the same entry afterwards.

The file: one header line ``explainer-pack-cache <FORMAT> <key> <sha256 of payload>``,
then the payload: JSON of plain data (never pickle: the folder is the user's to write,
and unpickling runs code). Each model is ``{"$m": class name, "f": fields, "s": fields
set}``; only the content model classes of :mod:`explainer.pack.model` can be named. On
a hit the pack is rebuilt with ``model_construct`` (no validation, no schema built:
the models are ``defer_build``); the data were validated when the entry was written.

A file that is unreadable, truncated, corrupt (checksum), of another format, version or
key is ignored and rewritten from a full load. Any error reading or writing the cache
only means no cache: the pack is loaded as without it. A pack that fails validation is
never written. Entries beyond :data:`MAX_ENTRIES` are removed, oldest first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from explainer import __version__
from explainer.pack import model as _model
from explainer.pack.model import Pack
from explainer.pack.preview import (
    CACHE_DIR_ENV,
    FORMAT,
    MAGIC,
    PackPreview,
    Unusable,
    cache_dir,
    cache_key,
    entry_path,
    read_entry,
)

__all__ = ["CACHE_DIR_ENV", "FORMAT", "MAX_ENTRIES", "cache_dir", "load_pack_cached", "pack_from_data"]

MAX_ENTRIES = 16
"""How many cached packs are kept; older ones are removed when one is written."""


def load_pack_cached(path: str | Path, *, folder: Path | None = None) -> Pack:
    """Load the pack in folder ``path`` as :func:`~explainer.pack.load_pack` does, from the
    cache when its files are unchanged since a validated load.

    Args:
        path: the pack folder.
        folder: the cache folder (default :func:`cache_dir`).

    Returns:
        The pack, equal to what ``load_pack(path)`` returns.

    Raises:
        PackNotFound, PackError: as :func:`~explainer.pack.load_pack` (a pack with errors
            is always fully loaded, so its errors are reported in full, and never cached).
    """
    from explainer.pack.loader import load_pack

    pack_folder = Path(path)
    try:
        key = cache_key(pack_folder)
    except (OSError, Unusable):
        return load_pack(pack_folder)
    try:
        entry = entry_path(key, folder)
    except Exception:  # no cache folder can be found: no cache
        return load_pack(pack_folder)
    try:
        return pack_from_data(read_entry(entry, key), pack_folder)
    except Exception:  # missing, unreadable, corrupt, stale: load and rewrite
        pass
    pack = load_pack(pack_folder)  # raises for an invalid pack: nothing is written
    try:
        if cache_key(pack_folder) == key:  # the files did not change while they were loaded
            _write_entry(entry, key, pack)
    except Exception:  # a read-only or full disk, a name too long...: no cache
        pass
    return pack


# ------------------------------------------------------------------- reading, writing


def pack_from_data(data: dict[str, Any], pack_folder: Path) -> Pack:
    """The pack stored in a checked entry's data (:func:`~explainer.pack.preview.read_entry`),
    rebuilt without validation.

    Args:
        data: the entry's JSON object.
        pack_folder: the pack folder it was written for.

    Returns:
        The pack.

    Raises:
        ValueError, KeyError, TypeError, Unusable: the data are not what this module writes.
    """
    files = {name: _decode(data[name]) for name in ("meta", "explainer", "quiz_file")}
    expected = {"meta": _model.PackFile, "explainer": _model.ExplainerFile, "quiz_file": _model.QuizFile}
    for name, cls in expected.items():
        if type(files[name]) is not cls:
            raise Unusable(name)
    return Pack.model_construct(path=pack_folder, **files)


def _write_entry(entry: Path, key: str, pack: Pack) -> None:
    """Write ``pack`` as the entry for ``key`` (atomically), then prune old entries.

    Raises:
        OSError: the folder or file could not be written.
        TypeError: the pack holds a value the format cannot keep (it is then not cached).
    """
    from explainer.storage.atomic import atomic_write_bytes

    data = {
        "version": __version__,
        "preview": PackPreview.of(pack).to_data(),
        "meta": _encode(pack.meta),
        "explainer": _encode(pack.explainer),
        "quiz_file": _encode(pack.quiz_file),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")
    checksum = hashlib.sha256(payload).hexdigest()
    header = b" ".join((MAGIC, str(FORMAT).encode(), key.encode(), checksum.encode()))
    atomic_write_bytes(entry, header + b"\n" + payload)
    _prune(entry.parent, keep=entry)


def _prune(folder: Path, keep: Path) -> None:
    """Remove the oldest entries beyond :data:`MAX_ENTRIES` (never ``keep``)."""
    entries = []
    for item in folder.glob("*.json"):
        try:
            entries.append((item.stat().st_mtime, item))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, item in entries[MAX_ENTRIES:]:
        if item != keep:
            try:
                item.unlink()
            except OSError:
                pass


# ------------------------------------------------------------------ encoding, decoding


def _model_classes() -> dict[str, type[BaseModel]]:
    """The content model classes an entry may name, by class name."""
    found: dict[str, type[BaseModel]] = {}
    for value in vars(_model).values():
        if isinstance(value, type) and issubclass(value, _model._Model) and value is not Pack:
            found[value.__name__] = value
    return found


_CLASSES = _model_classes()


def _encode(value: Any) -> Any:
    """``value`` as plain JSON data, tagged so :func:`_decode` gives it back as it was.

    Raises:
        TypeError: a value of a type the format does not keep.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if isinstance(value, BaseModel):
        cls = type(value)
        if _CLASSES.get(cls.__name__) is not cls:
            raise TypeError(f"not a content model: {cls.__name__}")
        fields = {name: _encode(getattr(value, name)) for name in cls.model_fields}
        return {"$m": cls.__name__, "f": fields, "s": sorted(value.model_fields_set)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return {"$list": [_encode(item) for item in value]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    """The value :func:`_encode` made ``value`` from.

    Raises:
        KeyError, TypeError, ValueError: the data are not what :func:`_encode` writes.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        if "$m" in value:
            cls = _CLASSES[value["$m"]]
            fields = value["f"]
            if not isinstance(fields, dict) or set(fields) != set(cls.model_fields):
                raise ValueError(f"fields of {cls.__name__}")
            fields_set = set(value["s"])
            return cls.model_construct(_fields_set=fields_set, **{k: _decode(v) for k, v in fields.items()})
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        if "$list" in value:
            return [_decode(item) for item in value["$list"]]
    raise TypeError(f"unexpected {type(value).__name__} in a cache entry")
