from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "balintroom.records"
    label = "records"
