from typing import Any

from .server import Server


def log_in(page: Any, server: Server, email: str, password: str) -> None:
    page.goto(f"{server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{server.url}/")


# Records, in each page, when its stage first showed each phase (the page's own clock;
# all pages run in one browser on one machine, so their clocks agree).
PHASE_WATCH = """
window.__phaseSeen = {};
document.addEventListener("DOMContentLoaded", () => {
  const stage = document.getElementById("stage");
  if (!stage) return;
  const note = () => {
    const key = stage.dataset.phase;
    if (!(key in window.__phaseSeen)) window.__phaseSeen[key] = Date.now();
  };
  new MutationObserver(note).observe(stage, {attributes: true, attributeFilter: ["data-phase"]});
  note();
});
"""


def steer(page: Any, action: str, *, timeout: int = 5000) -> float:
    """The leader takes her next step with the dock's main button, once it offers `action`
    (advance, start, next_speaker, end, end_meeting, ask_for_cases); an ending is
    confirmed in the page. Returns the page's clock just before the tap."""
    page.wait_for_selector(f"#primary-button[data-action={action}]:not([hidden])",
                           timeout=timeout)
    started = float(page.evaluate("Date.now()"))
    page.click("#primary-button")
    if action in ("end", "end_meeting"):
        page.click("#confirm-ok")
    return started


def more(page: Any, selector: str) -> None:
    """A control one tap away: open the dock's "More", then tap it."""
    if page.get_attribute("#more-button", "aria-expanded") != "true":
        page.click("#more-button")
    page.click(selector)
