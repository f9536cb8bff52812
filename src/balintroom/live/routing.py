from django.urls import path, re_path

from balintroom.core.websocket import NoSuchSocket

from .consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/meeting/<int:meeting_id>/", RoomConsumer.as_asgi()),
    # The display's key comes in its cookie (live/views.py), never in an address that
    # servers and proxies write to their logs.
    path("ws/meeting/<int:meeting_id>/display/", RoomConsumer.as_asgi(), {"display": True}),
    # Last: any other path is refused at the handshake.
    re_path(r"", NoSuchSocket.as_asgi()),
]
