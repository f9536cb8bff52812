"""Whom a group's members serve - patients, clients, pupils, residents, parishioners, the
parties to a case, or, in a mixed group, the people they work with - and every text a
person reads that names them.

Each text is written out for each kind, as a whole sentence under the kind's context
(Django's contextual translations: msgctxt is the kind), so that every language words it
its own way - German says "Schüler:in" where English says "pupil", and the grammar around
the word changes with it. Nothing is pieced together from a word put into a sentence.
A text is read with `pgettext(kind, TEXT[kind])` (groups/wording.py).
"""

from collections.abc import Mapping
from enum import StrEnum

from .text import _, pgettext


class Served(StrEnum):
    PATIENTS = "patients"
    CLIENTS = "clients"
    PUPILS = "pupils"
    RESIDENTS = "residents"
    PARISHIONERS = "parishioners"
    PARTIES = "parties"
    PEOPLE = "people"


# The choice a group makes, as the group form shows it.
SERVED_LABELS: Mapping[Served, str] = {
    Served.PATIENTS: _("Patients (medicine, nursing, therapy)"),
    Served.CLIENTS: _("Clients (counselling, social work, psychotherapy, supervision)"),
    Served.PUPILS: _("Pupils (schools, education)"),
    Served.RESIDENTS: _("Residents (homes, residential care)"),
    Served.PARISHIONERS: _("Parishioners (pastoral care)"),
    Served.PARTIES: _("Parties to a case (courts, law, mediation)"),
    Served.PEOPLE: _("The people we work with (a mixed group)"),
}

Worded = Mapping[Served, str]

MAY_KNOW: Worded = {
    Served.PATIENTS: pgettext("patients", "I may know this patient"),
    Served.CLIENTS: pgettext("clients", "I may know this client"),
    Served.PUPILS: pgettext("pupils", "I may know this pupil"),
    Served.RESIDENTS: pgettext("residents", "I may know this resident"),
    Served.PARISHIONERS: pgettext("parishioners", "I may know this parishioner"),
    Served.PARTIES: pgettext("parties", "I may know someone in this case"),
    Served.PEOPLE: pgettext("people", "I may know this person"),
}

MAY_KNOW_HEADING: Worded = {
    Served.PATIENTS: pgettext("patients", "May know the patient"),
    Served.CLIENTS: pgettext("clients", "May know the client"),
    Served.PUPILS: pgettext("pupils", "May know the pupil"),
    Served.RESIDENTS: pgettext("residents", "May know the resident"),
    Served.PARISHIONERS: pgettext("parishioners", "May know the parishioner"),
    Served.PARTIES: pgettext("parties", "May know someone in the case"),
    Served.PEOPLE: pgettext("people", "May know the person"),
}

MAY_KNOW_CONFIRM: Worded = {
    Served.PATIENTS: pgettext(
        "patients", "Tell the leaders, privately, that you may know this patient?"),
    Served.CLIENTS: pgettext(
        "clients", "Tell the leaders, privately, that you may know this client?"),
    Served.PUPILS: pgettext(
        "pupils", "Tell the leaders, privately, that you may know this pupil?"),
    Served.RESIDENTS: pgettext(
        "residents", "Tell the leaders, privately, that you may know this resident?"),
    Served.PARISHIONERS: pgettext(
        "parishioners", "Tell the leaders, privately, that you may know this parishioner?"),
    Served.PARTIES: pgettext(
        "parties", "Tell the leaders, privately, that you may know someone in this case?"),
    Served.PEOPLE: pgettext(
        "people", "Tell the leaders, privately, that you may know this person?"),
}

MAY_KNOW_SIGNAL: Worded = {
    Served.PATIENTS: pgettext("patients", "%(name)s may know the patient."),
    Served.CLIENTS: pgettext("clients", "%(name)s may know the client."),
    Served.PUPILS: pgettext("pupils", "%(name)s may know the pupil."),
    Served.RESIDENTS: pgettext("residents", "%(name)s may know the resident."),
    Served.PARISHIONERS: pgettext("parishioners", "%(name)s may know the parishioner."),
    Served.PARTIES: pgettext("parties", "%(name)s may know someone in the case."),
    Served.PEOPLE: pgettext("people", "%(name)s may know the person."),
}

LABEL_MAY_IDENTIFY: Worded = {
    Served.PATIENTS: pgettext(
        "patients", "This label may identify a patient. Edit it, or keep it as it is."),
    Served.CLIENTS: pgettext(
        "clients", "This label may identify a client. Edit it, or keep it as it is."),
    Served.PUPILS: pgettext(
        "pupils", "This label may identify a pupil. Edit it, or keep it as it is."),
    Served.RESIDENTS: pgettext(
        "residents", "This label may identify a resident. Edit it, or keep it as it is."),
    Served.PARISHIONERS: pgettext(
        "parishioners",
        "This label may identify a parishioner. Edit it, or keep it as it is."),
    Served.PARTIES: pgettext(
        "parties",
        "This label may identify someone in the case. Edit it, or keep it as it is."),
    Served.PEOPLE: pgettext(
        "people",
        "This label may identify the person you work with. Edit it, or keep it as it is."),
}

MAY_IDENTIFY: Worded = {
    Served.PATIENTS: pgettext("patients", "This may identify a patient:"),
    Served.CLIENTS: pgettext("clients", "This may identify a client:"),
    Served.PUPILS: pgettext("pupils", "This may identify a pupil:"),
    Served.RESIDENTS: pgettext("residents", "This may identify a resident:"),
    Served.PARISHIONERS: pgettext("parishioners", "This may identify a parishioner:"),
    Served.PARTIES: pgettext("parties", "This may identify someone in the case:"),
    Served.PEOPLE: pgettext("people", "This may identify the person you work with:"),
}

CHECK_DID_NOT_RUN: Worded = {
    Served.PATIENTS: pgettext(
        "patients", "The check for details that could identify a patient did not run this "
        "time. Please read it once more yourself."),
    Served.CLIENTS: pgettext(
        "clients", "The check for details that could identify a client did not run this "
        "time. Please read it once more yourself."),
    Served.PUPILS: pgettext(
        "pupils", "The check for details that could identify a pupil did not run this "
        "time. Please read it once more yourself."),
    Served.RESIDENTS: pgettext(
        "residents", "The check for details that could identify a resident did not run this "
        "time. Please read it once more yourself."),
    Served.PARISHIONERS: pgettext(
        "parishioners", "The check for details that could identify a parishioner did not run "
        "this time. Please read it once more yourself."),
    Served.PARTIES: pgettext(
        "parties", "The check for details that could identify someone in the case did not "
        "run this time. Please read it once more yourself."),
    Served.PEOPLE: pgettext(
        "people", "The check for details that could identify the people you work with did "
        "not run this time. Please read it once more yourself."),
}

RECOGNISED: Worded = {
    Served.PATIENTS: pgettext(
        "patients", "Which of these did you recognise in yourself, with this patient?"),
    Served.CLIENTS: pgettext(
        "clients", "Which of these did you recognise in yourself, with this client?"),
    Served.PUPILS: pgettext(
        "pupils", "Which of these did you recognise in yourself, with this pupil?"),
    Served.RESIDENTS: pgettext(
        "residents", "Which of these did you recognise in yourself, with this resident?"),
    Served.PARISHIONERS: pgettext(
        "parishioners",
        "Which of these did you recognise in yourself, with this parishioner?"),
    Served.PARTIES: pgettext(
        "parties", "Which of these did you recognise in yourself, with the people in this "
        "case?"),
    Served.PEOPLE: pgettext(
        "people", "Which of these did you recognise in yourself, with this person?"),
}

CONFIDENTIALITY: Worded = {
    Served.PATIENTS: pgettext(
        "patients", "What is said in this group stays in this group. We speak of cases so "
        "that no patient can be recognised. Nothing is recorded. I do not pass on what "
        "others have brought."),
    Served.CLIENTS: pgettext(
        "clients", "What is said in this group stays in this group. We speak of cases so "
        "that no client can be recognised. Nothing is recorded. I do not pass on what "
        "others have brought."),
    Served.PUPILS: pgettext(
        "pupils", "What is said in this group stays in this group. We speak of cases so "
        "that no pupil, parent or colleague can be recognised. Nothing is recorded. I do "
        "not pass on what others have brought."),
    Served.RESIDENTS: pgettext(
        "residents", "What is said in this group stays in this group. We speak of cases so "
        "that no resident or relative can be recognised. Nothing is recorded. I do not "
        "pass on what others have brought."),
    Served.PARISHIONERS: pgettext(
        "parishioners", "What is said in this group stays in this group. We speak of cases "
        "so that no parishioner can be recognised. Nothing is recorded. I do not pass on "
        "what others have brought."),
    Served.PARTIES: pgettext(
        "parties", "What is said in this group stays in this group. We speak of cases so "
        "that nobody in them can be recognised. Nothing is recorded. I do not pass on what "
        "others have brought."),
    Served.PEOPLE: pgettext(
        "people", "What is said in this group stays in this group. We speak of cases so "
        "that no one we work with can be recognised. Nothing is recorded. I do not pass on "
        "what others have brought."),
}

# The leader's prompt cards that name the relationship: the person served, the one who
# serves, and the institution around them, which Balint work today looks at beside the
# relationship itself. The group's other cards are the same for every kind (console.py).
PROMPT_FEEL: Worded = {
    Served.PATIENTS: pgettext("patients", "What might the patient feel?"),
    Served.CLIENTS: pgettext("clients", "What might the client feel?"),
    Served.PUPILS: pgettext("pupils", "What might the pupil feel?"),
    Served.RESIDENTS: pgettext("residents", "What might the resident feel?"),
    Served.PARISHIONERS: pgettext("parishioners", "What might the parishioner feel?"),
    Served.PARTIES: pgettext("parties", "What might the people in this case feel?"),
    Served.PEOPLE: pgettext("people", "What might the other person feel?"),
}

PROMPT_BE: Worded = {
    Served.PATIENTS: pgettext("patients", "What is it like to be this doctor?"),
    Served.CLIENTS: pgettext("clients", "What is it like to be in the helper's place?"),
    Served.PUPILS: pgettext("pupils", "What is it like to be this teacher?"),
    Served.RESIDENTS: pgettext("residents", "What is it like to care for this resident?"),
    Served.PARISHIONERS: pgettext("parishioners", "What is it like to be this pastor?"),
    Served.PARTIES: pgettext("parties", "What is it like to be in the presenter's role?"),
    Served.PEOPLE: pgettext("people", "What is it like to be in the presenter's place?"),
}

PROMPT_INSTITUTION: Worded = {
    Served.PATIENTS: pgettext("patients", "What part do the ward and the practice play?"),
    Served.CLIENTS: pgettext("clients", "What part does the agency play?"),
    Served.PUPILS: pgettext("pupils", "What part do the school and the parents play?"),
    Served.RESIDENTS: pgettext("residents", "What part do the home and the family play?"),
    Served.PARISHIONERS: pgettext("parishioners", "What part does the parish play?"),
    Served.PARTIES: pgettext("parties", "What part do the court and the procedure play?"),
    Served.PEOPLE: pgettext("people", "What part does the institution play?"),
}

# Every worded text: a test checks that each is written for every kind.
ALL_WORDED: tuple[Worded, ...] = (
    MAY_KNOW, MAY_KNOW_HEADING, MAY_KNOW_CONFIRM, MAY_KNOW_SIGNAL, LABEL_MAY_IDENTIFY,
    MAY_IDENTIFY, CHECK_DID_NOT_RUN, RECOGNISED, CONFIDENTIALITY, PROMPT_FEEL,
    PROMPT_BE, PROMPT_INSTITUTION,
)
