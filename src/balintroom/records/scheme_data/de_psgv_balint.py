"""Germany: the Balint part of the course 'Psychosomatische Grundversorgung'."""

_KURSBUCH = (
    "Bundesärztekammer, (Muster-)Kursbuch 'Psychosomatische Grundversorgung': 80 hours, of "
    "them 30 hours of Balint group work; the qualification of the Psychotherapie-"
    "Vereinbarung § 5 Abs. 6 (billing codes 35100/35110). As quoted by the Deutsche "
    "Balint-Gesellschaft, balintgesellschaft.de/kompetenznetzwerk-psgv"
)
_ONLINE = (
    "Bundesärztekammer, rules for Balint group work with virtual presence in the "
    "(Muster-)Kursbuch 'Psychosomatische Grundversorgung', as quoted by course providers "
    "(medico-seminare.de/balintgruppen/termine-balintgruppe.html)"
)

SCHEME = {
    "key": "de-psgv-balint",
    "type": "credit",
    "name": "Germany: Balint group work for 'Psychosomatische Grundversorgung'",
    "summary": (
        "30 hours (units of 45 minutes, that is 15 double hours) of Balint group work, "
        "spread over at least six months. A group with online sessions keeps at least 15 "
        "hours in person, begins and ends in person, holds online sessions of at most 90 "
        "minutes, and is a closed group with a fixed leader."
    ),
    "checked_on": "2026-11",
    "notes": (
        "Chambers (Landesärztekammern) and KVs read these rules differently: some accept "
        "three months instead of six, and each recognises its own leaders. Copy this scheme "
        "into your organisation and change the numbers to your chamber's."
    ),
    "rules": [
        {
            "id": "hours",
            "kind": "total",
            "measure": "units",
            "setting": "any",
            "min": 30,
            "text": "30 hours of Balint group work (hours of 45 minutes: 15 double hours).",
            "source": _KURSBUCH,
            "source_date": "Kursbuch current in 2024 (course dates 2024); consulted 2026-11",
        },
        {
            "id": "span",
            "kind": "span_months",
            "min": 6,
            "text": (
                "Continuous work over at least half a year; a 'crash course' of 30 hours in "
                "a few days does not count."
            ),
            "source": (
                "Bundesärztekammer, (Muster-)Kursbuch 'Psychosomatische Grundversorgung', "
                "as quoted by psychosomatik-am-meer.de/balintgruppe and medico-seminare.de"
            ),
            "source_date": "undated pages, consulted 2026-11",
            "note": "Some KVs accept 3 months; the issue that asked for this scheme said 3.",
        },
        {
            "id": "in-person-hours",
            "kind": "total",
            "measure": "units",
            "setting": "in_person",
            "min": 15,
            "when": "any_online",
            "text": "With online sessions: at least 15 of the 30 hours in physical presence.",
            "source": _ONLINE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "first-last-in-person",
            "kind": "first_last_in_person",
            "when": "any_online",
            "text": "With online sessions: at least the first and the last session in person.",
            "source": _ONLINE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "online-max-90",
            "kind": "online_session_max_minutes",
            "max": 90,
            "when": "any_online",
            "text": "An online session lasts at most one double hour (90 minutes).",
            "source": _ONLINE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "closed-group",
            "kind": "closed_group",
            "when": "any_online",
            "text": "With online sessions: a closed group; nobody joins after it has begun.",
            "source": _ONLINE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "fixed-leader",
            "kind": "fixed_leader",
            "when": "any_online",
            "text": "With online sessions: the members are bound to one fixed leader.",
            "source": _ONLINE,
            "source_date": "undated page, consulted 2026-11",
        },
    ],
}
