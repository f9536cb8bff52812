"""The front of the site: the home page, the health check, and the demo and benchmark
data. It stands on every app; nothing imports it (core/ is the ground every app stands
on)."""
