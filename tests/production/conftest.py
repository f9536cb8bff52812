"""PostgreSQL and Redis for the production tests.

Most use the ones on this machine (127.0.0.1:5432, database `test`, trust auth;
127.0.0.1:6379) without disturbing them: each module makes a database of its own and drops
it, each gets a channel prefix of its own. When one does not answer, its tests are skipped -
unless CI is set, where a missing service is a failure.

A test that stops or restarts a service uses one of its own instead (tests/support/
services.py): the machine's may be a developer's, with their data, or another test run's."""

import contextlib
import os
import secrets
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
from tests.support.services import (
    PrivatePostgres,
    PrivateRedis,
    postgres_server_problem,
    private_postgres,
    private_redis,
    redis_server_problem,
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


def migrate(env: dict[str, str], data_dir: Path) -> None:
    Server(data_dir=data_dir, extra_env=env).command("migrate", "--noinput", "-v0")


@pytest.fixture(scope="module")
def migrated(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The production environment of this module's servers, its database migrated."""
    env = production_env(database_url)
    migrate(env, tmp_path_factory.mktemp("migrate"))
    return env


@contextlib.contextmanager
def started_pair(env: dict[str, str], data_dir: Path) -> Iterator[tuple[Server, Server]]:
    """Two server processes on two ports with this environment; stopped afterwards."""
    first = Server(data_dir=data_dir, extra_env=dict(env))
    second = first.sibling()
    try:
        first.start()
        second.start()
        yield first, second
    finally:
        second.stop()
        first.stop()


@pytest.fixture
def two_servers(migrated: dict[str, str], redis: None, tmp_path: Path
                ) -> Iterator[tuple[Server, Server]]:
    """Two server processes on two ports sharing one PostgreSQL database and Redis."""
    with started_pair(migrated, tmp_path) as servers:
        yield servers


@pytest.fixture
def own_redis() -> Iterator[PrivateRedis]:
    """A Redis of this test's own, which it may stop and start again."""
    need(redis_server_problem())
    with private_redis() as server:
        yield server


@pytest.fixture
def own_postgres() -> Iterator[PrivatePostgres]:
    """A PostgreSQL cluster of this test's own, which it may stop and start again."""
    need(postgres_server_problem())
    with private_postgres() as cluster:
        yield cluster


@pytest.fixture
def two_servers_own_redis(migrated: dict[str, str], own_redis: PrivateRedis, tmp_path: Path
                          ) -> Iterator[tuple[Server, Server]]:
    """Two server processes sharing this module's database and a Redis of their own."""
    with started_pair({**migrated, "REDIS_URL": own_redis.url}, tmp_path) as servers:
        yield servers


@pytest.fixture
def two_servers_own_postgres(own_postgres: PrivatePostgres, redis: None, tmp_path: Path
                             ) -> Iterator[tuple[Server, Server]]:
    """Two server processes sharing a PostgreSQL cluster of their own (and the machine's
    Redis, under a prefix of their own)."""
    env = production_env(own_postgres.create_database(f"balintroom_{secrets.token_hex(4)}"))
    migrate(env, tmp_path / "migrate")
    with started_pair(env, tmp_path) as servers:
        yield servers
