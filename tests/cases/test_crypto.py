"""The encrypted field: what the database holds, and who can read it."""

import io
import json

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from balintroom.cases import crypto
from balintroom.cases.models import PrivateNote
from tests.conftest import Cast

from .conftest import SECRET, keep_note


def raw_row(note: PrivateNote) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text, label FROM cases_privatenote WHERE id = %s", [note.pk])
        text, label = cursor.fetchone()
    return text, label


def test_it_stores_only_ciphertext(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting, label="the widower")
    text, label = raw_row(note)
    assert SECRET not in text and "Quist" not in text
    assert "widower" not in label
    assert text.startswith("gAAAA")  # a Fernet token
    # Every row is scanned, not just the columns we know of.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM cases_privatenote")
        assert "Quist" not in repr(cursor.fetchall())


def test_it_reads_the_text_with_the_key(cast: Cast, encryption_key: str) -> None:
    note = keep_note(cast.member, cast.meeting, label="the widower")
    again = PrivateNote.objects.get(pk=note.pk)
    assert again.text == SECRET
    assert again.label == "the widower"
    token, _label = raw_row(note)
    assert Fernet(encryption_key).decrypt(token.encode()).decode() == SECRET


def test_it_cannot_be_read_with_another_key(cast: Cast, settings) -> None:
    note = keep_note(cast.member, cast.meeting)
    token, _label = raw_row(note)
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(token.encode())
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionError) as error:
        PrivateNote.objects.get(pk=note.pk)
    assert "cases.PrivateNote.text" in str(error.value)
    assert "Quist" not in str(error.value)


def test_it_gives_a_new_token_on_every_save(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    first, _label = raw_row(note)
    note.save()
    second, _label = raw_row(note)
    assert first != second


def test_it_keeps_unicode_and_line_breaks(cast: Cast) -> None:
    text = "Frau Müller sagte: „Ich kann nicht mehr.“\nZweite Zeile 🙂"
    note = keep_note(cast.member, cast.meeting, text=text)
    assert PrivateNote.objects.get(pk=note.pk).text == text


def test_it_refuses_lookups_on_the_text(cast: Cast) -> None:
    keep_note(cast.member, cast.meeting)
    with pytest.raises(FieldError):
        PrivateNote.objects.filter(text=SECRET).count()
    with pytest.raises(FieldError):
        PrivateNote.objects.filter(text__icontains="Quist").count()
    assert PrivateNote.objects.filter(text__isnull=False).count() == 1


def test_it_shows_no_text_in_str_or_repr(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting, label="the widower")
    assert "Quist" not in str(note) and "Quist" not in repr(note)
    assert "widower" not in str(note)


def test_it_dumps_only_ciphertext_and_loads_it_back(cast: Cast, tmp_path) -> None:
    note = keep_note(cast.member, cast.meeting, label="the widower")
    out = io.StringIO()
    call_command("dumpdata", "cases.privatenote", stdout=out)
    dumped = out.getvalue()
    assert "Quist" not in dumped and "widower" not in dumped
    PrivateNote.objects.all().delete()
    path = tmp_path / "notes-dump.json"
    path.write_text(dumped)
    call_command("loaddata", str(path), verbosity=0)
    again = PrivateNote.objects.get(pk=note.pk)
    assert again.text == SECRET and again.label == "the widower"
    assert json.loads(dumped)[0]["fields"]["text"].startswith("fernet:")


def test_it_refuses_to_work_without_a_key_in_production(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    assert not crypto.is_configured()
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
        crypto.encrypt("anything")


def test_it_makes_a_development_key_file_on_first_use(settings, tmp_path) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = True
    settings.FIELD_ENCRYPTION_DEV_KEY_FILE = tmp_path / "dev.key"
    token = crypto.encrypt("hello")
    assert (tmp_path / "dev.key").stat().st_mode & 0o777 == 0o600
    assert crypto.decrypt(token) == "hello"
    key = (tmp_path / "dev.key").read_text().strip()
    assert Fernet(key).decrypt(token.encode()) == b"hello"
    assert crypto.encrypt("again")  # the same file, not a new key
    assert (tmp_path / "dev.key").read_text().strip() == key


def test_it_never_derives_a_key_from_the_secret_key(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    settings.SECRET_KEY = "x" * 50
    with pytest.raises(ImproperlyConfigured):
        crypto.keys()


def test_it_names_a_bad_key_without_showing_it(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), "not-a-key-at-all"]
    with pytest.raises(ImproperlyConfigured) as error:
        crypto.encrypt("anything")
    assert "key number 2" in str(error.value)
    assert "not-a-key-at-all" not in str(error.value)


def test_it_reads_keys_from_the_environment_newest_first(monkeypatch, tmp_path) -> None:
    """The settings take a comma-separated list, or a file with one key a line."""
    import importlib

    import balintroom.settings as project_settings

    new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", f"{new}, {old}")
    read = importlib.reload(project_settings).FIELD_ENCRYPTION_KEYS
    assert read == [new, old]
    keyfile = tmp_path / "keys"
    keyfile.write_text(f"{new}\n{old}\n")
    monkeypatch.delenv("FIELD_ENCRYPTION_KEYS")
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS_FILE", str(keyfile))
    read = importlib.reload(project_settings).FIELD_ENCRYPTION_KEYS
    assert read == [new, old]
    monkeypatch.delenv("FIELD_ENCRYPTION_KEYS_FILE")
    importlib.reload(project_settings)


def test_it_warns_on_deploy_check_without_keys(settings) -> None:
    from balintroom.cases.apps import check_encryption_keys

    settings.FIELD_ENCRYPTION_KEYS = []
    assert [m.id for m in check_encryption_keys()] == ["cases.W001"]
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert check_encryption_keys() == []
