"""The German Balint Society's (DBG) track to become a recognised Balint group leader."""

_SOURCE = (
    "Deutsche Balint-Gesellschaft, 'Kriterien für die Anerkennung als Balintgruppenleiter' "
    "(for physicians; the criteria for psychological psychotherapists read the same here), "
    "balintgesellschaft.de, Leiterausbildung"
)

SCHEME = {
    "key": "dbg-leader",
    "type": "pathway",
    "name": "Deutsche Balint-Gesellschaft: recognition as Balint group leader",
    "summary": (
        "105 double hours of Balint group participation (35 before the training, 70 "
        "during it) and six leader seminars of at least 30 double hours in all, besides "
        "the professional qualifications the DBG asks for."
    ),
    "checked_on": "2026-11",
    "notes": (
        "Prerequisites Balint Room cannot see (a psychotherapy qualification, three years "
        "of practice, DBG membership) are not rules here. The criteria go on with leading "
        "a group under supervision; the numbers of that part were not in the text we could "
        "check, so add them as rules for your organisation from the current criteria."
    ),
    "rules": [
        {
            "id": "participation",
            "kind": "activity_total",
            "activity": "participated",
            "measure": "double_hours",
            "min": 105,
            "text": (
                "Work in Balint groups of at least 105 double hours, if possible in a "
                "continuous group led by DBG-recognised leaders: 35 before the training, "
                "70 during it; study days and large groups count in part."
            ),
            "source": _SOURCE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "seminars",
            "kind": "activity_total",
            "activity": "leader_seminar",
            "measure": "sessions",
            "min": 6,
            "text": "Six group-leader seminars.",
            "source": _SOURCE,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "seminar-hours",
            "kind": "activity_total",
            "activity": "leader_seminar",
            "measure": "double_hours",
            "min": 30,
            "text": "The leader seminars together at least 30 double hours.",
            "source": _SOURCE,
            "source_date": "undated page, consulted 2026-11",
        },
    ],
}
