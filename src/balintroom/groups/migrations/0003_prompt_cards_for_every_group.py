"""The default prompt cards for every group that never had any: they were given on a
group's first visit to a page, and a read must not write; now they come with the group."""

from django.db import migrations
from django.utils import translation

from balintroom.groups.wording import default_prompt_cards


def give_cards(apps, schema_editor):
    BalintGroup = apps.get_model("balint_groups", "BalintGroup")
    PromptCard = apps.get_model("balint_groups", "PromptCard")
    for group in BalintGroup.objects.filter(prompt_cards_given=False):
        with translation.override(group.language):
            # Groups then were all taken to serve patients.
            texts = default_prompt_cards("patients")
        PromptCard.objects.bulk_create(
            PromptCard(group=group, text=text, position=number)
            for number, text in enumerate(texts))
        group.prompt_cards_given = True
        group.save(update_fields=["prompt_cards_given"])


class Migration(migrations.Migration):
    dependencies = [("balint_groups", "0002_formats_prompts_agreement")]

    operations = [migrations.RunPython(give_cards, migrations.RunPython.noop)]
