"""The texts the room page needs, in the viewer's language, keyed the way the room state
names things. The state itself carries no text, so one broadcast serves every language."""

from typing import Any

from django.utils.translation import gettext as _

from balintroom.groups.models import Audience
from balintroom.method.formats import REVIEW_QUESTIONS, format_by_key
from balintroom.method.guidance import guidance_table
from balintroom.method.roles import ROLE_LABELS


def room_texts(*, format_key: str, online: bool, audience: str) -> dict[str, Any]:
    fmt = format_by_key(format_key)
    table = guidance_table(fmt, online=online)
    client = _("patient") if audience == Audience.CLINICIANS else _("client or patient")
    return {
        "format_name": _(fmt.name),
        "client": client,
        "phases": {
            phase.key: {
                "name": _(phase.name),
                "rule": _(phase.rule),
                "guidance": {viewer: _(text) for viewer, text in table[phase.key].items()},
            }
            for phase in fmt.phases
        },
        "roles": {role.value: _(label) for role, label in ROLE_LABELS.items()},
        "review_questions": [_(q) for q in REVIEW_QUESTIONS],
        "ui": {
            "waiting": _("Waiting for the round to begin"),
            "who_has_a_case": _("Who has a case?"),
            "no_volunteers": _("No one has offered a case yet."),
            "volunteer": _("I have a case"),
            "withdraw": _("Withdraw my case"),
            "label_placeholder": _("A short label, if you like (no names)"),
            "choose": _("Choose as presenter"),
            "presenter": _("Presenter"),
            "you_present": _("You are presenting this round."),
            "start": _("Start the round"),
            "ask": _("Ask: who has a case?"),
            "next": _("Next phase"),
            "back": _("Back one phase"),
            "pause": _("Pause"),
            "resume": _("Resume"),
            "extend1": _("+1 min"),
            "extend5": _("+5 min"),
            "end": _("End the round"),
            "confirm_end": _("End this round now?"),
            "paused": _("Paused"),
            "overrun": _("over time"),
            "left": _("left"),
            "round_n": _("Round %(n)s"),
            "round_n_of": _("Round %(n)s of %(total)s"),
            "phase_n_of": _("Phase %(n)s of %(total)s"),
            "rounds_done": _("Rounds finished: %(n)s"),
            "round_ended": _("The round has ended. Thank you."),
            "online": _("in the room"),
            "reconnecting": _("reconnecting…"),
            "away": _("not here"),
            "you": _("you"),
            "participants": _("Who is here"),
            "connection_lost": _("Connection lost. Reconnecting…"),
            "connected": _("Connected"),
            "forbidden": _("You cannot open this room."),
            "display_renewed": _("This display link was renewed. Ask the leader for the new link."),
            "mute": _("Mute the chime"),
            "unmute": _("Chime on"),
            "review_questions": _("Questions for the review"),
            "time_up": _("Time is up. The leader decides when to move on."),
        },
    }
