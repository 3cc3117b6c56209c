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
            ("g", "glossary"),
            ("t", "timeline"),
            ("s", "sources"),
            ("y", "history of every attempt, with a chart"),
            ("? or f1", "this help"),
            ("escape", "close a window, or go back from a section opened over another screen"),
            ("/", "glossary, timeline, sources: filter the list as you type (escape clears)"),
            ("tab / shift+tab", "move between parts of the screen"),
            ("ctrl+p", "palette: jump anywhere; pick a theme"),
            ("q or ctrl+q", "quit"),
        ),
    ),
    (
        "Continue where you stopped (on start)",
        (
            ("c", "continue where you stopped, answers kept"),
            ("n or escape", "not now: the saved quiz stays saved, and the start screen offers it"),
        ),
    ),
    (
        "Welcome",
        (
            ("r", "read: from the first section not read yet"),
            ("z", "go to the quiz (the one in progress, if any)"),
            ("y", "history of every attempt"),
        ),
    ),
    (
        "Reading",
        (
            ("→ or n", "next section (after the last: on to the quiz)"),
            ("← or p", "previous section"),
            ("↑ ↓ page up/down", "scroll the section"),
            ("enter", "open the section picked in the sidebar, or follow a link under the section"),
            ("l", "show or hide the list of sections (below 80 columns it takes the section's place)"),
            ("tab", "move to the links under the section: its glossary terms and the sections it refers to"),
            ("z", "go to the quiz"),
        ),
    ),
    (
        "Quiz",
        (
            ("↑ ↓", "move between the choices"),
            ("space or click", "pick the highlighted choice (again to unpick, when several may be right)"),
            ("1-9", "pick choice 1 to 9"),
            ("enter", "check your answer (picks the highlighted choice first if nothing is picked)"),
            ("h", "show the question's hint, when it has one (the results note it)"),
            ("k", "skip the question: it comes back after the others"),
            ("p", "see the questions answered so far, read-only (← → between them)"),
            ("F2", "the hint while typing an answer (where h is a letter)"),
            ("r", "after checking: read the section that teaches the answer"),
            ("n or enter", "after checking: next question (after the last: your results)"),
            ("escape", "leave the quiz for the start screen; it waits there to be continued"),
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
            ("u or shift+↑", "move the chosen item up"),
            ("d or shift+↓", "move the chosen item down"),
            ("▲ ▼ click", "move that row's item up or down"),
        ),
    ),
    (
        "Matching",
        (
            ("↑ ↓ or click", "choose a line"),
            ("1-9 or click", "pick option N for the chosen line (then the next open line)"),
            ("← →", "step through the options for the chosen line"),
            ("backspace", "clear the chosen line's pick"),
        ),
    ),
    (
        "Results",
        (
            ("r", "retake the whole quiz"),
            ("m", "review round: questions due for review"),
            ("b", "read the sections behind your mistakes (escape comes back)"),
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


def keys_content() -> list[Content | Hanging]:
    """Return the key list: per group, its heading and a :class:`Hanging` of its keys
    (a wrapped description stays in the description's column)."""
    width = max(len(key) for _, keys in KEYS for key, _ in keys) + 2
    blocks: list[Content | Hanging] = []
    for group, keys in KEYS:
        blocks.append(Content.styled(group, "bold underline"))
        blocks.append(Hanging([(Content.styled(key, "bold"), shown(what)) for key, what in keys], indent=width))
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
                    for number, block in enumerate(keys_content()):
                        yield Static(block, classes="keys-heading" if number % 2 == 0 else "keys-group")
        yield KeyFooter()
