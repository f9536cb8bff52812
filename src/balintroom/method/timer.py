"""Timer arithmetic. Times are seconds since the epoch (floats), from the server's clock.

A running phase keeps an absolute deadline; a paused phase keeps the seconds that were
left. Nothing ticks: whoever shows the time computes it from these and the current time.
"""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Timer:
    deadline: float | None = None
    remaining: float | None = None

    @property
    def running(self) -> bool:
        return self.deadline is not None

    @property
    def paused(self) -> bool:
        return self.deadline is None and self.remaining is not None


def timer_start(*, now: float, minutes: float) -> Timer:
    return Timer(deadline=now + minutes * 60)


def timer_left(timer: Timer, *, now: float) -> float:
    """Seconds left; negative once the deadline has passed (overrun)."""
    if timer.deadline is not None:
        return timer.deadline - now
    if timer.remaining is not None:
        return timer.remaining
    return 0.0


def timer_overrun(timer: Timer, *, now: float) -> bool:
    return timer_left(timer, now=now) < 0


def timer_pause(timer: Timer, *, now: float) -> Timer:
    if not timer.running:
        raise ValueError("timer is not running")
    return Timer(deadline=None, remaining=timer_left(timer, now=now))


def timer_resume(timer: Timer, *, now: float) -> Timer:
    if not timer.paused:
        raise ValueError("timer is not paused")
    assert timer.remaining is not None
    return Timer(deadline=now + timer.remaining)


def timer_extend(timer: Timer, *, now: float, minutes: float) -> Timer:
    """Give more time. Past the deadline the extra time counts from now, not from the
    deadline: a leader who presses +5 in an overrun phase means five more minutes."""
    seconds = minutes * 60
    if timer.running:
        assert timer.deadline is not None
        return replace(timer, deadline=max(timer.deadline, now) + seconds)
    if timer.paused:
        assert timer.remaining is not None
        return replace(timer, remaining=max(timer.remaining, 0.0) + seconds)
    raise ValueError("timer is not set")
