"""De-identification: the offline check for what may identify a patient in a text.

Plain Python like method/, with no Django, so that every part of the product can use it:
the room for case labels, cases/ for private notes, the command line for data sets.
"""
