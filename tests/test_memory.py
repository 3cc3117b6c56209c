"""Full garbage collections run between key presses, not in the middle of one
(:mod:`explainer.memory`): what the idle collector decides, and that the app uses it."""

from __future__ import annotations

import gc

from explainer import memory
from explainer.app import ExplainerApp
from explainer.memory import IdleCollector


class Clock:
    """A clock the test moves by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_collected_without_input_or_while_keys_keep_coming() -> None:
    clock, runs = Clock(), []
    collector = IdleCollector(clock, lambda: runs.append(clock.now))
    clock.now += 5
    assert not collector.tick()  # nothing happened: nothing to collect
    for _ in range(10):  # a key every 0.1 s
        collector.input()
        clock.now += 0.1
        assert not collector.tick()
    clock.now += memory.QUIET_SECONDS
    assert collector.tick() and runs == [clock.now]
    clock.now += 10
    assert not collector.tick()  # once per quiet spell


def test_steady_input_still_gets_a_collection_now_and_then() -> None:
    clock, runs = Clock(), []
    collector = IdleCollector(clock, lambda: runs.append(clock.now))
    steps = int(memory.LONGEST_SECONDS / 0.1) + 5
    for _ in range(steps):
        collector.input()
        clock.now += 0.1
        collector.tick()
    assert len(runs) == 1 and collector.collections == 1


def test_start_takes_full_collections_from_python_and_stop_gives_them_back() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    assert gc.get_threshold()[:2] == before[:2]  # young collections as before
    assert gc.get_threshold()[2] == memory.FULL_COLLECTIONS_BY_PYTHON
    collector.stop()
    assert gc.get_threshold() == before


async def test_the_app_collects_between_keys_and_restores_python_on_exit(mini_pack) -> None:
    before = gc.get_threshold()
    app = ExplainerApp(mini_pack, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app._collector is not None
        assert gc.get_threshold()[2] == memory.FULL_COLLECTIONS_BY_PYTHON
        assert gc.get_freeze_count() > 0  # the pack and the progress are out of the way
        await pilot.press("g")
        await pilot.press("escape")
        await pilot.pause(memory.QUIET_SECONDS + 0.5)
        assert app._collector.collections >= 1
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
