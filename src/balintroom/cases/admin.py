from django.contrib import admin

from .models import CasePolicy

# PrivateNote and NotesOptIn are deliberately not registered: a note is its author's
# alone, and even who keeps notes for which meeting is none of an admin's business.


@admin.register(CasePolicy)
class CasePolicyAdmin(admin.ModelAdmin):
    list_display = ["group", "retention_days", "updated_at"]
    raw_id_fields = ["group"]
