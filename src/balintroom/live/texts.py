"""The texts the room page needs, in the viewer's language, keyed the way the room state
names things. The state itself carries no text, so one broadcast serves every language."""

from typing import Any

from django.utils.translation import gettext as _

from balintroom.groups.wording import worded
from balintroom.method.agenda import MeetingFormat
from balintroom.method.formats import CLASSIC_ROUND, REVIEW_QUESTIONS
from balintroom.method.guidance import guidance_table
from balintroom.method.roles import ROLE_LABELS
from balintroom.method.served import MAY_KNOW, MAY_KNOW_CONFIRM, MAY_KNOW_SIGNAL, Served


def room_texts(*, meeting_format: MeetingFormat, online: bool,
               served: str = Served.PATIENTS) -> dict[str, Any]:
    """`served`: whom the group's members serve (method/served.py)."""
    # Extra rounds past the agenda's end are classic rounds.
    parts = [*meeting_format.parts, CLASSIC_ROUND]
    phases: dict[str, Any] = {}
    for part in parts:
        table = guidance_table(part, online=online)
        for phase in part.phases:
            phases[phase.key] = {
                "name": _(phase.name),
                "rule": _(phase.rule),
                "guidance": {viewer: _(text) for viewer, text in table[phase.key].items()},
            }
    return {
        "format_name": _(meeting_format.name),
        "parts": {part.key: _(part.name) for part in parts},
        "phases": phases,
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
            "signed_out": _("You have signed out. Sign in again to come back to the room."),
            "agreement_changed": _(
                "The group's confidentiality agreement has changed. Accept it to come back in."
            ),
            "read_agreement": _("Read the agreement"),
            "display_renewed": _("This display link was renewed. Ask the leader for the new link."),
            "mute": _("Mute the chime"),
            "unmute": _("Chime on"),
            "review_questions": _("Questions for the review"),
            "time_up": _("Time is up. The leader decides when to move on."),
            "agenda": _("Agenda"),
            "extra_round": _("Another round"),
            "start_part": _("Start: %(part)s"),
            "skip_part": _("Skip this part"),
            "end_part": _("End this part"),
            "next_speaker": _("Next person"),
            "check_in_turn": _("%(name)s's turn"),
            "check_in_order": _("Order of the check-in"),
            "earlier_cases": _("Earlier cases"),
            "no_earlier_cases": _("There are no earlier cases to follow up yet."),
            "choose_follow_up": _("Follow this up"),
            "follow_up_of": _("Follow-up"),
            "case_from": _("case of %(date)s"),
            "urgency": _("How urgent?"),
            "urgency_1": _("can wait"),
            "urgency_2": _("would like to"),
            "urgency_3": _("urgent"),
            "prompts": _("Prompt cards"),
            "hide_prompt": _("Hide the card"),
            "raise_hand": _("Raise my hand"),
            "lower_hand": _("Lower my hand"),
            "hands": _("Raised hands"),
            "no_hands": _("No hand is raised."),
            "call_on": _("Give the word"),
            "has_the_word": _("%(name)s has the word"),
            "name_mode_on": _("Say your name before speaking"),
            "name_mode_toggle_on": _("Ask people to say their name"),
            "name_mode_toggle_off": _("Stop asking for names"),
            "backup": _("Back-up if no leader is in the room"),
            "no_backup": _("No back-up"),
            "you_stand_in": _("No leader is in the room: you hold the controls until one is back."),
            "leader_channel": _("Leaders only"),
            "leader_channel_note": _(
                "Between leader and co-leader. Not stored; gone when you close the page."
            ),
            "send": _("Send"),
            "may_know": worded(MAY_KNOW, served),
            "confirm_may_know": worded(MAY_KNOW_CONFIRM, served),
            "step_out": _("Step out"),
            "you_signalled": _("The leaders know. You may step out until they let you back."),
            "outside": _(
                "You are outside the room for this case. The leader will let you back in."
            ),
            "let_back": _("Let back in"),
            "lindauer_signal": worded(MAY_KNOW_SIGNAL, served),
            "lindauer_outside": _("%(name)s is outside."),
            "confidentiality": _("Confidentiality"),
            # The leader's control bar, and the signals that reach her anywhere on the page.
            "next_phase": _("Next: %(phase)s"),
            "back_to": _("Back: %(phase)s"),
            "next_person": _("Next: %(name)s"),
            "more": _("More"),
            "fewer": _("Fewer"),
            "end_meeting": _("End the meeting"),
            "end_check_in": _("End the check-in"),
            "end_follow_up": _("End the follow-up"),
            "confirm_end_round": _("End this round now?"),
            "confirm_end_check_in": _("End the check-in now?"),
            "confirm_end_follow_up": _("End the follow-up now?"),
            "confirm_end_part": _("End this part now?"),
            "confirm_end_meeting": _(
                "End the meeting for everyone? The room closes; attendance and the debrief "
                "come next."
            ),
            "cancel": _("Cancel"),
            "waiting_for_case": _("Waiting for a case"),
            "choose_name": _("Choose %(name)s as presenter"),
            "choose_presenter_hint": _("Choose a presenter"),
            "choose_follow_up_hint": _("Choose a case to follow up, or skip this part."),
            "give_word_to": _("Give the word to %(name)s"),
            "see_out": _("See %(name)s out"),
            "let_back_name": _("Let %(name)s back in"),
            "hands_raised": _("Raised: %(names)s"),
            "dismiss": _("Dismiss"),
            "status_outside": _("outside"),
            # Each one's own state, so that nobody misses it.
            "you_listen": _("You are listening"),
            "you_have_the_word": _("You have the word"),
            "your_turn": _("Your turn"),
            "no_hands_now": _("The group listens now."),
            "meeting_ended": _("The meeting has ended."),
            "agenda_done": _("The agenda is done"),
            "ended_title": _("Ended"),
            "notify_on": _("Tell me when the phase changes"),
            "notify_off": _("Stop telling me when the phase changes"),
        },
    }
