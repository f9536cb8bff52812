"""axe-core in a Playwright page: the accessibility findings of what the page shows now.

    findings = axe_findings(page)            # critical and serious WCAG 2.1 AA violations
    assert not findings, axe_report(findings, where="room, leader, 390 px, de")

    axe_preload(context)                     # optional: axe in each page the context opens

axe-core is vendored (tests/support/vendor/axe-core/, see its README): a test tool, never
served by the app, and never downloaded while the tests run.

The site sends `script-src 'self'` with no inline scripts, so axe cannot come in as a
<script> element (page.add_script_tag(content=...) is blocked, and there is nothing to
point a src at). It is evaluated instead through the DevTools protocol (page.evaluate),
which the page's policy does not govern: the page is checked as a visitor gets it, with
its policy in force, in any context - also one a test opened for other reasons, mid-round.
A context with bypass_csp=True would let the <script> in, but it turns the policy off for
the whole page: code the policy blocks for a visitor would run, and the check could pass
on a page that visitors get broken; and a test would need a context made for the check."""

from pathlib import Path
from typing import Any

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA: what the tags of axe's rules name.
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

# Runs in the page: axe's violations, each cut down to what a failing test should say.
_RUN = """
async ({tags}) => {
  const options = {resultTypes: ["violations"]};
  if (tags) options.runOnly = {type: "tag", values: tags};
  const results = await axe.run(document, options);
  return results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "),
      impact: n.impact,
      summary: n.failureSummary || "",
      html: n.html,
    })),
  }));
}
"""

_source: str | None = None


def _axe_source() -> str:
    global _source
    if _source is None:
        _source = AXE_SCRIPT.read_text(encoding="utf-8")
    return _source


def axe_inject(page: Any) -> None:
    """Load axe into the page's main frame, once per document (a navigation forgets it)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())


def axe_preload(context: Any) -> None:
    """Have axe in every document the context opens from now on, before the page's own
    scripts (an init script: also outside the page's policy). A context made for the check
    saves a third of each check's time - the script is sent to the browser once, not with
    every page; a context that tests behaviour should rather not carry it."""
    context.add_init_script(script=_axe_source())


def axe_findings(page: Any, *, impacts: tuple[str, ...] = ("critical", "serious"),
                 tags: tuple[str, ...] | None = WCAG_21_AA) -> list[dict[str, Any]]:
    """axe's violations on the page as it is now, of the rules with these tags (None: all
    of axe's rules, best practices too) and of these impacts: each a dict with id, impact,
    help, helpUrl and nodes (target selector, impact, summary, html), in axe's order."""
    axe_inject(page)
    violations: list[dict[str, Any]] = page.evaluate(
        _RUN, {"tags": list(tags) if tags is not None else None})
    found = []
    for violation in violations:
        nodes = [node for node in violation["nodes"]
                 if (node["impact"] or violation["impact"]) in impacts]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def axe_report(findings: list[dict[str, Any]], *, where: str = "") -> str:
    """The findings as an assertion message: one paragraph per rule, one line per element."""
    lines = [f"{len(findings)} accessibility rule(s) violated{' on ' + where if where else ''}:"]
    for finding in findings:
        lines.append(f"- {finding['id']} ({finding['impact']}): {finding['help']}"
                     f" <{finding['helpUrl']}>")
        for node in finding["nodes"][:10]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary[:300]}")
        if len(finding["nodes"]) > 10:
            lines.append(f"    ... and {len(finding['nodes']) - 10} more")
    return "\n".join(lines)
