from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "balintroom.core"
    label = "core"
