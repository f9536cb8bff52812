"""The Balint method as plain Python: formats, phases, who may act, timer arithmetic.

Nothing here imports Django or any other part of Balint Room. Texts a person
reads are marked with ``_`` (a no-op here) so that Django's makemessages
collects them; the web layer translates them when it shows them.
"""
