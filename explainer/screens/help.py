"""Help: every key of the app, by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from explainer.i18n import N_, _
from explainer.screens.base import ReferenceScreen
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown
from explainer.widgets.wrap import Hanging

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        N_("Everywhere"),
        (
            ("@glossary", N_("glossary")),
            ("@timeline", N_("timeline")),
            ("@sources", N_("sources")),
            ("@history", N_("history of every attempt, with a chart")),
            (N_("? or f1"), N_("this help")),
            ("@close", N_("close a window, or go back from a section opened over another screen")),
            ("@filter", N_("glossary, timeline, sources: filter the list as you type (escape clears)")),
            ("tab / shift+tab", N_("move between parts of the screen")),
            ("ctrl+p", N_("palette: jump anywhere; pick a theme")),
            ("@quit", N_("quit")),
        ),
    ),
    (
        N_("Continue where you stopped (on start)"),
        (
            ("@resume-continue", N_("continue where you stopped, answers kept")),
            ("@resume-not-now", N_("not now: the saved quiz stays saved, and the start screen offers it")),
        ),
    ),
    (
        N_("Welcome"),
        (
            ("@welcome-read", N_("read: from the first section not read yet")),
            ("@welcome-quiz", N_("go to the quiz (the one in progress, if any)")),
            ("y", N_("history of every attempt")),
        ),
    ),
    (
        N_("Reading"),
        (
            ("@section-next", N_("next section (after the last: on to the quiz)")),
            ("@section-previous", N_("previous section")),
            (N_("↑ ↓ page up/down"), N_("scroll the section")),
            ("enter", N_("open the section picked in the sidebar, or follow a link under the section")),
            ("@reading-sections", N_("show or hide the list of sections (below 80 columns it takes the section's place)")),
            ("tab", N_("move to the links under the section: its glossary terms and the sections it refers to")),
            ("@reading-quiz", N_("go to the quiz")),
        ),
    ),
    (
        N_("Quiz"),
        (
            ("↑ ↓", N_("move between the choices")),
            (N_("space or click"), N_("pick the highlighted choice (again to unpick, when several may be right)")),
            ("1-9", N_("pick choice 1 to 9")),
            ("enter", N_("check your answer (picks the highlighted choice first if nothing is picked)")),
            ("@quiz-hint", N_("show the question's hint, when it has one (the results note it)")),
            ("@quiz-skip", N_("skip the question: it comes back after the others")),
            ("@quiz-previous", N_("see the questions answered so far, read-only (← → between them)")),
            ("@quiz-hint-f2", N_("the hint while typing an answer (where h is a letter)")),
            ("@quiz-read-section", N_("after checking: read the section that teaches the answer")),
            (N_("n or enter"), N_("after checking: next question (after the last: your results)")),
            ("@quiz-leave", N_("leave the quiz for the start screen; it waits there to be continued")),
        ),
    ),
    (
        N_("Typed answers (words or a number)"),
        (
            (N_("type, enter"), N_("type the answer in the box, enter checks it")),
            ("tab", N_("leave the box (for the Hint button; h is a letter while typing)")),
        ),
    ),
    (
        N_("Putting items in order"),
        (
            ("↑ ↓", N_("choose an item")),
            ("@order-move-up", N_("move the chosen item up")),
            ("@order-move-down", N_("move the chosen item down")),
            (N_("▲ ▼ click"), N_("move that row's item up or down")),
        ),
    ),
    (
        N_("Matching"),
        (
            (N_("↑ ↓ or click"), N_("choose a line")),
            (N_("1-9 or click"), N_("pick option N for the chosen line (then the next open line)")),
            ("← →", N_("step through the options for the chosen line")),
            ("@match-clear", N_("clear the chosen line's pick")),
        ),
    ),
    (
        N_("Results"),
        (
            ("@results-retake", N_("retake the whole quiz")),
            ("@results-review", N_("review round: questions due for review")),
            ("@results-read", N_("read the sections behind your mistakes (escape comes back)")),
            ("y", N_("history of every attempt")),
        ),
    ),
    (
        N_("Glossary and timeline"),
        (
            ("↑ ↓", N_("move between terms or events")),
            ("enter", N_("timeline: open the section of the event")),
        ),
    ),
)
"""Every key, grouped by where it works: (group, ((key, what it does), ...)). The words
are marked with ``N_`` and translated where they are shown (:func:`keys_content`)."""


def keys_content(keymap: dict[str, str] | None = None) -> list[Content | Hanging]:
    """Return the key list, in the language in force: per group, its heading and a
    :class:`Hanging` of its keys (a wrapped description stays in the description's
    column). A row written ``"@binding-id"`` shows the keys in force for that binding:
    the reader's ``keys.toml`` (``keymap``) if it rebinds it, else the default
    (:func:`explainer.keymap.key_in_force`)."""
    from explainer.keymap import key_in_force

    keymap = keymap or {}

    def key_of(key: str) -> str:
        return key_in_force(key[1:], keymap) if key.startswith("@") else _(key)

    rows = [[(key_of(key), _(what)) for key, what in keys] for _unused, keys in KEYS]
    blocks: list[Content | Hanging] = []
    for (group, _unused), keys in zip(KEYS, rows):
        width = max(shown(key).cell_length for key, _unused in keys) + 2  # per group: short keys, a narrow column
        blocks.append(Content.styled(_(group), "bold underline"))
        blocks.append(Hanging([(shown(key).stylize("bold"), shown(what)) for key, what in keys], indent=width))
    return blocks


class HelpScreen(ReferenceScreen):
    """A list of every key, by screen."""

    CSS_PATH = "help.tcss"
    AUTO_FOCUS = "#help-scroll"

    def compose(self) -> ComposeResult:
        """The key list."""
        with Vertical(id="help-frame", classes="reference-frame"):
            yield TopBar(_("Keys"), _("escape to go back"))
            with VerticalScroll(id="help-scroll"):
                with Vertical(id="keys"):
                    for number, block in enumerate(keys_content(self.explainer_app.reader_keymap)):
                        yield Static(block, classes="keys-heading" if number % 2 == 0 else "keys-group")
        yield KeyFooter()
