from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "balintroom.live"
    label = "live"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from balintroom.groups.models import Membership

        from .receivers import membership_changed

        # groups knows nothing of the room (imports point down); the room listens.
        post_delete.connect(membership_changed, sender=Membership,
                            dispatch_uid="live.membership_deleted")
        post_save.connect(membership_changed, sender=Membership,
                          dispatch_uid="live.membership_saved")
