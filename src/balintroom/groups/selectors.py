"""Permission-scoped reads. A view never fetches a group or meeting any other way, so that
an outsider gets 404 whatever she guesses."""

from collections import Counter
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.accounts.professions import OTHER, PROFESSIONS
from balintroom.method.agenda import CLASSIC, MEETING_FORMATS, MeetingFormat
from balintroom.method.roles import Role

from .models import (
    BalintGroup,
    CalendarFeed,
    Candidate,
    CaseAhead,
    CustomFormat,
    Invitation,
    Meeting,
    Membership,
    PromptCard,
    custom_format_id,
)


def groups_for_user(user: User) -> QuerySet[BalintGroup]:
    """Her groups, those that meet first, the ended ones after them."""
    return BalintGroup.objects.filter(memberships__user=user).order_by(
        F("archived_at").asc(nulls_first=True), "name")


def membership_for(user: User, group_id: int) -> Membership:
    """The user's own membership in a group, or 404."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("group").filter(user=user, group_id=group_id).first()
    )
    if membership is None:
        raise Http404
    return membership


def leading_membership_for(user: User, group_id: int) -> Membership:
    """Like membership_for, for pages only leaders may open; members also get 404."""
    membership = membership_for(user, group_id)
    if not membership.leads:
        raise Http404
    return membership


def members_of(group: BalintGroup) -> QuerySet[Membership]:
    """Leader first, then co-leaders, then members (the role values do not sort that way)."""
    rank = Case(
        When(role=Role.LEADER, then=Value(0)),
        When(role=Role.CO_LEADER, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return group.memberships.select_related("user").order_by(rank, "user__display_name",
                                                              "user__email")


def member_in_group(group: BalintGroup, membership_id: int) -> Membership:
    membership = Membership.objects.filter(group=group, pk=membership_id).select_related(
        "user").first()
    if membership is None:
        raise Http404
    return membership


def open_invitations(group: BalintGroup) -> QuerySet[Invitation]:
    return group.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def invitation_in_group(group: BalintGroup, invitation_id: int) -> Invitation:
    invitation = group.invitations.filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    return invitation


def _verified_emails(user: User) -> list[str]:
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return [e.lower() for e in emails]


def invitations_for_user(user: User) -> QuerySet[Invitation]:
    """Open invitations addressed to one of the user's verified addresses."""
    return (
        Invitation.objects.filter(
            email__in=_verified_emails(user),
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now(),
        )
        .exclude(group__memberships__user=user)
        .select_related("group")
    )


def invitation_for_user(user: User, invitation_id: int) -> Invitation:
    """An invitation addressed to one of the user's verified addresses, open or not, or 404."""
    if not user.is_authenticated:
        raise Http404
    invitation = (
        Invitation.objects.select_related("group")
        .filter(pk=invitation_id, email__in=_verified_emails(user))
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def meeting_in_group(group: BalintGroup, meeting_id: int) -> Meeting:
    meeting = group.meetings.filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


def meeting_for_member(user: User, meeting_id: int) -> tuple[Meeting, Membership]:
    meeting = Meeting.objects.select_related("group").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting, membership_for(user, meeting.group_id)


def label_check_of(group_id: int) -> tuple[list[str], str]:
    """What the check of a case label needs of the group: its people's names (member_names)
    and whom its members serve, which its warning names."""
    served = BalintGroup.objects.filter(pk=group_id).values_list("served", flat=True).first()
    return member_names(group_id), served or ""


def member_names(group_id: int) -> list[str]:
    """The names of the group's members and leaders, as the group sees them. For the
    identifier check: the group's own people are not patients."""
    users = User.objects.filter(memberships__group_id=group_id).only("display_name", "email")
    return sorted({user.name for user in users})


def next_meeting_of(meeting: Meeting) -> Meeting | None:
    """The group's meeting after this one, if one is scheduled (and not cancelled)."""
    return meeting.group.meetings.filter(
        starts_at__gt=meeting.starts_at, cancelled_at__isnull=True).order_by(
        "starts_at").first()


def upcoming_meetings(group: BalintGroup) -> list[Meeting]:
    """Meetings that have not ended yet, the one in progress first."""
    now = timezone.now()
    recent = group.meetings.filter(starts_at__gte=now - LONGEST_MEETING).order_by("starts_at")
    return [meeting for meeting in recent if meeting.ends_at > now]


def past_meetings(group: BalintGroup) -> list[Meeting]:
    now = timezone.now()
    # A cancelled meeting did not take place: it is no part of the group's past.
    earlier = group.meetings.filter(starts_at__lt=now, cancelled_at__isnull=True).order_by(
        "-starts_at")
    return [meeting for meeting in earlier if meeting.ends_at <= now]


def meetings_for_user(user: User) -> list[Meeting]:
    now = timezone.now()
    recent = Meeting.objects.filter(
        group__memberships__user=user, starts_at__gte=now - LONGEST_MEETING
    ).select_related("group").order_by("starts_at")
    return [meeting for meeting in recent if meeting.ends_at > now]


# The longest a meeting may last (Meeting's duration constraint), so that "not ended yet"
# can be narrowed in the database before the exact test in Python.
LONGEST_MEETING = timedelta(hours=12)


# Formats, prompt cards and the confidentiality agreement


def meeting_format_for(meeting: Meeting) -> MeetingFormat:
    """The meeting's format: a shipped one or the group's own. A past meeting whose custom
    format was deleted since, or whose key is no longer shipped, reads as a classic round."""
    return meeting_format_of(group_id=meeting.group_id, format_key=meeting.format_key)


def meeting_format_of(*, group_id: int, format_key: str) -> MeetingFormat:
    """meeting_format_for, from the meeting's group and format key alone."""
    shipped = MEETING_FORMATS.get(format_key)
    if shipped is not None:
        return shipped
    custom_id = custom_format_id(format_key)
    if custom_id is not None:
        custom = CustomFormat.objects.filter(group_id=group_id, pk=custom_id).first()
        if custom is not None:
            return custom.meeting_format
    return CLASSIC


def custom_formats_of(group: BalintGroup) -> QuerySet[CustomFormat]:
    return group.custom_formats.all()


def custom_format_in_group(group: BalintGroup, format_id: int) -> CustomFormat:
    custom = group.custom_formats.filter(pk=format_id).first()
    if custom is None:
        raise Http404
    return custom


def prompt_cards_for(group: BalintGroup) -> list[PromptCard]:
    """The group's prompt cards in their order (a group is given the defaults when it is
    made: groups.services.group_create)."""
    return list(PromptCard.objects.filter(group=group))


def prompt_card_in_group(group: BalintGroup, card_id: int) -> PromptCard:
    card = group.prompt_cards.filter(pk=card_id).first()
    if card is None:
        raise Http404
    return card


def agreed(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """Those of the memberships who have accepted the group's confidentiality agreement as
    it reads now: has_agreed, in the database."""
    return memberships.filter(agreed_at__isnull=False)


def has_agreed(membership: Membership) -> bool:
    """Whether she has accepted the group's confidentiality agreement as it reads now (a
    change of the text resets every other member's agreement)."""
    return membership.agreed_at is not None


def cases_ahead(meetings: list[Meeting]) -> dict[int, list[CaseAhead]]:
    """Who may bring a case to each of these meetings, in the order they said so."""
    found: dict[int, list[CaseAhead]] = {meeting.pk: [] for meeting in meetings}
    for offer in (CaseAhead.objects.filter(meeting__in=meetings).select_related("user")
                  .order_by("created_at", "pk")):
        found[offer.meeting_id].append(offer)
    return found


def member_pausable(user: User, group_id: int, membership_id: int) -> Membership:
    """A membership whose pause she may set: her own, or, for a leader, anyone's in her
    group; else 404."""
    mine = membership_for(user, group_id)
    member = member_in_group(mine.group, membership_id)
    if not mine.leads and member.pk != mine.pk:
        raise Http404
    return member


def candidate_in_group(group: BalintGroup, candidate_id: int) -> Candidate:
    candidate = Candidate.objects.filter(group=group, pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate


def calendar_feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_owner(token: str) -> User:
    """Whose calendar a feed address is, or 404 (unknown, or replaced since)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None:
        raise Http404
    return feed.user


def profession_mix(memberships: list[Membership]) -> list[tuple[str, int]]:
    """The professions the group's people picked, most first: what a mixed group is made
    of. Empty unless there are two or more."""
    counts = Counter(m.user.profession_kind for m in memberships
                     if m.user.profession_kind and m.user.profession_kind != OTHER)
    others = sum(1 for m in memberships if m.user.profession_kind == OTHER)
    mix = [(str(PROFESSIONS[kind]), n) for kind, n in counts.most_common()]
    if others:
        mix.append((str(PROFESSIONS[OTHER]), others))
    return mix if len(mix) > 1 else []
