import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from balintroom.accounts.middleware import UserLocaleMiddleware

from .conftest import make_user

# 12:00 UTC in winter: 13:00 in Berlin, 07:00 in New York, 21:00 in Tokyo.
NOON_UTC = dt.datetime(2030, 1, 15, 12, 0, tzinfo=dt.UTC)


def _render_through_middleware(user):
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()
        return HttpResponse(Template('{{ when|time:"H:i" }}').render(Context({"when": NOON_UTC})))

    request = RequestFactory().get("/")
    request.user = user
    response = UserLocaleMiddleware(view)(request)
    timezone.deactivate()
    return seen["zone"], response.content.decode()


def test_it_activates_the_profile_timezone(db):
    anna = make_user("anna@example.org", "Anna")
    for zone, local in (("Europe/Berlin", "13:00"), ("America/New_York", "07:00"),
                        ("Asia/Tokyo", "21:00")):
        anna.timezone = zone
        assert _render_through_middleware(anna) == (zone, local)


def test_it_uses_utc_for_anonymous_visitors():
    assert _render_through_middleware(AnonymousUser()) == ("UTC", "12:00")


def test_it_shows_the_zone_and_local_time_on_the_profile(client, db):
    anna = make_user("anna@example.org", "Anna")
    anna.timezone = "Asia/Tokyo"
    anna.save()
    client.force_login(anna)
    html = client.get("/accounts/profile/").content.decode()
    assert "Times are shown in the time zone Asia/Tokyo." in html
    assert "Local time now:" in html
