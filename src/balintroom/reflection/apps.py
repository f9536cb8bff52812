from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "balintroom.reflection"
    label = "reflection"
