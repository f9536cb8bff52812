"""Meeting formats: the shipped ones in the meeting form, and the group's own, composed by
its leaders."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from balintroom.groups import selectors, services
from balintroom.groups.models import CustomFormat, Meeting
from balintroom.method.agenda import BLOCK_DAY, CLASSIC, DOUBLE_HOUR, PartKind
from balintroom.method.formats import Speaker
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

MEETING = {
    "date": "2030-06-10",
    "time": "18:30",
    "duration_minutes": "90",
    "setting": "online",
    "place": "",
    "video_link": "https://meet.example.org/tuesday",
    "format_key": "double_hour",
}

SHORT_ROUND = [
    {"name": "Presentation", "minutes": 10, "rule": "Listen.", "speaks": "presenter"},
    {"name": "Resonance", "minutes": 20, "rule": "Explore, don't solve.", "speaks": "members",
     "sits_back": True},
    {"name": "Closing words", "minutes": 5, "rule": "", "speaks": "everyone"},
]


def formats_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/formats/"


def new_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/formats/new/"


def edit_url(cast: Cast, custom: CustomFormat) -> str:
    return f"/groups/{cast.group.pk}/formats/{custom.pk}/edit/"


def delete_url(cast: Cast, custom: CustomFormat) -> str:
    return f"/groups/{cast.group.pk}/formats/{custom.pk}/delete/"


def meeting_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/meetings/new/"


def form_data(name: str, phases: list[dict[str, Any]], **extra: str) -> dict[str, str]:
    """The composing form as a browser sends it: the name, then one row per phase."""
    data = {
        "name": name,
        "phases-TOTAL_FORMS": str(len(phases)),
        "phases-INITIAL_FORMS": str(len(phases)),
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "22",
    }
    for number, phase in enumerate(phases):
        row = f"phases-{number}-"
        data[row + "name"] = phase.get("name", "")
        data[row + "minutes"] = str(phase.get("minutes", ""))
        data[row + "rule"] = phase.get("rule", "")
        data[row + "speaks"] = phase.get("speaks", "everyone")
        data[row + "ORDER"] = str(phase.get("order", number + 1))
        if phase.get("sits_back"):
            data[row + "sits_back"] = "on"
        if phase.get("delete"):
            data[row + "DELETE"] = "on"
    data.update(extra)
    return data


def compose(cast: Cast, name: str = "Short round",
            phases: list[dict[str, Any]] | None = None) -> CustomFormat:
    return services.custom_format_create(group=cast.group, name=name,
                                         phases=phases or SHORT_ROUND)


def ahead(cast: Cast, **fields: Any) -> Meeting:
    values: dict[str, Any] = {
        "group": cast.group, "starts_at": datetime(2030, 6, 10, 16, 30, tzinfo=UTC),
        "duration_minutes": 90, "setting": "online", "video_link": "https://meet.example.org/a",
    }
    values.update(fields)
    return Meeting.objects.create(**values)


def new_meetings(cast: Cast):
    return Meeting.objects.exclude(pk=cast.meeting.pk)


# The shipped formats in the meeting form


def test_it_offers_the_shipped_formats_with_their_descriptions(client: Client,
                                                               cast: Cast) -> None:
    client.force_login(cast.leader)
    page = text(client.get(meeting_url(cast)))
    for name in ("Classic Balint round (45 min)", "Double hour (90 min)",
                 "Block seminar day (408 min)", "Leadership group (90 min)"):
        assert name in page
    assert "90 minutes: check-in, a follow-up, two rounds, closing." in page
    assert "Four double hours on one day" in page
    # A new meeting of 90 minutes starts as a double hour.
    assert 'value="double_hour" required id="id_format_key_1" checked' in page
    assert 'name="duration_minutes" value="90"' in page


def test_it_schedules_a_double_hour(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(meeting_url(cast), MEETING)
    assert response.status_code == 302
    meeting = new_meetings(cast).get()
    assert meeting.format_key == "double_hour"
    assert selectors.meeting_format_for(meeting) is DOUBLE_HOUR


def test_choosing_a_format_sets_the_meetings_length(client: Client, cast: Cast) -> None:
    """The length left as the form offered it (90), the block seminar day takes its own."""
    client.force_login(cast.leader)
    response = client.post(meeting_url(cast), {**MEETING, "format_key": "block_day"})
    assert response.status_code == 302
    meeting = new_meetings(cast).get()
    assert (meeting.format_key, meeting.duration_minutes) == ("block_day", 408)


def test_it_refuses_a_format_longer_than_the_length_she_chose(client: Client,
                                                              cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(meeting_url(cast), {**MEETING, "format_key": "block_day",
                                               "duration_minutes": "240"})
    assert response.status_code == 200
    page = text(response)
    assert "Please correct what is marked below." in page
    assert "This format takes 408 minutes, longer than the meeting&#x27;s 240." in page
    assert not new_meetings(cast).exists()

    # Long enough, it fits.
    client.post(meeting_url(cast), {**MEETING, "format_key": "block_day",
                                    "duration_minutes": "480"})
    assert new_meetings(cast).get().format_key == "block_day"


def test_it_refuses_to_shorten_a_meeting_below_its_format(client: Client, cast: Cast) -> None:
    meeting = ahead(cast, format_key="double_hour")
    client.force_login(cast.leader)
    response = client.post(f"/groups/{cast.group.pk}/meetings/{meeting.pk}/edit/",
                           {**MEETING, "duration_minutes": "60"})
    assert response.status_code == 200
    assert "This format takes 90 minutes, longer than the meeting&#x27;s 60." in text(response)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 90


def test_it_refuses_the_format_of_another_group(client: Client, cast: Cast) -> None:
    theirs = services.custom_format_create(group=cast.other_group, name="Olga's",
                                           phases=SHORT_ROUND)
    client.force_login(cast.leader)
    response = client.post(meeting_url(cast), {**MEETING, "format_key": theirs.key})
    assert "Select a valid choice." in text(response)
    assert not new_meetings(cast).exists()
    # Nor through the service.
    with pytest.raises(ValidationError, match="Choose one of the formats."):
        services.meeting_schedule(group=cast.group, starts_at=timezone.now() + timedelta(days=1),
                                  duration_minutes=90, setting="online", format_key=theirs.key)
    assert not new_meetings(cast).exists()


def test_it_chooses_a_default_format_by_duration(cast: Cast) -> None:
    start = timezone.now() + timedelta(days=1)
    double = services.meeting_schedule(group=cast.group, starts_at=start, duration_minutes=90,
                                       setting="online")
    single = services.meeting_schedule(group=cast.group, starts_at=start, duration_minutes=60,
                                       setting="online")
    assert (double.format_key, single.format_key) == ("double_hour", "classic")


# Composing a format


def test_it_composes_a_format(client: Client, cast: Cast) -> None:
    client.force_login(cast.coleader)
    page = text(client.get(new_url(cast)))
    # A new format starts from the classic round, to be changed.
    assert 'value="Group exploration"' in page
    response = client.post(new_url(cast), form_data("Short round", SHORT_ROUND), follow=True)
    custom = CustomFormat.objects.get(group=cast.group)
    assert custom.name == "Short round"
    assert custom.phases == [
        {"name": "Presentation", "minutes": 10, "rule": "Listen.", "speaks": "presenter",
         "sits_back": False},
        {"name": "Resonance", "minutes": 20, "rule": "Explore, don't solve.",
         "speaks": "members", "sits_back": True},
        {"name": "Closing words", "minutes": 5, "rule": "", "speaks": "everyone",
         "sits_back": False},
    ]
    assert response.redirect_chain[-1][0] == formats_url(cast)
    listing = text(response)
    assert "The format Short round was saved." in listing
    assert "Presentation (10) &middot; Resonance (20) &middot; Closing words (5)" in listing
    assert "35 minutes" in listing


def test_it_uses_the_groups_format_in_a_meeting(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    client.force_login(cast.leader)
    assert "Short round (35 min)" in text(client.get(meeting_url(cast)))
    client.post(meeting_url(cast), {**MEETING, "format_key": custom.key})
    meeting = new_meetings(cast).get()
    assert meeting.format_key == f"custom-{custom.pk}"

    fmt = selectors.meeting_format_for(meeting)
    assert (fmt.key, fmt.name, fmt.minutes) == (custom.key, "Short round", 35)
    (part,) = fmt.parts
    assert part.kind == PartKind.CUSTOM
    assert [(p.name, p.minutes, p.speaks, p.presenter_sits_back) for p in part.phases] == [
        ("Presentation", 10, Speaker.PRESENTER, False),
        ("Resonance", 20, Speaker.MEMBERS, True),
        ("Closing words", 5, Speaker.EVERYONE, False),
    ]
    assert part.phases[1].rule == "Explore, don't solve."


def test_it_reads_unknown_or_deleted_formats_as_a_classic_round(cast: Cast) -> None:
    assert selectors.meeting_format_for(cast.meeting) is CLASSIC
    assert selectors.meeting_format_for(ahead(cast, format_key="block_day")) is BLOCK_DAY
    assert selectors.meeting_format_for(ahead(cast, format_key="custom-999")) is CLASSIC
    assert selectors.meeting_format_for(ahead(cast, format_key="gone")) is CLASSIC
    # Another group's format is not this group's.
    theirs = services.custom_format_create(group=cast.other_group, name="Olga's",
                                           phases=SHORT_ROUND)
    assert selectors.meeting_format_for(ahead(cast, format_key=theirs.key)) is CLASSIC


def test_it_leaves_out_empty_and_deleted_rows_and_follows_the_order(client: Client,
                                                                    cast: Cast) -> None:
    phases = [
        {"name": "Second", "minutes": 5, "order": 2},
        {"name": "Dropped", "minutes": 5, "delete": True},
        {},  # an empty row
        {"name": "First", "minutes": 10, "order": 1},
    ]
    client.force_login(cast.leader)
    client.post(new_url(cast), form_data("Ordered", phases))
    custom = CustomFormat.objects.get(group=cast.group)
    assert [p["name"] for p in custom.phases] == ["First", "Second"]


def test_it_adds_a_row_without_saving(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(new_url(cast), form_data("Short round", SHORT_ROUND, add_phase="1"))
    assert response.status_code == 200
    page = text(response)
    assert 'name="phases-TOTAL_FORMS" value="4"' in page
    assert 'name="phases-3-name"' in page
    assert 'value="Resonance"' in page  # what was typed stays
    assert not CustomFormat.objects.exists()


@pytest.mark.parametrize(("phases", "name", "messages"), [
    ([], "Nothing", ["A format needs at least one phase."]),
    ([{}, {}], "Empty rows", ["A format needs at least one phase."]),
    ([{"name": "Talk", "minutes": 0}], "Zero", ["Phase 1 needs a duration of at least one "
                                                "minute."]),
    ([{"name": "Talk", "minutes": 500}], "Absurd", ["Phase 1 is too long: at most 240 "
                                                    "minutes."]),
    ([{"name": "Talk"}], "No time", ["Phase 1 needs a duration of at least one minute."]),
    ([{"name": "x" * 61, "minutes": 5}], "Long phase name",
     ["The name of phase 1 is too long (at most 60 characters)."]),
    ([{"name": "Talk", "minutes": 5, "rule": "r" * 201}], "Long rule",
     ["The rule of phase 1 is too long (at most 200 characters)."]),
    # Every problem is named at once.
    ([{"minutes": 5}, {"name": "Talk", "minutes": -3}], "y" * 61,
     ["The format&#x27;s name is too long (at most 60 characters).", "Phase 1 needs a name.",
      "Phase 2 needs a duration of at least one minute."]),
    ([{"name": "Talk", "minutes": 5}], "", ["Give the format a name."]),
    ([{"name": "Talk", "minutes": "ten"}], "Typo", ["Enter a whole number."]),
    ([{"name": "Talk", "minutes": 5, "speaks": "the_cat"}], "Who",
     ["Select a valid choice. the_cat is not one of the available choices."]),
])
def test_it_says_what_is_wrong_with_a_format(client: Client, cast: Cast,
                                             phases: list[dict[str, Any]], name: str,
                                             messages: list[str]) -> None:
    client.force_login(cast.leader)
    response = client.post(new_url(cast), form_data(name, phases))
    assert response.status_code == 200
    page = text(response)
    assert "Please correct what is marked below." in page
    for message in messages:
        assert message in page
    assert not CustomFormat.objects.exists()


def test_it_refuses_more_than_twenty_phases(client: Client, cast: Cast) -> None:
    phases = [{"name": f"Part {n}", "minutes": 1} for n in range(21)]
    client.force_login(cast.leader)
    response = client.post(new_url(cast), form_data("Marathon", phases))
    assert "A format has at most 20 phases." in text(response)
    assert not CustomFormat.objects.exists()


def test_it_changes_a_format(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    client.force_login(cast.leader)
    page = text(client.get(edit_url(cast, custom)))
    assert 'value="Short round"' in page
    assert 'value="Resonance"' in page
    changed = [*SHORT_ROUND[:2], {"name": "Review", "minutes": 10}]
    response = client.post(edit_url(cast, custom), form_data("Short round, reviewed", changed))
    assert response.status_code == 302
    custom.refresh_from_db()
    assert custom.name == "Short round, reviewed"
    assert [p["name"] for p in custom.phases] == ["Presentation", "Resonance", "Review"]


def test_it_keeps_a_format_on_bad_input(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    client.force_login(cast.leader)
    response = client.post(edit_url(cast, custom),
                           form_data("", [{"name": "Talk", "minutes": 0}]))
    assert response.status_code == 200
    assert "Give the format a name." in text(response)
    assert "Phase 1 needs a duration of at least one minute." in text(response)
    custom.refresh_from_db()
    assert custom.name == "Short round"
    assert len(custom.phases) == 3


def test_it_does_not_let_a_format_outgrow_a_meeting_ahead(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    ahead(cast, format_key=custom.key, duration_minutes=40)
    client.force_login(cast.leader)
    longer = [*SHORT_ROUND, {"name": "Closing", "minutes": 10}]
    response = client.post(edit_url(cast, custom), form_data("Short round", longer))
    assert response.status_code == 200
    assert "The format would take 45 minutes, longer than the meeting on" in text(response)
    custom.refresh_from_db()
    assert len(custom.phases) == 3


def test_it_does_not_change_a_format_during_its_meeting(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    Meeting.objects.filter(pk=cast.meeting.pk).update(format_key=custom.key)
    client.force_login(cast.leader)
    response = client.post(edit_url(cast, custom), form_data("Renamed", SHORT_ROUND))
    assert "A meeting with this format is going on now." in text(response)
    custom.refresh_from_db()
    assert custom.name == "Short round"


# Deleting a format


def test_it_deletes_a_format(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    # A meeting that has ended keeps its record; it reads as a classic round afterwards.
    past = ahead(cast, format_key=custom.key, starts_at=timezone.now() - timedelta(days=7))
    client.force_login(cast.leader)
    confirm = client.get(delete_url(cast, custom) + "confirm/")
    assert confirm.status_code == 200
    assert "Delete the format Short round?" in text(confirm)
    assert f'action="{delete_url(cast, custom)}"' in text(confirm)
    response = client.post(delete_url(cast, custom), follow=True)
    assert "The format Short round was deleted." in text(response)
    assert not CustomFormat.objects.exists()
    assert selectors.meeting_format_for(past) is CLASSIC


@pytest.mark.parametrize("starts_in", [timedelta(days=3), timedelta(minutes=-10)])
def test_it_keeps_a_format_a_meeting_still_needs(client: Client, cast: Cast,
                                                 starts_in: timedelta) -> None:
    custom = compose(cast)
    meeting = ahead(cast, format_key=custom.key, starts_at=timezone.now() + starts_in)
    client.force_login(cast.leader)
    response = client.post(delete_url(cast, custom), follow=True)
    assert "uses this format. Choose another format for it first." in text(response)
    assert CustomFormat.objects.filter(pk=custom.pk).exists()
    assert selectors.meeting_format_for(meeting).name == "Short round"


def test_it_deletes_by_post_only(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    client.force_login(cast.leader)
    assert client.get(delete_url(cast, custom)).status_code == 405
    assert CustomFormat.objects.filter(pk=custom.pk).exists()


# Who may


def leader_pages(cast: Cast, custom: CustomFormat) -> list[tuple[str, str]]:
    return [
        ("get", formats_url(cast)),
        ("get", new_url(cast)),
        ("post", new_url(cast)),
        ("get", edit_url(cast, custom)),
        ("post", edit_url(cast, custom)),
        ("get", delete_url(cast, custom) + "confirm/"),
        ("post", delete_url(cast, custom)),
    ]


def assert_untouched(custom: CustomFormat) -> None:
    assert CustomFormat.objects.count() == 1
    custom.refresh_from_db()
    assert custom.name == "Short round"


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_it_hides_formats_from_members_and_outsiders(client: Client, cast: Cast,
                                                     who: str) -> None:
    custom = compose(cast)
    client.force_login(getattr(cast, who))
    for method, url in leader_pages(cast, custom):
        response = getattr(client, method)(url, form_data("Mine", SHORT_ROUND))
        assert response.status_code == 404, (method, url)
    assert_untouched(custom)


def test_it_hides_a_format_behind_the_outsiders_own_group(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    client.force_login(cast.outsider)
    base = f"/groups/{cast.other_group.pk}/formats/{custom.pk}/"
    assert client.get(base + "edit/").status_code == 404
    assert client.post(base + "edit/", form_data("Mine", SHORT_ROUND)).status_code == 404
    assert client.post(base + "delete/").status_code == 404
    assert_untouched(custom)


def test_it_requires_login_for_formats(client: Client, cast: Cast) -> None:
    custom = compose(cast)
    for method, url in leader_pages(cast, custom):
        assert_login_redirect(getattr(client, method)(url, form_data("Mine", SHORT_ROUND)), url)
    assert_untouched(custom)


def test_it_links_the_formats_for_leaders_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.coleader)
    assert f'href="{formats_url(cast)}"' in text(client.get(f"/groups/{cast.group.pk}/"))
    client.force_login(cast.member)
    assert formats_url(cast) not in text(client.get(f"/groups/{cast.group.pk}/"))


def test_it_offers_the_formats_in_the_leaders_language(client: Client, cast: Cast) -> None:
    cast.leader.language = "de"
    cast.leader.save()
    client.force_login(cast.leader)
    page = text(client.get(meeting_url(cast)))
    assert "Doppelstunde (90 Min.) – 90 Minuten: Ankommensrunde, ein Nachbericht" in page
