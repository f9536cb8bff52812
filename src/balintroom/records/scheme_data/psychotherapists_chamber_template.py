"""A template for psychotherapists' continuing-education points (Germany), whose numbers
each state chamber sets in its own Fortbildungsordnung."""

_SOURCE = (
    "Balint Room template: the rule is left to the organisation. Each Landespsychotherapeu"
    "tenkammer sets its points in its Fortbildungsordnung, after the Bundespsychotherapeu"
    "tenkammer's Musterfortbildungsordnung; we could not read a current text from here."
)

SCHEME = {
    "key": "psychotherapists-chamber-template",
    "type": "credit",
    "name": "Psychotherapists' chamber points (template)",
    "summary": (
        "Continuing-education points for psychotherapists, as a state chamber counts "
        "Balint groups and intervision. Copy it into your organisation and set the "
        "chamber's numbers and source."
    ),
    "checked_on": "2026-11",
    "notes": (
        "Set 'min' to the hours of 45 minutes the chamber asks for, or use it to show the "
        "units a certificate carries; the chamber books the points."
    ),
    "rules": [
        {
            "id": "units",
            "kind": "total",
            "measure": "units",
            "setting": "any",
            "min": 20,
            "text": "N units of 45 minutes of Balint group work (here 20).",
            "source": _SOURCE,
            "source_date": "2026-11",
        },
    ],
}
