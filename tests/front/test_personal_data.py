"""Her data under the GDPR: all of it in one download, behind her password asked again, by
a link that expires and works for her alone; her account erased, certificates issued
kept for whoever checks them."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from balintroom.accounts.models import AuditEvent, User
from balintroom.cases.services import note_create, notes_opt_in
from balintroom.front.views import EXPORT_SALT
from balintroom.groups.models import Membership
from balintroom.records import services as records
from balintroom.records.models import Certificate, StoredImage
from tests.conftest import PASSWORD, Cast


@pytest.fixture(autouse=True)
def encryption_key(settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]


def signed_in(user: User) -> Client:
    """Signed in, and her password just given again for the data page."""
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def export_link(client: Client) -> str:
    page = client.get(reverse("personal_data")).content.decode()
    start = page.index("/accounts/data/export/")
    return page[start:page.index('"', start)]


def test_the_page_asks_for_her_password_again(cast: Cast) -> None:
    client = Client()
    # Signed in - perhaps on a computer she left - but her password not given again.
    client.post(reverse("account_login"), {"login": cast.members[0].email,
                                           "password": PASSWORD})
    response = client.get(reverse("personal_data"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert signed_in(cast.members[0]).get(reverse("personal_data")).status_code == 200


def test_she_downloads_everything_about_her(cast: Cast) -> None:
    anna = cast.members[0]
    notes_opt_in(user=anna, meeting=cast.meeting)
    note_create(author=anna, meeting=cast.meeting, text="I felt pushed to solve it")
    notes_opt_in(user=cast.members[1], meeting=cast.meeting)
    note_create(author=cast.members[1], meeting=cast.meeting, text="Ben's own thought")
    client = signed_in(anna)
    response = client.get(export_link(client))
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"data.json", "summary.txt", "profile.csv", "groups.csv",
            "private_notes.csv", "attendance.csv"} <= set(archive.namelist())
    data = json.loads(archive.read("data.json"))
    assert data["profile"][0]["email"] == anna.email
    assert [g["group"] for g in data["groups"]] == ["Tuesday GPs"]
    assert [n["text"] for n in data["private_notes"]] == ["I felt pushed to solve it"]
    assert "Ben's own thought" not in archive.read("data.json").decode()
    assert "Anna" in archive.read("summary.txt").decode()
    assert AuditEvent.objects.filter(kind="data_exported", user_id=anna.pk).count() == 1


def test_the_link_expires_and_works_for_her_alone(cast: Cast) -> None:
    anna, ben = cast.members[0], cast.members[1]
    link = export_link(signed_in(anna))
    assert signed_in(ben).get(link).status_code == 404
    assert Client().get(link).status_code == 302  # to the sign-in
    stale = signing.dumps(anna.pk, salt=EXPORT_SALT)
    client = signed_in(anna)
    too_old = timezone.now() + timedelta(minutes=11)
    from unittest import mock

    with mock.patch("time.time", return_value=too_old.timestamp()):
        response = client.get(reverse("personal_data_export", args=[stale]), follow=True)
    assert "This download link has expired" in response.content.decode()
    forged = client.get(reverse("personal_data_export", args=[stale[:-2] + "xx"]))
    assert forged.status_code == 302
    assert AuditEvent.objects.filter(kind="data_exported").count() == 0


def test_she_erases_her_account_and_issued_certificates_stay(cast: Cast) -> None:
    anna = cast.members[0]
    issued = Certificate.objects.create(group=cast.group, member=anna, status="approved",
                                        content={"member": "Anna"}, approved_by=cast.leader,
                                        approved_at=timezone.now(),
                                        period_start=timezone.localdate(),
                                        period_end=timezone.localdate())
    draft = Certificate.objects.create(group=cast.group, member=anna, status="draft",
                                       content={"member": "Anna"},
                                       period_start=timezone.localdate(),
                                       period_end=timezone.localdate())
    notes_opt_in(user=anna, meeting=cast.meeting)
    note_create(author=anna, meeting=cast.meeting, text="mine")
    client = signed_in(anna)
    client.get(reverse("personal_data"))
    refused = client.post(reverse("personal_data_erase"), {}, follow=True)
    assert "Tick the box to confirm" in refused.content.decode()
    assert User.objects.filter(pk=anna.pk).exists()
    response = client.post(reverse("personal_data_erase"), {"confirm": "on"}, follow=True)
    assert "Your account is erased." in response.content.decode()
    assert not User.objects.filter(email=anna.email).exists()
    assert not Membership.objects.filter(user_id=anna.pk).exists()
    issued.refresh_from_db()
    assert issued.member is None and issued.content == {"member": "Anna"}
    assert not Certificate.objects.filter(pk=draft.pk).exists()
    from balintroom.cases.models import PrivateNote
    assert not PrivateNote.objects.filter(author_id=anna.pk).exists()
    assert AuditEvent.objects.filter(kind="account_erased", user_id=anna.pk).exists()
    # She is signed out, and her password opens nothing.
    assert client.get(reverse("profile")).status_code == 302
    assert "_auth_user_id" not in signed_in_session(anna.email)


def signed_in_session(email: str) -> dict[str, str]:
    client = Client()
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return dict(client.session)


def test_the_only_leader_hands_the_group_over_first(cast: Cast) -> None:
    client = signed_in(cast.leader)
    client.get(reverse("personal_data"))
    response = client.post(reverse("personal_data_erase"), {"confirm": "on"}, follow=True)
    assert "You are the only leader of Tuesday GPs." in response.content.decode()
    assert User.objects.filter(pk=cast.leader.pk).exists()


def test_erasing_needs_her_password_again(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.members[0])
    response = client.post(reverse("personal_data_erase"), {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("personal_data")
    assert User.objects.filter(pk=cast.members[0].pk).exists()


def test_the_leader_of_a_group_that_has_ended_may_go(cast: Cast) -> None:
    from balintroom.groups.services import group_archive

    group_archive(group=cast.group)
    client = signed_in(cast.leader)
    client.get(reverse("personal_data"))
    response = client.post(reverse("personal_data_erase"), {"confirm": "on"}, follow=True)
    assert "Your account is erased." in response.content.decode()
    assert not User.objects.filter(pk=cast.leader.pk).exists()


def test_a_leaders_signature_is_exported_and_erased_unless_a_certificate_prints_it(
        cast: Cast) -> None:
    carl = cast.coleader
    signature = io.BytesIO()
    Image.new("RGB", (200, 60), "white").save(signature, format="PNG")
    signer = records.signer_save(user=carl, qualification="Balint group leader (DBG)",
                                 signature_png=signature.getvalue())
    client = signed_in(carl)
    archive = zipfile.ZipFile(io.BytesIO(client.get(export_link(client)).content))
    assert archive.read("signature.png").startswith(b"\x89PNG")
    assert json.loads(archive.read("data.json"))["certificate_signature"] == [
        {"qualification": "Balint group leader (DBG)", "signature": "signature.png"}]
    client.post(reverse("personal_data_erase"), {"confirm": "on"})
    assert not User.objects.filter(pk=carl.pk).exists()
    assert not StoredImage.objects.filter(pk=signer.signature_id).exists()


def test_a_signature_a_certificate_prints_stays_with_the_certificate(cast: Cast) -> None:
    carl = cast.coleader
    signature = io.BytesIO()
    Image.new("RGB", (200, 60), "white").save(signature, format="PNG")
    signer = records.signer_save(user=carl, qualification="", signature_png=signature.getvalue())
    Certificate.objects.create(
        group=cast.group, member=cast.members[0], status="approved", approved_by=carl,
        approved_at=timezone.now(), period_start=timezone.localdate(),
        period_end=timezone.localdate(),
        content={"member": "Anna", "approval": {"name": "Carl", "qualification": "",
                                                "date": "2026-11-30",
                                                "signature": signer.signature_id}})
    client = signed_in(carl)
    client.get(reverse("personal_data"))
    client.post(reverse("personal_data_erase"), {"confirm": "on"})
    assert not User.objects.filter(pk=carl.pk).exists()
    assert StoredImage.objects.filter(pk=signer.signature_id).exists()


def test_her_review_answers_are_exported_and_erased_the_groups_sums_stay(cast: Cast) -> None:
    from balintroom.reflection.models import OwnReview, ReviewAnswer
    from tests.support.review import round_in_review

    anna, ben = cast.members[0], cast.members[1]
    round_ = round_in_review(cast.meeting, leader=cast.leader, presenter=ben)
    url = reverse("review", args=[cast.meeting.pk, round_.number])
    for who, words in ((anna, "a locked door"), (ben, "Ben's stone"),
                       (cast.members[2], "fog")):
        client = Client()
        client.force_login(who)
        assert client.post(url, {"urge": "3", "own_words": words}).status_code == 302
    client = signed_in(anna)
    data = json.loads(zipfile.ZipFile(io.BytesIO(client.get(export_link(client)).content))
                      .read("data.json"))
    assert [(a["urge"], a["own_words"]) for a in data["review_answers"]] == [
        (3, "a locked door")]
    assert "Ben's stone" not in json.dumps(data)
    client.post(reverse("personal_data_erase"), {"confirm": "on"})
    assert not OwnReview.objects.filter(user_id=anna.pk).exists()
    # The summary the group saw does not change: it never held her name.
    assert ReviewAnswer.objects.filter(shown=True).count() == 3


def test_her_questionnaire_answers_are_exported_and_erased_the_sums_stay(cast: Cast) -> None:
    from balintroom.reflection.models import Response, ResponseRecord
    from balintroom.reflection.questionnaires import administrations_schedule, response_submit
    from tests.support.review import our_questionnaire

    anna = cast.members[0]
    (start, *_later) = administrations_schedule(
        group=cast.group, instrument=our_questionnaire(), by=cast.leader,
        first_day=timezone.localdate())
    response_submit(administration=start, research=True, answers={"u1": 2, "b1": 5},
                    membership=Membership.objects.get(group=cast.group, user=anna))
    client = signed_in(anna)
    data = json.loads(zipfile.ZipFile(io.BytesIO(client.get(export_link(client)).content))
                      .read("data.json"))
    (mine,) = data["questionnaires"]
    assert mine["answers"] == {"u1": 2, "b1": 5} and mine["scores"]["benefit"] is None
    assert [c["group"] for c in data["research_consents"]] == ["Tuesday GPs"]
    client.post(reverse("personal_data_erase"), {"confirm": "on"})
    assert not Response.objects.exists()
    # The sums keep her answers; no research export does.
    assert ResponseRecord.objects.get().pseudonym == ""
