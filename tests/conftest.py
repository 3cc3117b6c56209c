"""Shared fixtures for the app tests: packs, a seeded app, and screen-text helpers.

TEXTUAL_ANIMATIONS must be set before Textual is imported, so it is set here, at the
top of the first module pytest loads.

No test touches the reader's real data folder: ``EXPLAINER_DATA_DIR`` points at a
throw-away folder for the whole run (set here, before anything reads it), and every
test gets a fresh empty one of its own (the autouse fixture :func:`_own_data_dir`), so
progress, attempts and settings saved by one app test never show in another. The same
goes for the cache of validated packs (``EXPLAINER_CACHE_DIR``): the suite never writes
the reader's cache folder.

Speed (the whole suite runs in under three minutes on two cores):

- ``-n auto`` starts two pytest-xdist workers per core (:func:`pytest_xdist_auto_num_workers`):
  a Pilot test spends much of its time asleep in Pilot's idle waits, so two workers
  keep a core busy. ``PYTEST_XDIST_AUTO_NUM_WORKERS`` or ``-n N`` still override it.
- Hypothesis examples come from a profile (:data:`HYPOTHESIS_PROFILES`): ``default`` runs
  50 examples a test; ``EXPLAINER_HYPOTHESIS_PROFILE=long`` runs 2,000.
- The fuzz test and the SIGKILL test run fewer steps by default; their environment
  variables (``EXPLAINER_FUZZ_*``, ``EXPLAINER_KILL_ROUNDS``) run them longer.
- Each worker starts on its share of the heaviest tests (:data:`HEAVY_TESTS`,
  :func:`pytest_collection_modifyitems`), so none of them starts late and holds up the end.
"""

from __future__ import annotations

import os

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

import tempfile  # noqa: E402

os.environ["EXPLAINER_DATA_DIR"] = tempfile.mkdtemp(prefix="explainer-tests-")
os.environ["EXPLAINER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="explainer-tests-config-")
os.environ["EXPLAINER_CACHE_DIR"] = tempfile.mkdtemp(prefix="explainer-tests-cache-")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from answering import right_keys, wrong_keys  # noqa: E402, F401 (the tests import them from here)
from explainer.pack import Pack, bundled_pack_path, load_pack  # noqa: E402

HYPOTHESIS_PROFILES = {"default": 50, "long": 2000}
"""Examples per Hypothesis test in each profile; ``EXPLAINER_HYPOTHESIS_PROFILE`` picks one."""

for _name, _examples in HYPOTHESIS_PROFILES.items():
    settings.register_profile(_name, max_examples=_examples, deadline=None)
settings.load_profile(os.environ.get("EXPLAINER_HYPOTHESIS_PROFILE", "default"))


def pytest_xdist_auto_num_workers(config) -> int:
    """How many workers ``-n auto`` starts: two per core, at most 16.

    A Pilot test waits for the app to go idle in 20 ms sleeps, so one worker per core
    leaves the cores idle part of the time; a second worker per core fills it (the suite
    Pilot tests ran
    about a sixth faster on two cores with four workers than with two).
    ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still sets the number, as pytest-xdist documents.
    """
    from_env = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if from_env:
        return int(from_env)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(2 * cores, 16)


HEAVY_TESTS: tuple[str, ...] = (
    "test_answer_every_question_and_review",
    "test_fuzz_every_question_type",
    "test_fuzz_bundled_pack",
    "test_resizing_every_screen_through_tiny_sizes_never_crashes",
    "test_a_real_terminal_receives_no_control_sequence_from_content",
    "test_every_screen_shows_control_characters_visibly",
    "test_sigkill_never_leaves_a_torn_or_mixed_file",
    "test_review_round_asks_the_queue_and_says_how_many_were_right",
    "test_results_say_which_hints_were_used",
)
"""Tests that take 10-30 s each (slowest first): each worker starts with its share."""


def pytest_collection_modifyitems(config, items) -> None:
    """Start every xdist worker on its share of :data:`HEAVY_TESTS`, keeping the rest in order.

    ``--dist worksteal`` hands each of the N workers one contiguous slice of the
    collection, and idle workers steal from the end of the others' slices. A long test
    near the end of a slice starts late and keeps the whole run waiting for it; so the
    heavy tests are dealt out round-robin to the front of the N slices. Every worker
    collects the same order (xdist requires it). Without xdist nothing moves.
    """
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers < 2:
        return
    heavy = sorted(
        (item for item in items if getattr(item, "originalname", "") in HEAVY_TESTS),
        key=lambda item: HEAVY_TESTS.index(getattr(item, "originalname", "")),
    )
    if not heavy:
        return
    rest = iter([item for item in items if getattr(item, "originalname", "") not in HEAVY_TESTS])
    ordered = []
    remaining = len(items)
    for worker in range(workers):
        size = remaining // (workers - worker)  # the slice worksteal sends this worker
        remaining -= size
        share = heavy[worker::workers]
        ordered.extend(share)
        ordered.extend(item for _, item in zip(range(size - len(share)), rest))
    ordered.extend(rest)
    items[:] = ordered


FIXTURES = Path(__file__).parent / "fixtures"
"""Folder of the test packs."""

SEED = 7
"""The seed every app test uses, so shuffles are the same on every run."""


@pytest.fixture(autouse=True)
def _english_interface():
    """Every test starts and ends with the English interface in force (explainer.i18n
    keeps one language per process; a test that opens a Korean lesson must not leave
    it for the next test in its worker)."""
    from explainer import i18n

    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Point ``EXPLAINER_DATA_DIR`` at a fresh empty folder for this test, and
    ``EXPLAINER_CACHE_DIR`` (the pack cache) at another; return the data folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("EXPLAINER_DATA_DIR", str(folder))
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return folder


@pytest.fixture
def data_dir(_own_data_dir) -> Path:
    """This test's data folder (the one ``EXPLAINER_DATA_DIR`` names): pass it as
    ``data_dir=`` to open two apps on the same saved progress."""
    return _own_data_dir


@pytest.fixture(scope="session")
def mini_pack() -> Pack:
    """A small pack of single, multiple and true/false questions (tests/fixtures/mini)."""
    return load_pack(FIXTURES / "mini")


@pytest.fixture(scope="session")
def every_type_pack() -> Pack:
    """A small pack with one question of every type (tests/fixtures/every-type): a pinned
    choice, partial scoring, hints, and square brackets in order items and match sides."""
    return load_pack(FIXTURES / "every-type")


@pytest.fixture(scope="session")
def verbatim_pack() -> Pack:
    """A pack full of markup look-alikes, backslashes, Korean and emoji."""
    return load_pack(FIXTURES / "verbatim")


@pytest.fixture(scope="session")
def bundled_pack() -> Pack:
    """The pack that ships with explainer (content/nk-pows)."""
    return load_pack(bundled_pack_path())


class Notices:
    """A ``message_hook`` for ``App.run_test`` that keeps the text of every notification
    the app shows, in order (Textual posts each one to the app as a ``Notify`` message).

    Use: ``notices = Notices()``, ``app.run_test(message_hook=notices)``, then
    ``notices.messages``; :meth:`clear` forgets those seen so far.
    """

    def __init__(self) -> None:
        self.messages: list[str] = []
        """The notifications' text, oldest first."""

    def __call__(self, message) -> None:
        """Keep ``message``'s text if it is a notification."""
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.messages.append(message.notification.message)

    def clear(self) -> None:
        """Forget the notifications seen so far."""
        self.messages.clear()


def screen_text(app) -> str:
    """Return the text of the screen as the terminal shows it, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def find_text(app, text: str) -> tuple[int, int]:
    """Return the (x, y) cell where ``text`` starts on screen; AssertionError if absent."""
    from rich.cells import cell_len

    for y, line in enumerate(screen_text(app).splitlines()):
        index = line.find(text)
        if index >= 0:
            return cell_len(line[:index]), y
    raise AssertionError(f"{text!r} is not on screen:\n{screen_text(app)}")


def is_visit(screen) -> bool:
    """True when ``screen`` is a section opened over another screen (a reading screen in
    visiting mode: escape returns to the screen beneath)."""
    from explainer.screens.explainer import ExplainerScreen

    return isinstance(screen, ExplainerScreen) and screen.visiting


def snapshot_app(fixture: str = "mini") -> "ExplainerApp":  # noqa: F821 (imported inside)
    """An app on the fixture pack ``fixture`` (tests/fixtures) with the fixed seed and
    animations off, as every snapshot test takes it."""
    from explainer.app import ExplainerApp

    app = ExplainerApp(load_pack(FIXTURES / fixture), seed=SEED)
    app.animation_level = "none"
    return app


async def settle(pilot) -> None:
    """Wait until the app is idle and its animations are done (before a snapshot)."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
