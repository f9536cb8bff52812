"""Who opens a socket, found for a moment's sockets together (accounts/sockets.py), with
Django's own checks: a session that is gone, expired, of an inactive account or of a
changed password opens nothing."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from balintroom.accounts.sockets import people_of_sessions
from tests.conftest import Cast


def session_of(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_each_session_gives_its_person_in_one_go(cast: Cast, django_assert_max_num_queries
                                                 ) -> None:
    keys = [session_of(user) for user in (cast.leader, cast.members[0], cast.members[1])]
    with django_assert_max_num_queries(2):  # the sessions, then the people
        people = people_of_sessions([*keys, "no-such-session", keys[0]])
    assert [p.pk for p in people] == [cast.leader.pk, cast.members[0].pk, cast.members[1].pk,
                                      None, cast.leader.pk]


def test_an_expired_session_opens_nothing(cast: Cast) -> None:
    key = session_of(cast.members[0])
    Session.objects.filter(session_key=key).update(expire_date=timezone.now()
                                                   - timedelta(seconds=1))
    assert not people_of_sessions([key])[0].is_authenticated


def test_a_changed_password_signs_the_other_devices_out(cast: Cast) -> None:
    key = session_of(cast.members[0])
    cast.members[0].set_password("a-new-long-password-77")
    cast.members[0].save()
    assert not people_of_sessions([key])[0].is_authenticated


def test_an_inactive_account_opens_nothing(cast: Cast) -> None:
    key = session_of(cast.members[0])
    cast.members[0].is_active = False
    cast.members[0].save()
    assert not people_of_sessions([key])[0].is_authenticated
