from django.urls import path

from . import views

urlpatterns = [
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:group_id>/", views.group_detail, name="group_detail"),
    path("invitations/<int:invitation_id>/", views.invitation_accept_pending,
         name="invitation_accept_pending"),
]
