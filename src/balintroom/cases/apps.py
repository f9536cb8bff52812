from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Tags, Warning, register


class CasesConfig(AppConfig):
    name = "balintroom.cases"
    label = "cases"

    def ready(self) -> None:
        register(Tags.security, deploy=True)(check_encryption_keys)


def check_encryption_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """`check --deploy` tells about missing keys; without them, private notes are off."""
    from django.conf import settings

    if settings.FIELD_ENCRYPTION_KEYS:
        return []
    return [Warning(
        "FIELD_ENCRYPTION_KEYS is not set: private notes cannot be kept.",
        hint="Set FIELD_ENCRYPTION_KEYS (or FIELD_ENCRYPTION_KEYS_FILE); see .env.example.",
        id="cases.W001",
    )]
