"""The first screen of a class served in the browser: a student signs in.

Shown instead of the welcome screen when the app runs for a class (``explainer serve``
starts it with ``--class-dir``). The student types a display name and a PIN of 4 to 8
digits (and the class code, when the teacher's server asks for one); the rules are in
:mod:`explainer.classroom`. On success the app keeps this student's progress in their
own folder and shows the welcome screen.
"""

from __future__ import annotations

import hmac

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from explainer.classroom import MAX_NAME, SignInRefused, sign_in
from explainer.i18n import _
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown


class SignInScreen(Screen[None]):
    """Name, PIN (hidden as typed), the class code when one is needed, and "Sign in".

    Args:
        class_dir: the class folder.
        class_code: the code the teacher's server asks for, or None.
    """

    CSS_PATH = "signin.tcss"
    AUTO_FOCUS = "#name"

    def __init__(self, class_dir, class_code: str | None = None) -> None:
        super().__init__()
        self.class_dir = class_dir
        """The class folder."""
        self.class_code = class_code
        """The class code students must type, or None."""

    def compose(self) -> ComposeResult:
        """The bar, the three boxes, the button, a line for what went wrong, the keys."""
        yield TopBar(_("Sign in to the class"), "")
        with VerticalScroll(id="signin-form"):
            yield Static(shown(_("Your name, as your teacher will see it")), classes="label")
            yield Input(id="name", max_length=MAX_NAME, placeholder=_("Your name"))
            yield Static(shown(_("Your PIN: 4 to 8 digits. The first time, choose one; after that, type the same.")), classes="label")
            yield Input(id="pin", password=True, max_length=8, restrict=r"[0-9]*", placeholder=_("PIN"))
            if self.class_code:
                yield Static(shown(_("The class code your teacher gave you")), classes="label")
                yield Input(id="code", password=False, max_length=32, placeholder=_("Class code"))
            yield Static(id="signin-status")
            yield Button(_("Sign in"), id="sign-in", variant="primary")
        yield KeyFooter()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a box moves to the next empty one, or signs in from the last."""
        order = [box for box in self.query(Input)]
        for box in order:
            if not box.value:
                box.focus()
                return
        self.attempt()

    @on(Button.Pressed, "#sign-in")
    def _pressed(self) -> None:
        self.attempt()

    def refuse(self, message: str, box: str) -> None:
        """Say why the sign-in did not go through (on the status line above the button,
        and as a notification), and put the cursor in ``box``."""
        self.query_one("#signin-status", Static).update(shown(message))
        self.notify(message, severity="error", markup=False)
        self.query_one(box, Input).focus()

    def attempt(self) -> None:
        """Check the class code, then sign in (:func:`explainer.classroom.sign_in`); on
        success tell the app, else say why (:meth:`refuse`)."""
        if self.class_code:
            typed = self.query_one("#code", Input).value.strip()
            if not hmac.compare_digest(typed.encode(), self.class_code.encode()):
                self.refuse(_("That class code is not this class's. Check it with your teacher."), "#code")
                return
        name = self.query_one("#name", Input).value
        pin = self.query_one("#pin", Input).value
        try:
            student = sign_in(self.class_dir, name, pin)
        except SignInRefused as refused:
            self.query_one("#pin", Input).value = ""
            self.refuse(refused.message, "#pin")
            return
        self.app.signed_in(student)  # type: ignore[attr-defined]
