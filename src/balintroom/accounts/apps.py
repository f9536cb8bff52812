from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balintroom.accounts"
    label = "accounts"
