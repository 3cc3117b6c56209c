"""The reader's language: gettext catalogs for the interface, Babel for numbers and dates.

Every word of the interface is written in English in the code and passes through
:func:`_` (or :func:`ngettext` for a count, :func:`N_` to mark a string that is
translated later, where it is shown). The catalogs live in ``explainer/locale/<lang>/
LC_MESSAGES/explainer.po`` and are compiled to ``.mo`` files that ship in the wheel;
``python -m explainer.catalogs`` extracts, updates and compiles them with Babel
(docs/translating.md). English needs no catalog: its text is the code's.

One language is in force at a time, set with :func:`use` (the command line does it once
it knows the pack and the options; see :func:`choose`). :func:`localise_bindings` gives
Textual's bindings (footer, help, command palette) their words in that language.

Pure Python at import: gettext only. Babel is imported when a number or date is first
formatted.
"""

from __future__ import annotations

import dataclasses
import gettext
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DOMAIN = "explainer"
"""The gettext domain: the catalogs are ``explainer.po`` / ``explainer.mo``."""

LOCALE_DIR = Path(__file__).with_name("locale")
"""Where the catalogs are: ``LOCALE_DIR/<lang>/LC_MESSAGES/explainer.mo``."""

LANGUAGES: tuple[str, ...] = ("en", "ko", "uk")
"""The interface languages explainer ships, in the order the welcome screen offers them."""

LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "ko": "한국어", "uk": "Українська"}
"""Each language's name in itself, as a language menu shows it."""

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language() -> str:
    """The language in force (``"en"``, ``"ko"`` or ``"uk"``)."""
    return _language


def use(tag: str | None) -> str:
    """Put the interface language ``tag`` in force.

    Args:
        tag: a BCP 47 tag or locale name (``"ko"``, ``"uk-UA"``, ``"ko_KR.UTF-8"``); only
            its language part counts. None, or a language without a catalog, means
            English.

    Returns:
        The language now in force: one of :data:`LANGUAGES`.
    """
    global _translation, _language
    wanted = base_language(tag)
    if wanted not in LANGUAGES or wanted == "en":
        _translation, _language = gettext.NullTranslations(), "en"
        return _language
    _translation = gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[wanted], fallback=True)
    _language = wanted if isinstance(_translation, gettext.GNUTranslations) else "en"
    return _language


def base_language(tag: str | None) -> str:
    """The lower-case language part of a tag or locale name: ``"ko_KR.UTF-8"`` ->
    ``"ko"``, ``"uk-UA"`` -> ``"uk"``, ``"C"`` or None -> ``""``."""
    if not tag:
        return ""
    head = tag.split(".", 1)[0].split("@", 1)[0].replace("_", "-").split("-", 1)[0].lower()
    return "" if head in ("c", "posix") else head


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, as gettext reads it: the first entry of
    ``LANGUAGE`` (a colon-separated list), else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.

    Args:
        environ: the environment (default: ``os.environ``).

    Returns:
        A language part (``"ko"``), or None when none is set or it is ``C``/``POSIX``.
    """
    found = environment_languages(environ)
    return found[0] if found else None


def environment_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """Every language the environment names, in gettext's order of preference: each
    entry of ``LANGUAGE`` (``fr:ko`` gives ``fr`` then ``ko``), then ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``; ``C`` and ``POSIX`` left out."""
    environ = os.environ if environ is None else environ
    found: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for entry in environ.get(name, "").split(":"):
            language = base_language(entry)
            if language and language not in found:
                found.append(language)
    return found


def choose(option: str | None, pack_language: str, available: Iterable[str] = (), environ: Mapping[str, str] | None = None) -> str:
    """Decide the reader's language.

    The ``--lang`` option wins; then the first language the environment names
    (:func:`environment_languages`) that explainer has an interface in or the pack a
    translation in; else the pack's own ``language``.

    Args:
        option: the ``--lang`` value, or None.
        pack_language: the pack's ``language`` (BCP 47).
        available: the languages the pack has translations in (``["ko", "uk"]``).
        environ: the environment (default: ``os.environ``).

    Returns:
        A language part, such as ``"ko"``.
    """
    if option:
        return base_language(option) or base_language(pack_language) or "en"
    known = set(LANGUAGES) | {base_language(tag) for tag in available}
    for wanted in environment_languages(environ):  # the first one explainer or the pack has
        if wanted in known:
            return wanted
    return base_language(pack_language) or "en"


def unknown_option(option: str | None, pack_language: str, available: Iterable[str] = ()) -> str | None:
    """Why ``--lang option`` cannot be honoured, or None when it can (or was not given).

    Returns:
        One line for the reader, such as ``"--lang 'xx': choose en, ko or uk"``, when
        neither explainer's interface nor the pack has that language.
    """
    if option is None:
        return None
    known = list(dict.fromkeys([*LANGUAGES, base_language(pack_language), *(base_language(tag) for tag in available)]))
    if base_language(option.strip()) in known and option.strip() == option:
        return None
    return f"--lang {option!r}: choose {', '.join(known[:-1])} or {known[-1]}"


def _(message: str) -> str:
    """``message`` (English, as written in the code) in the language in force."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: float) -> str:
    """The form of a message for ``count``: ``ngettext("{n} point", "{n} points", n)``.

    Ukrainian has three forms (one, few, many) and Korean one; the catalogs' plural
    rules choose. A count that is not a whole number takes the English plural's rule
    in English and the "many"/"other" form elsewhere, as the catalogs' rules say for it.
    """
    if isinstance(count, float) and not count.is_integer():
        return _translation.ngettext(singular, plural, 2 if _language == "en" else _FRACTION_FORM)
    return _translation.ngettext(singular, plural, int(count))


_FRACTION_FORM = 5
"""A count that picks the form fractions take in Ukrainian ("0,5 бала": the genitive
singular, which the catalogs' rule gives for 5) and the only form in Korean."""


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's naming
    """Mark a message with a plural for the catalogs without translating it now (a
    module-level table): returns ``(singular, plural)`` to pass to :func:`ngettext`
    where it is shown."""
    return singular, plural


@contextmanager
def english() -> Iterator[None]:
    """Run a block with English in force, whatever the reader's language: for what
    scripts read (``--format json`` and ``csv``), which never changes with it."""
    global _translation, _language
    saved = _translation, _language
    _translation, _language = gettext.NullTranslations(), "en"
    try:
        yield
    finally:
        _translation, _language = saved


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """Mark ``message`` for the catalogs without translating it now (a module-level
    constant); it is translated with :func:`_` where it is shown."""
    return message


# ----------------------------------------------------------------- numbers and dates


def locale_name() -> str:
    """The Babel locale of the language in force (``"en"``, ``"ko"``, ``"uk"``)."""
    return _language


def number(value: float, digits: int = 2, grouped: bool = True) -> str:
    """A number as the language in force writes it, with at most ``digits`` decimals:
    ``1234.5`` -> ``1,234.5`` (en), ``1 234,5`` (uk), ``1,234.5`` (ko). Uses Babel.

    Args:
        value: the number.
        digits: the most decimals shown (trailing zeros are dropped).
        grouped: False to write no thousands separator (``1234,5``).
    """
    from babel.numbers import format_decimal

    pattern = ("#,##0" if grouped else "0") + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale_name())


def date(value: Any, form: str = "medium") -> str:
    """A date as the language in force writes it (Babel's ``format_date``):
    ``2025-02-05`` -> ``Feb 5, 2025`` (en), ``2025. 2. 5.`` (ko), ``5 лют. 2025 р.`` (uk)."""
    from babel.dates import format_date

    return format_date(value, format=form, locale=locale_name())


def datetime(value: Any, form: str = "medium") -> str:
    """A date and time as the language in force writes it (Babel's ``format_datetime``)."""
    from babel.dates import format_datetime

    return format_datetime(value, format=form, locale=locale_name())


# ------------------------------------------------------------------------ bindings


def localise_bindings(classes: Iterable[type]) -> None:
    """Give the bindings of ``classes`` (Textual DOM node classes) and of all their
    subclasses their descriptions, tooltips and group names in the language in force.

    Textual builds each class's bindings once, when the class is made, from its
    ``BINDINGS``; a node copies them when it is made. This rewrites the class's copy
    from the English it first had (kept on the class), so it can be called again with
    another language. Call it before the screens that use the bindings are made.
    """
    every: dict[type, None] = {}
    stack = list(classes)
    while stack:  # each subclass has its own copy of the bindings it inherits
        cls = stack.pop()
        if cls not in every:
            every[cls] = None
            stack.extend(cls.__subclasses__())
    for cls in every:
        merged = cls.__dict__.get("_merged_bindings")
        if merged is None:
            continue
        english = cls.__dict__.get("_explainer_english_bindings")
        if english is None:
            english = {key: list(bindings) for key, bindings in merged.key_to_bindings.items()}
            cls._explainer_english_bindings = english  # type: ignore[attr-defined]
        for key, bindings in english.items():
            merged.key_to_bindings[key] = [_translated_binding(binding) for binding in bindings]


def _translated_binding(binding: Any) -> Any:
    """``binding`` with its words in the language in force."""
    group = binding.group
    if group is not None and group.description:
        group = dataclasses.replace(group, description=_(group.description))
    return dataclasses.replace(
        binding,
        description=_(binding.description) if binding.description else binding.description,
        tooltip=_(binding.tooltip) if binding.tooltip else binding.tooltip,
        group=group,
    )
