"""The American Balint Society's credentialing of Balint group leaders."""

_PROCESS = (
    "American Balint Society, 'Balint Leader Credentialing Process', "
    "americanbalintsociety.org (Intro to Credentialing)"
)
_ROADMAP = (
    "American Balint Society, 'Credentialing Roadmap' of the Credentialing Coordinating "
    "Committee, americanbalintsociety.org"
)

SCHEME = {
    "key": "abs-leader",
    "type": "pathway",
    "name": "American Balint Society: credentialed Balint leader",
    "summary": (
        "Three intensives (the first before applying, the last the credentialing "
        "intensive), leading or co-leading a group at least monthly for two years, and "
        "supervision of recorded sessions six times a year for two years."
    ),
    "checked_on": "2026-11",
    "notes": "ABS membership and the council's final decision are outside Balint Room.",
    "rules": [
        {
            "id": "intensives",
            "kind": "activity_total",
            "activity": "intensive",
            "measure": "sessions",
            "min": 3,
            "text": (
                "Three intensives, including the 4-day leadership intensive before applying "
                "and the final credentialing intensive."
            ),
            "source": _PROCESS,
            "source_date": "undated page, consulted 2026-11",
        },
        {
            "id": "monthly-leading",
            "kind": "activity_total",
            "activity": "led_or_co_led",
            "measure": "months",
            "min": 24,
            "text": "Lead or co-lead Balint groups regularly, at least once a month, for 2 years.",
            "source": _ROADMAP,
            "source_date": "roadmap of the committee created in 2014; consulted 2026-11",
            "note": "Counted as calendar months with at least one meeting led or co-led.",
        },
        {
            "id": "supervision",
            "kind": "per_year",
            "activity": "supervision",
            "measure": "sessions",
            "min": 6,
            "years": 2,
            "text": (
                "Supervision of recorded groups six times a year for two years (at least 12 "
                "sessions)."
            ),
            "source": _PROCESS,
            "source_date": "undated page, consulted 2026-11",
        },
    ],
}
