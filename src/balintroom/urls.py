from django.contrib import admin
from django.urls import include, path

from balintroom.front import views as front_views

urlpatterns = [
    path("", front_views.home, name="home"),
    path("healthz", front_views.healthz, name="healthz"),
    path("m/<int:meeting_id>/after/", front_views.meeting_after, name="meeting_after"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/security/", front_views.security_log, name="security_log"),
    path("accounts/data/", front_views.personal_data_page, name="personal_data"),
    path("accounts/data/export/<str:token>/", front_views.personal_data_export,
         name="personal_data_export"),
    path("accounts/data/erase/", front_views.personal_data_erase, name="personal_data_erase"),
    path("accounts/", include("balintroom.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("balintroom.groups.urls")),
    path("", include("balintroom.live.urls")),
    path("", include("balintroom.cases.urls")),
    path("", include("balintroom.records.urls")),
    path("", include("balintroom.reflection.urls")),
    path("admin/", admin.site.urls),
]
