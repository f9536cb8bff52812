from django.urls import path

from . import questionnaire_views as q
from . import views

urlpatterns = [
    path("m/<int:meeting_id>/review/<int:number>/", views.review, name="review"),
    path("m/<int:meeting_id>/review/<int:number>/mirror/", views.review_mirror_save,
         name="review_mirror"),
    path("m/<int:meeting_id>/display/review/<int:number>/", views.review_on_display,
         name="review_on_display"),
    path("groups/<int:group_id>/development/", views.group_development_page,
         name="group_development"),
    path("reviews/", views.my_reviews, name="my_reviews"),
    path("instruments/", q.instruments, name="instruments"),
    path("instruments/<int:instrument_id>/withdraw/", q.instrument_withdraw_view,
         name="instrument_withdraw"),
    path("groups/<int:group_id>/questionnaires/", q.group_questionnaires,
         name="group_questionnaires"),
    path("groups/<int:group_id>/research-consent/", q.research_consent,
         name="research_consent"),
    path("q/<int:administration_id>/", q.questionnaire_answer, name="questionnaire_answer"),
    path("questionnaires/", q.my_questionnaires, name="my_questionnaires"),
    path("o/<int:organisation_id>/questionnaires/", q.organisation_questionnaires,
         name="organisation_questionnaires"),
    path("o/<int:organisation_id>/research.zip", q.organisation_research_export,
         name="organisation_research_export"),
]
