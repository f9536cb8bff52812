from typing import Any

from django.db import migrations

# The wording as it stood when this migration was written; later changes to shipped.py
# come with a migration of their own.
from balintroom.reflection.shipped import REVIEW_QUESTIONNAIRE


def ship(apps: Any, schema_editor: Any) -> None:
    Instrument = apps.get_model("reflection", "Instrument")
    if not Instrument.objects.filter(shipped=True).exists():
        Instrument.objects.create(
            name=REVIEW_QUESTIONNAIRE["name"], definition=REVIEW_QUESTIONNAIRE, shipped=True,
            permission="Balint Room's own wording, free to use.")


def unship(apps: Any, schema_editor: Any) -> None:
    apps.get_model("reflection", "Instrument").objects.filter(shipped=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reflection", "0001_initial")]
    operations = [migrations.RunPython(ship, unship)]
