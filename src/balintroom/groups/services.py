"""Everything that changes groups, memberships, invitations and meetings."""

from datetime import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.method.roles import Role

from .models import BalintGroup, Invitation, Meeting, MeetingSetting, Membership

INVITATION_SALT = "balintroom.invitation"


def group_create(*, by: User, name: str, description: str = "", setting: str,
                 language: str = "en", audience: str = "clinicians",
                 video_link: str = "") -> BalintGroup:
    with transaction.atomic():
        group = BalintGroup(name=name, description=description, setting=setting,
                            language=language, audience=audience, video_link=video_link)
        group.full_clean()
        group.save()
        Membership.objects.create(group=group, user=by, role=Role.LEADER)
    return group


def group_update(*, group: BalintGroup, **fields: str) -> BalintGroup:
    for name, value in fields.items():
        setattr(group, name, value)
    group.full_clean()
    group.save()
    return group


def invitation_create(*, group: BalintGroup, email: str, by: User) -> Invitation:
    email = email.strip().lower()
    if Membership.objects.filter(group=group, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member of this group.") % {"email": email})
    with transaction.atomic():
        # A new invitation to the same address replaces the open one, so that the
        # latest link is the one that works.
        Invitation.objects.filter(
            group=group, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        invitation = Invitation(group=group, email=email, invited_by=by)
        invitation.full_clean()
        invitation.save()
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk}, salt=INVITATION_SALT, compress=True)


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link stands for, or None for a forged or mangled link."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return None
    return Invitation.objects.select_related("group").filter(pk=data["i"]).first()


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_check(*, invitation: Invitation, user: User | None = None) -> None:
    """Raise ValidationError unless the invitation can be accepted now (by user, if given).

    Each error carries a code ("used", "revoked", "expired", "wrong_email") so that a page
    can answer "gone" for a dead link and "bad request" for the wrong account.
    """
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been withdrawn."), code="revoked")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the leader of the group for a new one."),
            code="expired",
        )
    if user is not None and not user_has_verified_email(user, invitation.email):
        raise ValidationError(
            _("This invitation was sent to another email address. Log in with the "
              "address it was sent to."),
            code="wrong_email",
        )


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation_check(invitation=invitation, user=user)
        membership, _created = Membership.objects.get_or_create(
            group=invitation.group, user=user, defaults={"role": Role.MEMBER}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def user_has_verified_email(user: User, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def _leaders_left(group: BalintGroup, *, without: Membership) -> int:
    return (
        Membership.objects.filter(group=group, role=Role.LEADER).exclude(pk=without.pk).count()
    )


def membership_change_role(*, membership: Membership, role: str) -> Membership:
    if role not in {r.value for r in Role}:
        raise ValidationError(_("Unknown role."))
    with transaction.atomic():
        # Lock the group's memberships so two leaders demoting each other at once
        # cannot leave the group without one.
        list(Membership.objects.select_for_update().filter(group=membership.group))
        membership.refresh_from_db()
        if (membership.role == Role.LEADER and role != Role.LEADER
                and _leaders_left(membership.group, without=membership) == 0):
            raise ValidationError(_("A group always keeps at least one leader."))
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def membership_end(*, membership: Membership) -> None:
    """A member leaves, or a leader removes her."""
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(group=membership.group))
        # Read the role again under the lock: it may have changed since the page was shown.
        current = Membership.objects.filter(pk=membership.pk).first()
        if current is None:
            return
        if (current.role == Role.LEADER
                and _leaders_left(current.group, without=current) == 0):
            raise ValidationError(
                _("A group always keeps at least one leader. Make someone else leader first.")
            )
        current.delete()


def meeting_schedule(*, group: BalintGroup, starts_at: datetime, duration_minutes: int,
                     setting: str, place: str = "", video_link: str = "",
                     format_key: str = "classic") -> Meeting:
    # The group's link is the default for an online meeting; a meeting in person gets a
    # link only when the leader gives one.
    default_link = group.video_link if setting == MeetingSetting.ONLINE else ""
    meeting = Meeting(group=group, starts_at=starts_at, duration_minutes=duration_minutes,
                      setting=setting, place=place, video_link=video_link or default_link,
                      format_key=format_key)
    meeting.full_clean()
    meeting.save()
    return meeting


def meeting_update(*, meeting: Meeting, **fields: object) -> Meeting:
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save()
    return meeting


def meeting_cancel(*, meeting: Meeting) -> None:
    # Deleting a meeting deletes its room, rounds and presence; once it has begun those
    # are the group's record (attendance, hours), so only a meeting still ahead may go.
    if meeting.starts_at <= timezone.now():
        raise ValidationError(
            _("This meeting has already begun, so it stays in the group's record.")
        )
    meeting.delete()
