"""The room against its model: random sequences of actions by random people (leader,
co-leader, members, the presenter, an outsider, the room display), and people coming and
going, run through the real services with kept states on. After every step the stored
room must be the room that method.room's rules give (same part, runs, phases, times,
offers, hands, step-outs, versions), every state sent must be what a state built afresh
from the database shows, and every row of the room must have been written by the one
function that writes them (store.room_write): a second way to change a room fails here.
"""

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import CodeType
from typing import Any

import pytest
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from hypothesis import HealthCheck, event
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from balintroom.accounts.models import User
from balintroom.groups.models import PromptCard
from balintroom.groups.selectors import meeting_format_for
from balintroom.groups.services import meeting_schedule
from balintroom.live import connections, roomstate, services, store
from balintroom.live.broadcast import broadcasts_held
from balintroom.live.models import Room
from balintroom.live.requests import request_parse
from balintroom.live.selectors import earlier_cases
from balintroom.live.snapshot import build_fresh
from balintroom.method.agenda import part_at
from balintroom.method.formats import PartKind
from balintroom.method.room import (
    Context,
    EarlierCase,
    Person,
    RoomState,
    room_apply,
    room_seen_change,
    room_times,
)
from balintroom.method.round import (
    LEADER_ACTIONS,
    MEMBER_ACTIONS,
    Action,
    RoundError,
    Status,
)
from tests.conftest import Cast, make_cast
from tests.live.test_services import act

pytestmark = pytest.mark.django_db

ACTORS = ("leader", "coleader", "member", "presenter", "outsider", "display")
LABELS = ("", "night shift", "the quiet man", "Frau Müller, 93")
# The room's tables: only store.room_write may write them while the room is in use.
ROOM_TABLES = ("live_room", "live_round", "live_volunteer", "live_stepout", "live_phaseevent")


@dataclass
class World:
    """One group, as in every test, with an earlier case to follow up."""

    cast: Cast
    people: list[User]  # the group, in the room's order
    roles: dict[int, str]
    cards: dict[int, str]
    earlier: list[int]  # the earlier cases' rounds


def views(texts: dict[str, str]) -> dict[str, Any]:
    parsed = {kind: json.loads(text) for kind, text in texts.items()}
    for view in parsed.values():
        view.pop("server_time")
    return parsed


@contextmanager
def only_room_write(code: CodeType) -> Iterator[None]:
    """Fail any write to the room's tables that does not come from room_write."""
    def check(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        words = sql.lstrip().split(None, 3)
        if words and words[0].upper() in ("INSERT", "UPDATE", "DELETE") \
                and any(table in sql.split("(")[0].split(" SET ")[0] for table in ROOM_TABLES):
            frame: Any = sys._getframe()
            while frame is not None and frame.f_code is not code:
                frame = frame.f_back
            assert frame is not None, f"written around store.room_write: {sql[:80]}"
        return execute(sql, params, many, context)

    with connection.execute_wrapper(check):
        yield


class RoomMachine(RuleBasedStateMachine):
    runs = 0

    def __init__(self) -> None:
        super().__init__()
        RoomMachine.runs += 1
        self.world = new_world(f"run{RoomMachine.runs}")
        cast = self.world.cast
        self.meeting = meeting_schedule(group=cast.group, starts_at=timezone.now(),
                                        duration_minutes=90, setting="online",
                                        format_key="double_hour")
        room = Room.objects.get(meeting=self.meeting)
        self.room_id = room.pk
        self.ref = RoomState(display_token=room.display_token)
        self.present: dict[int, str] = {}  # user -> her open socket's channel
        self.clock = time.time()
        self.sockets = 0
        self.sent: list[dict[str, Any]] = []
        roomstate.forget_all()

    # --- what the rules would say -------------------------------------------------------

    def context(self) -> Context:
        return Context(
            meeting_format=meeting_format_for(self.meeting),
            people=tuple(Person(id=u.pk, role=self.world.roles[u.pk],
                                present=u.pk in self.present) for u in self.world.people),
            earlier_cases={r.pk: EarlierCase(id=r.pk, presenter=r.presenter_id or 0,
                                             label=r.label)
                           for r in earlier_cases(self.world.cast.group.pk)},
            prompt_cards=self.world.cards,
        )

    def user_of(self, actor: str, pick: int) -> User | None:
        cast = self.world.cast
        run = self.ref.run
        if actor == "leader":
            return cast.leader
        if actor == "coleader":
            return cast.coleader
        if actor == "outsider":
            return cast.outsider
        if actor == "presenter" and run is not None and run.presenter is not None:
            return next(u for u in self.world.people if u.pk == run.presenter)
        if actor == "display":
            return None
        return cast.members[pick % len(cast.members)]

    # --- steps ----------------------------------------------------------------------------

    @initialize(part=st.sampled_from([0, 1, 2, 2, 2, 3, 5]), data=st.data())
    def begin_at(self, part: int, data: st.DataObject) -> None:
        """Some runs begin with the meeting further on (the leader skipped parts), and
        often with a round under way, so that the later parts are reached as often."""
        for _ in range(part):
            self.act("leader", Action.SKIP_PART, data, expected=self.ref.version)
        if data.draw(st.booleans(), label="round under way"):
            for action in (Action.CHOOSE_PRESENTER, Action.START):
                self.act("leader", action, data, expected=self.ref.version)

    def step(self, work: Any) -> Any:
        """Run one step as the server would: its broadcasts collected, commits done."""
        with broadcasts_held() as held, TestCase.captureOnCommitCallbacks(execute=True), \
                only_room_write(store.room_write.__code__):
            result = work()
        self.sent = [message for _group, message in held]
        return result

    # Ending the meeting ends a run of the machine: only now and then (anyone_anything).
    @rule(actor=st.sampled_from(("leader", "coleader")),
          action=st.sampled_from(sorted(LEADER_ACTIONS - {Action.END_MEETING})),
          data=st.data())
    def steer(self, actor: str, action: Action, data: st.DataObject) -> None:
        """A leader, who has seen the room as it is, keeps the frame."""
        self.act(actor, action, data, expected=self.ref.version)

    @rule(actor=st.sampled_from(("leader", "coleader")), data=st.data())
    def lead_on(self, actor: str, data: st.DataObject) -> None:
        """The leader takes the meeting's next step, so that every part and phase is
        reached: a presenter or a case to follow up, the start, the next phase, the end."""
        run = self.ref.run
        part = part_at(meeting_format_for(self.meeting), self.ref.part_index)
        if run is None and part.kind == PartKind.FOLLOW_UP:
            action = Action.CHOOSE_FOLLOW_UP
        elif run is None and part.needs_presenter:
            action = Action.CHOOSE_PRESENTER
        elif run is None or run.status == Status.WAITING:
            action = Action.START
        else:
            action = data.draw(st.sampled_from(
                [Action.ADVANCE, Action.ADVANCE, Action.ADVANCE, Action.NEXT_SPEAKER,
                 Action.END]), label="next")
        self.act(actor, action, data, expected=self.ref.version)

    def under_way(self) -> bool:
        run = self.ref.run
        return run is not None and run.status in (Status.RUNNING, Status.PAUSED)

    @precondition(under_way)
    @rule(actor=st.sampled_from(("leader", "coleader")), action=st.sampled_from(
        [Action.BACK, Action.PAUSE, Action.RESUME, Action.EXTEND, Action.ADVANCE,
         Action.NEXT_SPEAKER, Action.CALL_ON, Action.LET_BACK, Action.SEE_OUT]),
          data=st.data())
    def keep_the_frame(self, actor: str, action: Action, data: st.DataObject) -> None:
        self.act(actor, action, data, expected=self.ref.version)

    @precondition(under_way)
    @rule(action=st.sampled_from([Action.MAY_KNOW_PATIENT, Action.STEP_OUT,
                                  Action.RAISE_HAND, Action.LOWER_HAND]), data=st.data())
    def resonate(self, action: Action, data: st.DataObject) -> None:
        self.act("member", action, data, expected=self.ref.version)

    @rule(actor=st.sampled_from(("member", "presenter")),
          action=st.sampled_from(sorted(MEMBER_ACTIONS)), data=st.data())
    def take_part(self, actor: str, action: Action, data: st.DataObject) -> None:
        self.act(actor, action, data, expected=self.ref.version)

    @rule(actor=st.sampled_from(ACTORS), action=st.sampled_from(sorted(Action)),
          data=st.data())
    def anyone_anything(self, actor: str, action: Action, data: st.DataObject) -> None:
        """Anyone, anything, having seen the room now, a moment ago, never, or a version
        it never had."""
        version = data.draw(st.sampled_from(
            [self.ref.version, self.ref.version - 1, self.ref.version + 1,
             self.ref.steered_version, None]), label="expected")
        self.act(actor, action, data, expected=version)

    def act(self, actor: str, action: Action, data: st.DataObject, *,
            expected: int | None) -> None:
        user = self.user_of(actor, data.draw(st.integers(0, 3), label="member"))
        message = {"action": action.value, **self.arguments(action, data)}
        if expected is not None:
            message["expected_version"] = expected
        try:
            request = request_parse(message)
        except RoundError:
            self.sent = []
            return  # not read: nothing can have changed (checked below)
        now = store.stored_moment(self.clock)
        role = self.world.roles.get(user.pk) if user is not None else None
        # The services draw a new display link's token; the model takes the one stored.
        args = replace(request.args, token="new")
        try:
            after = room_apply(self.ref, self.context(), by=user.pk if user else None,
                                  role=role, action=request.action, args=args,
                                  expected_version=request.expected_version, now=now)
            expected_error = None
        except RoundError as error:
            after, expected_error = self.ref, error.message
        services_time = services.time
        services.time = _Clock(self.clock)  # type: ignore[assignment]
        try:
            self.step(lambda: services.room_act(
                meeting_id=self.meeting.pk, by=user, action=request.action,
                args=request.args, expected_version=request.expected_version))
            error = None
        except RoundError as raised:
            error = raised.message
        finally:
            services.time = services_time
        assert error == expected_error, (action, actor)
        event(f"{action.value}: {'refused' if error else 'done'}")
        if after is not self.ref:
            after = room_times(after, store.stored_moment)
            if request.action == Action.RENEW_DISPLAY_LINK:
                renewed = Room.objects.get(pk=self.room_id).display_token
                assert renewed != self.ref.display_token
                after = replace(after, display_token=renewed)
        self.ref = after

    def arguments(self, action: Action, data: st.DataObject) -> dict[str, Any]:
        people = [u.pk for u in self.world.people] + [self.world.cast.outsider.pk]
        someone = st.sampled_from(people)
        if action == Action.VOLUNTEER:
            return {"label": data.draw(st.sampled_from(LABELS)),
                    "urgency": data.draw(st.sampled_from([1, 2, 3])),
                    "keep": data.draw(st.booleans())}
        if action == Action.CHOOSE_PRESENTER:
            # Mostly one of those who offered a case, as a leader would choose.
            offered = [o.user for o in self.ref.offers]
            return {"user": data.draw(st.sampled_from(offered) if offered and data.draw(
                st.booleans()) else someone)}
        if action in (Action.LET_BACK, Action.SEE_OUT):
            signalled = [s.user for s in self.ref.open_step_outs]
            return {"user": data.draw(st.sampled_from(signalled) if signalled else someone)}
        if action in (Action.CALL_ON, Action.NAME_BACKUP):
            return {"user": data.draw(st.one_of(st.none(), someone))}
        if action == Action.EXTEND:
            return {"minutes": data.draw(st.sampled_from([1, 5, 2]))}
        if action == Action.NAME_MODE:
            return {"on": data.draw(st.booleans())}
        if action == Action.SHOW_PROMPT:
            return {"card": data.draw(st.sampled_from([*self.world.cards, 10**9]))}
        if action == Action.CHOOSE_FOLLOW_UP:
            known = self.world.earlier
            return {"round": data.draw(st.sampled_from([*known, *known, 10**9]))}
        return {}

    @rule(pick=st.integers(0, 5))
    def arrive(self, pick: int) -> None:
        user = self.world.people[pick]
        self.sockets += 1
        channel = f"model.{self.room_id}.{self.sockets}"
        self.step(lambda: connections.connections_apply([connections.SocketOpened(
                room_id=self.room_id, user_id=user.pk, name=channel)]))
        self.present.setdefault(user.pk, channel)
        self.ref = room_seen_change(self.ref)

    @rule(pick=st.integers(0, 5))
    def leave(self, pick: int) -> None:
        user = self.world.people[pick]
        channel = self.present.pop(user.pk, None)
        if channel is None:
            return
        self.step(lambda: connections.connections_apply([connections.SocketClosed(name=channel)]))
        self.ref = room_seen_change(self.ref)

    @rule(seconds=st.sampled_from([0.5, 30.0, 61.0, 400.0]))
    def wait(self, seconds: float) -> None:
        self.clock += seconds
        self.sent = []

    # --- after every step -----------------------------------------------------------------

    @invariant()
    def the_stored_room_is_the_models(self) -> None:
        room = Room.objects.select_related("meeting").get(pk=self.room_id)
        assert store.rooms_read([room])[room.pk].state == self.ref

    @invariant()
    def every_state_sent_is_a_fresh_build(self) -> None:
        if not self.sent:
            return
        room = Room.objects.select_related("meeting").get(pk=self.room_id)
        fresh = views(build_fresh(room).texts(server_time=0.0))
        assert len(self.sent) == 1
        (message,) = self.sent
        assert message["version"] == room.version == self.ref.version
        assert views(message["texts"]) == fresh


class _Clock:
    """The services' clock, set by the test: phases' deadlines follow it."""

    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


def new_world(tag: str) -> World:
    """A group of its own for each run of the machine: nothing another run did (its
    cases, its rooms) can change what this one finds."""
    cast = make_cast(tag)
    people = sorted([cast.leader, cast.coleader, *cast.members],
                    key=lambda u: (u.display_name, u.email))
    roles = {cast.leader.pk: "leader", cast.coleader.pk: "co_leader",
             **{m.pk: "member" for m in cast.members}}
    # An earlier case, for the follow-up part of the double hour.
    act(cast, cast.member, Action.VOLUNTEER, label="the night call")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    act(cast, cast.leader, Action.START)
    act(cast, cast.leader, Action.END)
    cards = dict(PromptCard.objects.filter(group=cast.group).values_list("pk", "text"))
    return World(cast=cast, people=people, roles=roles, cards=cards,
                 earlier=[r.pk for r in earlier_cases(cast.group.pk)])


def test_the_room_follows_its_model(db: None, settings: Any) -> None:
    # Who leaves is away at once, so that the model need not wait out a grace period.
    settings.PRESENCE_GRACE_SECONDS = 0
    run_state_machine_as_test(RoomMachine, settings=hypothesis_settings(
        max_examples=40, stateful_step_count=50, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))


def test_a_second_way_to_write_a_room_is_caught(cast: Cast) -> None:
    """The guard itself: a write to the room that bypasses room_write fails."""
    room = Room.objects.get(meeting=cast.meeting)
    with pytest.raises(AssertionError, match="around store.room_write"), \
            only_room_write(store.room_write.__code__):
        Room.objects.filter(pk=room.pk).update(hands=[cast.member.pk])
