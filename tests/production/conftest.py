"""PostgreSQL and Redis for the production tests: the ones on this machine
(127.0.0.1:5432, database `test`, trust auth; 127.0.0.1:6379). When one does not answer,
its tests are skipped - unless CI is set, where a missing service is a failure."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import (
    Server,
    postgres_database,
    postgres_problem,
    production_env,
    redis_problem,
)


def services_required() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes", "on")


def need(problem: str | None) -> None:
    if problem is None:
        return
    if services_required():
        pytest.fail(f"{problem} - CI requires PostgreSQL and Redis", pytrace=False)
    pytest.skip(problem)


@pytest.fixture(scope="session")
def postgres() -> None:
    need(postgres_problem())


@pytest.fixture(scope="session")
def redis() -> None:
    need(redis_problem())


@pytest.fixture(scope="module")
def database_url(postgres: None) -> Iterator[str]:
    """A fresh PostgreSQL database for this module, dropped afterwards."""
    with postgres_database() as url:
        yield url


@pytest.fixture(scope="module")
def migrated(database_url: str, redis: None, tmp_path_factory: pytest.TempPathFactory
             ) -> dict[str, str]:
    """The production environment of this module's servers, its database migrated."""
    env = production_env(database_url)
    Server(data_dir=tmp_path_factory.mktemp("migrate"), extra_env=env).command(
        "migrate", "--noinput", "-v0")
    return env


@pytest.fixture
def two_servers(migrated: dict[str, str], tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """Two server processes on two ports sharing one PostgreSQL database and Redis."""
    first = Server(data_dir=tmp_path, extra_env=dict(migrated))
    second = first.sibling()
    try:
        first.start()
        second.start()
        yield first, second
    finally:
        second.stop()
        first.stop()
