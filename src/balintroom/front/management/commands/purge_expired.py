from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from balintroom.accounts.audit import audit_retention
from balintroom.cases.services import notes_purge_expired
from balintroom.groups.notices import notices_purge_old
from balintroom.groups.services import invitations_purge_old
from balintroom.live.services import connections_purge_old
from balintroom.records.services import images_purge_unused


class Command(BaseCommand):
    help = (
        "Delete what has outlived its retention time: private notes (their group's "
        "setting), audit events (AUDIT_RETENTION_DAYS), e-mail notices (90 days), "
        "invitations not taken up (90 days after they ran out), room connections (30 "
        "days), logos and signatures no longer used nor printed on a certificate, and "
        "expired sign-ins. Run it daily (deploy/balintroom-purge.timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = {
            "private notes": notes_purge_expired(),
            "audit events": audit_retention(),
            "e-mail notices": notices_purge_old(),
            "invitations": invitations_purge_old(),
            "room connections": connections_purge_old(),
            "logos and signatures": images_purge_unused(),
        }
        call_command("clearsessions")
        self.stdout.write("Deleted: " + ", ".join(
            f"{count} {what}" for what, count in counts.items()) + "; expired sign-ins cleared.")
