from django.urls import path

from .consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/meeting/<int:meeting_id>/", RoomConsumer.as_asgi()),
    path("ws/meeting/<int:meeting_id>/display/<str:token>/", RoomConsumer.as_asgi()),
]
