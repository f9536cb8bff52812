"""The ground every app stands on: the security headers, the WebSocket's edge, the
in-memory channel layer and the server process's tuning. It imports none of our
packages (front/ is the top floor, which imports them all)."""
