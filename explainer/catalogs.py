"""Build the interface's translation catalogs with Babel: ``python -m explainer.catalogs``.

One command does the three steps (docs/translating.md):

1. **extract**: every message in ``explainer/`` marked with ``_()``, ``N_()``,
   ``ngettext()`` or ``Nn_()`` goes to ``explainer/locale/explainer.pot`` (Babel's ``extract``,
   sorted, without source locations, so the file changes only when a message does);
2. **update**: each language's ``explainer.po`` gains the new messages and loses the
   gone ones (Babel's ``update``; a changed message is marked fuzzy, which the tests
   refuse until a translator has looked at it);
3. **compile**: each ``.po`` becomes the ``.mo`` the app reads (Babel's ``compile``).

``python -m explainer.catalogs check`` changes nothing and exits 1 when a catalog is
missing a message, has one untranslated or fuzzy, or its ``.mo`` is older than its
``.po``: what CI runs. Babel is needed here only (the ``test`` extra installs it); the
app reads the compiled ``.mo`` files with the standard library.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from explainer.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = ["_", "N_", "ngettext:1,2", "Nn_:1,2"]
"""The marking functions Babel looks for (see :mod:`explainer.i18n`)."""

TRANSLATED = tuple(language for language in LANGUAGES if language != "en")
"""The languages with a catalog of their own; English is the code's own text, but it
has a catalog too, so its plural forms are written out like the others'."""


def _babel(*args: str) -> None:
    """Run one Babel command (``pybabel ARGS``) in this process."""
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(target: Path = TEMPLATE) -> None:
    """Write the template of every marked message in the package to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    arguments = ["extract", "--no-location", "--sort-output", "--no-wrap", "--project", "explainer", "-o", str(target)]
    for keyword in KEYWORDS:
        arguments += ["-k", keyword]
    _babel(*arguments, str(PACKAGE))


def update() -> None:
    """Bring each language's catalog in line with the template (new ones are made)."""
    for language in LANGUAGES:
        po = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            _babel("update", "--no-wrap", "--ignore-obsolete", "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-l", language)
        else:
            _babel("init", "--no-wrap", "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-l", language)


def fill_english() -> None:
    """Make the English catalog say what the code says: each empty translation is its
    message (both plural forms), and a fuzzy mark there is dropped (the English text is
    the message itself, so it cannot be out of date)."""
    from babel.messages.pofile import read_po, write_po

    po = LOCALE_DIR / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, (list, tuple)):
            message.string = tuple(message.id)
        else:
            message.string = message.id
        message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0, no_location=True, omit_header=False, sort_output=True)


def compile_all() -> None:
    """Compile every language's ``.po`` to its ``.mo`` (English too)."""
    _babel("compile", "-D", DOMAIN, "-d", str(LOCALE_DIR))


def problems() -> list[str]:
    """What is wrong with the shipped catalogs, one line each (``[]`` when nothing).

    Checks that the template holds every message the code marks now, and that each
    language's catalog has every template message translated (every plural form),
    none fuzzy, with the right ``{fields}``, and a ``.mo`` that holds the same
    translations (compared by content, not file times).
    """
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.pot"
        extract(fresh)
        with fresh.open("rb") as handle:
            wanted = {_key(message.id) for message in read_po(handle) if message.id}
    for language in LANGUAGES:
        po = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        mo = po.with_suffix(".mo")
        if not po.exists():
            found.append(f"{po}: missing")
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle)
        have = {_key(message.id): message for message in catalog if message.id}
        for message_id in sorted(wanted, key=str):
            shown = message_id if isinstance(message_id, str) else message_id[0]
            message = have.get(message_id)
            if message is None:
                found.append(f"{po}: no entry for {shown!r} (run: python -m explainer.catalogs)")
            elif message.fuzzy:
                found.append(f"{po}: fuzzy: {shown!r}")
            elif not _filled(message):
                found.append(f"{po}: untranslated: {shown!r}")
            else:
                found.extend(f"{po}: {problem}: {shown!r}" for problem in _field_problems(message))
        if not mo.exists():
            found.append(f"{mo}: missing (run: python -m explainer.catalogs)")
            continue
        with mo.open("rb") as handle:
            compiled = {_key(message.id): message.string for message in read_mo(handle) if message.id}
        stale = [
            m for m, message in have.items()
            if m in wanted and not message.fuzzy and _filled(message) and _key(compiled.get(m)) != _key(message.string)
        ]
        if stale:  # compared by content: a fresh clone's file times say nothing
            found.append(f"{mo}: {len(stale)} translation(s) differ from its .po (run: python -m explainer.catalogs)")
    return found


def _filled(message: object) -> bool:
    """True when every form of ``message`` (a Babel message) has a translation."""
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, (list, tuple)):
        return bool(string) and all(string)
    return bool(string)


_FIELD = re.compile(r"\{([a-z_]+)\}")


def _field_problems(message: object) -> list[str]:
    """What is wrong with the ``{fields}`` of a translation: a field the message does not
    have (``.format`` would fail), or, outside plural forms, one it dropped."""
    ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]  # type: ignore[attr-defined]
    known = {name for text in ids for name in _FIELD.findall(text)}
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]  # type: ignore[attr-defined]
    problems = []
    for text in strings:
        used = set(_FIELD.findall(text))
        if used - known:
            problems.append(f"unknown field {{{sorted(used - known)[0]}}}")
        if len(ids) == 1 and known - used:
            problems.append(f"missing field {{{sorted(known - used)[0]}}}")
    return problems


def _key(message_id: object) -> object:
    """A message id as a dict key: a plural message's (singular, plural) as a tuple."""
    return tuple(message_id) if isinstance(message_id, (list, tuple)) else message_id


def main(argv: list[str] | None = None) -> int:
    """``python -m explainer.catalogs [all|extract|update|compile|check]``; returns the
    exit code (0 done; 1 ``check`` found problems, each printed; 2 a usage error)."""
    args = sys.argv[1:] if argv is None else argv
    step = args[0] if args else "all"
    if step in ("all", "extract"):
        extract()
    if step in ("all", "update"):
        update()
        fill_english()
    if step in ("all", "compile"):
        compile_all()
    if step == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    if step not in ("all", "extract", "update", "compile", "check"):
        print("usage: python -m explainer.catalogs [all|extract|update|compile|check]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
