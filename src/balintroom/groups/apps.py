from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "balintroom.groups"
    label = "balint_groups"
