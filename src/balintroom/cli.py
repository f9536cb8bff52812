"""The `balintroom` command: `serve`, `demo`, and every Django management command."""

import argparse
import os
import sys


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
    import django

    django.setup()


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

    uvicorn.run("balintroom.asgi:application", host=args.host, port=args.port,
                workers=args.workers if args.workers > 1 else None,
                proxy_headers=True, forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS",
                                                                        "127.0.0.1"),
                ws_max_size=64 * 1024, log_level=os.environ.get("LOG_LEVEL", "info").lower(),
                lifespan="off")
    return 0


def demo(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="balintroom demo",
                                     description="Create a demo group and a meeting starting now.")
    parser.add_argument("--base-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--tag", default="", help="make the demo accounts' addresses unique")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    _django_setup()
    from balintroom.core.demo import demo_create

    result = demo_create(tag=args.tag)
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "serve":
        return serve(argv[1:])
    if argv and argv[0] == "demo":
        return demo(argv[1:])
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: balintroom serve [--host H] [--port P] | demo | <django command> ...")
        if not argv:
            return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balintroom.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["balintroom", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
