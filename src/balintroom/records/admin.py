from django.contrib import admin

from .models import Organisation

# Organisations are made here, and their coordinators named. Attendance, certificates and
# logbooks are not registered: they change only through their pages, which keep history.


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    filter_horizontal = ["coordinators"]
    readonly_fields = ["join_code"]
    search_fields = ["name"]
