"""The audit log: security events, append-only, nothing confidential in them; each person
sees her own, administrators all; old events go after their retention time."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from balintroom.accounts.audit import audit
from balintroom.accounts.models import AppendOnly, AuditEvent, AuditKind
from balintroom.groups.models import Membership
from tests.conftest import PASSWORD, Cast
from tests.groups.helpers import password_given


def kinds(user_id: int) -> list[str]:
    return list(AuditEvent.objects.filter(user_id=user_id).order_by("at", "pk")
                .values_list("kind", flat=True))


def test_her_sign_ins_wrong_passwords_and_sign_outs_are_recorded(cast: Cast) -> None:
    anna = cast.members[0]
    client = Client(REMOTE_ADDR="192.0.2.77")
    client.post(reverse("account_login"), {"login": anna.email, "password": "Secret-guess-1"})
    client.post(reverse("account_login"), {"login": anna.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    assert kinds(anna.pk) == ["sign_in_failed", "sign_in", "sign_out"]
    # Where from, shortened to the network; never what was typed.
    assert set(AuditEvent.objects.values_list("network", flat=True)) == {"192.0.2.0/24"}
    for event in AuditEvent.objects.all():
        assert "Secret-guess-1" not in str(event.__dict__)


def test_a_failed_sign_in_for_no_account_keeps_no_address(db) -> None:
    Client().post(reverse("account_login"), {"login": "typo@example.org", "password": "x"})
    (event,) = AuditEvent.objects.all()
    assert event.kind == "sign_in_failed" and event.user_id is None
    assert "typo" not in str(event.__dict__)


def test_role_changes_removals_and_invitations_name_who_did_them(cast: Cast) -> None:
    client = Client()
    password_given(client, cast.leader)
    anna, ben = cast.members[0], cast.members[1]
    anna_m = Membership.objects.get(group=cast.group, user=anna)
    ben_m = Membership.objects.get(group=cast.group, user=ben)
    client.post(f"/groups/{cast.group.pk}/members/{anna_m.pk}/role/", {"role": "co_leader"})
    client.post(f"/groups/{cast.group.pk}/members/{ben_m.pk}/remove/")
    client.post(f"/groups/{cast.group.pk}/invitations/", {"email": "eva@example.org"})
    role = AuditEvent.objects.get(kind="role_changed")
    assert (role.user_id, role.actor_id, role.group_id, role.detail) == (
        anna.pk, cast.leader.pk, cast.group.pk, "co_leader")
    removed = AuditEvent.objects.get(kind="member_removed")
    assert (removed.user_id, removed.actor_id) == (ben.pk, cast.leader.pk)
    invited = AuditEvent.objects.get(kind="invitation_sent")
    assert invited.actor_id == cast.leader.pk and "eva" not in str(invited.__dict__)


def test_she_sees_her_own_events_and_nobody_elses(cast: Cast) -> None:
    anna = cast.members[0]
    client = Client()
    password_given(client, cast.leader)
    anna_m = Membership.objects.get(group=cast.group, user=anna)
    client.post(f"/groups/{cast.group.pk}/members/{anna_m.pk}/role/", {"role": "co_leader"})
    audit(AuditKind.SIGN_IN, user_id=cast.outsider.pk, actor_id=cast.outsider.pk)
    client.force_login(anna)
    page = client.get(reverse("security_log")).content.decode()
    assert "Role changed</strong>: Co-leader" in page and "Tuesday GPs" in page
    assert "by Lena" in page
    assert reverse("security_log") in client.get(reverse("profile")).content.decode()
    client.force_login(cast.outsider)
    page = client.get(reverse("security_log")).content.decode()
    assert "Role changed" not in page and "Tuesday GPs" not in page
    assert "Signed in" in page


def test_the_security_log_needs_a_sign_in(db) -> None:
    response = Client().get(reverse("security_log"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_event_is_never_changed_or_deleted(cast: Cast) -> None:
    event = audit(AuditKind.SIGN_IN, user_id=cast.leader.pk)
    event.kind = "sign_out"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(kind="sign_out")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    # Not even past the code: the database refuses.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET kind = 'sign_out'")
    assert AuditEvent.objects.get(pk=event.pk).kind == "sign_in"


def test_administrators_read_the_whole_log_and_change_nothing(cast: Cast) -> None:
    audit(AuditKind.SIGN_IN, user_id=cast.members[0].pk)
    root = cast.outsider
    root.is_staff = root.is_superuser = True
    root.save()
    client = Client()
    client.force_login(root)
    listing = client.get(reverse("admin:accounts_auditevent_changelist"))
    assert listing.status_code == 200 and "Signed in" in listing.content.decode()
    event = AuditEvent.objects.first()
    assert client.get(reverse("admin:accounts_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:accounts_auditevent_delete", args=[event.pk]),
                       {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_old_events_go_after_their_retention_time(cast: Cast, settings) -> None:
    settings.AUDIT_RETENTION_DAYS = 30
    old = AuditEvent.objects.create(at=timezone.now() - timedelta(days=31), kind="sign_in",
                                    user_id=cast.leader.pk)
    recent = audit(AuditKind.SIGN_IN, user_id=cast.leader.pk)
    out = StringIO()
    call_command("purge_expired", stdout=out)
    assert "1 audit events" in out.getvalue()
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
