"""The answer controls: :class:`ChoiceList` (pick one or several), :class:`AnswerInput`
(type), :class:`OrderList` (put in order) and :class:`MatchList` (pair). Each is an
:class:`~explainer.widgets.questions.base.AnswerControl`: it posts the one message
vocabulary and locks with marks after checking.

Keys:

- a choice list: up/down move, space picks the highlighted choice (toggles it when
  several may be picked), 1-9 pick choice N, a mouse click picks; enter checks once
  something is picked (and picks the highlighted choice first if it is not).
- a text box: type, enter checks.
- an order list: up/down choose an item, u or shift+up moves it up, d or shift+down
  moves it down; a click on ▲ or ▼ moves that row; enter checks.
- a match list: up/down choose a line, 1-9 pick option N for it (then the next open
  line is chosen), left/right step through the options, backspace clears; a click on a
  line chooses it, a click on an option picks it; enter checks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from explainer.i18n import N_, _
from explainer.pack import Response
from explainer.widgets.questions.base import AnswerControl
from explainer.widgets.text import shown, strip_invisible
from explainer.widgets.wrap import Hanging

_NUMBER_BINDINGS: list[BindingType] = [
    Binding(str(n), f"pick_number({n})", N_("Pick"), show=n == 1, key_display="1-9", id=f"choice-pick-{n}")
    for n in range(1, 10)
]


class ChoiceList(AnswerControl, OptionList):
    """A list of choices that wrap (never cut), picked by keys or mouse.

    Args:
        texts: the choice texts in display order (author text, shown verbatim).
        multiple: True to allow several picks (check boxes), False for one (radio).
        respond: turns the picks (display indexes) into a response.
        id: the widget id.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", N_("Pick"), show=False, id="choice-pick"),
        Binding("enter", "check", N_("Check"), tooltip=N_("Check the picked answer"), id="choice-check"),
        *_NUMBER_BINDINGS,
    ]

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 100%;
        padding: 0;
    }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    picked: var[frozenset[int]] = var(frozenset())
    """Display indexes (0-based) of the picked choices."""

    def __init__(
        self,
        texts: Sequence[str],
        *,
        multiple: bool = False,
        respond: Callable[[frozenset[int]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.texts = tuple(texts)
        """The choice texts, in display order."""
        self.multiple = multiple
        """Whether several choices may be picked."""
        self.respond = respond
        super().__init__(id=id, classes=classes, markup=False)
        self.add_options([Option(self._prompt(i)) for i in range(len(self.texts))])
        self.highlighted = 0

    # ---------------------------------------------------------------- rendering

    def _prompt(self, index: int) -> Hanging:
        """The prompt for the choice at display ``index``: marker and number, then the
        text, and its mark (after checking) on a line of its own; wrapped lines stay
        under the text, not under the marker."""
        picked = index in self.picked
        if self.multiple:
            marker = "[x]" if picked else "[ ]"
        else:
            marker = "(•)" if picked else "( )"
        head = Content.styled(f"{marker} {index + 1}. ", "bold" if picked else "")
        body = shown(self.texts[index])
        if index in self.marks:
            body = Content.assemble(body, "\n", self.marks[index])
        return Hanging([(head, body)], indent=len(f"( ) {len(self.texts)}. "))

    def _refresh_prompts(self) -> None:
        """Redraw every prompt (after a pick or a verdict)."""
        if self.option_count != len(self.texts):
            return  # still being built
        for index in range(len(self.texts)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def watch_picked(self) -> None:
        """Redraw the markers when the picks change."""
        self._refresh_prompts()

    @property
    def answer(self) -> frozenset[int]:
        """The picks: display indexes (0-based)."""
        return self.picked

    def show_marks(self) -> None:
        """Redraw every prompt with its mark."""
        self._refresh_prompts()

    # ---------------------------------------------------------------- picking

    def pick(self, index: int) -> None:
        """Pick the choice at display ``index`` (toggle it in a multiple-choice list)."""
        if self.locked or not 0 <= index < len(self.texts):
            return
        if self.multiple:
            picked = self.picked ^ {index}
        else:
            picked = frozenset({index})
        self.highlighted = index
        if picked != self.picked:
            self.picked = picked
            self.answer_changed()

    def action_select(self) -> None:
        """Pick the highlighted choice (space, mouse click)."""
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_pick_number(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown); say so when there is no such choice."""
        if not 1 <= number <= len(self.texts):
            if not self.locked:
                self.notify(_("There is no choice {number}.").format(number=number), severity="warning", markup=False)
            return
        self.pick(number - 1)

    def action_check(self) -> None:
        """Enter: pick the highlighted choice if that is what the reader means, then ask
        to check the answer."""
        if not self.locked and self.highlighted is not None:
            if not self.picked or (not self.multiple and self.highlighted not in self.picked):
                self.pick(self.highlighted)
                return
        self.request_check()


class AnswerInput(AnswerControl, Input):
    """The text box of a typed answer: one line, no markup, no blinking when motion is off.

    Control characters never enter the box, whether typed, pasted or set: they are
    dropped (:func:`~explainer.widgets.text.strip_invisible`), so the reader's answer
    holds only what they can see. Locked, the box is disabled.

    Args:
        respond: turns the typed text into a response.
        **kwargs: as for :class:`~textual.widgets.Input`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "check", N_("Check"), tooltip=N_("Check your answer"), id="answer-check"),
    ]

    DEFAULT_CSS = """
    AnswerInput { width: 1fr; max-width: 60; }
    """

    def __init__(self, *, respond: Callable[[str], Response | None] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.respond = respond

    @property
    def answer(self) -> str:
        """The typed text."""
        return self.value

    def watch_value(self) -> None:
        """Tell the question widget and the screen that the typed answer changed."""
        self.answer_changed()

    def action_check(self) -> None:
        """Enter: ask to check the typed answer."""
        self.request_check()

    def show_marks(self) -> None:
        """Disable the box: the verdict is shown under it, by the question widget."""
        self.disabled = True

    def on_mount(self) -> None:
        """Stop the cursor blinking when the app runs without animations (and in tests)."""
        if self.app.animation_level == "none":
            self.cursor_blink = False

    def validate_value(self, value: str) -> str:
        """The value as it may be kept: ``value`` without control characters."""
        return strip_invisible(value)

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` (typed or pasted) at the cursor, without control characters."""
        super().insert_text_at_cursor(strip_invisible(text))

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the characters from ``start`` to ``end`` with ``text`` (typed or pasted
        over a selection), without control characters."""
        super().replace(strip_invisible(text), start, end)


# ------------------------------------------------------------------ order


class _Arrow(Static):
    """A ▲ or ▼ that moves its row's item when clicked."""

    def __init__(self, row: int, step: int) -> None:
        super().__init__(shown(" ▲ " if step < 0 else " ▼ "), classes="order-move")
        self.row = row
        """The display row the arrow belongs to."""
        self.step = step
        """-1 moves the item up, +1 down."""
        self.tooltip = _("Move up") if step < 0 else _("Move down")

    def on_click(self, event: events.Click) -> None:
        """Move the row's item."""
        event.stop()
        self.post_message(OrderList.MoveClicked(self.row, self.step))


class _OrderRow(Horizontal):
    """One row of an :class:`OrderList`: position, item text (with its verdict), arrows."""

    def __init__(self, row: int, last: bool) -> None:
        super().__init__(classes="order-row")
        self.row = row
        """0-based display row."""
        self.last = last
        """True for the bottom row (its ▼ does nothing)."""

    def compose(self) -> ComposeResult:
        """Number, text, ▲ and ▼ (dimmed where the item cannot go further)."""
        yield Static(classes="order-number")
        yield Static(classes="order-text")
        yield _Arrow(self.row, -1).set_class(self.row == 0, "-idle")
        yield _Arrow(self.row, +1).set_class(self.last, "-idle")

    def on_click(self, event: events.Click) -> None:
        """A click on the row chooses it."""
        self.post_message(OrderList.RowClicked(self.row))


class _RowList(AnswerControl, Widget, can_focus=True):
    """Rows with one chosen row that ↑↓ move and that is kept in view.

    The base of :class:`OrderList` and :class:`MatchList`. A subclass names its row
    widget type in ``ROW`` and implements :meth:`row_count` and :meth:`_redraw`.
    """

    ROW: ClassVar[type[Widget]] = Widget
    """The widget type of one row (queried to scroll the chosen row into view)."""

    chosen: var[int] = var(0)
    """The display row the keys act on."""

    def row_count(self) -> int:
        """How many rows there are."""
        raise NotImplementedError

    def _redraw(self) -> None:
        """Show every row as it now is (the chosen marker included)."""
        raise NotImplementedError

    def watch_chosen(self) -> None:
        """Redraw the marker and keep the chosen row in view."""
        self._redraw()
        rows = list(self.query(self.ROW))
        if 0 <= self.chosen < len(rows):
            rows[self.chosen].scroll_visible(animate=False)

    def action_cursor(self, step: int) -> None:
        """Choose the row above (-1) or below (+1), unless the answer is locked."""
        if not self.locked:
            self.chosen = max(0, min(self.row_count() - 1, self.chosen + step))

    def show_marks(self) -> None:
        """Redraw every row with its mark."""
        self._redraw()


class OrderList(_RowList):
    """The items of an order question as rows the reader moves up and down.

    Args:
        items: the item texts in FILE order (author text, verbatim).
        order: file indexes in the order first shown.
        respond: turns the order (file indexes, top to bottom) into a response.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", N_("Up"), show=False, id="order-up"),
        Binding("down", "cursor(1)", N_("Down"), show=False, id="order-down"),
        Binding("u,shift+up", "move(-1)", N_("Move"), key_display="u/d", id="order-move-up", tooltip=N_("Move the chosen item: u up, d down")),
        Binding("d,shift+down", "move(1)", N_("Move down"), show=False, id="order-move-down", tooltip=N_("Move the chosen item down")),
        Binding("enter", "check", N_("Check"), tooltip=N_("Check this order"), id="order-check"),
    ]

    DEFAULT_CSS = """
    OrderList { height: auto; padding: 0; }
    OrderList .order-row { height: auto; padding: 0 1 0 0; }
    OrderList .order-number { width: 5; }
    OrderList .order-text { width: 1fr; }
    OrderList .order-move { width: 3; margin-left: 1; background: $boost; color: $text-primary; }
    OrderList .order-move:hover { background: $primary 40%; }
    OrderList .order-move.-idle { color: $text-disabled; background: transparent; }
    OrderList.-locked .order-move { display: none; }
    OrderList .order-verdict { width: auto; max-width: 24; margin-left: 1; }
    OrderList .order-row.-chosen { background: $block-cursor-blurred-background; }
    OrderList:focus .order-row.-chosen { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    ROW = _OrderRow

    order: var[tuple[int, ...]] = var(())
    """File indexes of the items, top to bottom."""

    class MoveClicked(Message):
        """A ▲ or ▼ was clicked."""

        def __init__(self, row: int, step: int) -> None:
            self.row = row
            """The display row of the arrow."""
            self.step = step
            """-1 up, +1 down."""
            super().__init__()

    class RowClicked(Message):
        """A row was clicked."""

        def __init__(self, row: int) -> None:
            self.row = row
            """The display row clicked."""
            super().__init__()

    def __init__(
        self,
        items: Sequence[str],
        order: Sequence[int],
        *,
        respond: Callable[[tuple[int, ...]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = tuple(items)
        """Item texts in file order."""
        self.respond = respond
        self.set_reactive(OrderList.order, tuple(order))

    def compose(self) -> ComposeResult:
        """One row per item."""
        for row in range(len(self.items)):
            yield _OrderRow(row, last=row == len(self.items) - 1)

    def on_mount(self) -> None:
        """Fill the rows; the starting order is already an answer."""
        self._redraw()
        self.answer_changed()

    @property
    def answer(self) -> tuple[int, ...]:
        """The order: file indexes, top to bottom."""
        return self.order

    def row_count(self) -> int:
        """How many items there are."""
        return len(self.items)

    def _redraw(self) -> None:
        """Show each item at its row, the chosen row, and any verdicts."""
        rows = list(self.query(_OrderRow))
        if len(rows) != len(self.order):
            return
        for row in rows:
            k = row.row
            chosen = k == self.chosen and not self.locked
            number = Content.assemble(("▸ " if chosen else "  "), (f"{k + 1}.", "bold"))
            row.query_one(".order-number", Static).update(number)
            text = shown(self.items[self.order[k]])
            if k in self.marks:
                text = Content.assemble(text, "\n", self.marks[k])
            row.query_one(".order-text", Static).update(text)
            row.set_class(chosen, "-chosen")

    def watch_order(self) -> None:
        """Redraw after a move."""
        self._redraw()


    def action_move(self, step: int) -> None:
        """Move the chosen item up (-1) or down (+1); the choice follows it."""
        self.move(self.chosen, step)

    def move(self, row: int, step: int) -> None:
        """Move the item at display ``row`` by ``step`` rows (no further than the ends)."""
        target = row + step
        if self.locked or not 0 <= row < len(self.order) or not 0 <= target < len(self.order):
            if 0 <= row < len(self.order) and not self.locked:
                self.chosen = row
            return
        order = list(self.order)
        order[row], order[target] = order[target], order[row]
        self.chosen = target
        self.order = tuple(order)
        self.answer_changed()

    def action_check(self) -> None:
        """Ask to check the current order."""
        self.request_check()

    @on(MoveClicked)
    def _move_clicked(self, event: MoveClicked) -> None:
        event.stop()
        self.focus()
        self.move(event.row, event.step)

    @on(RowClicked)
    def _row_clicked(self, event: RowClicked) -> None:
        event.stop()
        self.focus()
        if not self.locked:
            self.chosen = event.row


# ------------------------------------------------------------------ match


class _MatchLine(Horizontal):
    """One line of a :class:`MatchList`: a left side and the option picked for it."""

    def __init__(self, line: int) -> None:
        super().__init__(classes="match-line")
        self.line = line
        """0-based line (left side, in file order)."""

    def compose(self) -> ComposeResult:
        """The marker of the chosen line, the left side and the pick."""
        yield Static(classes="match-marker")
        yield Static(classes="match-left")
        yield Static(classes="match-pick")

    def on_click(self, event: events.Click) -> None:
        """A click on the line chooses it."""
        self.post_message(MatchList.LineClicked(self.line))


class _MatchOption(Static):
    """One right-hand option, listed once under the lines; a click picks it."""

    def __init__(self, number: int) -> None:
        super().__init__(classes="match-option")
        self.number = number
        """1-based option number, as shown."""

    def on_click(self, event: events.Click) -> None:
        """Pick this option for the chosen line."""
        event.stop()
        self.post_message(MatchList.OptionClicked(self.number))


class MatchList(_RowList):
    """The lines of a match question and the options to pick for them.

    Args:
        lefts: the left sides in file order (author text, verbatim).
        options: the right-hand options in DISPLAY order (author text, verbatim).
        respond: turns the picks (per line, a display index or None) into a response.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", N_("Up"), show=False, id="match-up"),
        Binding("down", "cursor(1)", N_("Down"), show=False, id="match-down"),
        Binding("left", "step(-1)", N_("Previous option"), show=False, id="match-previous"),
        Binding("right", "step(1)", N_("Next option"), show=False, id="match-next"),
        Binding("backspace,delete", "clear", N_("Clear"), show=False, id="match-clear"),
        Binding("enter", "check", N_("Check"), tooltip=N_("Check your answer"), id="match-check"),
        *[
            Binding(str(n), f"pick_number({n})", N_("Pick option"), show=n == 1, key_display="1-9", id=f"match-pick-{n}")
            for n in range(1, 10)
        ],
    ]

    DEFAULT_CSS = """
    MatchList { height: auto; padding: 0; }
    MatchList .match-line { height: auto; }
    MatchList .match-marker { width: 2; }
    MatchList .match-left { width: 1fr; padding-right: 1; }
    MatchList .match-pick { width: 1fr; }
    MatchList .match-line.-chosen { background: $block-cursor-blurred-background; }
    MatchList:focus .match-line.-chosen { background: $block-cursor-background; color: $block-cursor-foreground; }
    MatchList .match-heading { margin-top: 1; text-style: bold; color: $text-muted; }
    MatchList .match-option { padding-left: 2; }
    MatchList .match-option:hover { background: $boost; }
    """

    ROW = _MatchLine

    picks: var[tuple[int | None, ...]] = var(())
    """Per line: the display index (0-based) of the picked option, or None."""

    class LineClicked(Message):
        """A line was clicked."""

        def __init__(self, line: int) -> None:
            self.line = line
            """The line clicked."""
            super().__init__()

    class OptionClicked(Message):
        """An option was clicked."""

        def __init__(self, number: int) -> None:
            self.number = number
            """1-based option number."""
            super().__init__()

    def __init__(
        self,
        lefts: Sequence[str],
        options: Sequence[str],
        *,
        respond: Callable[[tuple[int | None, ...]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lefts = tuple(lefts)
        """Left sides in file order."""
        self.options = tuple(options)
        """Options in display order."""
        self.respond = respond
        self.set_reactive(MatchList.picks, (None,) * len(self.lefts))

    def compose(self) -> ComposeResult:
        """The lines, then the numbered options."""
        for line in range(len(self.lefts)):
            yield _MatchLine(line)
        yield Static(shown(_("Options")), classes="match-heading")
        for number in range(1, len(self.options) + 1):
            yield _MatchOption(number)

    def on_mount(self) -> None:
        """Fill the lines and the options."""
        for option in self.query(_MatchOption):
            marker = Content.styled(f"{option.number}. ", "bold")
            indent = len(f"{len(self.options)}. ")
            option.update(Hanging([(marker, shown(self.options[option.number - 1]))], indent=indent))
        self._redraw()

    @property
    def answer(self) -> tuple[int | None, ...]:
        """The picks: per line, the display index of the option picked, or None."""
        return self.picks

    def row_count(self) -> int:
        """How many lines (left sides) there are."""
        return len(self.lefts)

    def _redraw(self) -> None:
        """Show each line's pick, the chosen line, and any verdicts."""
        lines = list(self.query(_MatchLine))
        if len(lines) != len(self.lefts):
            return
        for line in lines:
            k = line.line
            chosen = k == self.chosen and not self.locked
            line.query_one(".match-marker", Static).update("▸" if chosen else "")
            line.query_one(".match-left", Static).update(shown(self.lefts[k]))
            pick = self.picks[k]
            if pick is None:
                head = Content.styled("→ ", "bold")
                pick_text = Content.styled(_("(pick 1–{count})").format(count=len(self.options)), "$text-muted")
            else:
                head = Content.styled(f"→ {pick + 1}. ", "bold")
                pick_text = shown(self.options[pick])
            if k in self.marks:
                pick_text = Content.assemble(pick_text, "\n", self.marks[k])
            line.query_one(".match-pick", Static).update(Hanging([(head, pick_text)]))
            line.set_class(chosen, "-chosen")

    def watch_picks(self) -> None:
        """Redraw after a pick."""
        self._redraw()


    def pick(self, line: int, option: int | None, *, advance: bool = False) -> None:
        """Pick option ``option`` (display index, None clears) for ``line``.

        With ``advance``, the next line still without a pick is chosen afterwards.
        """
        if self.locked or not 0 <= line < len(self.lefts):
            return
        if option is not None and not 0 <= option < len(self.options):
            return
        picks = list(self.picks)
        picks[line] = option
        self.picks = tuple(picks)
        self.answer_changed()
        if advance:
            open_lines = [k for k in range(len(self.lefts)) if self.picks[k] is None]
            later = [k for k in open_lines if k > line] or open_lines
            if later:
                self.chosen = later[0]

    def action_pick_number(self, number: int) -> None:
        """Pick option ``number`` (1-based) for the chosen line, then go to the next open
        line; say so when there is no such option."""
        if not 1 <= number <= len(self.options):
            if not self.locked:
                self.notify(_("There is no option {number}.").format(number=number), severity="warning", markup=False)
            return
        self.pick(self.chosen, number - 1, advance=True)

    def action_step(self, step: int) -> None:
        """Pick the previous (-1) or next (+1) option for the chosen line."""
        current = self.picks[self.chosen] if self.picks else None
        start = -1 if current is None and step > 0 else (len(self.options) if current is None else current)
        self.pick(self.chosen, (start + step) % len(self.options))

    def action_clear(self) -> None:
        """Clear the chosen line's pick."""
        self.pick(self.chosen, None)

    def action_check(self) -> None:
        """Ask to check the answer."""
        self.request_check()

    @on(LineClicked)
    def _line_clicked(self, event: LineClicked) -> None:
        event.stop()
        self.focus()
        if not self.locked:
            self.chosen = event.line

    @on(OptionClicked)
    def _option_clicked(self, event: OptionClicked) -> None:
        event.stop()
        self.focus()
        self.pick(self.chosen, event.number - 1, advance=True)

