"""Write an SVG screenshot of every screen of the app.

Run from anywhere:  python screenshots/make.py [--output DIR] [PACK_FOLDER]

Uses the bundled pack (or PACK_FOLDER), terminal size 80x24, seed 7, no animations and
an empty progress folder, the same settings as the snapshot tests, so the pictures are
the same on every run. They go into the screenshots/ folder (or DIR).

Then the welcome screen and the first question in each of the pack's translations
(``welcome-ko.svg``, ``question-ko.svg``), as ``explainer --lang ko`` shows them.

Every picture (or group of pictures) is made by one function in :data:`SCREENS`; each
gets a fresh app on the welcome screen and drives it to its screen. To picture another
screen, write one more such function and add it to the list.

Exit codes: 0 written, 1 the pack is not valid, 2 usage error (such as a pack folder
that does not exist).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ["TEXTUAL_ANIMATIONS"] = "none"  # before Textual is imported

from explainer.pack import PackError, PackNotFound, bundled_pack_path, load_pack  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = (80, 24)
SEED = 7
EXIT_INVALID = 1
"""Exit code: the pack is not valid."""
EXIT_USAGE = 2
"""Exit code: usage error (unknown option, no such pack folder, unusable output folder)."""


@dataclass
class Tour:
    """What a screen function drives: the app, its Pilot, and :meth:`shot`."""

    app: Any
    """The running :class:`~explainer.app.ExplainerApp`."""
    pilot: Any
    """The app's Pilot: ``await tour.pilot.press(...)``."""
    out: Path
    """The folder the pictures go into."""
    written: list[Path] = field(default_factory=list)
    """The pictures written so far."""

    async def press(self, *keys: str) -> None:
        """Press ``keys``, then let the app settle."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def shot(self, name: str) -> None:
        """Let the screen settle, then save it as ``<out>/NAME.svg``."""
        await self.pilot.pause()
        await self.pilot.wait_for_scheduled_animations()
        await self.pilot.pause()
        path = self.out / f"{name}.svg"
        path.write_text(self.app.export_screenshot(title=f"explainer: {name}"), encoding="utf-8")
        self.written.append(path)


def _keys(tour: Tour, question: Any, right: bool) -> list[str]:
    """The keys that answer ``question`` right (or wrong), before enter checks it (the
    tests' helper, ``tests/answering.py``)."""
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    from answering import answer_keys

    return answer_keys(question, tour.app.session.display_order(question.id), right)


async def _answer_rest(tour: Tour, before_each: Callable[[Any, list[str]], Awaitable[list[str]]] | None = None) -> None:
    """Answer every question left (every fourth one wrong) up to the results.

    ``before_each(question, keys)`` may press keys first and returns the keys still to
    press for the answer.
    """
    session = tour.app.session
    while not session.finished and session.current is not None:
        question = session.current
        keys = _keys(tour, question, right=session.position % 4 != 0)
        if before_each is not None:
            keys = await before_each(question, keys)
        await tour.press(*keys, "enter", "n")


# ------------------------------------------------------------------ one function per screen


async def welcome(tour: Tour) -> None:
    """The welcome screen."""
    await tour.shot("welcome")


async def section(tour: Tour) -> None:
    """The second section of the explainer; then the first section with a figure,
    scrolled to it (skipped when the pack has no figures)."""
    await tour.press("r", "n")
    await tour.shot("section")
    with_figures = [i for i, s in enumerate(tour.app.pack.sections) if s.figures]
    if with_figures:
        tour.app.start_reading(with_figures[0])
        await tour.pilot.pause()
        await tour.pilot.pause()
        tour.app.screen.query_one("#section-figures").scroll_visible(animate=False, top=True)
        await tour.shot("figure")


async def question_and_feedback(tour: Tour) -> None:
    """The first question with a wrong choice picked; then its feedback; then the
    section behind it, opened from the feedback."""
    await tour.press("z")
    first = tour.app.session.current
    await tour.press(*_keys(tour, first, right=False)[:1])
    await tour.shot("question")
    await tour.press("enter")
    await tour.shot("feedback")
    await tour.press("r")
    await tour.shot("section-from-quiz")


async def reference(tour: Tour) -> None:
    """Glossary, timeline, sources and help, opened over the quiz."""
    await tour.press("z")
    for key, name in (("g", "glossary"), ("t", "timeline"), ("s", "sources"), ("question_mark", "help")):
        await tour.press(key)
        await tour.shot(name)


#: One picture per question type beyond single choice, taken the first time the quiz
#: reaches it: type -> (file name, keys before the picture, keys that undo them).
#: ``None`` for the first keys means "the first half of the answer's own keys".
TYPE_SHOTS: dict[str, tuple[str, list[str] | None, list[str]]] = {
    "short_answer": ("question-short-answer", None, []),
    "numeric": ("question-numeric", ["t", "e", "n", "enter"], ["backspace"] * 3),
    "order": ("question-order", ["h", "d"], ["u"]),
    "match": ("question-match", None, []),
}


async def question_types(tour: Tour) -> None:
    """One picture of each question type in :data:`TYPE_SHOTS`, half answered."""
    taken: set[str] = set()

    async def picture(question: Any, keys: list[str]) -> list[str]:
        if question.type not in TYPE_SHOTS or question.type in taken:
            return keys
        taken.add(question.type)
        name, before, undo = TYPE_SHOTS[question.type]
        if before is None:
            half = max(1, len(keys) // 2)
            before, keys = keys[:half], keys[half:]
        await tour.press(*before)
        await tour.shot(name)
        await tour.press(*undo)
        return keys

    await tour.press("z")
    await _answer_rest(tour, picture)


async def results(tour: Tour) -> None:
    """The results of an attempt with every fourth question wrong."""
    await tour.press("z")
    await _answer_rest(tour)
    await tour.shot("results")


async def too_small(tour: Tour) -> None:
    """The message shown when the terminal is below the minimum size."""
    await tour.pilot.resize_terminal(50, 12)
    await tour.shot("too-small")


SCREENS: list[Callable[[Tour], Awaitable[None]]] = [
    welcome,
    section,
    question_and_feedback,
    reference,
    question_types,
    results,
    too_small,
]
"""The screen functions, in the order they run; each starts on a fresh welcome screen."""


# ---- progress screens (issue 4): the resume prompt and the history --------------------


async def resume(tour: Tour) -> None:
    """The prompt on start after leaving the quiz part-way (two questions answered)."""
    await tour.press("z")
    for _ in range(2):
        await tour.press(*_keys(tour, tour.app.screen.question, True), "enter", "n")
    await tour.press("escape")
    tour.app.offer_resume()  # what the next start of the app asks
    await tour.press()
    await tour.shot("resume")


async def history(tour: Tour) -> None:
    """The history after three attempts and a review round (times fixed, shown in UTC)."""
    import datetime as dt
    import time

    for wrong_every in (2, 4, 0):
        await tour.press("z" if wrong_every == 2 else "r")
        session = tour.app.session
        for index, question in enumerate(session.questions):
            right = not wrong_every or index % wrong_every
            await tour.press(*_keys(tour, question, bool(right)), "enter", "n")
        if wrong_every == 2:
            await tour.press("m")
            for question in tour.app.session.questions:
                await tour.press(*_keys(tour, question, True), "enter", "n")
    start = dt.datetime(2025, 2, 3, 18, 0, tzinfo=dt.timezone.utc)

    def fixed(progress):
        attempts = tuple(
            a.model_copy(update={"started": start + dt.timedelta(days=n), "finished": start + dt.timedelta(days=n, minutes=7)})
            for n, a in enumerate(progress.attempts)
        )
        return progress.model_copy(update={"attempts": attempts})

    tour.app.flow.progress = fixed(tour.app.flow.progress)
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        await tour.press("y")
        await tour.shot("history")
    finally:
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
        time.tzset()


SCREENS += [resume, history]


# ------------------------------------------------------------------ running


async def make(pack_path: Path, out: Path) -> list[Path]:
    """Run every function in :data:`SCREENS` on a fresh app; return the files written.

    Raises:
        PackNotFound: ``pack_path`` is not a folder.
        PackError: the pack is not valid.
    """
    from explainer.app import ExplainerApp

    pack = load_pack(pack_path)
    written: list[Path] = []
    for screen in SCREENS:
        with tempfile.TemporaryDirectory(prefix="explainer-screenshots-") as data_dir:
            app = ExplainerApp(pack, seed=SEED, data_dir=data_dir)
            app.animation_level = "none"
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                tour = Tour(app, pilot, out)
                await screen(tour)
                written += tour.written
    written += await _translated(pack_path, out)
    return written


TRANSLATED_SCREENS = ("welcome", "question")
"""The screens pictured in each language the pack is translated into, as NAME-LANG.svg."""


async def _translated(pack_path: Path, out: Path) -> list[Path]:
    """The welcome screen and the first question in each of the pack's translations
    (``welcome-ko.svg``, ``question-ko.svg``...), as ``explainer --lang LANG`` shows them."""
    from explainer import i18n
    from explainer.app import ExplainerApp
    from explainer.launch import open_lesson
    from explainer.pack.translations import translation_folders

    written: list[Path] = []
    for language in translation_folders(pack_path):
        try:
            lesson = open_lesson(pack_path, language, environ={})
            with tempfile.TemporaryDirectory(prefix="explainer-screenshots-") as data_dir:
                app = ExplainerApp(lesson.pack, seed=SEED, data_dir=data_dir, languages=lesson.languages)
                app.animation_level = "none"
                async with app.run_test(size=SIZE) as pilot:
                    await pilot.pause()
                    tour = Tour(app, pilot, out)
                    await tour.shot(f"welcome-{language}")
                    await tour.press("z")
                    await tour.shot(f"question-{language}")
                    written += tour.written
        finally:
            i18n.use("en")
    return written


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line (argparse exits 2 on a usage error, 0 after ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="python screenshots/make.py",
        description="Write an SVG screenshot of every screen of explainer (80x24, seed 7).",
    )
    parser.add_argument(
        "pack", nargs="?", type=Path, default=None, metavar="PACK_FOLDER",
        help="the pack to picture (default: the bundled pack)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=HERE, metavar="DIR",
        help="folder to write the SVGs into, created if missing (default: %(default)s)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots; print one line per file, or one line saying what is wrong.

    Returns the exit code: 0 written, 1 invalid pack, 2 usage error.
    """
    args = parse_args(argv)
    pack_path: Path = args.pack if args.pack is not None else bundled_pack_path()
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"make.py: cannot use {args.output} as the output folder: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        written = asyncio.run(make(pack_path, args.output))
    except PackNotFound as exc:
        print(f"make.py: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PackError as exc:
        count = len(exc.errors)
        problems = "problem" if count == 1 else "problems"
        print(
            f"make.py: {pack_path} is not a valid pack ({count} {problems}; "
            f"see them with: explainer validate {pack_path})",
            file=sys.stderr,
        )
        return EXIT_INVALID
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
