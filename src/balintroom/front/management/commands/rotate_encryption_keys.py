from typing import Any

from django.core.management.base import BaseCommand

from balintroom.accounts.audit import audit
from balintroom.accounts.models import AuditKind
from balintroom.cases.services import encrypted_values_rotate
from balintroom.front.mfa import two_factor_secrets_rotate


class Command(BaseCommand):
    help = (
        "Encrypt all case material again with the newest key. To rotate: put a new key at "
        "the front of FIELD_ENCRYPTION_KEYS, restart the server, run this command, then "
        "remove the old key and restart again. Make a key with: python -c \"from "
        "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\""
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = encrypted_values_rotate()
        secrets = two_factor_secrets_rotate()
        audit(AuditKind.KEYS_ROTATED, detail=f"{rows} rows, {secrets} secrets")
        self.stdout.write(
            f"Encrypted {rows} row(s) and {secrets} two-factor secret(s) again with the "
            "newest key. The older keys can go now."
        )
