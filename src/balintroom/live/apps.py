from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_save


class LiveConfig(AppConfig):
    name = "balintroom.live"
    label = "live"

    def ready(self) -> None:
        from balintroom.groups.signals import meeting_scheduled, members_changed

        from . import services

        # groups knows nothing of the room (imports point down); it announces, the room
        # listens.
        def make_room(sender: Any, *, meeting: Any, **kwargs: Any) -> None:
            services.room_create(meeting=meeting)

        def refresh_rooms(sender: Any, *, group_id: int, **kwargs: Any) -> None:
            services.rooms_refresh(group_id=group_id)

        # A name as the room shows it: the rooms a person is in are sent a new state when
        # her profile is saved (not when only her last sign-in is noted).
        def refresh_her_rooms(sender: Any, *, instance: Any, update_fields: Any = None,
                              **kwargs: Any) -> None:
            if update_fields is None or "display_name" in update_fields:
                services.rooms_refresh(user_id=instance.pk)

        # Her room sockets of that sign-in close when she signs out.
        def close_her_sockets(sender: Any, *, request: Any, user: Any, **kwargs: Any) -> None:
            key = getattr(getattr(request, "session", None), "session_key", None)
            if user is not None and key:
                services.sockets_close_for_session(user_id=user.pk, session_key=key)

        user_logged_out.connect(close_her_sockets, dispatch_uid="live.close_her_sockets",
                                weak=False)
        meeting_scheduled.connect(make_room, dispatch_uid="live.make_room", weak=False)
        members_changed.connect(refresh_rooms, dispatch_uid="live.refresh_rooms", weak=False)
        post_save.connect(refresh_her_rooms, sender=settings.AUTH_USER_MODEL,
                          dispatch_uid="live.refresh_her_rooms", weak=False)
