"""A template: N hours over at least M months."""

_SOURCE = "Balint Room template; your organisation names the real source when it copies it"

SCHEME = {
    "key": "generic-hours-months",
    "type": "credit",
    "name": "N hours over at least M months (template)",
    "summary": (
        "A number of hours of Balint group work over at least a number of months. Copy it "
        "into your organisation, set the numbers, the kind of hour and the source."
    ),
    "checked_on": "2026-11",
    "notes": (
        "measure 'units' counts hours of 45 minutes, 'hours' counts hours of 60 minutes, "
        "'double_hours' counts 90 minutes, 'sessions' counts meetings attended."
    ),
    "rules": [
        {
            "id": "hours",
            "kind": "total",
            "measure": "units",
            "setting": "any",
            "min": 20,
            "text": "N hours of Balint group work (here 20 hours of 45 minutes).",
            "source": _SOURCE,
            "source_date": "2026-11",
        },
        {
            "id": "span",
            "kind": "span_months",
            "min": 6,
            "text": "Over at least M months (here 6).",
            "source": _SOURCE,
            "source_date": "2026-11",
        },
    ],
}
