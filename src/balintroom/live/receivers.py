from typing import Any

from django.db import transaction

from balintroom.groups.models import Membership

from .services import rooms_notify_membership_change


def membership_changed(sender: type[Membership], instance: Membership, **kwargs: Any) -> None:
    group_id = instance.group_id
    transaction.on_commit(lambda: rooms_notify_membership_change(group_id=group_id))
