"""`balintroom send-reminders`: the reminders now due, and every e-mail still pending
(meetings scheduled, changed, cancelled). Run every few minutes by a timer
(deploy/balintroom-mail.timer) or cron; a second run at the same time, or a run after a
crash, sends nothing twice."""

from typing import Any

from django.core.management.base import BaseCommand

from balintroom.groups.notices import notices_send, reminders_due


class Command(BaseCommand):
    help = "Send the reminders now due and the e-mails about schedule changes."

    def handle(self, *args: Any, **options: Any) -> None:
        made = reminders_due()
        result = notices_send()
        self.stdout.write(
            f"reminders due: {made}; sent: {result.sent}; not sent, tried again next run: "
            f"{result.failed}; overtaken by a later change: {result.overtaken}; "
            f"cut off earlier, not known to be sent: {result.unknown}")
