"""The audit log: an append-only record of security events (accounts/models.AuditEvent).

`audit` is the one way an event is written. Nothing confidential goes in - no case, no
note, no typed address of a failed sign-in -, and the database itself refuses to change
a row (a trigger, see the migration); only `audit_retention` removes events older than
AUDIT_RETENTION_DAYS."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import AuditEvent, AuditKind


def network_of(request: HttpRequest | None) -> str:
    address = (request.META.get("REMOTE_ADDR", "") if request is not None else "") or ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def audit(kind: AuditKind | str, *, user_id: int | None = None, actor_id: int | None = None,
          group_id: int | None = None, request: HttpRequest | None = None,
          detail: str = "") -> AuditEvent:
    return AuditEvent.objects.create(
        at=timezone.now(), kind=kind, user_id=user_id, actor_id=actor_id, group_id=group_id,
        network=network_of(request), detail=detail[:64])


def audit_retention() -> int:
    """Remove the events past AUDIT_RETENTION_DAYS; how many went. The only deletion: the
    queryset's own delete() refuses, this goes around it deliberately."""
    cutoff = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    old = AuditEvent.objects.filter(at__lt=cutoff)
    count = old.count()
    old._raw_delete(old.db)
    return count

