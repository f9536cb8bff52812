from django.urls import path

from . import views

# Note and debrief text travel only in POST bodies; these addresses carry ids, never words.
urlpatterns = [
    path("m/<int:meeting_id>/notes/", views.meeting_notes, name="meeting_notes"),
    path("m/<int:meeting_id>/notes/keep/", views.notes_keep, name="notes_keep"),
    path("m/<int:meeting_id>/notes/stop/confirm/", views.notes_stop_confirm,
         name="notes_stop_confirm"),
    path("m/<int:meeting_id>/notes/stop/", views.notes_stop, name="notes_stop"),
    path("m/<int:meeting_id>/notes/add/", views.note_add, name="note_add"),
    path("m/<int:meeting_id>/notes/<int:note_id>/edit/", views.note_edit, name="note_edit"),
    path("m/<int:meeting_id>/notes/<int:note_id>/delete/confirm/", views.note_delete_confirm,
         name="note_delete_confirm"),
    path("m/<int:meeting_id>/notes/<int:note_id>/delete/", views.note_delete,
         name="note_delete"),
    path("notes/", views.my_notes, name="my_notes"),
    path("notes/export/", views.notes_export, name="notes_export"),
    path("m/<int:meeting_id>/debrief/", views.meeting_debrief, name="meeting_debrief"),
    path("m/<int:meeting_id>/debrief/delete/confirm/", views.debrief_delete_confirm,
         name="debrief_delete_confirm"),
    path("m/<int:meeting_id>/debrief/delete/", views.debrief_delete, name="debrief_delete"),
    path("debriefs/", views.my_debriefs, name="my_debriefs"),
    path("groups/<int:group_id>/privacy/", views.group_privacy, name="group_privacy"),
]
