from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "balintroom.front"
    label = "front"
