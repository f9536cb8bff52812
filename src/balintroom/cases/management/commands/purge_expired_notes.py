from typing import Any

from django.core.management.base import BaseCommand

from balintroom.cases.services import notes_purge_expired


class Command(BaseCommand):
    help = (
        "Delete the private notes whose group's retention time is over. Run it daily "
        "(cron or a systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = notes_purge_expired()
        self.stdout.write(f"Deleted {deleted} expired private note(s).")
