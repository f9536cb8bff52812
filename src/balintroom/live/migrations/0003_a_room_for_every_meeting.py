"""A room for every meeting: rooms are made when a meeting is scheduled, no longer when a
page first asks for one (a read must not write)."""

import secrets

from django.db import migrations


def make_rooms(apps, schema_editor):
    Meeting = apps.get_model("balint_groups", "Meeting")
    Room = apps.get_model("live", "Room")
    Room.objects.bulk_create(
        Room(meeting_id=meeting_id, display_token=secrets.token_urlsafe(24))
        for meeting_id in Meeting.objects.filter(room__isnull=True).values_list("pk", flat=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0002_agenda_console_lindauer"),
        ("balint_groups", "0002_formats_prompts_agreement"),
    ]

    operations = [migrations.RunPython(make_rooms, migrations.RunPython.noop)]
