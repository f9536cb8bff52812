"""Nurses, midwives and nursing associates in the UK: the participatory part of the CPD
that revalidation with the NMC asks for every three years."""

_SOURCE = (
    "Nursing and Midwifery Council, Revalidation: continuing professional development, "
    "revalidation.nmc.org.uk/what-you-need-to-do/continuing-professional-development/"
)

SCHEME = {
    "key": "nmc-revalidation-participatory",
    "type": "credit",
    "name": "NMC revalidation: participatory CPD (nurses, midwives, nursing associates)",
    "summary": (
        "Of the 35 hours of continuing professional development in the three years before "
        "revalidation, at least 20 must be participatory learning - learning with other "
        "professionals, in person or online. A Balint group is participatory learning."
    ),
    "checked_on": "2026-11",
    "notes": (
        "The three years are counted from the registration's last renewal: choose the "
        "certificate's period to match. The NMC prescribes no kind of CPD; the registrant "
        "records the method, topic, dates, hours (and participatory hours), the part of the "
        "Code it relates to, and evidence - the certificate is that evidence."
    ),
    "rules": [
        {
            "id": "participatory-hours",
            "kind": "total",
            "measure": "hours",
            "setting": "any",
            "min": 20,
            "text": "At least 20 hours of participatory learning.",
            "source": _SOURCE,
            "source_date": "read 2026-11",
        },
    ],
}
