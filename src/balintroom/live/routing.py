from django.urls import path, re_path

from balintroom.core.websocket import NoSuchSocket

from .consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/meeting/<int:meeting_id>/", RoomConsumer.as_asgi()),
    path("ws/meeting/<int:meeting_id>/display/<str:token>/", RoomConsumer.as_asgi()),
    # Last: any other path is refused at the handshake.
    re_path(r"", NoSuchSocket.as_asgi()),
]
