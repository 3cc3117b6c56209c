"""The widget of a ``numeric`` question (:mod:`explainer.kinds.numeric`).

Text that is not a number is never scored: checking it shows the reason under the box
instead, and the reader can correct it.
"""

from __future__ import annotations

from explainer.i18n import N_, _
from explainer.widgets.questions.typed import TypedAnswerWidget


class NumericWidget(TypedAnswerWidget):
    """A ``numeric`` question: type a number."""

    placeholder = N_("Type a number, e.g. 10000 or 10,000")
    max_length = 40
    empty_message = N_("Type a number first.")

    def status_text(self) -> str:
        """What to do next: type, correct the number, or press enter."""
        if self.has_answer and self.response is None:
            return _("Enter checks it; it must be a number.")
        return super().status_text()


WIDGET = NumericWidget
"""The registered widget."""
