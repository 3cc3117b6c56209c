"""What the welcome screen shows of a pack, read from the pack cache without pydantic.

The app's first paint is the welcome screen: the pack's title, summary, date, authors
and how many sections and questions it has. Importing pydantic and the content models
costs about 80 ms, more than the rest of the first paint together
(``docs/performance.md``). So each entry of the pack cache (:mod:`explainer.pack.cache`)
also keeps a :class:`PackPreview` of the validated pack, and :func:`open_cached` reads
it, and checks the entry, with the standard library only. The full :class:`Pack` is
built from the same entry when first needed (:meth:`CachedPack.load`), after the first
paint.

No unvalidated text reaches the screen: a preview is only ever written from a pack that
passed :func:`~explainer.pack.load_pack`, and only read back from an entry whose key
(the pack files' bytes and the versions) and checksum match. Anything else gives None,
and the caller loads the pack in full.

This module imports neither pydantic nor the content models, and a test keeps it so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explainer import __version__

if TYPE_CHECKING:
    from explainer.pack.model import Pack

CACHE_DIR_ENV = "EXPLAINER_CACHE_DIR"
"""Environment variable naming the cache folder (tests and benchmarks use a temp folder)."""
FORMAT = 2
"""The cache file's format; part of the key and of the header. 2: with the preview."""
MAGIC = b"explainer-pack-cache"
"""The first word of a cache file's header line."""
BUNDLED_PACK_ID = "nk-pows"
"""The id, and folder name, of the pack that ships with explainer."""
PACK_FILE = "pack.toml"
"""The file a pack folder must hold (the loader's name for it)."""
FILE_NAMES: tuple[str, ...] = ("pack.toml", "explainer.toml", "quiz.toml")
"""The files of a pack, in the order the key reads them (the loader's)."""
MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest pack file the loader reads (bytes); a larger one is never cached."""


class Unusable(Exception):
    """The cache entry cannot be used (or the pack cannot be cached)."""


@dataclass(frozen=True, slots=True)
class PackPreview:
    """What the welcome screen shows of a validated pack.

    Attributes:
        id: the pack's id (``pack.toml`` ``id``).
        title: its title, as written.
        summary: its summary, as written.
        updated: when the content was last checked.
        authors: who wrote it, as written (may be empty).
        sections: how many sections the explainer has.
        questions: how many questions the quiz has.
        language: the pack's ``language`` (BCP 47), ``"en"`` in a cache entry written
            before it was kept.
    """

    id: str
    title: str
    summary: str
    updated: dt.date
    authors: tuple[str, ...]
    sections: int
    questions: int
    language: str = "en"

    @classmethod
    def of(cls, pack: Pack) -> PackPreview:
        """The preview of a loaded pack.

        Args:
            pack: a pack (validated, or from the cache).

        Returns:
            Its preview.
        """
        return cls(
            id=pack.id,
            title=pack.title,
            summary=pack.meta.summary,
            updated=pack.meta.updated,
            authors=tuple(pack.meta.authors),
            sections=len(pack.sections),
            questions=len(pack.questions),
            language=pack.meta.language,
        )

    def to_data(self) -> dict[str, Any]:
        """The preview as plain JSON data (:meth:`from_data` reads it back)."""
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "updated": self.updated.isoformat(),
            "authors": list(self.authors),
            "sections": self.sections,
            "questions": self.questions,
            "language": self.language,
        }

    @classmethod
    def from_data(cls, data: object) -> PackPreview:
        """The preview that :meth:`to_data` wrote.

        Raises:
            Unusable: ``data`` is not of that shape.
        """
        if not isinstance(data, dict):
            raise Unusable("preview")
        texts = [data.get(name) for name in ("id", "title", "summary")]
        authors = data.get("authors")
        counts = [data.get(name) for name in ("sections", "questions")]
        if (
            not all(isinstance(text, str) for text in texts)
            or not isinstance(authors, list)
            or not all(isinstance(author, str) for author in authors)
            or not all(type(count) is int and count >= 0 for count in counts)
            or not isinstance(data.get("updated"), str)
        ):
            raise Unusable("preview")
        try:
            updated = dt.date.fromisoformat(data["updated"])
        except ValueError as exc:
            raise Unusable("preview") from exc
        language = data.get("language", "en")
        if not isinstance(language, str):
            raise Unusable("preview")
        return cls(texts[0], texts[1], texts[2], updated, tuple(authors), counts[0], counts[1], language)


class CachedPack:
    """A pack found in the cache: its preview now, the whole pack when first asked for.

    Made by :func:`open_cached`; the app takes one in place of a :class:`Pack`
    (``ExplainerApp(pack)``) and builds the pack after its first paint.

    Attributes:
        path: the pack folder.
        preview: what the welcome screen shows.
    """

    def __init__(self, path: Path, preview: PackPreview, data: dict[str, Any]) -> None:
        self.path = path
        self.preview = preview
        self._data = data
        self._pack: Pack | None = None

    def load(self) -> Pack:
        """The whole pack, built from the same cache entry as the preview (once).

        Returns:
            The pack, equal to what ``load_pack(path)`` returned when the entry was written.

        Raises:
            PackError, PackNotFound: only if the entry's data cannot be rebuilt (it was
                checked, so this means a bug); then the pack is loaded in full, which
                reports what is wrong with it.
        """
        if self._pack is None:
            from explainer.pack.cache import pack_from_data

            try:
                self._pack = pack_from_data(self._data, self.path)
            except Exception:  # never expected: the entry passed its checksum
                from explainer.pack.loader import load_pack

                self._pack = load_pack(self.path)
            self._data = {}
        return self._pack


def bundled_pack_path() -> Path:
    """Return the folder of the pack that ships with explainer (``nk-pows``).

    In an installed wheel the pack lives in ``explainer/_content``; in a source checkout
    it is the top-level ``content`` folder.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_content", package.parent / "content"):
        if (candidate / BUNDLED_PACK_ID / PACK_FILE).is_file():
            return candidate / BUNDLED_PACK_ID
    return package.parent / "content" / BUNDLED_PACK_ID


def cache_dir() -> Path:
    """The cache folder: ``$EXPLAINER_CACHE_DIR``, else the platform's user cache folder.

    Returns:
        The folder (it may not exist yet).
    """
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("explainer", appauthor=False))


def _validator_version() -> bytes:
    """What identifies the installed pydantic, read without importing it (about 90 ms).

    The bytes of pydantic's ``version.py``, which names pydantic's version and the one
    pydantic-core version it works with.

    Raises:
        Unusable: pydantic cannot be found.
    """
    spec = find_spec("pydantic")
    if spec is None or not spec.submodule_search_locations:
        raise Unusable("pydantic not found")
    for folder in spec.submodule_search_locations:
        try:
            return (Path(folder) / "version.py").read_bytes()
        except OSError:
            continue
    raise Unusable("pydantic's version not found")


def cache_key(pack_folder: Path) -> str:
    """The cache key of the pack files in ``pack_folder``.

    SHA-256 of a format tag, the explainer, Python and pydantic versions, and the name,
    length and bytes of each pack file the loader reads.

    Args:
        pack_folder: the pack folder.

    Returns:
        The key, 64 hexadecimal digits.

    Raises:
        Unusable: a file is a link, missing, not a regular file or too large (the loader
            has its own rules for those: leave them to it).
        OSError: a file cannot be read.
    """
    digest = hashlib.sha256()
    versions = f"{FORMAT}\0{__version__}\0{sys.version}\0".encode() + _validator_version() + b"\0"
    digest.update(MAGIC + b"\0" + versions)
    for name in FILE_NAMES:
        file = pack_folder / name
        if file.is_symlink() or not file.is_file():
            raise Unusable(name)
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise Unusable(name)
        digest.update(f"{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def entry_path(key: str, folder: Path | None = None) -> Path:
    """The cache file for ``key`` in ``folder`` (default :func:`cache_dir`)."""
    return (folder or cache_dir()) / "packs" / f"{key}.json"


def read_entry(entry: Path, key: str) -> dict[str, Any]:
    """The data stored in the cache file ``entry`` for ``key``, checked.

    Returns:
        The entry's JSON object: ``version``, ``preview``, ``meta``, ``explainer``,
        ``quiz_file``.

    Raises:
        OSError, ValueError, Unusable: the entry is missing, of another format, key or
            version, or its checksum does not match.
    """
    raw = entry.read_bytes()
    header, newline, payload = raw.partition(b"\n")
    if not newline:
        raise Unusable("no header")
    parts = header.split(b" ")
    if len(parts) != 4 or parts[0] != MAGIC or parts[1] != str(FORMAT).encode() or parts[2] != key.encode():
        raise Unusable("another format or key")
    if hashlib.sha256(payload).hexdigest().encode() != parts[3]:
        raise Unusable("checksum")
    data = json.loads(payload)
    if not isinstance(data, dict) or data.get("version") != __version__:
        raise Unusable("another version")
    return data


def open_cached(path: str | Path, *, folder: Path | None = None) -> CachedPack | None:
    """The pack in folder ``path`` from the cache, if a checked entry for its files is there.

    Args:
        path: the pack folder.
        folder: the cache folder (default :func:`cache_dir`).

    Returns:
        The cached pack (preview now, pack on :meth:`CachedPack.load`), or None when
        there is no usable entry (the caller then loads the pack, which writes one).
        Never raises.
    """
    pack_folder = Path(path)
    try:
        key = cache_key(pack_folder)
        data = read_entry(entry_path(key, folder), key)
        preview = PackPreview.from_data(data.get("preview"))
    except Exception:  # no entry, unreadable, stale, corrupt, no cache folder: no preview
        return None
    return CachedPack(pack_folder, preview, data)
