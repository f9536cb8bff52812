"""Key rotation: a new key first, the command, then the old key can go."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from balintroom.cases import crypto
from balintroom.cases.models import PrivateNote
from tests.conftest import Cast

from .conftest import SECRET, keep_note
from .test_crypto import raw_row


def test_it_reads_old_notes_after_a_new_key_is_added_first(cast: Cast, settings,
                                                             encryption_key: str) -> None:
    note = keep_note(cast.member, cast.meeting)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, encryption_key]
    assert PrivateNote.objects.get(pk=note.pk).text == SECRET
    # New writes use the new key at once.
    second = keep_note(cast.member, cast.meeting, text="a second note")
    token, _label = raw_row(second)
    assert Fernet(new_key).decrypt(token.encode()) == b"a second note"


def test_it_reencrypts_everything_with_the_newest_key(cast: Cast, settings,
                                                      encryption_key: str) -> None:
    notes = [keep_note(cast.member, cast.meeting, label="the widower"),
             keep_note(cast.members[1], cast.meeting, text="Ben's own note")]
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, encryption_key]
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "Encrypted 2 row(s) and 0 two-factor secret(s) again" in out.getvalue()
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    assert PrivateNote.objects.get(pk=notes[0].pk).text == SECRET
    assert PrivateNote.objects.get(pk=notes[0].pk).label == "the widower"
    assert PrivateNote.objects.get(pk=notes[1].pk).text == "Ben's own note"
    settings.FIELD_ENCRYPTION_KEYS = [encryption_key]
    with pytest.raises(crypto.DecryptionError):
        PrivateNote.objects.get(pk=notes[0].pk)


def test_it_keeps_the_notes_unchanged_otherwise(cast: Cast, settings,
                                                encryption_key: str) -> None:
    note = keep_note(cast.member, cast.meeting, label="L", round_number=2)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), encryption_key]
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    again = PrivateNote.objects.get(pk=note.pk)
    assert (again.updated_at, again.round_number, again.kind, again.author_id) == (
        note.updated_at, 2, note.kind, cast.member.pk)


def test_it_changes_nothing_when_a_key_is_missing(cast: Cast, settings,
                                                  encryption_key: str) -> None:
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    readable = keep_note(cast.member, cast.meeting, text="under the new key")
    settings.FIELD_ENCRYPTION_KEYS = [encryption_key]
    keep_note(cast.members[1], cast.meeting, text="under the old key only")
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key removed too early
    before = raw_row(readable)
    with pytest.raises(crypto.DecryptionError):
        call_command("rotate_encryption_keys", stdout=io.StringIO())
    assert raw_row(readable) == before  # rolled back, though it came first
