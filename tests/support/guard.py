"""A pytest plugin (loaded by tests/conftest.py): the suite leaves the machine's Redis and
PostgreSQL alone. They may be a developer's, with their data, or serve another test run
on the same machine; a test that stops or restarts one starts its own instead
(tests/support/services.py).

The processes behind them are noted when the session starts and compared when it ends;
a service that did not answer at the start is not checked. It sees a restart during the
session whoever made it - another program, or another, older test run - and says which."""

import time

import pytest

from .server import POSTGRES_ADMIN_URL, REDIS_TEST_URL
from .services import postgres_identity, redis_identity

BEFORE = pytest.StashKey[dict[str, str | None]]()


def machine_services() -> dict[str, str | None]:
    """The processes behind the PostgreSQL and Redis the suite shares with the machine
    (127.0.0.1:5432 and :6379 unless BALINTROOM_TEST_POSTGRES/_REDIS say otherwise)."""
    return {f"PostgreSQL at {POSTGRES_ADMIN_URL}": postgres_identity(POSTGRES_ADMIN_URL),
            f"Redis at {REDIS_TEST_URL}": redis_identity(REDIS_TEST_URL)}


def changes(before: dict[str, str | None]) -> list[str]:
    """What differs from `before`, asked again for a few seconds: a service busy with
    other test runs may miss one connection without having gone anywhere."""
    for attempt in range(4):
        after = machine_services()
        changed = [f"{name}: {was} -> {after[name] or 'not answering'}"
                   for name, was in before.items() if was is not None and after[name] != was]
        if not changed or attempt == 3:
            return changed
        time.sleep(1)
    return []


# Hooks rather than a fixture: a fixture's failure would be reported against the last
# test, and an expected failure (xfail) there would swallow it.
def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[BEFORE] = machine_services()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.stash.get(BEFORE, None)
    if before is None:
        return
    changed = changes(before)
    if not changed:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_sep("=", "a service this session did not start was restarted",
                           red=True, bold=True)
        for line in changed:
            reporter.write_line(line, red=True)
    # Read by pytest after this hook: the run fails even when every test passed.
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
