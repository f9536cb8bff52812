"""allauth's own texts that reach a reader from its Python code: form errors and messages.

allauth's German catalogue says "du"; Balint Room says "Sie". Marking these texts here
keeps them in our catalogue (makemessages finds them, although nothing imports this
module), where the German is formal; Django lets the catalogues of LOCALE_PATHS win over
the apps' own. The pages, messages and emails are our own templates in templates/account/.
tests/accounts/test_sie.py fails when an allauth upgrade brings such a text we lack.
"""

from django.utils.translation import gettext_noop as _

ALLAUTH_TEXTS = (
    # account/adapter.py: DefaultAccountAdapter.error_messages
    _("You cannot remove your primary email address."),
    _("Please type your current password."),
    _("You cannot add more than %d email addresses."),
    _("Too many failed login attempts. Try again later."),
    _("Your primary email address must be verified."),
    _("Please select only one."),
    _("Be patient, you are sending too many requests."),
    # account/forms.py
    _("You must type the same password each time."),
    _("You must type the same email each time."),
    # templates/account/email/password_changed_message.txt (if notifications are on)
    _("Your password has been changed."),
)
