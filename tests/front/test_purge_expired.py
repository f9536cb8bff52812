"""`balintroom purge_expired`: each kind of data that has a retention time goes when it is
over, and not before."""

import io
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from balintroom.groups.models import Invitation, Notice
from balintroom.live.models import Connection
from balintroom.live.services import room_create
from balintroom.records import services as records
from balintroom.records.models import Certificate, StoredImage
from tests.conftest import Cast


def purge() -> str:
    out = StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_each_kind_goes_after_its_time_and_not_before(cast: Cast) -> None:
    now = timezone.now()
    long_ago, lately = now - timedelta(days=120), now - timedelta(days=10)

    def invitation(email: str, expired: object) -> Invitation:
        return Invitation.objects.create(group=cast.group, email=email, invited_by=cast.leader,
                                         expires_at=expired)

    old_invitation, new_invitation = invitation("old@example.org", long_ago), invitation(
        "new@example.org", lately)
    accepted = invitation("came@example.org", long_ago)
    Invitation.objects.filter(pk=accepted.pk).update(accepted_at=long_ago,
                                                     accepted_by=cast.members[0])

    def notice(key: str, created: object, sent: bool) -> Notice:
        return Notice.objects.create(kind="reminder", user=cast.members[0], group=cast.group,
                                     starts_at=created, key=key, created_at=created,
                                     sent_at=created if sent else None)

    old_sent, old_pending, new_sent = (notice("a", long_ago, True), notice("b", long_ago, False),
                                       notice("c", lately, True))
    room = room_create(meeting=cast.meeting)

    def connection(name: str, closed: object) -> Connection:
        return Connection.objects.create(room=room, user=cast.members[0], channel_name=name,
                                         closed_at=closed)

    old_socket, new_socket, open_socket = (connection("x", now - timedelta(days=40)),
                                           connection("y", lately), connection("z", None))
    said = purge()
    assert "1 e-mail notices, 1 invitations, 1 room connections" in said
    assert set(Invitation.objects.values_list("pk", flat=True)) == {new_invitation.pk,
                                                                    accepted.pk}
    assert not Invitation.objects.filter(pk=old_invitation.pk).exists()
    # A notice not yet sent stays, however old: it has not done its work.
    assert set(Notice.objects.values_list("pk", flat=True)) == {old_pending.pk, new_sent.pk}
    assert not Notice.objects.filter(pk=old_sent.pk).exists()
    assert set(Connection.objects.values_list("pk", flat=True)) == {new_socket.pk,
                                                                    open_socket.pk}
    assert not Connection.objects.filter(pk=old_socket.pk).exists()


def test_a_logo_or_signature_goes_once_nothing_uses_or_prints_it(cast: Cast) -> None:
    def png(color: str) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), color).save(buffer, format="PNG")
        return buffer.getvalue()

    first = records.certificate_issuer_save(group=cast.group, name="Institute", address="",
                                            logo_png=png("red")).logo
    printed = records.signer_save(user=cast.leader, qualification="",
                                  signature_png=png("blue")).signature
    assert first is not None and printed is not None
    Certificate.objects.create(
        group=cast.group, member=cast.members[0], status="approved",
        approved_at=timezone.now(), period_start=timezone.localdate(),
        period_end=timezone.localdate(),
        content={"member": "Anna", "approval": {"name": "Lena", "signature": printed.pk}})
    # Both replaced; the signature is printed on a certificate, the first logo nowhere.
    current = records.certificate_issuer_save(group=cast.group, name="Institute", address="",
                                              logo_png=png("green")).logo
    records.signer_save(user=cast.leader, qualification="", signature_png=None,
                        remove_signature=True)
    assert "0 logos and signatures" in purge()  # a day's grace for what was just uploaded
    StoredImage.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert "1 logos and signatures" in purge()
    assert set(StoredImage.objects.values_list("pk", flat=True)) == {printed.pk, current.pk}
