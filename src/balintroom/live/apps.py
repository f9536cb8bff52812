from typing import Any

from django.apps import AppConfig


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

        meeting_scheduled.connect(make_room, dispatch_uid="live.make_room", weak=False)
        members_changed.connect(refresh_rooms, dispatch_uid="live.refresh_rooms", weak=False)
