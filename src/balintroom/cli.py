"""The `balintroom` command: `serve`, `demo`, `check-identifiers`, and every Django
management command."""

import argparse
import contextlib
import errno
import json
import os
import socket
import sys
from pathlib import Path

# Printed without any configuration: a newcomer asks for help before making one.
USAGE = """\
usage: balintroom <command> [options]

Balint Room's own commands:
  serve [--host H] [--port P] [--workers N]  the ASGI server (uvicorn)
  demo [--format F] [--tag T] [--json]       a demo group and a meeting that starts now
  check-identifiers [--language en|de]       what in stdin may identify a patient,
                                             as JSON lines
  send-reminders                             the e-mails due: reminders, schedule
                                             changes (run it every few minutes)

Every Django management command works too: migrate, createsuperuser, check --deploy,
collectstatic, ... (`balintroom help --commands` lists them all).

`balintroom <command> --help` describes one command. Configuration comes from the
environment or from .env (see .env.example): DEBUG=1 for development, or SECRET_KEY.
"""


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
    import django

    django.setup()


def _env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def _port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None. Tried before the banner, so
    that a port in use is said plainly instead of after a banner that says it runs."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as exc:
        return f"Cannot listen on {host}: {exc.strerror}."
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a server just stopped is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"Port {port} on {host} is in use ({exc.strerror}); set PORT={port + 1} "
                        f"(or --port {port + 1}) to use another.")
            return f"Cannot listen on {host}:{port}: {exc.strerror}."
    return None


def _browser_host(host: str) -> str:
    """A host a browser can open for a server listening on `host`."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def _dev_server_record(path: Path, url: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole, then renamed: a demo started at the same moment never reads half.
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps({"url": url, "pid": os.getpid()}))
    partial.replace(path)


def _dev_server_forget(path: Path) -> None:
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if json.loads(path.read_text())["pid"] == os.getpid():
            path.unlink()


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="balintroom serve", description="Serve Balint Room.")
    parser.add_argument("--host", help="default: HOST, or 127.0.0.1")
    parser.add_argument("--port", type=int, help="default: PORT, or 8000")
    parser.add_argument("--workers", type=int,
                        help="processes (default: WEB_CONCURRENCY, or 1); more than one "
                             "needs REDIS_URL (a shared channel layer)")
    parser.add_argument("--no-banner", action="store_true")
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings

    # Read after the set-up, which has read .env into the environment.
    host: str = args.host or os.environ.get("HOST", "127.0.0.1")
    port: int = args.port if args.port is not None else int(os.environ.get("PORT", "8000"))
    workers: int = args.workers or int(os.environ.get("WEB_CONCURRENCY", "1"))
    if workers > 1 and not settings.REDIS_URL:
        print("More than one process needs REDIS_URL: the in-memory channel layer "
              "lives inside one process.", file=sys.stderr)
        return 2
    problem = _port_problem(host, port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    url = f"http://{_browser_host(host)}:{port}"
    recorded = settings.DEBUG and not settings.SITE_URL_CONFIGURED
    if recorded:
        # In development the site's address is where this server runs: links in emails
        # here, and (through the record) the demo's and certificates' in other terminals.
        settings.SITE_URL = url
        os.environ["SITE_URL"] = url  # worker processes read the settings afresh
        _dev_server_record(Path(settings.DEV_SERVER_FILE), url)
    if not args.no_banner:
        print(f"\n  Balint Room is running on {url}/\n"
              f"  Sign up there (the verification email is printed in this console),\n"
              f"  or in a second terminal run:  .venv/bin/balintroom demo\n"
              f"  for a demo group with six accounts and a meeting that starts now.\n"
              f"  Stop with Ctrl+C.\n", flush=True)
    try:
        _run_uvicorn(host, port, workers)
    finally:
        if recorded:
            _dev_server_forget(Path(settings.DEV_SERVER_FILE))
    return 0


def _run_uvicorn(host: str, port: int, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "balintroom.asgi:application", host=host, port=port,
        # Several processes share the listening socket; uvicorn restarts one that dies.
        workers=workers if workers > 1 else None,
        # Behind a reverse proxy on this machine, take the client's address and scheme
        # from X-Forwarded-For and X-Forwarded-Proto, from these addresses only.
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ws_max_size=64 * 1024,
        # Compressing each room state once per socket costs CPU, and the compressor's
        # state costs memory for every open socket; states are small. Off unless asked.
        ws_per_message_deflate=_env_bool("WS_PER_MESSAGE_DEFLATE", False),
        backlog=int(os.environ.get("BACKLOG", "2048")),
        # On SIGTERM, open sockets are closed (1012, "service restart") and the room's
        # pages reconnect, to another process if there is one.
        timeout_graceful_shutdown=int(os.environ.get("GRACEFUL_SHUTDOWN_SECONDS", "10")),
        log_level=os.environ.get("LOG_LEVEL", "info").lower(),
        lifespan="on",
    )


def demo(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="balintroom demo",
                                     description="Create a demo group and a meeting starting now.")
    from balintroom.method.agenda import MEETING_FORMATS  # plain Python: no set-up needed

    parser.add_argument("--base-url",
                        help="the address in the links (default: SITE_URL; in development "
                             "where `balintroom serve` runs)")
    parser.add_argument("--tag", default="", help="make the demo accounts' addresses unique")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--format", default="double_hour", choices=list(MEETING_FORMATS),
                        help="the meeting's format (default: double_hour)")
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings

    from balintroom.front.demo import demo_create

    result = demo_create(tag=args.tag, format_key=args.format)
    base = (args.base_url or settings.SITE_URL).rstrip("/")
    if args.json:
        print(json.dumps({
            "group": result.group.pk, "meeting": result.meeting.pk,
            "display_token": result.display_token,
            "accounts": [{"role": r, "email": e, "password": p} for r, e, p in result.accounts],
        }))
        return 0
    print(f"Demo group \u201c{result.group.name}\u201d with a meeting that starts now.")
    print(f"Room:          {base}/m/{result.meeting.pk}/room/")
    print(f"Room display:  {base}/m/{result.meeting.pk}/display/#{result.display_token}")
    print("Accounts (open each in its own browser window or private window):")
    for role, email, password in result.accounts:
        print(f"  {role:<10} {email:<32} {password}")
    return 0


def check_identifiers(argv: list[str]) -> int:
    """Print what in standard input may identify a patient: one JSON object per line."""
    parser = argparse.ArgumentParser(
        prog="balintroom check-identifiers",
        description="Read text (UTF-8) from standard input and print each possible identifier "
                    "as a JSON line {category, start, end, text}; offsets are character "
                    "positions in the input. Offline, no Django setup.")
    parser.add_argument("--language", choices=["en", "de", "fr", "el"], default=None,
                        help="the text's language (default: check for all of them)")
    args = parser.parse_args(argv)
    from balintroom.deid.identifiers import find_identifiers

    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        print(f"balintroom check-identifiers: the input is not UTF-8 ({exc})", file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    for finding in find_identifiers(text, args.language):
        line = json.dumps({"category": finding.category, "start": finding.start,
                           "end": finding.end, "text": finding.text}, ensure_ascii=False)
        out.write(line.encode("utf-8") + b"\n")
    out.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        print(USAGE, end="", file=sys.stderr)
        return 2
    if argv[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0
    if argv[0] == "check-identifiers":
        return check_identifiers(argv[1:])  # offline and quick: no Django at all
    from django.core.exceptions import ImproperlyConfigured

    if argv[0] == "send-reminders":
        argv[0] = "send_reminders"  # Django's name for it

    commands = {"serve": serve, "demo": demo}
    try:
        if argv[0] in commands:
            return commands[argv[0]](argv[1:])
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["balintroom", *argv])
    except ImproperlyConfigured as exc:
        # A configuration to fix, said as such: a traceback would bury the message.
        print(f"balintroom: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
