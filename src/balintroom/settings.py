"""One settings module, read from the environment (see .env.example).

Secrets may also come from files: FOO_FILE=/run/secrets/foo sets FOO.
"""

import hashlib
import hmac
import json
import os
import re
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _load_dotenv(path: Path) -> None:
    """Read KEY=VALUE lines from .env without overriding the real environment."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


_load_dotenv(Path(os.environ.get("BALINTROOM_ENV_FILE", PROJECT_DIR / ".env")))


def envstr(name: str, default: str = "") -> str:
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    value = envstr(name, "1" if default else "0").lower()
    return value in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(envstr(name, str(default)))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in envstr(name, default).split(",") if item.strip()]


# How to make each kind of secret; the messages below quote them.
MAKE_TOKEN = 'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
MAKE_FERNET_KEY = (
    '.venv/bin/python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)
DEVELOPMENT_SECRET_KEY = "insecure-development-key-only-for-DEBUG"

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (or SECRET_KEY_FILE); make one with: "
            f"{MAKE_TOKEN}. Or, for development, DEBUG=1 (`make run` writes it to .env)."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "balintroom.core",
    "balintroom.accounts",
    "balintroom.groups",
    "balintroom.live",
    "balintroom.cases",
    "balintroom.records",
    "balintroom.reflection",
    "balintroom.front",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # allauth's list of security keys
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "balintroom.accounts.middleware.UserLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "balintroom.accounts.middleware.SessionTimeoutMiddleware",
    "balintroom.front.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "balintroom.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "balintroom.urls"
ASGI_APPLICATION = "balintroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default, in WAL mode so that readers never wait for the writer; IMMEDIATE
# transactions take the write lock up front, which stands in for SELECT ... FOR UPDATE.
DATA_DIR = Path(envstr("DATA_DIR", str(PROJECT_DIR / "var")))


def _private_directory(path: Path) -> None:
    """DATA_DIR holds the SQLite database and the development key: only its owner may
    enter it, whatever the umask made of the files inside (SQLite's are world-readable)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if info.st_uid == os.getuid() and info.st_mode & 0o077:
        path.chmod(0o700)


def _dev_server_url(path: Path) -> str:
    """The address a development `balintroom serve` recorded, while that server runs."""
    try:
        record = json.loads(path.read_text())
        url, pid = str(record["url"]), int(record["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    if pid <= 0:  # os.kill would signal a process group
        return ""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:  # a server killed before it could remove its record
        return ""
    except PermissionError:
        pass
    return url


# The address in emails, the demo's links and certificates. In development, unless set,
# it is where `balintroom serve` runs: the server records its address in DEV_SERVER_FILE,
# so that a command in another terminal (the demo) names the port actually served.
DEV_SERVER_FILE = DATA_DIR / "dev-server.json"
SITE_URL_CONFIGURED = bool(envstr("SITE_URL"))
SITE_URL = (
    envstr("SITE_URL")
    or (DEBUG and _dev_server_url(DEV_SERVER_FILE))
    or "http://127.0.0.1:8000"
).rstrip("/")
# A self-hosted Jitsi Meet (https://meet.example.org) whose calls groups may embed in the
# room; unset, groups use a call link of their own. meet.jit.si cuts embedded calls after
# five minutes. Only this origin is let into the room page (CSP, Permissions-Policy).
JITSI_URL = envstr("JITSI_URL").rstrip("/")
if JITSI_URL and (not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?", JITSI_URL)
                  or (JITSI_URL.startswith("http:") and not DEBUG
                      and not JITSI_URL.startswith("http://127.0.0.1"))):
    raise ImproperlyConfigured(
        f"JITSI_URL must be an https origin such as https://meet.example.org, not {JITSI_URL!r}.")
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{DATA_DIR / 'balintroom.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _private_directory(DATA_DIR)
    # Keep connections open. The live room's database work all runs on one thread per
    # process (Channels' database_sync_to_async), so it keeps one connection; opening a
    # SQLite connection for every call (registering Django's functions, reading the
    # schema, a cold page cache) cost about 8 ms of the 20 ms of a room change
    # (bench/run.py). A request's own thread ends with the request, and with it its
    # connection; SQLite has no server whose connection slots could run out.
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL through psycopg 3. Under ASGI every request runs in a fresh thread:
    # persistent connections would pile up, one per thread, so they are off (Django
    # refuses CONN_MAX_AGE with a pool anyway) and connections come from psycopg's pool,
    # one pool per process: DATABASE_POOL_MAX x processes must stay below the server's
    # max_connections. A connection waits at most DATABASE_POOL_TIMEOUT seconds for the
    # pool before the request fails.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # With a pool, this checks each connection as it leaves the pool: after a database
    # restart the pool's connections are broken, and the first request on each would
    # fail (a leader's action lost). The check is one round trip on this network.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": envint("DATABASE_POOL_MIN", 2),
        "max_size": envint("DATABASE_POOL_MAX", 20),
        "timeout": envint("DATABASE_POOL_TIMEOUT", 10),
        "max_idle": 300,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The channel layer carries every room state from the process where it changed to every
# process with a participant of that room. In-memory by default (one process only); with
# REDIS_URL the Redis pub/sub layer, which several processes on several machines share.
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    # Room states hold names and case labels, so what crosses Redis is encrypted (Fernet,
    # with keys of its own; the first encrypts, all decrypt, for rotation). Without
    # CHANNEL_LAYER_KEYS a key is derived from SECRET_KEY, so encryption is never off.
    _layer_keys = envlist("CHANNEL_LAYER_KEYS") or [
        hmac.new(SECRET_KEY.encode(), b"balintroom.channel-layer", hashlib.sha256).hexdigest()
    ]
    CHANNEL_LAYERS = {
        "default": {
            # channels_redis's pub/sub layer, publishing a moment's messages together.
            "BACKEND": "balintroom.core.layers.RedisPubSubChannelLayer",
            "CONFIG": {
                # redis-py caps an asyncio pool at 100 connections unless told otherwise;
                # a busy process can want more than that at once.
                "hosts": [{
                    "address": REDIS_URL,
                    "max_connections": envint("REDIS_MAX_CONNECTIONS", 1000),
                    "socket_keepalive": True,
                    "health_check_interval": 15,
                }],
                # Pub/sub channels are global to a Redis server (database numbers do not
                # separate them): each installation sharing one Redis needs its own prefix.
                "prefix": envstr("CHANNEL_LAYER_PREFIX", "balintroom"),
                "symmetric_encryption_keys": _layer_keys,
            },
        }
    }
else:
    # Channels' in-memory layer, with its expiry sweep run once a second instead of on
    # every message (see balintroom/core/layers.py).
    # The process's one room channel (live/hub.py, prefix "hub") carries every room's
    # states: room for a burst of all of them at once.
    CHANNEL_LAYERS = {"default": {"BACKEND": "balintroom.core.layers.InMemoryChannelLayer",
                                  "CONFIG": {"channel_capacity": {"hub*": 100_000}}}}

# The cache holds the sign-in rate limits (allauth): every server process must count the
# same attempts, so it is shared - Redis when there is one, else a table in the database
# (made by `migrate`). A cache of each process's own would let several processes multiply
# the limits.
CACHE_TABLE = "balintroom_cache"
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
         "KEY_PREFIX": envstr("CHANNEL_LAYER_PREFIX", "balintroom")}
        if REDIS_URL else
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = envstr("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Balint Room] "
ACCOUNT_SIGNUP_REDIRECT_URL = "profile"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "balintroom.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    name: f"balintroom.accounts.forms.{form}" for name, form in (
        ("login", "LoginForm"), ("signup", "SignupForm"), ("add_email", "AddEmailForm"),
        ("change_password", "ChangePasswordForm"), ("set_password", "SetPasswordForm"),
        ("reset_password", "ResetPasswordForm"),
        ("reset_password_from_key", "ResetPasswordKeyForm"),
    )
}
if envbool("DISABLE_RATE_LIMITS"):  # for load tests only; allauth's limits stay on otherwise
    ACCOUNT_RATE_LIMITS = False
# How long a sign-in lasts (accounts/middleware.SessionTimeoutMiddleware): signed out after
# this long without opening a page, and in any case this long after signing in; "Keep me
# signed in on this device" lasts SESSION_REMEMBER_DAYS (0: the box is not offered).
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 120)
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 12)
SESSION_REMEMBER_DAYS = envint("SESSION_REMEMBER_DAYS", 14)
SESSION_COOKIE_AGE = max(SESSION_REMEMBER_DAYS * 86400, SESSION_MAX_HOURS * 3600)
if not SESSION_REMEMBER_DAYS:
    ACCOUNT_SESSION_REMEMBER = False
# Two-factor sign-in (allauth's MFA): an authenticator app (TOTP), a security key or
# passkey (WebAuthn), and recovery codes. Leaders, co-leaders, coordinators and staff must
# set one up before they go on (front/middleware.py) unless TWO_FACTOR_REQUIRED is off;
# members may. Off by default only in development, where the demo's leader would
# otherwise need an authenticator app first.
TWO_FACTOR_REQUIRED = envbool("TWO_FACTOR_REQUIRED", not DEBUG)
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Balint Room"
# Its secrets encrypted with FIELD_ENCRYPTION_KEYS (front/mfa.py).
MFA_ADAPTER = "balintroom.front.mfa.MFAAdapter"
MFA_PASSKEY_LOGIN_ENABLED = False
# A security key on http://127.0.0.1 during development; browsers require https otherwise.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG or bool(
    re.match(r"http://(127\.0\.0\.1|localhost)(:\d+)?$", SITE_URL))
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if envstr("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = envstr("EMAIL_HOST")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Balint Room <noreply@localhost>")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German")), ("el", _("Greek")),
             ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(PROJECT_DIR / "staticfiles")))
# Collected, hashed and compressed files when `collectstatic` has run (production);
# otherwise straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEBUG or not (STATIC_ROOT / "staticfiles.json").is_file()
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not WHITENOISE_USE_FINDERS
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Security. In production (DEBUG off, an https SITE_URL) cookies are secure, plain http is
# redirected to https and browsers are told to use https only (HSTS) - what
# `balintroom check --deploy` asks for. Behind a reverse proxy that terminates TLS, set
# BEHIND_PROXY=1: the proxy's X-Forwarded-Proto then tells Django the request was https.
_HTTPS_SITE = not DEBUG and SITE_URL.startswith("https://")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", _HTTPS_SITE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", _HTTPS_SITE)
# The health check answers on plain http too, for the supervisor and the proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY") else None
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if _HTTPS_SITE else 0)
# Both bind every subdomain of the site's domain to https; the operator decides.
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Left off, they are the operator's decision (README), not an oversight for `check --deploy`
# to warn of on every deploy.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Groups and the live room
INVITATION_DAYS = envint("INVITATION_DAYS", 14)
PRESENCE_GRACE_SECONDS = envint("PRESENCE_GRACE_SECONDS", 30)
PRESENCE_STALE_SECONDS = envint("PRESENCE_STALE_SECONDS", 75)
WS_MAX_MESSAGE_BYTES = 4096

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        # Request bodies can hold case-related text; Django's request logger never logs
        # bodies, and we keep it that way by logging no request data of our own.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Case material
# Private notes are encrypted with these Fernet keys, newest first (comma- or
# line-separated; FIELD_ENCRYPTION_KEYS_FILE reads them from a file). They are kept apart
# from SECRET_KEY and from the database, so that a leaked backup reveals no case text.
# Without keys, development (DEBUG) makes one in DATA_DIR on first use; production refuses.
FIELD_ENCRYPTION_KEYS = envstr("FIELD_ENCRYPTION_KEYS").replace(",", " ").split()
FIELD_ENCRYPTION_DEV_KEY_FILE = DATA_DIR / "field-encryption-dev.key"
CASE_RETENTION_DAYS = envint("CASE_RETENTION_DAYS", 30)
# The audit log of security events (sign-ins, roles, certificates, exports) is kept this
# long, then removed by `balintroom purge_expired` (two years: what most data-protection
# officers ask of security logs; set it to your institution's rule).
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", 730)


# Production refuses to start on the examples' placeholders or the development key: a
# forgotten edit of the env file would otherwise run with a key anyone can read in this
# repository, and `check --deploy` does not notice it.
PLACEHOLDER = "change-me"


def _is_placeholder(value: str) -> bool:
    return PLACEHOLDER in value.lower()


def _production_problems() -> list[str]:
    problems = []
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or _is_placeholder(SECRET_KEY):
        problems.append("SECRET_KEY is the example's placeholder or the development key; "
                        f"make one with: {MAKE_TOKEN}")
    # channels_redis turns each key into a Fernet key by hashing it: all the entropy is in
    # what is given here, so a short key is hardly better than none.
    if any(_is_placeholder(key) or len(key) < 16 for key in envlist("CHANNEL_LAYER_KEYS")):
        problems.append("CHANNEL_LAYER_KEYS holds a placeholder or a key shorter than 16 "
                        f"characters; make one with: {MAKE_TOKEN} (or leave it unset: a "
                        "key is then derived from SECRET_KEY)")
    # Unset, the keys are asked for where notes are first used (cases/crypto.py); set to
    # nothing, the env file's line was emptied and not filled in.
    if not FIELD_ENCRYPTION_KEYS and ({"FIELD_ENCRYPTION_KEYS", "FIELD_ENCRYPTION_KEYS_FILE"}
                                      & os.environ.keys()):
        problems.append("FIELD_ENCRYPTION_KEYS is set but empty; make a key with: "
                        f"{MAKE_FERNET_KEY}")
    for position, key in enumerate(FIELD_ENCRYPTION_KEYS, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            # The key itself stays out of the message: error pages and logs keep it.
            what = "the example's placeholder" if _is_placeholder(key) else "not a Fernet key"
            problems.append(f"FIELD_ENCRYPTION_KEYS: key number {position} is {what} (a key "
                            f"is 32 url-safe base64-encoded bytes); make one with: "
                            f"{MAKE_FERNET_KEY}")
    for name in ("DATABASE_URL", "EMAIL_HOST_PASSWORD"):
        if _is_placeholder(envstr(name)):
            problems.append(f"{name} still holds the example's placeholder password "
                            f"({PLACEHOLDER}...)")
    return problems


if not DEBUG and (_problems := _production_problems()):
    raise ImproperlyConfigured(
        "With DEBUG off, these must be real values:\n  " + "\n  ".join(_problems)
    )
