from django.urls import path

from . import views

# A confirmation page (GET) sits at ".../confirm/"; the action it confirms (POST only)
# at the address without it.
urlpatterns = [
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:group_id>/", views.group_detail, name="group_detail"),
    path("groups/<int:group_id>/edit/", views.group_edit, name="group_edit"),
    path("groups/<int:group_id>/leave/confirm/", views.group_leave_confirm,
         name="group_leave_confirm"),
    path("groups/<int:group_id>/leave/", views.group_leave, name="group_leave"),
    path("groups/<int:group_id>/members/<int:membership_id>/role/",
         views.member_role_change, name="member_role_change"),
    path("groups/<int:group_id>/members/<int:membership_id>/remove/confirm/",
         views.member_remove_confirm, name="member_remove_confirm"),
    path("groups/<int:group_id>/members/<int:membership_id>/remove/",
         views.member_remove, name="member_remove"),
    path("groups/<int:group_id>/invitations/", views.invitation_create,
         name="invitation_create"),
    path("groups/<int:group_id>/invitations/<int:invitation_id>/revoke/",
         views.invitation_revoke, name="invitation_revoke"),
    path("groups/<int:group_id>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("groups/<int:group_id>/meetings/<int:meeting_id>/edit/", views.meeting_edit,
         name="meeting_edit"),
    path("groups/<int:group_id>/meetings/<int:meeting_id>/cancel/confirm/",
         views.meeting_cancel_confirm, name="meeting_cancel_confirm"),
    path("groups/<int:group_id>/meetings/<int:meeting_id>/cancel/", views.meeting_cancel,
         name="meeting_cancel"),
    path("invite/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("invitations/<int:invitation_id>/", views.invitation_accept_pending,
         name="invitation_accept_pending"),
]
