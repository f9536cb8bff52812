def _(message: str) -> str:
    """Mark a text for translation without translating it (gettext_noop)."""
    return message
