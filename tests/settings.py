"""Settings for the test run: the project's own, with a key and no rate limits."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DISABLE_RATE_LIMITS", "1")
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="balintroom-tests-"))
os.environ.setdefault("BALINTROOM_ENV_FILE", "/nonexistent")

from balintroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
