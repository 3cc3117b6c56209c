"""The latency benchmark keeps working (a tiny run; no figure is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))


async def test_the_latency_benchmark_runs_every_action_on_a_small_pack(monkeypatch, tmp_path):
    import latency

    monkeypatch.setenv("EXPLAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EXPLAINER_CONFIG_DIR", str(tmp_path / "config"))  # run() sets both; restored after
    report = await latency.run(keys=2, rounds=1, seconds=60, questions=30)
    actions = report["actions"]
    assert set(actions) == {"answer", "check", "next", "glossary", "sidebar"}
    assert all(figures["n"] >= 2 for figures in actions.values())
    assert report["baseline"]["n"] == 2
    assert set(report["same_work"]) == {"check", "next", "glossary"}
    assert all(report["same_work"][name]["n"] >= 2 for name in ("check", "next", "glossary"))


async def test_the_classroom_load_benchmark_runs_a_session_to_the_end():
    import classroom_load

    figures = await classroom_load.run(sessions=1, seconds=120)
    assert figures["completed"] == 1 and figures["attempts_exactly_once"], figures["errors"]
    assert figures["processes_seen"] == 1 and figures["rss_max_mb"] > 10
