from django.urls import path

from . import views

urlpatterns = [
    path("m/<int:meeting_id>/room/", views.meeting_room, name="meeting_room"),
    path("m/<int:meeting_id>/display/", views.meeting_display, name="meeting_display"),
    path("m/<int:meeting_id>/display-link/renew/", views.display_token_renew,
         name="display_token_renew"),
]
