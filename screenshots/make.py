"""Write an SVG screenshot of every screen of the app into screenshots/.

Run from anywhere:  python screenshots/make.py  [PACK_FOLDER]

Uses the bundled pack (or PACK_FOLDER), terminal size 80x24, seed 7 and no animations,
the same settings as the snapshot tests, so the pictures are the same on every run.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ["TEXTUAL_ANIMATIONS"] = "none"  # before Textual is imported

from explainer.pack import bundled_pack_path, load_pack  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = (80, 24)
SEED = 7


def _keys(session, question, right: bool) -> list[str]:
    """The keys that answer ``question`` right (or wrong), before enter checks it."""
    from explainer.widgets import answer_keys

    return answer_keys(question, session.display_order(question.id), right)


#: One extra picture per question type beyond single choice, taken the first time the
#: quiz reaches it: type -> (file name, keys before the picture, keys that undo them).
#: ``None`` for the first keys means "the first half of the answer's own keys".
TYPE_SHOTS: dict[str, tuple[str, list[str] | None, list[str]]] = {
    "short_answer": ("question-short-answer", None, []),
    "numeric": ("question-numeric", ["t", "e", "n", "enter"], ["backspace"] * 3),
    "order": ("question-order", ["h", "d"], ["u"]),
    "match": ("question-match", None, []),
}


async def make(pack_path: Path, out: Path) -> list[Path]:
    """Drive the app through every screen and save one SVG per screen; return the files."""
    from explainer.app import ExplainerApp

    pack = load_pack(pack_path)
    app = ExplainerApp(pack, seed=SEED)
    app.animation_level = "none"
    written: list[Path] = []

    async with app.run_test(size=SIZE) as pilot:

        async def shot(name: str) -> None:
            """Let the screen settle, then save it as screenshots/NAME.svg."""
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            path = out / f"{name}.svg"
            path.write_text(app.export_screenshot(title=f"explainer: {name}"), encoding="utf-8")
            written.append(path)

        await shot("welcome")
        await pilot.press("r", "n")
        await shot("section")
        await pilot.press("z")
        session = app.session
        first = session.current
        await pilot.press(*_keys(session, first, right=False)[:1])
        await shot("question")
        await pilot.press("enter")
        await shot("feedback")
        await pilot.press("r")
        await shot("section-from-quiz")
        await pilot.press("escape", "g")
        await shot("glossary")
        await pilot.press("t")
        await shot("timeline")
        await pilot.press("s")
        await shot("sources")
        await pilot.press("question_mark")
        await shot("help")
        await pilot.press("escape", "n")
        for index, question in enumerate(session.questions[1:], start=1):
            keys = _keys(session, question, right=index % 4 != 0)
            if question.type in TYPE_SHOTS and not any(p.stem == TYPE_SHOTS[question.type][0] for p in written):
                name, before, undo = TYPE_SHOTS[question.type]
                if before is None:
                    half = max(1, len(keys) // 2)
                    before, keys = keys[:half], keys[half:]
                await pilot.press(*before)
                await shot(name)
                await pilot.press(*undo)
            await pilot.press(*keys, "enter", "n")
            await pilot.pause()
        await shot("results")
        await pilot.resize_terminal(50, 12)
        await shot("too-small")
    return written


def main() -> None:
    """Write the screenshots of the pack named on the command line (or the bundled one)."""
    pack_path = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_pack_path()
    for path in asyncio.run(make(pack_path, HERE)):
        print(path)


if __name__ == "__main__":
    main()
