"""Production configuration comes from environment variables alone: PostgreSQL through a
psycopg pool, the encrypted Redis pub/sub channel layer, DEBUG off, and a clean
`check --deploy`. Each case runs the settings in a fresh process, as a server would."""

import json
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import InvalidToken

from tests.support.server import ROOT

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7-" + "production-test-key-with-enough-entropy-0123456789abcdef",
    "SITE_URL": "https://balint.example.org",
    "ALLOWED_HOSTS": "balint.example.org",
    "BEHIND_PROXY": "1",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "DATABASE_URL": "postgres://balintroom:secret@127.0.0.1:5432/balintroom",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "CHANNEL_LAYER_KEYS": "newest-layer-key-0123456789,older-layer-key-0123456789",
    "FIELD_ENCRYPTION_KEYS": "LvulaPSr1T7Z3dkFXYlNo1hoTNf7Jk_AkQGtgdl0P-A=",
}


def run(env: dict[str, str], code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    full = {
        "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "balintroom.settings", "BALINTROOM_ENV_FILE": "/nonexistent",
        "DATA_DIR": str(tmp_path / "data"), "STATIC_ROOT": str(tmp_path / "static"),
        **env,
    }
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)


def settings_of(env: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    result = run(env, """if True:
        import json, asyncio, django
        django.setup()
        from django.conf import settings
        from channels.layers import get_channel_layer
        out = {"DEBUG": settings.DEBUG, "DATABASES": settings.DATABASES,
               "CHANNEL_LAYERS": settings.CHANNEL_LAYERS}
        if settings.REDIS_URL:
            async def pool():
                shard = get_channel_layer()._get_layer()._shards[0]
                shard._ensure_redis()  # makes the pool; connects to nothing yet
                return shard._redis.connection_pool.max_connections
            out["redis_pool_max"] = asyncio.run(pool())
        print(json.dumps(out, default=str))
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_with_nothing_set_it_is_sqlite_and_the_in_memory_layer(tmp_path: Path) -> None:
    found = settings_of({"DEBUG": "1"}, tmp_path)
    assert found["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert found["CHANNEL_LAYERS"]["default"]["BACKEND"] == (
        "balintroom.core.layers.InMemoryChannelLayer")


def test_production_is_pooled_postgres_and_an_encrypted_redis_layer(tmp_path: Path) -> None:
    found = settings_of(PRODUCTION, tmp_path)
    assert found["DEBUG"] is False
    database = found["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 0  # no persistent connections under ASGI
    assert database["OPTIONS"]["pool"]["max_size"] == 20
    layer = found["CHANNEL_LAYERS"]["default"]
    assert layer["BACKEND"] == "balintroom.core.layers.RedisPubSubChannelLayer"
    assert layer["CONFIG"]["symmetric_encryption_keys"] == [
        "newest-layer-key-0123456789", "older-layer-key-0123456789"]
    # redis-py would cap the layer's pool at 100 connections.
    assert found["redis_pool_max"] == 1000


def test_without_layer_keys_encryption_is_still_on(tmp_path: Path) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "CHANNEL_LAYER_KEYS"}
    keys = settings_of(env, tmp_path)["CHANNEL_LAYERS"]["default"]["CONFIG"][
        "symmetric_encryption_keys"]
    assert len(keys) == 1 and len(keys[0]) >= 32
    assert PRODUCTION["SECRET_KEY"] not in keys[0]


def test_check_deploy_is_clean(tmp_path: Path) -> None:
    result = run(PRODUCTION, "from balintroom.cli import main; import sys; "
                 "sys.exit(main(['check', '--deploy', '--fail-level', 'WARNING']))", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_complains_about_an_insecure_set_up(tmp_path: Path) -> None:
    env = {**PRODUCTION, "SITE_URL": "http://balint.example.org", "SECURE_HSTS_SECONDS": "0"}
    result = run(env, "from balintroom.cli import main; import sys; "
                 "sys.exit(main(['check', '--deploy', '--fail-level', 'WARNING']))", tmp_path)
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


@pytest.mark.usefixtures("redis")
def test_room_states_cross_redis_encrypted(tmp_path: Path) -> None:
    """What the layer publishes cannot be read without the key: a subscriber on Redis
    sees ciphertext, and the key opens it."""
    import redis as redis_py

    from tests.support.server import REDIS_TEST_URL

    prefix = f"enc-test-{secrets.token_hex(4)}"  # apart from any other run on this Redis
    client = redis_py.Redis.from_url(REDIS_TEST_URL)
    pubsub = client.pubsub()
    pubsub.psubscribe(f"{prefix}*")
    try:
        assert pubsub.get_message(timeout=5)["type"] == "psubscribe"
        env = {**PRODUCTION, "REDIS_URL": REDIS_TEST_URL, "CHANNEL_LAYER_PREFIX": prefix}
        result = run(env, """if True:
            import django, asyncio
            django.setup()
            from channels.layers import get_channel_layer
            asyncio.run(get_channel_layer().group_send(
                "room-1", {"type": "room.state", "text": "Mrs Example, the night shift"}))
        """, tmp_path)
        assert result.returncode == 0, result.stderr
        message = None
        for _ in range(50):
            message = pubsub.get_message(timeout=0.2)
            if message and message["type"] == "pmessage":
                break
        assert message and message["type"] == "pmessage"
        data = message["data"]
        assert b"Mrs Example" not in data and b"night shift" not in data
        # The layer's own serializer, given the key, reads it; given another key, not.
        from channels_redis.serializers import registry

        right = registry.get_serializer("msgpack", symmetric_encryption_keys=[
            "newest-layer-key-0123456789"])
        assert right.deserialize(data)["text"] == "Mrs Example, the night shift"
        wrong = registry.get_serializer("msgpack", symmetric_encryption_keys=["another"])
        with pytest.raises(InvalidToken):
            wrong.deserialize(data)
    finally:
        pubsub.close()
        client.close()
