"""The room's rows and the room as method/ sees it (method.room.RoomState): read them into
one, and write what an action changed back, in the transaction that holds the room's row.

`room_write` is the only code that writes a room's round, offers, step-outs, phase log and
state: whatever changes a room, a participant's action or a change of who is present,
passes a room before and after through it. The writes of every phase change (the room's
row, the round's, a line of the phase log) use statements made once (core/prepared.py).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from django.db import connection

from balintroom.core.prepared import insert_row, update_row
from balintroom.method.formats import PartKind
from balintroom.method.room import Offer, RoomState, Run, StepOut
from balintroom.method.round import RoundState, Status
from balintroom.method.timer import Timer

from .models import PhaseEvent, Room, Round, Volunteer
from .models import StepOut as StepOutRow


def as_stored(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


def stored_moment(epoch: float) -> float:
    """A moment as the database keeps it (to the microsecond), so that a room built from
    an action is the room that would be read back."""
    return as_stored(epoch).timestamp()


def _epoch(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def _maybe(value: float | None) -> datetime | None:
    return as_stored(value) if value is not None else None


@dataclass(frozen=True)
class StoredRoom:
    """A room as read from (or written to) its rows, with the ids of the rows that the
    room's own data does not name."""

    room_id: int
    state: RoomState
    run_ids: dict[int, int]  # run number -> Round id
    step_out_ids: tuple[int, ...]  # parallel to state.step_outs
    rows_version: int  # the room's Room.rows_version


def _run(row: Round) -> Run:
    return Run(
        number=row.number, part_index=row.part_index, kind=PartKind(row.kind),
        state=RoundState(status=Status(row.status), phase_index=row.phase_index,
                         timer=Timer(deadline=_epoch(row.deadline),
                                     remaining=row.remaining_seconds)),
        presenter=row.presenter_id, label=row.label, follow_up_of=row.follow_up_of_id,
        speaker_order=tuple(row.speaker_order), speaker_index=row.speaker_index,
        phase_left=tuple(row.phase_left), started_at=_epoch(row.started_at),
        ended_at=_epoch(row.ended_at),
    )


def rooms_read(rooms: Sequence[Room]) -> dict[int, StoredRoom]:
    """Rooms as their rows hold them now: three queries for any number of rooms (a process
    just started builds hundreds at once)."""
    ids = [room.pk for room in rooms]
    rounds: dict[int, list[Round]] = {room_id: [] for room_id in ids}
    for row in Round.objects.filter(room_id__in=ids).order_by("room_id", "number"):
        rounds[row.room_id].append(row)
    offers: dict[int, list[tuple[int, str, int]]] = {room_id: [] for room_id in ids}
    for room_id, user_id, label, urgency in Volunteer.objects.filter(
            room_id__in=ids).order_by("created_at", "pk").values_list(
            "room_id", "user_id", "label", "urgency"):
        offers[room_id].append((user_id, label, urgency))
    step_outs: dict[int, list[tuple[Any, ...]]] = {room_id: [] for room_id in ids}
    for room_id, *step_out in StepOutRow.objects.filter(room_id__in=ids).order_by(
            "pk").values_list("room_id", "pk", "user_id", "round__number", "signalled_at",
                              "stepped_out_at", "returned_at"):
        step_outs[room_id].append(tuple(step_out))
    return {room.pk: _stored(room, rounds[room.pk], offers[room.pk], step_outs[room.pk])
            for room in rooms}


def _stored(room: Room, rows: list[Round], offers: list[tuple[int, str, int]],
            step_outs: list[tuple[Any, ...]]) -> StoredRoom:
    state = RoomState(
        part_index=room.part_index,
        runs=tuple(_run(row) for row in rows),
        asking_for_cases=room.asking_for_cases,
        offers=tuple(Offer(user=u, label=label, urgency=urgency) for u, label, urgency in offers),
        banner=room.banner,
        name_mode=room.name_mode,
        hands=tuple(room.hands),
        speaker=room.speaker_id,
        backup=room.backup_id,
        step_outs=tuple(
            StepOut(user=user, run=number or 0, signalled_at=signalled.timestamp(),
                    stepped_out_at=_epoch(out), returned_at=_epoch(back))
            for _pk, user, number, signalled, out, back in step_outs),
        display_token=room.display_token,
        ended_at=_epoch(room.ended_at),
        version=room.version,
        steered_version=room.steered_version,
    )
    return StoredRoom(room_id=room.pk, state=state,
                      run_ids={row.number: row.pk for row in rows},
                      step_out_ids=tuple(row[0] for row in step_outs),
                      rows_version=room.rows_version)


# The fields of the state the room's own row keeps as they are (same name, same value).
_ROOM_FIELDS = ("part_index", "asking_for_cases", "banner", "name_mode", "speaker", "backup",
                "display_token", "version", "steered_version")


# Each field of a round's row, and how it is read off a run.
_ROUND_FIELDS: dict[str, Callable[[Run], Any]] = {
    "part_index": lambda run: run.part_index,
    "kind": lambda run: run.kind.value,
    "status": lambda run: run.status.value,
    "phase_index": lambda run: run.state.phase_index,
    "deadline": lambda run: run.state.timer.deadline,
    "remaining_seconds": lambda run: run.state.timer.remaining,
    "presenter": lambda run: run.presenter,
    "label": lambda run: run.label,
    "follow_up_of": lambda run: run.follow_up_of,
    "speaker_order": lambda run: list(run.speaker_order),
    "speaker_index": lambda run: run.speaker_index,
    "phase_left": lambda run: list(run.phase_left),
    "started_at": lambda run: run.started_at,
    "ended_at": lambda run: run.ended_at,
}
_MOMENTS = ("deadline", "started_at", "ended_at")


def _round_fields(run: Run, old: Run | None = None) -> dict[str, Any]:
    """The round's fields as the row keeps them: all, or those that differ from `old`."""
    fields = {}
    for name, read in _ROUND_FIELDS.items():
        value = read(run)
        if old is None or read(old) != value:
            fields[name] = _maybe(value) if name in _MOMENTS else value
    return fields


def _logged(before: Run | None, after: Run) -> bool:
    """Whether a run's change goes into the phase log: every move of a run once it has
    started (start, phases, pauses, extensions, turns, its end)."""
    if after.status == Status.WAITING:
        return False
    return (before is None or before.state != after.state
            or before.speaker_index != after.speaker_index)


def room_write(stored: StoredRoom, after: RoomState, *, action: str, by: int | None,
               now: float) -> StoredRoom:
    """Write what changed from `stored` to `after`; the caller holds the room's row lock.
    Returns the room as now stored."""
    with connection.cursor() as cursor:
        before = stored.state
        room_id = stored.room_id
        fields = {name: getattr(after, name) for name in _ROOM_FIELDS
                  if getattr(after, name) != getattr(before, name)}
        if after.ended_at != before.ended_at:
            fields["ended_at"] = _maybe(after.ended_at)
        if after.hands != before.hands:
            fields["hands"] = list(after.hands)
        rows_changed = (set(fields) != {"version"} or after.runs != before.runs
                        or after.offers != before.offers or after.step_outs != before.step_outs)
        if rows_changed:
            fields["rows_version"] = after.version
        if fields:
            update_row(cursor, Room, room_id, fields)

        run_ids = dict(stored.run_ids)
        old_runs = {run.number: run for run in before.runs}
        kept_numbers = {run.number for run in after.runs}
        gone = [run_ids.pop(number) for number in old_runs if number not in kept_numbers]
        if gone:
            Round.objects.filter(pk__in=gone).delete()
        at = as_stored(now)
        for run in after.runs:
            old = old_runs.get(run.number)
            if old == run:
                continue
            if old is None:
                fields = _round_fields(run)
                row = Round.objects.create(
                    room_id=room_id, number=run.number, presenter_id=fields.pop("presenter"),
                    follow_up_of_id=fields.pop("follow_up_of"), **fields)
                run_ids[run.number] = row.pk
            else:
                update_row(cursor, Round, run_ids[run.number], _round_fields(run, old))
            if _logged(old, run):
                insert_row(cursor, PhaseEvent, {"round": run_ids[run.number], "action": action,
                                        "phase_index": run.state.phase_index,
                                        "status": run.status.value, "at": at, "by": by})

        old_offers = {offer.user: offer for offer in before.offers}
        new_offers = {offer.user: offer for offer in after.offers}
        dropped = [user for user in old_offers if user not in new_offers]
        if dropped:
            Volunteer.objects.filter(room_id=room_id, user_id__in=dropped).delete()
        for offer in after.offers:
            old_offer = old_offers.get(offer.user)
            if old_offer is None:
                Volunteer.objects.create(room_id=room_id, user_id=offer.user, label=offer.label,
                                         urgency=offer.urgency, created_at=at)
            elif old_offer != offer:
                Volunteer.objects.filter(room_id=room_id, user_id=offer.user).update(
                    label=offer.label, urgency=offer.urgency)

        step_out_ids = list(stored.step_out_ids)
        for index, step_out in enumerate(after.step_outs):
            if index >= len(before.step_outs):
                signal = StepOutRow.objects.create(
                    room_id=room_id, user_id=step_out.user, round_id=run_ids.get(step_out.run),
                    signalled_at=as_stored(step_out.signalled_at),
                    stepped_out_at=_maybe(step_out.stepped_out_at),
                    returned_at=_maybe(step_out.returned_at))
                step_out_ids.append(signal.pk)
            elif before.step_outs[index] != step_out:
                StepOutRow.objects.filter(pk=step_out_ids[index]).update(
                    stepped_out_at=_maybe(step_out.stepped_out_at),
                    returned_at=_maybe(step_out.returned_at))
        return replace(stored, state=after, run_ids=run_ids, step_out_ids=tuple(step_out_ids),
                       rows_version=after.version if rows_changed else stored.rows_version)
