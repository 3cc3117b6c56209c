"""When the garbage collector may run: between key presses, not in the middle of one.

Textual's widgets refer to their parents and their parents to them, so a screen that
closes is freed only by a full collection, and on this app a full collection takes 20 to
65 ms (measured by ``benchmarks/latency.py`` on a 1,000-question pack, 2 cores). Left to
itself, Python starts one whenever enough objects have piled up, which is often in the
middle of the work for a key press: the reader sees the answer checked a frame or four
late. So the app:

1. at startup, once the pack and the saved progress are built, freezes
   (:func:`gc.freeze`) everything made so far, which lives as long as the app and no
   collection needs to walk again (no collection first: the little garbage of startup
   is not worth a full pass, measured as 13 % more CPU in the app's tests);
2. leaves the young generations to Python (each pass well under 2 ms) but runs the full
   collection itself (:class:`IdleCollector`): once the reader has pressed nothing for
   :data:`QUIET_SECONDS`, or at the latest every :data:`LONGEST_SECONDS` of steady
   input, so memory stays bounded whatever the reader does.

Pure Python: no Textual.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

__all__ = ["LONGEST_SECONDS", "QUIET_SECONDS", "IdleCollector", "settle"]

QUIET_SECONDS = 0.8
"""Seconds without a key press or click after which a full collection runs."""

LONGEST_SECONDS = 20.0
"""Seconds of steady input after which a full collection runs anyway."""

FULL_COLLECTIONS_BY_PYTHON = 1_000_000
"""The third :func:`gc.set_threshold` value while the app runs: young-generation passes
between full collections, so many that Python never starts one itself."""


def settle() -> None:
    """Freeze everything alive (:func:`gc.freeze`): the pack, the saved progress and
    Textual's own tables are never walked by a collection again."""
    gc.freeze()


class IdleCollector:
    """Runs full garbage collections when the reader is not pressing keys.

    Call :meth:`input` on each key press or click and :meth:`tick` from a timer (every
    fraction of a second); :meth:`tick` collects when :meth:`due`. :meth:`start` takes
    full collections away from Python; :meth:`stop` gives them back.

    Args:
        clock: seconds, monotonic (default :func:`time.monotonic`); tests pass their own.
        collect: what a full collection is (default :func:`gc.collect`).
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[], object] = gc.collect,
    ) -> None:
        self._clock = clock
        self._collect = collect
        now = clock()
        self.last_input = now
        """When the reader last pressed a key or clicked (clock seconds)."""
        self.last_collection = now
        """When the last full collection ran (clock seconds)."""
        self.collections = 0
        """How many full collections this object has run."""
        self._dirty = False
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Stop Python from starting full collections (young ones still run)."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _full = self._thresholds
            gc.set_threshold(young, middle, FULL_COLLECTIONS_BY_PYTHON)

    def stop(self) -> None:
        """Give full collections back to Python (the thresholds before :meth:`start`)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input(self) -> None:
        """Note a key press or a click: the reader is busy, and garbage may follow."""
        self.last_input = self._clock()
        self._dirty = True

    def due(self) -> bool:
        """True when a full collection should run now: there has been input since the
        last one, and either none for :data:`QUIET_SECONDS` or the last collection was
        :data:`LONGEST_SECONDS` ago."""
        if not self._dirty:
            return False
        now = self._clock()
        return now - self.last_input >= QUIET_SECONDS or now - self.last_collection >= LONGEST_SECONDS

    def tick(self) -> bool:
        """Collect if :meth:`due`; returns True when it did."""
        if not self.due():
            return False
        self._collect()
        self.last_collection = self._clock()
        self._dirty = False
        self.collections += 1
        return True
