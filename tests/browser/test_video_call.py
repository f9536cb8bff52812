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


def test_the_presenter_sits_back_in_the_call_while_the_group_explores(
        browser: Any, video_server: Server, jitsi: str) -> None:
    server = video_server
    demo = server.demo("video")
    server.command("shell", "-c", (
        "from balintroom.groups.models import Meeting; "
        f"m = Meeting.objects.get(pk={demo['meeting']}); "
        "m.setting = 'online'; m.save(); "
        "m.group.video_embedded = True; m.group.save()"))
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    room_url = f"{server.url}/m/{demo['meeting']}/room/"
    pages: dict[str, Any] = {}
    for name in ("leader", "anna", "ben"):
        page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
        log_in(page, server, accounts[name]["email"], accounts[name]["password"])
        response = page.goto(room_url)
        assert response is not None
        headers = response.headers
        policy = headers["content-security-policy"]
        assert f"script-src 'self' {jitsi}" in policy and f"frame-src {jitsi}" in policy
        assert headers["permissions-policy"].startswith(f'camera=("{jitsi}"), microphone=')
        page.wait_for_selector("#connection[data-state=open]")
        pages[name] = page
    leader, anna, ben = pages["leader"], pages["anna"], pages["ben"]
    assert anna.evaluate("window.__jitsi.name") == "Anna"
    rooms = {page.evaluate("window.__jitsi.room") for page in pages.values()}
    assert len(rooms) == 1 and str(demo["meeting"]) not in rooms.pop()
    # Anna agrees, for when she presents; Ben does not.
    anna.check("#video-sit-back")

    steer(leader, "ask_for_cases")
    anna.wait_for_selector("#cases:not([hidden])")
    anna.fill("#volunteer-label", "a night call")
    anna.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    for key in ("clarifying_questions", "group_exploration"):
        steer(leader, "advance")
        anna.wait_for_selector(f"#stage[data-phase={key}]")
    anna.wait_for_function("window.__jitsi.calls.includes('toggleAudio')")
    assert [c for c in calls(anna) if c.startswith("toggle")] == ["toggleVideo", "toggleAudio"]
    assert calls(anna)[:2] == ["isVideoMuted", "isAudioMuted"]  # read before toggling

    steer(leader, "advance")
    anna.wait_for_selector("#stage[data-phase=presenter_returns]")
    anna.wait_for_function(
        "window.__jitsi.calls.filter((c) => c.startsWith('toggle')).length === 4")
    assert [c for c in calls(anna) if c.startswith("toggle")] == [
        "toggleVideo", "toggleAudio", "toggleVideo", "toggleAudio"]
    # Nobody else's call was touched.
    assert not [c for c in calls(ben) + calls(leader) if c.startswith("toggle")]


def test_a_presenter_who_did_not_agree_keeps_her_camera(browser: Any, video_server: Server,
                                                        jitsi: str) -> None:
    server = video_server
    demo = server.demo("video2")
    server.command("shell", "-c", (
        "from balintroom.groups.models import Meeting; "
        f"m = Meeting.objects.get(pk={demo['meeting']}); "
        "m.setting = 'online'; m.save(); "
        "m.group.video_embedded = True; m.group.save()"))
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    room_url = f"{server.url}/m/{demo['meeting']}/room/"
    leader = browser.new_context().new_page()
    anna = browser.new_context().new_page()
    for page, name in ((leader, "leader"), (anna, "anna")):
        log_in(page, server, accounts[name]["email"], accounts[name]["password"])
        page.goto(room_url)
        page.wait_for_selector("#connection[data-state=open]")
    steer(leader, "ask_for_cases")
    anna.wait_for_selector("#cases:not([hidden])")
    anna.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    for key in ("clarifying_questions", "group_exploration"):
        steer(leader, "advance")
        anna.wait_for_selector(f"#stage[data-phase={key}]")
    anna.wait_for_timeout(500)
    assert not [c for c in calls(anna) if c.startswith("toggle")]
