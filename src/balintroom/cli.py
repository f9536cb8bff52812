"""The `balintroom` command: `serve`, `demo`, and every Django management command."""

import argparse
import os
import sys


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
    import django

    django.setup()


def _env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="balintroom serve", description="Serve Balint Room.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "1")),
                        help="processes; more than one needs REDIS_URL (a shared channel layer)")
    parser.add_argument("--no-banner", action="store_true")
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings

    if args.workers > 1 and not settings.REDIS_URL:
        print("More than one process needs REDIS_URL: the in-memory channel layer "
              "lives inside one process.", file=sys.stderr)
        return 2
    if not args.no_banner:
        url = f"http://{args.host}:{args.port}/"
        print(f"\n  Balint Room is running on {url}\n"
              f"  Sign up there (the verification email is printed in this console),\n"
              f"  or in a second terminal run:  .venv/bin/balintroom demo\n"
              f"  for a demo group with six accounts and a meeting that starts now.\n"
              f"  Stop with Ctrl+C.\n", flush=True)
    import uvicorn

    log_level = os.environ.get("LOG_LEVEL", "info").lower()
    uvicorn.run(
        "balintroom.asgi:application", host=args.host, port=args.port,
        # Several processes share the listening socket; uvicorn restarts one that dies.
        workers=args.workers if args.workers > 1 else None,
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
        log_level=log_level,
        lifespan="off",
    )
    return 0


def demo(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="balintroom demo",
                                     description="Create a demo group and a meeting starting now.")
    parser.add_argument("--base-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--tag", default="", help="make the demo accounts' addresses unique")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--format", default="double_hour",
                        help="the meeting's format: classic, double_hour, block_day, leadership")
    args = parser.parse_args(argv)
    _django_setup()
    from balintroom.core.demo import demo_create

    result = demo_create(tag=args.tag, format_key=args.format)
    base = args.base_url.rstrip("/")
    if args.json:
        import json

        print(json.dumps({
            "group": result.group.pk, "meeting": result.meeting.pk,
            "display_token": result.display_token,
            "accounts": [{"role": r, "email": e, "password": p} for r, e, p in result.accounts],
        }))
        return 0
    print(f"Demo group \u201c{result.group.name}\u201d with a meeting that starts now.")
    print(f"Room:          {base}/m/{result.meeting.pk}/room/")
    print(f"Room display:  {base}/m/{result.meeting.pk}/display/{result.display_token}/")
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
    parser.add_argument("--language", choices=["en", "de"], default=None,
                        help="the text's language (default: check for both)")
    args = parser.parse_args(argv)
    import json

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
    if argv and argv[0] == "check-identifiers":
        return check_identifiers(argv[1:])
    if argv and argv[0] == "serve":
        return serve(argv[1:])
    if argv and argv[0] == "demo":
        return demo(argv[1:])
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: balintroom serve [--host H] [--port P] | demo | check-identifiers"
              " | <django command> ...")
        if not argv:
            return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["balintroom", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
