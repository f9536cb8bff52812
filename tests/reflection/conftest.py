"""Reflection tests: a fresh encryption key for every test (her answers are encrypted)."""

import pytest
from cryptography.fernet import Fernet


@pytest.fixture(autouse=True)
def encryption_key(settings) -> str:
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key
