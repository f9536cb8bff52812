from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Model
from django.utils.functional import cached_property

from . import crypto

# Marks a value that `dumpdata` wrote encrypted, so that `loaddata` decrypts it again.
DUMPED = "fernet:"


class EncryptedTextField(models.TextField):
    """Text that the database holds only as a Fernet token.

    Encrypted on the way in (every save gives a new token), decrypted on the way out. Only
    `isnull` can be looked up: any other lookup would compare tokens, which never match.
    `max_length` counts the characters of the text, not of the token.
    """

    description = "Text, encrypted at rest"

    @cached_property
    def validators(self) -> list[Any]:
        # TextField, unlike CharField, does not check max_length itself.
        extra = [MaxLengthValidator(self.max_length)] if self.max_length is not None else []
        return [*super().validators, *extra]

    def _where(self) -> str:
        model = getattr(self, "model", None)
        return f"{model._meta.label}.{self.name}" if model is not None else self.name

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return crypto.decrypt(value, where=self._where())

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(str(value))

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(DUMPED):
            try:
                return crypto.decrypt(value[len(DUMPED):], where=self._where())
            except crypto.DecryptionError:
                return value  # a text that merely begins like a dump
        return super().to_python(value)

    def value_to_string(self, obj: Model) -> str:
        # Serialized (dumpdata) as a token, never as the text itself.
        value = self.value_from_object(obj)
        return "" if value is None else DUMPED + crypto.encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name: str) -> Any:
        return None
