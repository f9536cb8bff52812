"""An online group in the installation's own video call, inside the room: the page lets in
that one origin (its script and its frame; camera and microphone delegated to it, and to
nothing else), and the presenter who agreed sits back while the group explores her case -
her camera and microphone off when Group exploration begins, back for Presenter returns.
Jitsi's external API is a local stand-in here, which records the calls it receives."""

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import log_in, steer
from tests.support.server import Server
from tests.support.smtp import free_port

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Jitsi's commands toggle; its getters answer promises (as the real iframe API does).
STAND_IN = b"""
window.JitsiMeetExternalAPI = class {
  constructor(domain, options) {
    this.muted = { video: false, audio: false };
    window.__jitsi = { domain, room: options.roomName, name: options.userInfo.displayName,
                       calls: [] };
    const frame = document.createElement("iframe");
    frame.title = "video";
    options.parentNode.append(frame);
  }
  isVideoMuted() {
    window.__jitsi.calls.push("isVideoMuted");
    return Promise.resolve(this.muted.video);
  }
  isAudioMuted() {
    window.__jitsi.calls.push("isAudioMuted");
    return Promise.resolve(this.muted.audio);
  }
  executeCommand(name) {
    window.__jitsi.calls.push(name);
    if (name === "toggleVideo") this.muted.video = !this.muted.video;
    if (name === "toggleAudio") this.muted.audio = !this.muted.audio;
  }
};
"""


class _StandIn(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if self.path != "/external_api.js":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript")
        self.end_headers()
        self.wfile.write(STAND_IN)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def jitsi() -> Iterator[str]:
    port = free_port()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), _StandIn)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()


@pytest.fixture
def video_server(tmp_path: Path, jitsi: str) -> Iterator[Server]:
    server = Server(data_dir=tmp_path / "server", extra_env={"JITSI_URL": jitsi})
    server.command("migrate", "--noinput", "-v0")
    server.start()
    yield server
    server.stop()


def calls(page: Any) -> list[str]:
    return list(page.evaluate("window.__jitsi ? window.__jitsi.calls : null") or [])


def toggles(page: Any) -> list[str]:
    return [call for call in calls(page) if call.startswith("toggle")]


def online_demo(server: Server, tag: str) -> dict[str, Any]:
    """A demo group whose meeting is online, in the installation's call."""
    demo = server.demo(tag)
    server.command("shell", "-c", (
        "from balintroom.groups.models import Meeting; "
        f"m = Meeting.objects.get(pk={demo['meeting']}); "
        "m.setting = 'online'; m.save(); "
        "m.group.video_embedded = True; m.group.save()"))
    return demo


def open_room(browser: Any, server: Server, demo: dict[str, Any], name: str) -> tuple[Any, Any]:
    """Her room page and the response that brought it."""
    account = next(a for a in demo["accounts"] if a["email"].startswith(f"{name}-"))
    page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    log_in(page, server, account["email"], account["password"])
    response = page.goto(f"{server.url}/m/{demo['meeting']}/room/")
    page.wait_for_selector("#connection[data-state=open]")
    return page, response


def to_group_exploration(leader: Any, presenter: Any) -> None:
    steer(leader, "ask_for_cases")
    presenter.wait_for_selector("#cases:not([hidden])")
    presenter.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    for key in ("clarifying_questions", "group_exploration"):
        steer(leader, "advance")
        presenter.wait_for_selector(f"#stage[data-phase={key}]")


def test_the_presenter_sits_back_in_the_call_while_the_group_explores(
        browser: Any, video_server: Server, jitsi: str) -> None:
    demo = online_demo(video_server, "video")
    pages = {}
    for name in ("leader", "anna", "ben"):
        page, response = open_room(browser, video_server, demo, name)
        policy = response.headers["content-security-policy"]
        assert f"script-src 'self' {jitsi};" in policy and f"frame-src {jitsi};" in policy
        assert response.headers["permissions-policy"].startswith(
            f'camera=("{jitsi}"), microphone=')
        pages[name] = page
    leader, anna, ben = pages["leader"], pages["anna"], pages["ben"]
    assert anna.evaluate("window.__jitsi.name") == "Anna"
    rooms = {page.evaluate("window.__jitsi.room") for page in pages.values()}
    assert len(rooms) == 1 and str(demo["meeting"]) not in rooms.pop()
    anna.check("#video-sit-back")  # Anna agrees, for when she presents; Ben does not

    to_group_exploration(leader, anna)
    anna.wait_for_function("window.__jitsi.calls.includes('toggleAudio')")
    assert toggles(anna) == ["toggleVideo", "toggleAudio"]
    assert calls(anna)[:2] == ["isVideoMuted", "isAudioMuted"]  # read before toggling

    steer(leader, "advance")
    anna.wait_for_selector("#stage[data-phase=presenter_returns]")
    anna.wait_for_function(
        "window.__jitsi.calls.filter((c) => c.startsWith('toggle')).length === 4")
    assert toggles(anna) == ["toggleVideo", "toggleAudio", "toggleVideo", "toggleAudio"]
    assert toggles(ben) == [] and toggles(leader) == []  # nobody else's call touched


def test_a_presenter_who_did_not_agree_keeps_her_camera(browser: Any, video_server: Server,
                                                        jitsi: str) -> None:
    demo = online_demo(video_server, "video2")
    leader, _response = open_room(browser, video_server, demo, "leader")
    anna, _response = open_room(browser, video_server, demo, "anna")
    to_group_exploration(leader, anna)
    anna.wait_for_timeout(500)
    assert toggles(anna) == []
