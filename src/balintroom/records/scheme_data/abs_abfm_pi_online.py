"""A monthly online group that counts for a board's quality-improvement credit."""

_SOURCE = (
    "American Balint Society, registration page of an online Balint group meeting for the "
    "ABFM Performance Improvement standards (MOC Part IV), "
    "member.americanbalintsociety.org (event 61194995)"
)

SCHEME = {
    "key": "abs-abfm-pi-online",
    "type": "credit",
    "name": "Monthly online group for ABFM Performance Improvement (MOC Part IV)",
    "summary": (
        "Eight monthly meetings online; a participant is expected at all eight and must "
        "attend at least six."
    ),
    "checked_on": "2026-11",
    "notes": (
        "The ABFM activity also asks for patient surveys before and after, two or three "
        "planned changes and a learning log; those are kept outside Balint Room."
    ),
    "rules": [
        {
            "id": "eight-meetings",
            "kind": "session_count",
            "min": 8,
            "max": 8,
            "text": "Eight meetings.",
            "source": _SOURCE,
            "source_date": "series of March to October 2026",
        },
        {
            "id": "monthly",
            "kind": "monthly",
            "text": "One meeting a month, over eight months.",
            "source": _SOURCE,
            "source_date": "series of March to October 2026",
        },
        {
            "id": "attended",
            "kind": "total",
            "measure": "sessions",
            "setting": "any",
            "min": 6,
            "text": "Attend all eight; at least six count, allowing for extenuating circumstances.",
            "source": _SOURCE,
            "source_date": "series of March to October 2026",
        },
    ],
}
