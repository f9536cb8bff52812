"""Case material tests: a fresh encryption key for every test, and small helpers to keep
notes as Anna (the cast's first member)."""

import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest
from cryptography.fernet import Fernet
from django.test import Client

from balintroom.accounts.models import User
from balintroom.cases import services
from balintroom.cases.models import NoteKind, PrivateNote
from balintroom.groups.models import Meeting

# Words a note may hold that must never show up where they do not belong.
SECRET = "Mr Herbert Quist, the widower with the dog"


@pytest.fixture(autouse=True)
def encryption_key(settings) -> str:
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def keep_note(user: User, meeting: Meeting, text: str = SECRET, **fields: object
              ) -> PrivateNote:
    services.notes_opt_in(user=user, meeting=meeting)
    values: dict[str, object] = {"label": "", "kind": NoteKind.DURING_ROUND,
                                 "round_number": None}
    values.update(fields)
    return services.note_create(author=user, meeting=meeting, text=text, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    text: str


def _fake_find(text: str, language: str | None = None, *,
               known_names: Iterable[str] = ()) -> list[Finding]:
    import re

    found = []
    for category, pattern in (("name", r"\bMr\.? [A-Z]\w+(?: [A-Z]\w+)?"),
                              ("date", r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")):
        for match in re.finditer(pattern, text):
            found.append(Finding(category, match.start(), match.end(), match.group()))
    return found


@pytest.fixture
def fake_check(monkeypatch) -> Iterator[types.ModuleType]:
    """A stand-in for balintroom.deid.identifiers that flags "Mr Name" and dates."""
    module = types.ModuleType("balintroom.deid.identifiers")
    module.find_identifiers = _fake_find  # type: ignore[attr-defined]
    module.CATEGORY_LABELS = {"name": "Name", "date": "Date"}  # type: ignore[attr-defined]
    module.Finding = Finding  # type: ignore[attr-defined]
    monkeypatch.setattr(services, "identifiers", module)
    yield module


def _find_nothing(text: str, language: str | None = None, *,
                  known_names: Iterable[str] = ()) -> list[Finding]:
    return []


@pytest.fixture
def no_check(monkeypatch) -> None:
    """A check that finds nothing, for tests about notes rather than the check."""
    module = types.ModuleType("balintroom.deid.identifiers")
    module.find_identifiers = _find_nothing  # type: ignore[attr-defined]
    module.CATEGORY_LABELS = {}  # type: ignore[attr-defined]
    monkeypatch.setattr(services, "identifiers", module)
