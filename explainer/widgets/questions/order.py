"""The widget of an ``order`` question (:mod:`explainer.kinds.order`)."""

from __future__ import annotations

from textual.app import ComposeResult

from explainer.i18n import _
from explainer.kinds import OrderResponse
from explainer.widgets.questions.base import QuestionWidget
from explainer.widgets.questions.controls import OrderList


class OrderWidget(QuestionWidget):
    """An ``order`` question: put the items in the right order, first at the top.

    The items start in the session's shuffled order (never already right), so the
    reader always has an answer to check.
    """

    def compose(self) -> ComposeResult:
        """The list of items."""
        yield OrderList(self.question.items, self.order, respond=OrderResponse, id="items", classes="answer-control")  # type: ignore[union-attr]

    @property
    def order_list(self) -> OrderList:
        """The list of items."""
        return self.query_one(OrderList)

    def how_to(self) -> str:
        """The kind's instruction (``"Put these in order, first at the top."``), and how to
        move items by keys and by mouse, as one sentence."""
        return _("Put these in order, first at the top: ↑↓ choose an item, u/d move it, or click ▲▼.")

    def status_text(self) -> str:
        """Enter checks the order as it stands."""
        return _("Press enter to check this order.")


WIDGET = OrderWidget
"""The registered widget."""
