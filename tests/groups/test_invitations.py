import re
import smtplib
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from balintroom.accounts.models import User
from balintroom.groups import services
from balintroom.groups.models import Invitation, Membership
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

SITE = "https://balint.example.org"
SECOND = timedelta(seconds=1)
# The confidentiality agreement ticked, and the name the group will know her by.
AGREE = {"agree": "on", "display_name": "Eva"}


@pytest.fixture(autouse=True)
def site_url(settings) -> None:
    settings.SITE_URL = SITE
    settings.INVITATION_DAYS = 14


def invite_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/invitations/"


def invite(cast: Cast, email: str = "eva@example.org") -> Invitation:
    return services.invitation_create(group=cast.group, email=email, by=cast.leader)


def link_path(invitation: Invitation) -> str:
    return f"/invite/{services.invitation_token(invitation)}/"


def members(cast: Cast) -> set[str]:
    return set(Membership.objects.filter(group=cast.group).values_list("user__email", flat=True))


# Sending


def test_it_sends_an_invitation_with_a_working_link(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(invite_url(cast), {"email": " Eva@Example.org "}, follow=True)
    assert "The invitation was sent to eva@example.org." in text(response)

    invitation = Invitation.objects.get(group=cast.group)
    assert invitation.email == "eva@example.org"
    assert invitation.invited_by == cast.leader

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["eva@example.org"]
    assert "Tuesday GPs" in message.subject
    assert "Lena invites you" in message.body
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=14)) < SECOND
    # The expiry date in Lena's time zone, which the mail names.
    expiry = timezone.localtime(invitation.expires_at, ZoneInfo("Europe/Berlin"))
    expected = f"expires on {date_format(expiry, 'DATETIME_FORMAT')} (Europe/Berlin)"
    assert expected in " ".join(message.body.split())
    found = re.search(rf"{re.escape(SITE)}(/invite/[^/\s]+/)", message.body)
    assert found, message.body

    # The link in the mail opens the invitation, and Eva can join with it.
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    page = client.get(found.group(1))
    assert page.status_code == 200
    assert "You are invited to join Tuesday GPs" in text(page)
    joined = client.post(found.group(1), AGREE, follow=True)
    assert joined.redirect_chain[-1][0] == f"/groups/{cast.group.pk}/"
    assert "Welcome to Tuesday GPs." in text(joined)
    assert Membership.objects.get(group=cast.group, user=eva).role == "member"


def test_it_lists_open_invitations_with_their_expiry(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.make_aware(timezone.datetime(2031, 3, 9, 12, 0)))
    client.force_login(cast.coleader)
    page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert "eva@example.org" in page
    assert "Expires on March 9, 2031" in page
    assert f"/invitations/{invitation.pk}/revoke/" in page


def test_it_shows_the_invitation_form_errors(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(invite_url(cast), {"email": "not-an-address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in text(response)
    assert 'value="not-an-address"' in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_it_does_not_invite_a_member(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(invite_url(cast), {"email": "ANNA@example.org"})
    assert response.status_code == 200
    assert "anna@example.org is already a member of this group." in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_it_writes_the_mail_in_the_groups_language(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(invite_url(cast), {"email": "eva@example.org"})
    assert mail.outbox[0].body.startswith("Hello,")


def test_it_replaces_an_open_invitation(client: Client, cast: Cast) -> None:
    first = invite(cast)
    client.force_login(cast.leader)
    client.post(invite_url(cast), {"email": "eva@example.org"})
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1
    client.force_login(make_user("eva@example.org"))
    response = client.get(link_path(first))
    assert response.status_code == 410
    assert "This invitation has been withdrawn." in text(response)


def test_it_does_not_let_a_member_invite(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    assert client.post(invite_url(cast), {"email": "eva@example.org"}).status_code == 404
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_it_does_not_let_an_outsider_invite(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.post(invite_url(cast), {"email": "eva@example.org"}).status_code == 404
    assert not Invitation.objects.exists()


def test_it_invites_by_post_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    assert client.get(invite_url(cast)).status_code == 405


def test_it_requires_login_to_invite(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.post(invite_url(cast), {"email": "e@example.org"}),
                          invite_url(cast))
    assert not Invitation.objects.exists()


# Withdrawing


def revoke_url(cast: Cast, invitation: Invitation) -> str:
    return f"/groups/{cast.group.pk}/invitations/{invitation.pk}/revoke/"


def test_it_withdraws_an_invitation(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    client.force_login(cast.leader)
    response = client.post(revoke_url(cast, invitation), follow=True)
    assert "The invitation to eva@example.org was withdrawn." in text(response)
    assert "Expires on" not in text(response)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    client.force_login(make_user("eva@example.org"))
    assert client.get(link_path(invitation)).status_code == 410


def test_it_does_not_let_a_member_withdraw(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    client.force_login(cast.member)
    assert client.post(revoke_url(cast, invitation)).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_it_does_not_let_an_outsider_withdraw(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    client.force_login(cast.outsider)
    assert client.post(revoke_url(cast, invitation)).status_code == 404
    # Nor through her own group's address.
    url = f"/groups/{cast.other_group.pk}/invitations/{invitation.pk}/revoke/"
    assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_it_withdraws_by_post_only(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    client.force_login(cast.leader)
    assert client.get(revoke_url(cast, invitation)).status_code == 405


def test_it_requires_login_to_withdraw(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    url = revoke_url(cast, invitation)
    assert_login_redirect(client.post(url), url)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


# The link


NEW = {**AGREE, "display_name": "Eva Brandt", "profession": "hospice nurse",
       "password1": "a-long-new-password-73", "password2": "a-long-new-password-73",
       "timezone": "America/New_York"}


def test_it_shows_the_link_to_a_visitor(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    path = link_path(invitation)
    response = client.get(path)
    assert response.status_code == 200
    page = text(response)
    assert "You are invited to join Tuesday GPs" in page
    assert "Invited by Lena." in page
    # Her address is filled in, and not hers to change: the link proved it.
    assert 'value="eva@example.org" readonly' in page
    for field in ("display_name", "profession", "password1", "password2", "agree"):
        assert f'name="{field}"' in page
    assert 'href="/accounts/login/?next=/invite/' in page


def test_a_new_person_joins_in_one_step_without_a_second_email(client: Client,
                                                               cast: Cast) -> None:
    invitation = invite(cast)
    mail.outbox.clear()
    response = client.post(link_path(invitation), NEW)
    assert response.status_code == 302
    assert response["Location"] == f"/groups/{cast.group.pk}/"
    assert mail.outbox == []  # no e-mail to confirm the address the link reached
    eva = Membership.objects.get(group=cast.group, user__email="eva@example.org").user
    assert (eva.display_name, eva.profession, eva.timezone) == (
        "Eva Brandt", "hospice nurse", "America/New_York")
    assert eva.emailaddress_set.get().verified
    assert eva.check_password("a-long-new-password-73")
    page = text(client.get(response["Location"]))  # signed in, and in the group
    assert "Welcome to Tuesday GPs." in page
    assert "You have not yet accepted" not in page
    invitation.refresh_from_db()
    assert invitation.accepted_by == eva


@pytest.mark.parametrize(("change", "message"), [
    ({"display_name": "  "}, "Write the name the group will know you by."),
    ({"password2": "another-long-password-1"}, "The two passwords are not the same."),
    ({"password1": "short", "password2": "short"}, "This password is too short."),
    ({"agree": ""}, "To join, accept the group&#x27;s confidentiality agreement."),
])
def test_a_new_persons_mistake_is_named_and_makes_nothing(
        client: Client, cast: Cast, change: dict[str, str], message: str) -> None:
    invitation = invite(cast)
    response = client.post(link_path(invitation), {**NEW, **change})
    assert response.status_code == 200
    assert message in text(response)
    assert not User.objects.filter(email="eva@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_unknown_time_zone_from_the_browser_takes_the_inviters(client: Client,
                                                                 cast: Cast) -> None:
    cast.leader.timezone = "Europe/Athens"
    cast.leader.save()
    client.post(link_path(invite(cast)), {**NEW, "timezone": "Mars/Olympus"})
    assert User.objects.get(email="eva@example.org").timezone == "Europe/Athens"


def test_an_address_with_an_account_is_sent_to_sign_in(client: Client, cast: Cast) -> None:
    eva = make_user("eva@example.org", "Eva")
    invitation = invite(cast)
    path = link_path(invitation)
    page = text(client.get(path))
    assert "There is already an account for eva@example.org." in page
    assert 'name="password1"' not in page
    # A form sent all the same changes nothing: not her password, not her name.
    response = client.post(path, NEW)
    assert response.status_code == 200
    eva.refresh_from_db()
    assert eva.display_name == "Eva" and not eva.check_password(NEW["password1"])
    assert not Membership.objects.filter(group=cast.group, user=eva).exists()


def test_a_dead_link_makes_no_account(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    services.invitation_revoke(invitation=invitation)
    response = client.post(link_path(invitation), NEW)
    assert response.status_code == 410
    assert not User.objects.filter(email="eva@example.org").exists()


def test_a_member_is_asked_the_name_the_group_will_know_her_by(client: Client,
                                                               cast: Cast) -> None:
    invitation = invite(cast)
    eva = make_user("eva@example.org")  # signed up without a name: "eva" to the group
    client.force_login(eva)
    page = text(client.get(link_path(invitation)))
    assert 'name="display_name"' in page and 'name="password1"' not in page
    response = client.post(link_path(invitation), {**AGREE, "display_name": ""})
    assert "Write the name the group will know you by." in text(response)
    assert not Membership.objects.filter(group=cast.group, user=eva).exists()
    client.post(link_path(invitation), {**AGREE, "display_name": "Eva  Brandt",
                                        "profession": "teacher"})
    eva.refresh_from_db()
    assert (eva.display_name, eva.profession) == ("Eva Brandt", "teacher")
    assert Membership.objects.filter(group=cast.group, user=eva).exists()


def test_it_comes_back_to_the_link_after_login(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    make_user("eva@example.org", "Eva")
    path = link_path(invitation)
    response = client.post(f"/accounts/login/?next={path}",
                           {"login": "eva@example.org", "password": "a-long-test-password-42"})
    assert response.status_code == 302
    assert response["Location"] == path


def test_it_is_single_use(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    client.post(link_path(invitation), AGREE)
    assert Membership.objects.filter(group=cast.group, user=eva).exists()

    # Eva opens her link again: she is taken to the group.
    again = client.get(link_path(invitation))
    assert again.status_code == 302
    assert again["Location"] == f"/groups/{cast.group.pk}/"

    # Anyone else holding the link finds it used.
    before = members(cast)
    client.force_login(cast.outsider)
    response = client.post(link_path(invitation), AGREE)
    assert response.status_code == 410
    assert "This invitation has already been used." in text(response)
    assert members(cast) == before
    assert client.get(link_path(invitation)).status_code == 410


def test_it_refuses_an_expired_link(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1))
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    response = client.post(link_path(invitation), AGREE)
    assert response.status_code == 410
    assert "This invitation has expired. Ask the leader of the group for a new one." in text(
        response)
    assert not Membership.objects.filter(user=eva).exists()
    client.logout()
    assert client.get(link_path(invitation)).status_code == 410


def test_it_expires_after_the_configured_days(cast: Cast, settings) -> None:
    settings.INVITATION_DAYS = 3
    invitation = invite(cast)
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=3)) < SECOND


def test_it_refuses_the_wrong_account(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    before = members(cast)
    client.force_login(cast.outsider)
    page = client.get(link_path(invitation))
    assert page.status_code == 400
    assert "This invitation was sent to another email address." in text(page)
    assert "Log out and come back" in text(page)
    response = client.post(link_path(invitation), AGREE)
    assert response.status_code == 400
    assert members(cast) == before
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_it_refuses_an_unverified_address(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    eva = make_user("eva@example.org", "Eva")
    eva.emailaddress_set.update(verified=False)
    client.force_login(eva)
    assert client.post(link_path(invitation), AGREE).status_code == 400
    assert not Membership.objects.filter(user=eva).exists()


@pytest.mark.parametrize("token", [
    "garbage",
    "eyJpIjoxfQ:1tAbCd:forgedsignatureforgedsignatureforged",
    signing.dumps({"i": 1}, salt="another.salt"),
    signing.dumps({"i": "1"}, salt=services.INVITATION_SALT),
    signing.dumps([1], salt=services.INVITATION_SALT),
])
def test_it_does_not_know_forged_links(client: Client, cast: Cast, token: str) -> None:
    invite(cast)
    before = members(cast)
    client.force_login(cast.outsider)
    assert client.get(f"/invite/{token}/").status_code == 404
    assert client.post(f"/invite/{token}/").status_code == 404
    client.logout()
    assert client.get(f"/invite/{token}/").status_code == 404
    assert members(cast) == before


def test_it_does_not_know_a_mangled_link(client: Client, cast: Cast) -> None:
    path = link_path(invite(cast))
    client.force_login(make_user("eva@example.org"))
    assert client.get(path[:-5] + "x/").status_code == 404


def test_it_does_not_know_a_link_to_a_deleted_invitation(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    path = link_path(invitation)
    invitation.delete()
    assert client.get(path).status_code == 404


def test_it_takes_get_and_post_only_on_the_link(client: Client, cast: Cast) -> None:
    assert client.put(link_path(invite(cast))).status_code == 405


def test_it_checks_csrf_on_the_link(cast: Cast) -> None:
    invitation = invite(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("eva@example.org"))
    assert client.post(link_path(invitation), AGREE).status_code == 403
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


# The notice on the dashboard


def pending_url(invitation: Invitation) -> str:
    return f"/invitations/{invitation.pk}/"


def test_it_shows_the_invitation_on_the_dashboard(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    eva = make_user("eva@example.org", "Eva")
    client.force_login(eva)
    dashboard = text(client.get("/"))
    assert "You are invited to join Tuesday GPs." in dashboard
    assert f'href="{pending_url(invitation)}"' in dashboard

    page = client.get(pending_url(invitation))
    assert page.status_code == 200
    assert "You are invited to join Tuesday GPs" in text(page)
    assert "Accept and join the group" in text(page)

    response = client.post(pending_url(invitation), AGREE, follow=True)
    assert response.redirect_chain[-1][0] == f"/groups/{cast.group.pk}/"
    assert Membership.objects.get(group=cast.group, user=eva).role == "member"
    assert "You are invited" not in text(client.get("/"))


def test_it_hides_someone_elses_pending_invitation(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    before = members(cast)
    for user in (cast.outsider, cast.member, cast.leader):
        client.force_login(user)
        assert client.get(pending_url(invitation)).status_code == 404
        assert client.post(pending_url(invitation)).status_code == 404
    assert members(cast) == before


def test_it_says_when_a_pending_invitation_expired(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    eva = make_user("eva@example.org", "Eva")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(eva)
    assert client.post(pending_url(invitation), AGREE).status_code == 410
    assert not Membership.objects.filter(user=eva).exists()


def test_it_requires_login_for_the_pending_invitation(client: Client, cast: Cast) -> None:
    invitation = invite(cast)
    assert_login_redirect(client.get(pending_url(invitation)), pending_url(invitation))
    assert_login_redirect(client.post(pending_url(invitation)), pending_url(invitation))
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_it_offers_to_log_out_and_come_back(client: Client, cast: Cast) -> None:
    path = link_path(invite(cast))
    client.force_login(cast.outsider)
    page = text(client.get(path))
    assert f'name="next" value="{path}"' in page
    response = client.post("/accounts/logout/", {"next": path})
    assert response.status_code == 302
    assert response["Location"] == path
    assert "Sign up" in text(client.get(path))


def test_it_says_when_the_mail_could_not_be_sent(client: Client, cast: Cast,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("balintroom.groups.views.send_mail", refuse)
    client.force_login(cast.leader)
    response = client.post(invite_url(cast), {"email": "eva@example.org"}, follow=True)
    assert "the email could not be sent" in text(response)
    assert Invitation.objects.get(group=cast.group).email == "eva@example.org"
