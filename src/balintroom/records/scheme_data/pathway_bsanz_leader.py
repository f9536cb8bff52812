"""Balint Society of Australia and New Zealand (BSANZ): leadership accreditation."""

_SOURCE = (
    "Balint Society of Australia and New Zealand, 'Leadership Accreditation Pathway', "
    "balintaustralianewzealand.org/accredited-leadership/accreditation-pathway/"
)

SCHEME = {
    "key": "bsanz-leader",
    "type": "pathway",
    "name": "Balint Society of Australia and New Zealand: accredited leader",
    "summary": (
        "Lead or co-lead at least 30 case discussions over at least 20 meetings, ten "
        "supervision sessions a year, and two intensives (or one and an approved "
        "international leadership workshop)."
    ),
    "checked_on": "2026-11",
    "notes": (
        "The BSANZ committee approves which workshops count and may recognise prior "
        "learning; Balint Room only adds up what is recorded."
    ),
    "rules": [
        {
            "id": "cases",
            "kind": "activity_total",
            "activity": "led_or_co_led",
            "measure": "cases",
            "min": 30,
            "text": "Lead and/or co-lead at least 30 Balint group case discussions.",
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
        },
        {
            "id": "meetings",
            "kind": "activity_total",
            "activity": "led_or_co_led",
            "measure": "sessions",
            "min": 20,
            "text": "... over at least 20 Balint group meetings.",
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
        },
        {
            "id": "supervision",
            "kind": "per_year",
            "activity": "supervision",
            "measure": "sessions",
            "min": 10,
            "years": 3,
            "text": "At least ten supervision sessions each year with a BSANZ Leader Trainer.",
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
            "note": (
                "The course outline runs over Year One to Year Three; change 'years' to your "
                "plan."
            ),
        },
        {
            "id": "intensives",
            "kind": "activity_total",
            "activity": "intensive",
            "measure": "sessions",
            "min": 2,
            "text": (
                "Two BSANZ Balint group intensives, or one and an approved international "
                "leadership workshop."
            ),
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
        },
        {
            "id": "co-lead",
            "kind": "activity_total",
            "activity": "co_led",
            "measure": "sessions",
            "min": 20,
            "required": False,
            "text": (
                "Desirable: co-lead with a BSANZ accredited leader for the equivalent of 20 "
                "groups."
            ),
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
        },
        {
            "id": "face-to-face",
            "kind": "in_person_share",
            "activity": "led_or_co_led",
            "percent": 50,
            "required": False,
            "text": "Desirable: at least half of the leadership experience face to face.",
            "source": _SOURCE,
            "source_date": "requirements approved by the BSANZ Board, June 2021",
        },
    ],
}
