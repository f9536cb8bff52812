"""Timer arithmetic: an absolute deadline while running, the remaining seconds while paused."""

from dataclasses import FrozenInstanceError

import pytest

from balintroom.method.timer import (
    Timer,
    timer_extend,
    timer_left,
    timer_overrun,
    timer_pause,
    timer_resume,
    timer_start,
)

T0 = 1_700_000_000.0  # server time, seconds since the epoch


def test_it_starts_unset_neither_running_nor_paused():
    timer = Timer()
    assert not timer.running
    assert not timer.paused
    assert timer_left(timer, now=T0) == 0.0
    assert not timer_overrun(timer, now=T0)


@pytest.mark.parametrize("minutes", [1, 5, 10, 20, 0.5])
def test_it_starts_with_an_absolute_deadline(minutes):
    timer = timer_start(now=T0, minutes=minutes)
    assert timer.deadline == T0 + minutes * 60
    assert timer.remaining is None
    assert timer.running
    assert not timer.paused
    assert timer_left(timer, now=T0) == minutes * 60


@pytest.mark.parametrize("elapsed", [0, 1, 59, 300, 599])
def test_it_counts_down_from_the_deadline(elapsed):
    timer = timer_start(now=T0, minutes=10)
    assert timer_left(timer, now=T0 + elapsed) == 600 - elapsed
    assert not timer_overrun(timer, now=T0 + elapsed)


def test_it_is_not_overrun_at_the_deadline_itself():
    timer = timer_start(now=T0, minutes=10)
    assert timer_left(timer, now=T0 + 600) == 0
    assert not timer_overrun(timer, now=T0 + 600)


@pytest.mark.parametrize("late", [0.5, 1, 60, 3600])
def test_it_goes_negative_once_the_deadline_has_passed(late):
    timer = timer_start(now=T0, minutes=10)
    assert timer_left(timer, now=T0 + 600 + late) == -late
    assert timer_overrun(timer, now=T0 + 600 + late)


def test_it_keeps_the_remaining_seconds_when_paused():
    timer = timer_start(now=T0, minutes=10)
    paused = timer_pause(timer, now=T0 + 240)
    assert paused.paused
    assert not paused.running
    assert paused.deadline is None
    assert paused.remaining == 360


@pytest.mark.parametrize("later", [0, 1, 600, 86_400])
def test_it_does_not_tick_while_paused(later):
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 240)
    assert timer_left(paused, now=T0 + 240 + later) == 360
    assert not timer_overrun(paused, now=T0 + 240 + later)


def test_it_keeps_an_overrun_when_paused_late():
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 660)
    assert paused.remaining == -60
    assert timer_left(paused, now=T0 + 9999) == -60
    assert timer_overrun(paused, now=T0 + 9999)


@pytest.mark.parametrize("pause_for", [0, 1, 30, 600, 86_400])
def test_it_sets_the_deadline_from_now_on_resume(pause_for):
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 240)
    resumed_at = T0 + 240 + pause_for
    resumed = timer_resume(paused, now=resumed_at)
    assert resumed.running
    assert not resumed.paused
    assert resumed.remaining is None
    assert resumed.deadline == resumed_at + 360
    assert timer_left(resumed, now=resumed_at) == 360


def test_it_resumes_an_overrun_still_overrun():
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 660)
    resumed = timer_resume(paused, now=T0 + 1000)
    assert timer_left(resumed, now=T0 + 1000) == -60
    assert timer_overrun(resumed, now=T0 + 1000)


def test_it_accounts_for_every_second_over_several_pauses():
    timer = timer_start(now=T0, minutes=20)
    now = T0
    ran = 0.0
    for run, rest in [(100, 50), (200, 1000), (1, 1), (300, 7)]:
        now += run
        ran += run
        timer = timer_pause(timer, now=now)
        assert timer_left(timer, now=now) == 1200 - ran
        now += rest
        timer = timer_resume(timer, now=now)
        assert timer_left(timer, now=now) == 1200 - ran
    assert timer_left(timer, now=now + 599) == 1200 - ran - 599


def test_it_refuses_to_pause_a_timer_that_is_not_running():
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 1)
    with pytest.raises(ValueError, match="not running"):
        timer_pause(paused, now=T0 + 2)
    with pytest.raises(ValueError, match="not running"):
        timer_pause(Timer(), now=T0)


def test_it_refuses_to_resume_a_timer_that_is_not_paused():
    with pytest.raises(ValueError, match="not paused"):
        timer_resume(timer_start(now=T0, minutes=10), now=T0 + 1)
    with pytest.raises(ValueError, match="not paused"):
        timer_resume(Timer(), now=T0)


@pytest.mark.parametrize("minutes", [1, 5])
@pytest.mark.parametrize("elapsed", [0, 1, 300, 599, 600])
def test_it_extends_a_running_timer_from_its_deadline(minutes, elapsed):
    timer = timer_start(now=T0, minutes=10)
    extended = timer_extend(timer, now=T0 + elapsed, minutes=minutes)
    assert extended.deadline == T0 + 600 + minutes * 60
    assert extended.running
    assert timer_left(extended, now=T0 + elapsed) == 600 - elapsed + minutes * 60


@pytest.mark.parametrize("minutes", [1, 5])
@pytest.mark.parametrize("late", [1, 60, 240, 3600])
def test_it_extends_an_overrun_timer_from_now_not_from_the_deadline(minutes, late):
    timer = timer_start(now=T0, minutes=10)
    now = T0 + 600 + late
    assert timer_overrun(timer, now=now)
    extended = timer_extend(timer, now=now, minutes=minutes)
    assert extended.deadline == now + minutes * 60
    assert timer_left(extended, now=now) == minutes * 60
    assert not timer_overrun(extended, now=now)


@pytest.mark.parametrize("minutes", [1, 5])
def test_it_extends_a_paused_timer_by_adding_to_what_remains(minutes):
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 240)
    extended = timer_extend(paused, now=T0 + 1000, minutes=minutes)
    assert extended.paused
    assert extended.deadline is None
    assert extended.remaining == 360 + minutes * 60
    resumed = timer_resume(extended, now=T0 + 2000)
    assert timer_left(resumed, now=T0 + 2000) == 360 + minutes * 60


@pytest.mark.parametrize("minutes", [1, 5])
def test_it_extends_a_paused_overrun_by_the_full_extra_time(minutes):
    paused = timer_pause(timer_start(now=T0, minutes=10), now=T0 + 900)
    assert paused.remaining == -300
    extended = timer_extend(paused, now=T0 + 950, minutes=minutes)
    assert extended.remaining == minutes * 60
    assert extended.paused


def test_it_extends_twice_in_a_row_cumulatively():
    timer = timer_start(now=T0, minutes=10)
    timer = timer_extend(timer, now=T0 + 10, minutes=5)
    timer = timer_extend(timer, now=T0 + 20, minutes=1)
    assert timer_left(timer, now=T0 + 20) == 600 - 20 + 360


def test_it_refuses_to_extend_a_timer_that_is_not_set():
    with pytest.raises(ValueError, match="not set"):
        timer_extend(Timer(), now=T0, minutes=5)


def test_it_returns_new_timers_and_leaves_the_old_ones_alone():
    timer = timer_start(now=T0, minutes=10)
    timer_pause(timer, now=T0 + 5)
    timer_extend(timer, now=T0 + 5, minutes=5)
    assert timer == Timer(deadline=T0 + 600)
    with pytest.raises(FrozenInstanceError):
        timer.deadline = 0.0  # type: ignore[misc]
