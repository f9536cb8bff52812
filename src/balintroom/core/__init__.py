"""The ground every app stands on: the request type of signed-in views, the security
headers, the WebSocket's edge, the in-memory channel layer and the server process's
tuning. It imports none of the apps (front/ is the top floor that imports them all)."""
