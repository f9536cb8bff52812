from typing import Any

from django.db import migrations, models


def from_audience(apps: Any, schema_editor: Any) -> None:
    # "Mixed professions (we speak of clients or patients)" becomes the mixed group's own
    # words; "mostly clinicians" stays with patients.
    apps.get_model("balint_groups", "BalintGroup").objects.filter(audience="mixed").update(
        served="people")


def to_audience(apps: Any, schema_editor: Any) -> None:
    apps.get_model("balint_groups", "BalintGroup").objects.exclude(served="patients").update(
        audience="mixed")


class Migration(migrations.Migration):

    dependencies = [
        ('balint_groups', '0015_meeting_cme'),
    ]

    operations = [
        migrations.AddField(
            model_name='balintgroup',
            name='served',
            field=models.CharField(choices=[('patients', 'Patients (medicine, nursing, therapy)'), ('clients', 'Clients (counselling, social work, psychotherapy, supervision)'), ('pupils', 'Pupils (schools, education)'), ('residents', 'Residents (homes, residential care)'), ('parishioners', 'Parishioners (pastoral care)'), ('parties', 'Parties to a case (courts, law, mediation)'), ('people', 'The people we work with (a mixed group)')], default='patients', max_length=16, verbose_name='whom the members serve'),
        ),
        migrations.RunPython(from_audience, to_audience),
        migrations.RemoveField(
            model_name='balintgroup',
            name='audience',
        ),
    ]
