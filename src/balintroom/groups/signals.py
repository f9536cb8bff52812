"""What groups announce to the apps above it (the live room), which groups must not import:
imports point down. The services send these explicitly when they change what a room
depends on; nothing is sent from a model's save, which a bulk update would skip."""

from django.dispatch import Signal

# A meeting was scheduled (meeting=...), inside the transaction that saves it: its room is
# made with it.
meeting_scheduled = Signal()

# Who is in a group, in which role, or who has accepted its agreement changed
# (group_id=...), sent once that change is committed: open rooms show it at once.
members_changed = Signal()
