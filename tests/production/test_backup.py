"""A backup restored, as README says: the nightly script dumps PostgreSQL encrypted to a
public key; the dump is decrypted and restored into a fresh database; there the group,
its certificate and a private note are found - the note readable with the notes' keys,
kept apart from the backup, and not without them."""

import os
import subprocess
from pathlib import Path

from cryptography.fernet import Fernet

from tests.core.commands import python
from tests.support.server import ROOT, Server, postgres_database, production_env

SCRIPT = ROOT / "deploy" / "balintroom-backup.sh"
NOTE = "The widower with the dog came back twice this week"

MAKE = f"""
import django, os, json
os.environ["DJANGO_SETTINGS_MODULE"] = "balintroom.settings"
django.setup()
from datetime import timedelta
from django.utils import timezone
from balintroom.accounts.models import User
from balintroom.cases.services import note_create, notes_opt_in
from balintroom.groups.models import BalintGroup, Meeting
from balintroom.records import services as records
group = BalintGroup.objects.get(name__startswith="Demo")
anna = User.objects.get(email__startswith="anna")
leader = User.objects.get(email__startswith="leader")
past = Meeting.objects.create(group=group, setting="online", duration_minutes=90,
                              starts_at=timezone.now() - timedelta(days=3))
records.attendance_confirm(meeting=past, by=leader, roll_call={{anna.pk: "present"}})
anna.legal_name = "Anna Weber"
anna.save(update_fields=["legal_name"])
(draft,), _ = records.certificates_draft(group=group, members=[anna],
    period_start=timezone.localdate() - timedelta(days=30), period_end=timezone.localdate(),
    scheme=None, by=leader)
records.certificate_approve(certificate=draft, by=leader)
notes_opt_in(user=anna, meeting=past)
note_create(author=anna, meeting=past, text={NOTE!r})
"""

FIND = """
import django, os, json
os.environ["DJANGO_SETTINGS_MODULE"] = "balintroom.settings"
django.setup()
from balintroom.cases.models import PrivateNote
from balintroom.groups.models import BalintGroup
from balintroom.records.models import Certificate
found = {"groups": list(BalintGroup.objects.values_list("name", flat=True)),
         "certificates": Certificate.objects.filter(status="approved").count()}
try:
    found["notes"] = [note.text for note in PrivateNote.objects.all()]
except Exception as error:
    found["notes"] = type(error).__name__
print(json.dumps(found))
"""


def gpg_home(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A key pair of the test's own: the public half for the server, the private for
    whoever restores."""
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                    "Balint Room backups <backup@example.org>", "default", "default", "never"],
                   env=env, check=True, capture_output=True)
    public = tmp_path / "backup-public.asc"
    subprocess.run(["gpg", "--batch", "--armor", "--export", "--output", str(public),
                    "backup@example.org"], env=env, check=True, capture_output=True)
    return env, public


def run(code: str, env: dict[str, str], cwd: Path) -> str:
    result = python(code, {**os.environ, "PYTHONPATH": str(ROOT / "src"),
                           "BALINTROOM_ENV_FILE": "/nonexistent", **env}, cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_an_encrypted_backup_restores_into_a_fresh_database(postgres: None,
                                                           tmp_path: Path) -> None:
    import json

    keys = Fernet.generate_key().decode()
    gpg_env, public = gpg_home(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    with postgres_database() as original:
        env = {**production_env(original), "FIELD_ENCRYPTION_KEYS": keys,
               "SECRET_KEY": "backup-test-secret-key-0123456789"}
        server = Server(data_dir=tmp_path / "data", extra_env=env)
        server.command("migrate", "--noinput", "-v0")
        server.command("demo", "--tag", "backup")
        run(MAKE, env, tmp_path)
        written = subprocess.run(
            [str(SCRIPT), str(backups), str(public)], capture_output=True, text=True,
            env={**os.environ, "DATABASE_URL": original})
        assert written.returncode == 0, written.stderr
        dump = Path(written.stdout.strip())
    # Nothing of the group readable in the file: no dump header, no name.
    content = dump.read_bytes()
    assert dump.stat().st_mode & 0o077 == 0
    assert b"PGDMP" not in content and b"Demo" not in content
    with postgres_database() as fresh:
        restored = subprocess.run(
            f'gpg --batch --decrypt "{dump}" | pg_restore --no-owner --dbname="{fresh}"',
            shell=True, env=gpg_env, capture_output=True, text=True)
        assert restored.returncode == 0, restored.stderr
        after = {**env, "DATABASE_URL": fresh}
        found = json.loads(run(FIND, after, tmp_path))
        assert any(name.startswith("Demo") for name in found["groups"])
        assert found["certificates"] == 1
        assert found["notes"] == [NOTE]
        # The notes' keys are not in the backup: without them, no note is read.
        other = {**after, "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode()}
        assert json.loads(run(FIND, other, tmp_path))["notes"] == "DecryptionError"


def test_a_dump_that_fails_leaves_no_backup(tmp_path: Path) -> None:
    _gpg_env, public = gpg_home(tmp_path)
    failed = subprocess.run(
        [str(SCRIPT), str(tmp_path), str(public)], capture_output=True, text=True,
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"})
    assert failed.returncode != 0
    assert not list(tmp_path.glob("balintroom-*"))  # not even a part of one
