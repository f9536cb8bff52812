"""Settings for the test run: the project's own, with a key and no rate limits."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DISABLE_RATE_LIMITS", "1")
# Most tests sign leaders in without an authenticator; tests/accounts/test_two_factor.py
# turns the requirement on.
os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")
if "DATA_DIR" not in os.environ:
    # Each run its own, removed when it ends: runs at once on one machine stay apart.
    os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="balintroom-tests-")
    atexit.register(shutil.rmtree, os.environ["DATA_DIR"], ignore_errors=True)
os.environ.setdefault("BALINTROOM_ENV_FILE", "/nonexistent")

from balintroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
