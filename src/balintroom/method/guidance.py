"""What each person in the room is asked to do in each phase, beyond the rule everyone sees."""

from enum import StrEnum

from .formats import Format, Phase, Speaker
from .text import _


class Viewer(StrEnum):
    PRESENTER = "presenter"
    MEMBER = "member"
    LEADER = "leader"
    DISPLAY = "display"


def guidance(phase: Phase, viewer: Viewer, *, online: bool) -> str:
    if viewer == Viewer.DISPLAY:
        return phase.rule
    if viewer == Viewer.PRESENTER:
        if phase.presenter_sits_back:
            if online:
                return _(
                    "You are sitting back and listening. Please switch your camera off "
                    "until the group calls you back."
                )
            return _("You are sitting back and listening. Push your chair back a little.")
        if phase.speaks == Speaker.PRESENTER and phase.key == "presentation":
            return _("Tell your case freely, without notes if you can.")
        if phase.key == "follow_up":
            return _("Tell what happened next with your case, and what the group's work "
                     "meant for it.")
        if phase.speaks == Speaker.PRESENTER and online:
            return _("Your turn – camera on. Say what you heard, and which words furthered "
                     "your own thinking, and why.")
        if phase.speaks == Speaker.PRESENTER:
            return _("Your turn. Say what you heard, and which words furthered your own "
                     "thinking, and why.")
        if phase.key == "clarifying_questions":
            return _("Answer the questions of fact.")
        return phase.rule
    if viewer == Viewer.LEADER:
        if phase.presenter_sits_back:
            return _("Keep the group with the feelings, the relationship and the institution "
                     "around it, away from solutions.")
        return phase.rule
    # a member
    if phase.presenter_sits_back:
        return _("Explore, don't solve: feelings, associations, images, as if it were your case.")
    if phase.speaks == Speaker.PRESENTER and phase.key == "presenter_returns":
        return _("Listen, do not comment.")
    if phase.key == "follow_up":
        return _("Listen to what happened next with this case.")
    if phase.speaks == Speaker.PRESENTER:
        return _("Listen. No questions yet.")
    return phase.rule


def guidance_table(fmt: Format, *, online: bool) -> dict[str, dict[str, str]]:
    """Every phase's guidance for every viewer, for a page that renders them itself."""
    return {
        phase.key: {viewer.value: guidance(phase, viewer, online=online) for viewer in Viewer}
        for phase in fmt.phases
    }
