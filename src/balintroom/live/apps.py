from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "balintroom.live"
    label = "live"
