"""Issue 17: full garbage collections wait until nothing is loading (views/common/gc_policy)."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from console.views.common.gc_policy import MIN_GEN1_RUNS, IdleCollector


def promote_until_full_collection_is_due() -> None:
    while gc.get_count()[2] < MIN_GEN1_RUNS:
        gc.collect(1)  # each generation-1 collection counts towards the full one


def test_no_automatic_full_collection_and_the_thresholds_come_back(qtbot: QtBot) -> None:
    before = gc.get_threshold()
    collector = IdleCollector(lambda: True, interval_ms=60_000)
    try:
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full > 100_000  # never reached by counting: only the idle timer collects fully
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_a_full_collection_runs_only_while_nothing_is_in_flight(qtbot: QtBot) -> None:
    busy = True
    collector = IdleCollector(lambda: not busy, interval_ms=60_000)
    try:
        promote_until_full_collection_is_due()
        assert not collector.collect_if_idle()  # a load is in flight: no pause now
        assert gc.get_count()[2] >= MIN_GEN1_RUNS
        busy = False
        assert collector.collect_if_idle()
        assert gc.get_count()[2] == 0
        assert not collector.collect_if_idle()  # nothing promoted since: nothing to do
        assert collector.collections == 1
    finally:
        collector.stop()


def test_the_timer_collects_when_the_window_is_idle(qtbot: QtBot) -> None:
    collector = IdleCollector(lambda: True, interval_ms=10)
    try:
        promote_until_full_collection_is_due()
        qtbot.waitUntil(lambda: collector.collections >= 1, timeout=2_000)
    finally:
        collector.stop()


def test_between_loads_the_young_are_collected_and_frozen_a_full_sweep_only_now_and_then(
        qtbot: QtBot) -> None:
    """Issue 17: what survives a load is frozen (no later collection walks the rows on screen);
    cyclic garbage that reached the frozen generation waits for the full sweep, which runs at
    most every ``full_sweep_s``."""
    import weakref

    class Node:
        me: object

    collector = IdleCollector(lambda: True, interval_ms=60_000, full_sweep_s=3600)
    try:
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        gc.freeze()  # it was alive when the survivors of a load were frozen
        del cycle
        promote_until_full_collection_is_due()
        assert collector.collect_if_idle()
        assert collector.sweeps == 0
        assert gc.get_count() == (0, 0, 0)  # frozen: nothing left for a later collection
        assert gone() is not None  # frozen cyclic garbage waits for the sweep
        collector._full_sweep_s = 0.0  # the sweep is due
        promote_until_full_collection_is_due()
        assert collector.collect_if_idle()
        assert collector.sweeps == 1
        assert gone() is None
    finally:
        collector.stop()
        gc.unfreeze()
