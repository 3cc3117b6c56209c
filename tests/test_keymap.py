"""Keys the reader can change: keys.toml through Textual's keymap."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import SEED, Notices, screen_text

from explainer.app import ExplainerApp
from explainer.keymap import all_bindings, keys_markdown, load_keymap
from explainer.screens.explainer import ExplainerScreen

ROOT = Path(__file__).parent.parent


def write_keys(text: str) -> Path:
    import os

    folder = Path(os.environ["EXPLAINER_CONFIG_DIR"])
    (folder / "keys.toml").write_text(text, encoding="utf-8")
    return folder / "keys.toml"


def test_docs_keys_md_is_the_list_of_every_binding():
    assert (ROOT / "docs" / "keys.md").read_text(encoding="utf-8") == keys_markdown()


def test_every_binding_in_the_code_has_an_id_and_is_listed():
    """Scan the source: every Binding(...) passes id=, and every class with BINDINGS is
    one that the registry (and so docs/keys.md) covers."""
    listed = all_bindings()
    for path in (ROOT / "explainer").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                assert any(k.arg == "id" for k in node.keywords), f"{path}:{node.lineno}: a Binding without an id"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("@"):
                pass
    ids = {binding.id for _, binding in listed.values()}
    assert "section-next" in ids and "quiz-skip" in ids and "filter" in ids and "match-clear" in ids


async def test_a_keys_file_rebinds_a_key_and_the_footer_and_help_show_it(mini_pack, tmp_path):
    path = write_keys('section-next = "j"\n')
    try:
        app = ExplainerApp(mini_pack, seed=SEED)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExplainerScreen) and screen.index == 0
            assert "j Next" in screen_text(app).splitlines()[-1]
            await pilot.press("n")  # the old key no longer moves on
            await pilot.pause()
            assert screen.index == 0
            await pilot.press("j")
            await pilot.pause()
            assert screen.index == 1
            await pilot.press("question_mark")
            await pilot.pause()
            rows = [
                line.plain
                for block in app.screen.query(".keys-group")
                for line in block.render().lines(200)  # the Hanging each group is drawn with
            ]
            row = next(line for line in rows if "next section (after the last" in line)
            assert row.split("next section")[0].strip() == "j"
    finally:
        path.unlink()


async def test_a_bad_keys_file_gives_one_notice_and_the_defaults(mini_pack):
    path = write_keys('section-next = "j"\nthis is not toml\n')
    try:
        seen = Notices()
        app = ExplainerApp(mini_pack, seed=SEED)
        async with app.run_test(size=(100, 30), message_hook=seen) as pilot:
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("n")  # the default still works
            await pilot.pause()
            assert app.screen.index == 1
        notices = [n for n in seen.messages if "keys file" in n]
        assert len(notices) == 1 and "line 2" in notices[0] and str(path) in notices[0]
    finally:
        path.unlink()


def test_unknown_ids_and_bad_values_are_named_and_left_out(tmp_path):
    (tmp_path / "keys.toml").write_text(
        'section-next = "j"\nno-such-id = "x"\nquiz-skip = 5\nquiz-hint = "ctrl+"\n', encoding="utf-8"
    )
    keymap, notices = load_keymap(tmp_path)
    assert keymap == {"section-next": "j"}
    assert any("no-such-id" in n for n in notices)
    assert any("quiz-skip must be a string" in n for n in notices)
    assert any("quiz-hint" in n and "not a key" in n for n in notices)


def test_no_keys_file_means_no_keymap_and_no_notice(tmp_path):
    assert load_keymap(tmp_path) == ({}, [])
