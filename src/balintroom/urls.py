from django.contrib import admin
from django.urls import include, path

from balintroom.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("balintroom.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("balintroom.groups.urls")),
    path("", include("balintroom.live.urls")),
    path("", include("balintroom.cases.urls")),
    path("", include("balintroom.records.urls")),
    path("admin/", admin.site.urls),
]
