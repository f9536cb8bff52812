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
