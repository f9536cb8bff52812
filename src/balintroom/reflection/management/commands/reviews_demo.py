"""Reviews for a demo group's past meetings: each meeting's cases, as the room would have
left them, and everyone's answers, given through the one service that takes answers (as
if during the Review). The urge to solve fades over the months and the process helps
more, as in a group that finds its way. For trying the reflection pages and for the
browser tests; never run it against a database that holds real people."""

import json
import random
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from balintroom.groups.models import BalintGroup, Meeting
from balintroom.groups.selectors import meeting_format_for, members_of
from balintroom.live.models import Room, Round
from balintroom.method.formats import REVIEW, PartKind
from balintroom.method.round import Status
from balintroom.reflection.selectors import ReviewPlace
from balintroom.reflection.services import Answer, review_answer
from balintroom.reflection.vocabulary import FEELINGS


class Command(BaseCommand):
    help = "Give a demo group's past meetings their cases and review answers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--group", type=int, required=True)
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        result = _create(BalintGroup.objects.get(pk=options["group"]))
        self.stdout.write(json.dumps(result) if options["json"]
                          else f"{result['answers']} answers in {result['rounds']} cases")


@transaction.atomic
def _create(group: BalintGroup) -> dict[str, Any]:
    chance = random.Random(group.pk)
    memberships = list(members_of(group))
    members = [m for m in memberships if not m.leads]
    meetings = list(Meeting.objects.filter(group=group, cancelled_at__isnull=True,
                                           starts_at__lt=timezone.now() - timedelta(hours=2))
                    .order_by("starts_at"))
    rounds = answers = 0
    for index, meeting in enumerate(meetings):
        progress = index / max(len(meetings) - 1, 1)  # 0 at the first meeting, 1 at the last
        room = Room.objects.get(meeting=meeting)
        parts = [(i, part) for i, part in enumerate(meeting_format_for(meeting).parts)
                 if part.kind == PartKind.ROUND]
        for number, (part_index, part) in enumerate(parts, start=1):
            presenter = members[(index * len(parts) + number) % len(members)].user
            started = meeting.starts_at + timedelta(minutes=10 + 45 * (number - 1))
            round_ = Round.objects.create(
                room=room, number=number, part_index=part_index, kind=PartKind.ROUND,
                presenter=presenter, status=Status.ENDED,
                phase_index=[p.key for p in part.phases].index(REVIEW.key),
                started_at=started, ended_at=started + timedelta(minutes=40))
            rounds += 1
            # Now and then one stays silent, so some reviews show no summary at all.
            answering = [m for m in memberships if chance.random() > 0.15]
            for membership in answering:
                urge = round(4.3 - 2.2 * progress + chance.uniform(-0.8, 0.8))
                helped = round(3.0 + 1.5 * progress + chance.uniform(-0.8, 0.8))
                place = ReviewPlace(room=room, meeting=meeting, membership=membership,
                                    round=round_)
                review_answer(place=place, by=membership.user, now=round_.ended_at, answer=Answer(
                    urge=min(5, max(1, urge)), helped=min(5, max(1, helped)),
                    similar=chance.choice(["yes", "partly", "no", ""]),
                    feelings=tuple(chance.sample(sorted(FEELINGS), 2))))
                answers += 1
    return {"rounds": rounds, "answers": answers}
