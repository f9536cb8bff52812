def _(message: str) -> str:
    """Mark a text for translation without translating it (gettext_noop)."""
    return message


def pgettext(context: str, message: str) -> str:
    """Mark a text with its context for translation, without translating it (Django has
    no pgettext_noop; makemessages looks for this name). The reader's language comes in
    when Django's pgettext(context, message) reads it."""
    return message
