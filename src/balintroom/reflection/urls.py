from django.urls import path

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
]
