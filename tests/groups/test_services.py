"""The rules the pages rely on, checked at the service and selector level."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from balintroom.groups import selectors, services
from balintroom.groups.models import Invitation, Meeting, Membership
from tests.conftest import Cast, make_user


def test_it_names_why_an_invitation_cannot_be_accepted(cast: Cast) -> None:
    eva = make_user("eva@example.org")
    invitation = services.invitation_create(group=cast.group, email="eva@example.org",
                                            by=cast.leader)
    services.invitation_check(invitation=invitation, user=eva)
    services.invitation_check(invitation=invitation)  # nobody logged in yet

    def code(user=eva) -> str | None:
        with pytest.raises(ValidationError) as caught:
            services.invitation_check(invitation=invitation, user=user)
        return caught.value.code

    assert code(user=cast.outsider) == "wrong_email"
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    assert code() == "expired"
    invitation.revoked_at = timezone.now()
    assert code() == "revoked"
    invitation.accepted_at = timezone.now()
    assert code() == "used"


def test_it_accepts_only_once(cast: Cast) -> None:
    eva = make_user("eva@example.org")
    invitation = services.invitation_create(group=cast.group, email="eva@example.org",
                                            by=cast.leader)
    services.invitation_accept(invitation=invitation, user=eva, agreed=True)
    with pytest.raises(ValidationError):
        # A stale copy of the invitation does not fool it: the row is read again.
        services.invitation_accept(invitation=invitation, user=eva, agreed=True)
    assert Membership.objects.filter(group=cast.group, user=eva).count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_by == eva


def test_it_reads_the_role_again_before_removing(cast: Cast) -> None:
    # Carl was promoted to leader on another page; Lena's stale copy says co-leader.
    stale = Membership.objects.get(group=cast.group, user=cast.coleader)
    Membership.objects.filter(pk=stale.pk).update(role="leader")
    Membership.objects.filter(group=cast.group, user=cast.leader).update(role="member")
    with pytest.raises(ValidationError):
        services.membership_end(membership=stale, by=cast.coleader)
    assert Membership.objects.filter(pk=stale.pk).exists()


def test_it_ends_a_membership_that_is_already_gone_quietly(cast: Cast) -> None:
    membership = Membership.objects.get(group=cast.group, user=cast.member)
    Membership.objects.filter(pk=membership.pk).delete()
    services.membership_end(membership=membership, by=cast.leader)


def test_it_cancels_only_meetings_ahead(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=cast.meeting)
    assert Meeting.objects.filter(pk=cast.meeting.pk).exists()
    ahead = services.meeting_schedule(
        group=cast.group, starts_at=timezone.now() + timedelta(days=1), duration_minutes=90,
        setting="online")
    services.meeting_cancel(meeting=ahead, reason="Holiday")
    ahead.refresh_from_db()
    assert ahead.cancelled and ahead.cancel_reason == "Holiday"


def test_it_gives_only_online_meetings_the_groups_link(cast: Cast) -> None:
    cast.group.video_link = "https://meet.example.org/group"
    cast.group.save()
    start = timezone.now() + timedelta(days=1)
    online = services.meeting_schedule(group=cast.group, starts_at=start, duration_minutes=90,
                                       setting="online")
    in_person = services.meeting_schedule(group=cast.group, starts_at=start,
                                          duration_minutes=90, setting="in_person",
                                          place="Room 2")
    assert online.video_link == "https://meet.example.org/group"
    assert in_person.video_link == ""


def test_it_finds_only_the_users_own_invitations(cast: Cast) -> None:
    invitation = services.invitation_create(group=cast.group, email="eva@example.org",
                                            by=cast.leader)
    eva = make_user("Eva@Example.org")
    assert selectors.invitation_for_user(eva, invitation.pk) == invitation
    with pytest.raises(Http404):
        selectors.invitation_for_user(cast.outsider, invitation.pk)
    # Also once it is no longer open, so that the page can say why.
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    assert selectors.invitation_for_user(eva, invitation.pk) == invitation


def test_it_finds_meetings_only_in_their_group(cast: Cast) -> None:
    assert selectors.meeting_in_group(cast.group, cast.meeting.pk) == cast.meeting
    with pytest.raises(Http404):
        selectors.meeting_in_group(cast.other_group, cast.meeting.pk)


def test_it_lists_the_leader_first(cast: Cast) -> None:
    roles = [m.role for m in selectors.members_of(cast.group)]
    assert roles == ["leader", "co_leader", "member", "member", "member", "member"]
