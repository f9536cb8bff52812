"""With Redis configured, the sign-in counters live in Redis: every server process, on
every machine, counts the same attempts."""

import secrets
from pathlib import Path

from django.core.cache.backends.redis import RedisCache

from tests.core.commands import bare_env, python
from tests.support.server import REDIS_TEST_URL

SETUP = ("import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'balintroom.settings'; "
         "import django; django.setup(); from django.core.cache import cache, caches; "
         "print(type(caches['default']).__name__); ")


def test_the_cache_is_redis_when_redis_is_configured(redis: None, tmp_path: Path) -> None:
    key = f"test-attempts-{secrets.token_hex(4)}"
    env = bare_env(DEBUG="1", REDIS_URL=REDIS_TEST_URL, DATA_DIR=str(tmp_path / "data"))
    first = python(SETUP + f"cache.set({key!r}, 3, 30)", env, tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["RedisCache"]
    # A second process reads what the first counted.
    second = python(SETUP + f"print(cache.get({key!r}))", env, tmp_path)
    assert second.stdout.split() == ["RedisCache", "3"], second.stderr
    RedisCache(REDIS_TEST_URL, {"KEY_PREFIX": "balintroom"}).delete(key)
