"""Find the source line of a key in a TOML document, for error messages.

``tomllib`` returns plain dicts without positions, so this module scans the text once and
records where each table header and each ``key =`` line sits, keyed by the same path that
pydantic reports in an error location, e.g. ``("questions", 3, "choices", 1, "correct")``.

It understands what educators write: ``[table]``, ``[[array.of.tables]]``, dotted and
quoted keys, and multi-line strings and arrays (whose insides are skipped). For anything
it cannot place exactly (an item inside an inline array, say) :meth:`KeyLocator.find`
falls back to the nearest enclosing key or table it does know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_KEY = re.compile(r"(?:^\{|,)\s*([A-Za-z0-9_-]+)\s*=")
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a text file."""

    line: int
    column: int = 1


@dataclass
class KeyLocator:
    """Maps key paths of one TOML document to the positions where they are written.

    Build it with :meth:`from_text`; ask it with :meth:`find`.
    """

    positions: dict[Path, Position] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str) -> KeyLocator:
        """Scan TOML ``text`` and record the position of every table and key it defines.

        Never raises: text that is not valid TOML is scanned as far as it makes sense
        (the TOML parser reports syntax errors itself).
        """
        locator = cls()
        counters: dict[Path, int] = {}
        table: Path = ()
        lines = [line.removesuffix("\r") for line in text.split("\n")]
        index = 0
        while index < len(lines):
            raw = lines[index]
            line_no = index + 1
            stripped = raw.strip()
            indent = len(raw) - len(raw.lstrip())
            index += 1
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("[["):
                keys = _split_key(stripped[2 : stripped.find("]]")] if "]]" in stripped else "")
                if keys is None:
                    continue
                parent = _resolve(tuple(keys[:-1]), counters)
                array_path = parent + (keys[-1],)
                count = counters.get(array_path, -1) + 1
                counters[array_path] = count
                table = array_path + (count,)
                locator._record(array_path, line_no, indent + 1)
                locator._record(table, line_no, indent + 1)
                continue
            if stripped.startswith("["):
                keys = _split_key(stripped[1 : stripped.find("]")] if "]" in stripped else "")
                if keys is None:
                    continue
                table = _resolve(tuple(keys), counters)
                locator._record(table, line_no, indent + 1)
                continue
            key_text, sep, value = _split_assignment(stripped)
            if not sep:
                continue
            keys = _split_key(key_text)
            if keys is None:
                continue
            path = table + tuple(keys)
            locator._record(path, line_no, indent + 1)
            # Skip the continuation lines of multi-line strings and arrays.
            start = index
            index = _skip_value(value, lines, index)
            if value.strip().startswith("[") and index > start:
                locator._record_inline_tables(path, lines, start, index)
        return locator

    def _record_inline_tables(self, path: Path, lines: list[str], start: int, end: int) -> None:
        """Record the lines of a multi-line array's inline tables, one per line.

        ``choices = [`` followed by ``{ text = "…", correct = true },`` lines (as
        ``explainer import`` writes them): item k is the k-th line starting with ``{``,
        and its keys are recorded on that line too.
        """
        item = 0
        for offset, raw in enumerate(lines[start:end]):
            stripped = raw.lstrip()
            if not stripped.startswith("{"):
                continue
            line_no = start + offset + 1
            column = len(raw) - len(stripped) + 1
            self._record(path + (item,), line_no, column)
            for match in _INLINE_KEY.finditer(stripped):
                self._record(path + (item, match.group(1)), line_no, column + match.start(1))
            item += 1

    def _record(self, path: Path, line: int, column: int) -> None:
        self.positions.setdefault(path, Position(line, column))

    def find(self, path: Path) -> Position | None:
        """Return the position of ``path``, or of its nearest recorded ancestor.

        Returns None only when not even the first key of the path was written (a
        missing top-level key), so the caller can point at line 1.
        """
        for end in range(len(path), 0, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def _resolve(keys: Path, counters: dict[Path, int]) -> Path:
    """Turn header keys into a full path, inserting the current index of each array."""
    resolved: Path = ()
    for key in keys:
        resolved = resolved + (key,)
        if resolved in counters:
            resolved = resolved + (counters[resolved],)
    return resolved


def _split_key(text: str) -> list[str] | None:
    """Split a (possibly dotted, possibly quoted) TOML key into its parts."""
    parts: list[str] = []
    rest = text.strip()
    while rest:
        if rest[0] in "\"'":
            quote = rest[0]
            end = rest.find(quote, 1)
            while quote == '"' and end > 0 and rest[end - 1] == "\\":
                end = rest.find(quote, end + 1)
            if end < 0:
                return None
            parts.append(rest[1:end])
            rest = rest[end + 1 :].strip()
        else:
            match = _BARE_KEY.match(rest)
            if not match:
                return None
            parts.append(match.group(0))
            rest = rest[match.end() :].strip()
        if rest.startswith("."):
            rest = rest[1:].strip()
        elif rest:
            return None
    return parts or None


def _split_assignment(line: str) -> tuple[str, str, str]:
    """Split ``key = value`` at the first ``=`` outside quotes."""
    quote = ""
    for pos, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "=":
            return line[:pos], "=", line[pos + 1 :]
    return line, "", ""


def _skip_value(value: str, lines: list[str], index: int) -> int:
    """Return the index of the first line after a value that may span several lines.

    ``value`` is the text after ``=`` on the key's line; ``index`` is the next line. The
    scan follows TOML's four kinds of string and the nesting of arrays and inline
    tables, so brackets or quotes inside strings do not mislead it.
    """
    text = value
    depth = 0
    pos = 0
    fence = ""
    while True:
        while pos < len(text):
            if fence:
                end = text.find(fence, pos)
                while end >= 0 and fence == '"""' and _escaped(text, end):
                    end = text.find(fence, end + 1)
                if end < 0:
                    pos = len(text)
                    break
                pos = end + 3
                while pos < len(text) and text[pos] == fence[0]:
                    pos += 1  # up to two quotes may close a multi-line string
                fence = ""
                continue
            char = text[pos]
            if text.startswith('"""', pos) or text.startswith("\'\'\'", pos):
                fence = text[pos : pos + 3]
                pos += 3
            elif char in "\"'":
                end = pos + 1
                while end < len(text) and text[end] != char:
                    end += 2 if char == '"' and text[end] == "\\" else 1
                pos = end + 1
            elif char == "#":
                break
            else:
                depth += char in "[{"
                depth -= char in "]}"
                pos += 1
        if (not fence and depth <= 0) or index >= len(lines):
            return index
        text = lines[index]
        index += 1
        pos = 0


def _closes_fence(line: str, fence: str) -> bool:
    """True if ``line`` contains an unescaped closing ``fence``."""
    start = 0
    while True:
        pos = line.find(fence, start)
        if pos < 0:
            return False
        if fence == "'''" or not _escaped(line, pos):
            return True
        start = pos + 1


def _escaped(line: str, pos: int) -> bool:
    """True if the character at ``pos`` follows an odd number of backslashes."""
    count = 0
    while pos > 0 and line[pos - 1] == "\\":
        count += 1
        pos -= 1
    return count % 2 == 1
