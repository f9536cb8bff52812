"""What a room's socket may ask, read once: each action and the arguments it accepts, in
one table. A message that does not fit gets a sentence saying why, before anything is
read from or written to the database."""

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from balintroom.deid.identifiers import CATEGORY_LABELS, find_identifiers
from balintroom.groups.wording import worded
from balintroom.method.room import Args
from balintroom.method.round import Action, RoundError
from balintroom.method.served import LABEL_MAY_IDENTIFY, Served

LABEL_MAX = 80
# Keys every message may carry besides the action's own arguments.
ENVELOPE = frozenset({"action", "expected_version", "id"})


class BadRequest(RoundError):
    """A message that does not fit what its action accepts."""


class MayIdentify(RoundError):
    """A case label may identify a patient; the person edits it, or keeps it knowingly."""

    def __init__(self, message: str, findings: list[dict[str, Any]], label: str) -> None:
        super().__init__(message)
        self.findings = findings
        self.label = label


@dataclass(frozen=True)
class Request:
    action: Action
    args: Args = field(default_factory=Args)
    expected_version: int | None = None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def storable(text: str) -> bool:
    """Text a database can keep and a page can show: no lone surrogates (which UTF-8
    cannot encode), no NUL or other control characters."""
    return not any(unicodedata.category(c) in ("Cs", "Cc", "Co") for c in text)


# Row ids are 64-bit integers in every database the app runs on.
ID_MAX = 2**63


def _id(message: str) -> Callable[[Any], int]:
    """A reader of a row's id; `message` (marked, translated when raised) if it is not one."""
    def parse(value: Any) -> int:
        if not _is_int(value) or not 0 < value < ID_MAX:
            raise BadRequest(_(message))
        return int(value)
    return parse


def _id_or_none(message: str) -> Callable[[Any], int | None]:
    parse_id = _id(message)
    return lambda value: None if value is None else parse_id(value)


def _label(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(_("The label must be text."))
    # Line breaks and tabs become spaces; what is left must be plain text.
    value = " ".join(value.split())
    if not storable(value):
        raise BadRequest(_("The label holds characters that cannot be kept. Type it again."))
    if len(value) > LABEL_MAX:
        raise BadRequest(
            _("Keep the label short: at most %(max)d characters.") % {"max": LABEL_MAX})
    return value


def _urgency(value: Any) -> int:
    if not _is_int(value) or value not in (1, 2, 3):
        raise BadRequest(_("Choose how urgent your case is."))
    return int(value)


def _minutes(value: Any) -> int:
    if not _is_int(value):
        raise BadRequest(_("The time can be extended by 1 or 5 minutes."))
    return int(value)


def _on(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadRequest(_("Say whether to turn the mode on or off."))
    return value


def _keep(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadRequest(_("That message could not be read."))
    return value


# For each action: its arguments, each with its reader and whether it must be given. A
# reader raises BadRequest for a value it cannot take, None (missing) included.
Accepts = dict[str, tuple[Callable[[Any], Any], bool]]
ACCEPTS: dict[Action, Accepts] = {
    Action.ASK_FOR_CASES: {},
    Action.VOLUNTEER: {"label": (_label, False), "urgency": (_urgency, False),
                       "keep": (_keep, False)},
    Action.WITHDRAW: {},
    Action.CHOOSE_PRESENTER: {
        "user": (_id(gettext_noop("Choose a presenter from the list.")), True)},
    Action.CHOOSE_FOLLOW_UP: {
        "round": (_id(gettext_noop("Choose a case from the list of earlier cases.")), True)},
    Action.START: {},
    Action.ADVANCE: {},
    Action.BACK: {},
    Action.PAUSE: {},
    Action.RESUME: {},
    Action.EXTEND: {"minutes": (_minutes, True)},
    Action.END: {},
    Action.END_MEETING: {},
    Action.NEXT_SPEAKER: {},
    Action.SKIP_PART: {},
    Action.SHOW_PROMPT: {
        "card": (_id(gettext_noop("Choose one of the group's prompt cards.")), True)},
    Action.HIDE_PROMPT: {},
    Action.RAISE_HAND: {},
    Action.LOWER_HAND: {},
    Action.CALL_ON: {
        "user": (_id_or_none(gettext_noop("That person has not raised a hand.")), False)},
    Action.NAME_MODE: {"on": (_on, True)},
    Action.NAME_BACKUP: {
        "user": (_id_or_none(gettext_noop("Choose a member of the group as back-up.")), False)},
    Action.MAY_KNOW_PATIENT: {},
    Action.STEP_OUT: {},
    Action.LET_BACK: {"user": (_id(gettext_noop("Choose who may come back.")), True)},
    Action.SEE_OUT: {"user": (_id(gettext_noop("Choose who steps out.")), True)},
    Action.RENEW_DISPLAY_LINK: {},
}


def _unreadable() -> BadRequest:
    return BadRequest(_("That message could not be read."))


def request_parse(message: dict[str, Any], *, known_names: Sequence[str] = (),
                  served: str = Served.PATIENTS) -> Request:
    """The request a socket's message makes (a JSON object), or BadRequest/MayIdentify
    with a sentence for the person. `action` names the action; `expected_version` is the
    room's version the person last saw (steering actions need it). `known_names` are the
    group's own people, whom a case label may name without being asked about it."""
    try:
        action = Action(str(message.get("action")))
    except ValueError:
        raise BadRequest(_("Unknown action.")) from None
    accepts = ACCEPTS[action]
    if any(key not in accepts and key not in ENVELOPE for key in message):
        raise _unreadable()
    expected = message.get("expected_version")
    if expected is not None and (not _is_int(expected) or expected < 0):
        raise _unreadable()
    values = {key: read(message.get(key)) for key, (read, required) in accepts.items()
              if key in message or required}
    keep = values.pop("keep", False)
    args = Args(**values)
    if action == Action.VOLUNTEER and args.label and not keep:
        _check_label(args.label, known_names, served)
    return Request(action=action, args=args, expected_version=expected)


def _check_label(label: str, known_names: Sequence[str], served: str) -> None:
    # Both languages: people write labels in their own, whatever the group speaks.
    findings = find_identifiers(label, None, known_names=known_names)
    if findings:
        raise MayIdentify(
            worded(LABEL_MAY_IDENTIFY, served),
            [{"category": _(CATEGORY_LABELS.get(f.category, f.category)), "text": f.text}
             for f in findings],
            label,
        )
