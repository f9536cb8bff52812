"""The garbage collector's settings for a server process (core/server_tuning.py)."""

import gc

import pytest

from balintroom.core import server_tuning


def test_thresholds_default_and_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GC_THRESHOLDS", raising=False)
    assert server_tuning.thresholds_from_env() == server_tuning.DEFAULT_THRESHOLDS
    monkeypatch.setenv("GC_THRESHOLDS", "700, 10, 10")
    assert server_tuning.thresholds_from_env() == (700, 10, 10)


@pytest.mark.parametrize("raw", ["700,10", "a,b,c", "700,-1,10"])
def test_a_wrong_setting_stops_the_server_with_a_clear_message(
        monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("GC_THRESHOLDS", raw)
    with pytest.raises(ValueError, match="GC_THRESHOLDS"):
        server_tuning.thresholds_from_env()


def test_tuning_sets_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GC_THRESHOLDS", "40000,30,500")
    before = gc.get_threshold()
    try:
        server_tuning.tune_for_server()
        assert gc.get_threshold() == (40000, 30, 500)
        assert gc.get_freeze_count() > 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
