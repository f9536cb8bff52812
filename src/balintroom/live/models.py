import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from balintroom.groups.models import Meeting
from balintroom.method.round import Status


def new_display_token() -> str:
    return secrets.token_urlsafe(24)


class Room(models.Model):
    """The live state of one meeting's room. ``version`` grows with every change anyone
    can see, so a client can tell a newer snapshot from an older one."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="room")
    version = models.PositiveBigIntegerField(default=1)
    # The version of the last change to the round itself (not presence, not volunteers):
    # a leader's action is refused only if she has not seen that one.
    steered_version = models.PositiveBigIntegerField(default=1)
    # The version of the last change to the room's own rows (its round, offers, step-outs,
    # anything but who is present): a process that kept the room at an older version,
    # with no such change since, needs to read only the people again.
    rows_version = models.PositiveBigIntegerField(default=0)
    display_token = models.CharField(max_length=64, default=new_display_token, unique=True)
    asking_for_cases = models.BooleanField(default=False)
    # Where the meeting is in its format's agenda (check-in, follow-up, rounds, closing).
    part_index = models.PositiveSmallIntegerField(default=0)
    # A prompt card the leader shows the room, as a gentle banner.
    banner = models.CharField(max_length=200, blank=True)
    # "Say your name before speaking", for groups whose cameras are off.
    name_mode = models.BooleanField(default=False)
    # Raised hands, in the order they were raised; the one who has the word.
    hands = models.JSONField(default=list, blank=True)
    speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # The member who steers when no leader is in the room.
    backup = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # When the leader ended the meeting; the room takes no change after it.
    ended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"room of meeting #{self.meeting_id}"


class Round(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    # Which part of the meeting's agenda this run is, and its kind (round, check-in...).
    part_index = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=16, default="round")
    # A follow-up tells what happened next with the case of an earlier round.
    follow_up_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Check-in: who speaks in which order, and whose turn it is.
    speaker_order = models.JSONField(default=list, blank=True)
    speaker_index = models.PositiveSmallIntegerField(default=0)
    # Seconds each phase had left when the round went past it (null: not left yet).
    phase_left = models.JSONField(default=list, blank=True)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # The presenter's own short label for her case; case-related, so never logged,
    # never in a URL, and not shown in admin lists.
    label = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=16, choices=[(s.value, s.value) for s in Status], default=Status.WAITING
    )
    phase_index = models.PositiveSmallIntegerField(default=0)
    deadline = models.DateTimeField(null=True, blank=True)
    remaining_seconds = models.FloatField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "number"], name="round_number_unique"),
            # A running phase has a deadline; a paused one has only the time left.
            models.CheckConstraint(
                condition=~Q(status=Status.RUNNING) | Q(deadline__isnull=False),
                name="running_round_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PAUSED)
                | Q(deadline__isnull=True, remaining_seconds__isnull=False),
                name="paused_round_keeps_remaining",
            ),
        ]

    def __str__(self) -> str:
        return f"round {self.number} of meeting #{self.room.meeting_id}"


class Volunteer(models.Model):
    """A member who has a case to bring in this meeting."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="volunteers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=80, blank=True)
    urgency = models.PositiveSmallIntegerField(default=2)  # 1 can wait, 2 would like, 3 urgent
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "user"], name="one_volunteering_per_room"),
            models.CheckConstraint(condition=Q(urgency__gte=1, urgency__lte=3),
                                   name="volunteer_urgency_known"),
        ]

    def __str__(self) -> str:
        return f"volunteer #{self.pk}"


class PhaseEvent(models.Model):
    """The log of every change a leader made to a round: when, by whom, into which phase."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=24)
    phase_index = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%H:%M:%S}"


class ServerProcess(models.Model):
    """A server process that holds sockets, while it lives. Its heartbeat keeps its
    sockets' rows fresh; a process found dead (its heartbeat stale, or no such process
    on its host) has all its sockets closed at once (live/processes.py)."""

    key = models.CharField(max_length=40, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"process {self.host}:{self.pid}"


class Connection(models.Model):
    """One open WebSocket of a participant. Presence is derived from these: a participant is
    in the room while one of hers is open, and reconnecting for a grace period after the
    last one closed. ``process`` is the key of the server process that holds it, whose
    heartbeat moves ``last_seen``: a connection of a process that died without closing
    it goes stale even before the process is found dead."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="connections")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    process = models.CharField(max_length=40, blank=True, db_index=True)
    opened_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["room", "user"])]

    def __str__(self) -> str:
        return f"connection #{self.pk}"


class StepOut(models.Model):
    """The Lindauer rule: a member who may know the patient tells the leaders, privately,
    and may step out until a leader lets her back. The times count for attendance."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="step_outs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, on_delete=models.SET_NULL, null=True, related_name="+")
    signalled_at = models.DateTimeField(default=timezone.now)
    stepped_out_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["signalled_at", "pk"]

    def __str__(self) -> str:
        return f"step-out #{self.pk}"

    @property
    def outside(self) -> bool:
        return self.stepped_out_at is not None and self.returned_at is None
