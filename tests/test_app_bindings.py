"""Every key binding of the app, its screens and its widgets carries an id, so that a
keymap (``App.set_keymap``) can rebind it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from conftest import SEED
from textual.binding import Binding
from textual.dom import DOMNode

import explainer
from explainer.app import ExplainerApp
from explainer.screens.quiz import QuizScreen
from explainer.widgets import ChoiceList


def _our_bindings() -> list[tuple[str, Binding]]:
    """``(class name, binding)`` of every binding a class of explainer declares itself."""
    found = []
    for module_info in pkgutil.walk_packages(explainer.__path__, "explainer."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, DOMNode) or not cls.__module__.startswith("explainer."):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    found.append((cls.__qualname__, binding))
    return found


def test_every_binding_has_an_id():
    bindings = _our_bindings()
    assert len(bindings) > 40
    assert [(name, b.key, b.action) for name, b in bindings if not b.id] == []


def test_binding_ids_name_one_action_each():
    """One id never stands for two different actions (a keymap entry rebinds one thing)."""
    actions: dict[str, set[str]] = {}
    for _, binding in _our_bindings():
        actions.setdefault(binding.id or "", set()).add(binding.action)
    assert {id_: acts for id_, acts in actions.items() if len(acts) > 1} == {}


async def test_a_keymap_rebinds_a_widget_key(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        app.update_keymap({"choice-pick-2": "x"})
        await pilot.press("z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.press("x")
        await pilot.pause()
        assert screen.query_one(ChoiceList).picked == {1}
