"""Help: every key of the app, by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from explainer.screens.base import ReferenceScreen
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown
from explainer.widgets.wrap import Hanging

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("@glossary", "glossary"),
            ("@timeline", "timeline"),
            ("@sources", "sources"),
            ("@history", "history of every attempt, with a chart"),
            ("? or f1", "this help"),
            ("@close", "close a window, or go back from a section opened over another screen"),
            ("@filter", "glossary, timeline, sources: filter the list as you type (escape clears)"),
            ("tab / shift+tab", "move between parts of the screen"),
            ("ctrl+p", "palette: jump anywhere; pick a theme"),
            ("@quit", "quit"),
        ),
    ),
    (
        "Continue where you stopped (on start)",
        (
            ("@resume-continue", "continue where you stopped, answers kept"),
            ("@resume-not-now", "not now: the saved quiz stays saved, and the start screen offers it"),
        ),
    ),
    (
        "Welcome",
        (
            ("@welcome-read", "read: from the first section not read yet"),
            ("@welcome-quiz", "go to the quiz (the one in progress, if any)"),
            ("y", "history of every attempt"),
        ),
    ),
    (
        "Reading",
        (
            ("@section-next", "next section (after the last: on to the quiz)"),
            ("@section-previous", "previous section"),
            ("↑ ↓ page up/down", "scroll the section"),
            ("enter", "open the section picked in the sidebar, or follow a link under the section"),
            ("@reading-sections", "show or hide the list of sections (below 80 columns it takes the section's place)"),
            ("tab", "move to the links under the section: its glossary terms and the sections it refers to"),
            ("@reading-quiz", "go to the quiz"),
        ),
    ),
    (
        "Quiz",
        (
            ("↑ ↓", "move between the choices"),
            ("space or click", "pick the highlighted choice (again to unpick, when several may be right)"),
            ("1-9", "pick choice 1 to 9"),
            ("enter", "check your answer (picks the highlighted choice first if nothing is picked)"),
            ("@quiz-hint", "show the question's hint, when it has one (the results note it)"),
            ("@quiz-skip", "skip the question: it comes back after the others"),
            ("@quiz-previous", "see the questions answered so far, read-only (← → between them)"),
            ("@quiz-hint-f2", "the hint while typing an answer (where h is a letter)"),
            ("@quiz-read-section", "after checking: read the section that teaches the answer"),
            ("n or enter", "after checking: next question (after the last: your results)"),
            ("@quiz-leave", "leave the quiz for the start screen; it waits there to be continued"),
        ),
    ),
    (
        "Typed answers (words or a number)",
        (
            ("type, enter", "type the answer in the box, enter checks it"),
            ("tab", "leave the box (for the Hint button; h is a letter while typing)"),
        ),
    ),
    (
        "Putting items in order",
        (
            ("↑ ↓", "choose an item"),
            ("@order-move-up", "move the chosen item up"),
            ("@order-move-down", "move the chosen item down"),
            ("▲ ▼ click", "move that row's item up or down"),
        ),
    ),
    (
        "Matching",
        (
            ("↑ ↓ or click", "choose a line"),
            ("1-9 or click", "pick option N for the chosen line (then the next open line)"),
            ("← →", "step through the options for the chosen line"),
            ("@match-clear", "clear the chosen line's pick"),
        ),
    ),
    (
        "Results",
        (
            ("@results-retake", "retake the whole quiz"),
            ("@results-review", "review round: questions due for review"),
            ("@results-read", "read the sections behind your mistakes (escape comes back)"),
            ("y", "history of every attempt"),
        ),
    ),
    (
        "Glossary and timeline",
        (
            ("↑ ↓", "move between terms or events"),
            ("enter", "timeline: open the section of the event"),
        ),
    ),
)
"""Every key, grouped by where it works: (group, ((key, what it does), ...))."""


def keys_content(keymap: dict[str, str] | None = None) -> list[Content | Hanging]:
    """Return the key list: per group, its heading and a :class:`Hanging` of its keys
    (a wrapped description stays in the description's column). A row written
    ``"@binding-id"`` shows the keys in force for that binding: the reader's
    ``keys.toml`` (``keymap``) if it rebinds it, else the default
    (:func:`explainer.keymap.key_in_force`)."""
    from explainer.keymap import key_in_force

    keymap = keymap or {}

    def key_of(key: str) -> str:
        return key_in_force(key[1:], keymap) if key.startswith("@") else key

    rows = [[(key_of(key), what) for key, what in keys] for _, keys in KEYS]
    blocks: list[Content | Hanging] = []
    for (group, _), keys in zip(KEYS, rows):
        width = max(len(key) for key, _ in keys) + 2  # per group: short keys, a narrow column
        blocks.append(Content.styled(group, "bold underline"))
        blocks.append(Hanging([(shown(key).stylize("bold"), shown(what)) for key, what in keys], indent=width))
    return blocks


class HelpScreen(ReferenceScreen):
    """A list of every key, by screen."""

    CSS_PATH = "help.tcss"
    AUTO_FOCUS = "#help-scroll"

    def compose(self) -> ComposeResult:
        """The key list."""
        with Vertical(id="help-frame", classes="reference-frame"):
            yield TopBar("Keys", "escape to go back")
            with VerticalScroll(id="help-scroll"):
                with Vertical(id="keys"):
                    for number, block in enumerate(keys_content(self.explainer_app.reader_keymap)):
                        yield Static(block, classes="keys-heading" if number % 2 == 0 else "keys-group")
        yield KeyFooter()
