"""Keys the reader can change: ``keys.toml`` in the config folder, applied through
Textual's keymap (:meth:`textual.app.App.set_keymap`).

The file maps binding ids to keys, as Textual writes keys (several separated by
commas)::

    section-next = "j"
    section-previous = "k"
    quiz-check = "enter,ctrl+j"

Every :class:`~textual.binding.Binding` of the app has an id (``docs/keys.md`` lists
them all; :func:`keys_markdown` writes that list). The folder is ``$EXPLAINER_CONFIG_DIR``
if set, else ``platformdirs.user_config_dir("explainer")``.

:func:`load_keymap` never raises: a file that cannot be read or parsed gives one
sentence naming the file (and the line, for a TOML error) and no keymap at all; an
entry with an unknown id, a value that is not a string, or a key Textual cannot read
gives one sentence naming it, and that entry alone is left out (its binding keeps its
default key).

Pure Python at import (the binding registry imports the screens when asked).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # tomli is the parser that became tomllib (as explainer.storage.format reads it)
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency
    import tomllib  # type: ignore[no-redef]

from explainer.i18n import N_, _

if TYPE_CHECKING:
    from textual.binding import Binding

__all__ = ["CONFIG_DIR_ENV", "KEYS_FILE", "all_binding_classes", "all_bindings", "config_dir", "key_in_force", "keys_markdown", "load_keymap"]

KEYS_FILE = "keys.toml"
"""The keymap file's name in the config folder."""

CONFIG_DIR_ENV = "EXPLAINER_CONFIG_DIR"
"""Environment variable naming the config folder (tests point it at a temporary one)."""

KEYS_MAX_BYTES = 64 * 1024
"""A keymap file larger than this is ignored unread (a real one is a few lines)."""

_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[a-z0-9_]+|[^\s,+])$")
"""One key as Textual names it: modifiers joined with ``+``, then a key name
(``enter``, ``f2``, ``question_mark``, ``j``) or one printable character."""


def config_dir() -> Path:
    """The config folder: ``$EXPLAINER_CONFIG_DIR`` if set and not empty, else the
    platform's user config folder for explainer (``platformdirs``)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("explainer", appauthor=False))


def _binding_owners() -> list[tuple[str, type]]:
    """Where each group of bindings works (in English, marked for the catalogs: the
    help screen translates it), and the class that holds them."""
    from explainer.app import ExplainerApp
    from explainer.screens.base import FilteredScreen, OverlayScreen
    from explainer.screens.confirm import ConfirmScreen
    from explainer.screens.explainer import ExplainerScreen
    from explainer.screens.language import LanguageScreen
    from explainer.screens.palette import PackCommandPalette
    from explainer.screens.quiz import AnsweredScreen, QuizScreen
    from explainer.screens.results import ResultsScreen
    from explainer.screens.resume import ResumeScreen
    from explainer.screens.welcome import WelcomeScreen
    from explainer.widgets.questions.controls import AnswerInput, ChoiceList, MatchList, OrderList

    return [
        (N_("everywhere"), ExplainerApp),
        (N_("windows"), OverlayScreen),
        (N_("glossary, timeline, sources"), FilteredScreen),
        (N_("welcome"), WelcomeScreen),
        (N_("reading"), ExplainerScreen),
        (N_("quiz"), QuizScreen),
        (N_("quiz: choices"), ChoiceList),
        (N_("quiz: typed answers"), AnswerInput),
        (N_("quiz: order"), OrderList),
        (N_("quiz: match"), MatchList),
        (N_("quiz: answers so far"), AnsweredScreen),
        (N_("results"), ResultsScreen),
        (N_("continue where you stopped"), ResumeScreen),
        (N_("start over"), ConfirmScreen),
        (N_("language"), LanguageScreen),
        (N_("command palette"), PackCommandPalette),
    ]


def all_binding_classes() -> list[type]:
    """Every class of the app that holds bindings, for
    :func:`explainer.i18n.localise_bindings`. Imports every module of the screens and
    widgets first: a subclass made after the bindings are localised would copy its
    base's English ``BINDINGS``."""
    import importlib
    import pkgutil

    import explainer.screens
    import explainer.widgets
    import explainer.widgets.questions

    for package in (explainer.screens, explainer.widgets, explainer.widgets.questions):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return list(dict.fromkeys(owner for _where, owner in _binding_owners()))


def all_bindings() -> dict[str, tuple[str, Binding]]:
    """Every binding of the app by id: ``{id: (where it works, binding)}``, in the order
    :func:`_binding_owners` lists them (an id shared by two classes is listed once)."""
    from textual.binding import Binding

    found: dict[str, tuple[str, Binding]] = {}
    for where, owner in _binding_owners():
        for binding in owner.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id and binding.id not in found:
                found[binding.id] = (where, binding)
    return found


def _bad_keys(value: str) -> list[str]:
    """The keys in ``value`` (comma-separated) that Textual could not read."""
    keys = [key.strip() for key in value.split(",")]
    return [key for key in keys if not _KEY.match(key)] if all(keys) else [value]


def load_keymap(folder: Path | None = None, known_ids: Iterable[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """Read ``<folder>/keys.toml``: ``(keymap, notices)``.

    Args:
        folder: the config folder (None: :func:`config_dir`).
        known_ids: the binding ids the file may name (None: :func:`all_bindings`).

    Returns:
        ``keymap``, binding id to keys (comma-separated, spaces removed), for
        :meth:`textual.app.App.set_keymap`: empty when there is no file or it cannot be
        used; and ``notices``, one sentence each for the reader (a bad file, an unknown
        id, a value that is not a string, a key that cannot be read). Never raises.
    """
    path = (config_dir() if folder is None else folder) / KEYS_FILE
    try:
        info = path.stat()
    except OSError:
        return {}, []
    if not stat.S_ISREG(info.st_mode) or info.st_size > KEYS_MAX_BYTES:
        return {}, [_("Your keys file {path} is not a small text file; the default keys are used.").format(path=path)]
    try:
        table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = f", line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        return {}, [
            _("Your keys file {path}{where} could not be read ({problem}); the default keys are used.").format(
                path=path, where=where, problem=exc.msg if hasattr(exc, "msg") else exc
            )
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [_("Your keys file {path} could not be read ({problem}); the default keys are used.").format(path=path, problem=exc)]
    known = set(all_bindings() if known_ids is None else known_ids)
    keymap: dict[str, str] = {}
    notices: list[str] = []
    unknown = sorted(key for key in table if key not in known)
    if unknown:
        notices.append(
            _("Your keys file {path} names no such key binding: {names} (docs/keys.md lists them).").format(
                path=path, names=", ".join(unknown)
            )
        )
    for binding_id, value in table.items():
        if binding_id not in known:
            continue
        if not isinstance(value, str):
            notices.append(
                _('Your keys file {path}: {binding} must be a string such as "j" or "ctrl+j"; its default key is used.').format(
                    path=path, binding=binding_id
                )
            )
            continue
        bad = _bad_keys(value)
        if bad:
            notices.append(
                _("Your keys file {path}: {binding} = {value} is not a key explainer can read; its default key is used.").format(
                    path=path, binding=binding_id, value=repr(value)
                )
            )
            continue
        keymap[binding_id] = ",".join(key.strip() for key in value.split(","))
    return keymap, notices


def key_in_force(binding_id: str, keymap: dict[str, str]) -> str:
    """The keys of binding ``binding_id`` as the reader should press them now: from the
    keymap if it rebinds it, else the binding's own display (``"→/n"``) or keys.

    Raises:
        KeyError: no binding has that id.
    """
    if binding_id in keymap:
        return _(" or ").join(keymap[binding_id].split(","))
    _where, binding = all_bindings()[binding_id]
    if binding.key_display:
        return binding.key_display
    return _(" or ").join(key.strip().replace("question_mark", "?") for key in binding.key.split(","))


def keys_markdown() -> str:
    """``docs/keys.md``: every binding id, its default keys, where it works and what it
    does, with an example ``keys.toml`` (a test checks the file is this text)."""
    lines = [
        "# Keys and how to change them",
        "",
        "Every key of explainer has a binding id. To change a key, write the id and the new",
        "key in `keys.toml` in explainer's config folder (`$EXPLAINER_CONFIG_DIR`, else the",
        "platform's user config folder: `~/.config/explainer/keys.toml` on Linux). Several",
        "keys are separated by commas. The footer and the help screen (`?`) show the keys in",
        "force. A mistake in the file is told in one line when explainer starts, and the",
        "default keys are used for what it got wrong.",
        "",
        "```toml",
        '# ~/.config/explainer/keys.toml',
        'section-next = "j"',
        'section-previous = "k"',
        'quiz-skip = "ctrl+k"',
        "```",
        "",
        "Keys are written as Textual names them: a letter or digit (`j`, `5`), a name",
        "(`enter`, `escape`, `tab`, `space`, `up`, `pageup`, `f2`, `question_mark`,",
        "`slash`), or either of those after modifiers (`ctrl+j`, `shift+up`).",
        "",
        "This page is written by `explainer.keymap.keys_markdown()`;",
        "`tests/test_keymap.py` checks that it lists every id.",
        "",
        "| id | default keys | where | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for binding_id, (where, binding) in all_bindings().items():
        default = binding.key.replace("question_mark", "?")
        what = binding.tooltip or binding.description
        lines.append(f"| `{binding_id}` | `{default}` | {where} | {what} |")
    return "\n".join(lines) + "\n"
