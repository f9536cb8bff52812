from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "balintroom.core"
    label = "core"

    def ready(self) -> None:
        from .redact import install

        install()
