"""{% worded "MAY_KNOW" group.served %}: a text of method/served.py, worded for whom the
group serves, in the reader's language."""

from django import template

from balintroom.groups.wording import worded as worded_text
from balintroom.method import served as texts

register = template.Library()


@register.simple_tag
def worded(name: str, served: str) -> str:
    text = getattr(texts, name, None)
    if text not in texts.ALL_WORDED:
        raise template.TemplateSyntaxError(f"no worded text {name}")
    return worded_text(text, served)
