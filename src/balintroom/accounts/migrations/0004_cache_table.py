"""The database cache's table (settings.CACHES without Redis), made by `migrate` so that
no operator needs to remember `createcachetable`."""

from typing import Any

from django.conf import settings
from django.core.management.commands.createcachetable import Command
from django.db import migrations


def make_cache_table(apps: Any, schema_editor: Any) -> None:
    # Made whether or not Redis is configured now: an installation may drop Redis later.
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, dry_run=False)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_four_languages")]

    operations = [migrations.RunPython(make_cache_table, migrations.RunPython.noop)]
