"""The triage builder of lesson 04: tick findings, see the tier and the red flag that decides it.

Everything clinical comes from data/red_flags.yaml. Python works out, once, each finding's
tier, rank and sources (triage_rules); the live widget and the site's script then only take
the ticked finding with the lowest rank number (rank 1 is the most urgent). The site's script
reads ranks from data attributes and shows reasons that are already rendered here.
"""

from dataclasses import dataclass

import ipywidgets as widgets

from ..citations import cite_list, label
from ..loader import workbook
from ..presenter import is_presenting
from ..render import escape
from .display_bundle import show_bundle, stylesheet

NOTHING_TICKED = "Nothing ticked yet: tick every finding the person has."


@dataclass(frozen=True)
class TriageRule:
    id: str
    finding: str
    tier: str
    rank: int
    why: str
    references: tuple[str, ...]


def triage_rules() -> list[TriageRule]:
    """Each rule with its tier's rank, in the order the builder lists them (by finding)."""
    flags = workbook().red_flags
    if flags is None:
        raise KeyError("data/red_flags.yaml is missing")
    rank = {tier.name: tier.rank for tier in flags.tiers}
    rules = [
        TriageRule(r.id, r.finding, r.tier, rank[r.tier], r.why, tuple(r.references))
        for r in flags.rules
    ]
    # Listed by finding, not by tier, so the list does not give the answer away.
    return sorted(rules, key=lambda r: r.finding.casefold())


def most_urgent(rules: list[TriageRule]) -> TriageRule | None:
    """The deciding rule: the lowest rank; among equals, the first in the list."""
    return min(rules, key=lambda r: r.rank, default=None)


def _sources_text(ids) -> str:
    references = workbook().references
    return "; ".join(label(references[ref_id]) for ref_id in ids)


def result_html(rule: TriageRule | None, count: int) -> str:
    if rule is None:
        return f"<p>{NOTHING_TICKED}</p>"
    also = f" ({count} findings ticked; the most urgent decides.)" if count > 1 else ""
    return (
        f"<p><strong>Urgency: {escape(rule.tier)}.</strong>{also}</p>"
        f"<p>Decided by: {escape(rule.finding)}. {escape(rule.why)}</p>"
        f"<p>Sources: {cite_list(rule.references)}.</p>"
    )


def triage_html(rules: list[TriageRule], presenting: bool = False) -> str:
    """Checkboxes carrying each finding's rank and tier, and each finding's reason, rendered."""
    boxes, reasons = [], []
    for rule in rules:
        box_id = f"triage-{rule.id}"
        boxes.append(
            f'<label for="{box_id}"><input type="checkbox" id="{box_id}" value="{rule.id}"'
            f' data-rank="{rule.rank}"> <span>{escape(rule.finding)}</span></label>'
        )
        reasons.append(
            f'<div class="tb-triage-reason" data-rule="{rule.id}">{result_html(rule, 1)}</div>'
        )
    reveal = (
        '<button type="button" class="tb-triage-reveal">Reveal the urgency</button>'
        if presenting
        else ""
    )
    return (
        f'<div class="tb-triage" data-presenting="{str(presenting).lower()}">'
        '<h3 tabindex="-1">Triage builder</h3>'
        "<fieldset><legend>Tick the findings the person has:</legend>"
        f"{''.join(boxes)}</fieldset>{reveal}"
        f'<div class="tb-triage-result" role="status" aria-live="polite">'
        f'<p class="tb-triage-none">{NOTHING_TICKED}</p>'
        f'<p class="tb-triage-count"></p>{"".join(reasons)}</div></div>'
    )


def triage_text(rules: list[TriageRule]) -> str:
    """The rule list as text, most urgent tier first: what the builder computes from."""
    lines = ["Triage builder: the most urgent ticked finding decides the level of care."]
    for rule in sorted(rules, key=lambda r: (r.rank, r.finding.casefold())):
        sources = _sources_text(rule.references)
        lines.append(f"- {rule.finding}: {rule.tier}. {rule.why} (Sources: {sources}.)")
    return "\n".join(lines)


class TriageBuilder:
    """The live builder: one checkbox per finding, the result below in words."""

    def __init__(self, presenting: bool | None = None):
        self.presenting = is_presenting() if presenting is None else presenting
        self.rules = triage_rules()
        self.revealed = False
        self.checkboxes = {
            rule.id: widgets.Checkbox(
                value=False,
                description=rule.finding,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for rule in self.rules
        }
        for box in self.checkboxes.values():
            box.observe(lambda _: self.update(), names="value")
        self.result = widgets.HTML()
        self.reveal_button = widgets.Button(description="Reveal the urgency")
        self.reveal_button.on_click(lambda _: self.reveal())
        self.reveal_button.layout.display = None if self.presenting else "none"
        self.view = widgets.VBox(
            [
                # JupyterLab draws the widget, not the HTML part that carries the styles.
                widgets.HTML(f"<style>{stylesheet()}</style>"),
                widgets.HTML("<h3>Triage builder</h3><p>Tick the findings the person has:</p>"),
                *self.checkboxes.values(),
                self.reveal_button,
                self.result,
            ]
        )
        self.view.add_class("tb-triage-widget")
        self.update()

    def ticked(self) -> list[TriageRule]:
        return [rule for rule in self.rules if self.checkboxes[rule.id].value]

    def decision(self) -> TriageRule | None:
        return most_urgent(self.ticked())

    def reveal(self) -> None:
        self.revealed = True
        self.reveal_button.layout.display = "none"
        self.update()

    def update(self) -> None:
        ticked = self.ticked()
        if self.presenting and not self.revealed and ticked:
            body = f"<p>{len(ticked)} ticked. The urgency is held until it is revealed.</p>"
        else:
            body = result_html(most_urgent(ticked), len(ticked))
        self.result.value = f"<div role='status' class='tb-triage-result'>{body}</div>"


def show_triage() -> None:
    """Show the triage builder in a lesson."""
    presenting, rules = is_presenting(), triage_rules()
    html = triage_html(rules, presenting)
    show_bundle(lambda: TriageBuilder(presenting).view, html, triage_text(rules), walk=True)


def red_flag_table() -> None:
    """The tiers, then every rule under its tier, with sources: the checklist as a table."""
    from ..render import show_html

    flags = workbook().red_flags
    body = []
    for tier in flags.tiers:
        body.append(
            f"<tr><td>{escape(tier.name)}</td><td><em>What this level means:</em> "
            f"{escape(tier.meaning)}</td>"
            f"<td></td><td>{cite_list(tier.references)}</td></tr>"
        )
    for rule in sorted(flags.rules, key=lambda r: [t.name for t in flags.tiers].index(r.tier)):
        body.append(
            f"<tr><td>{escape(rule.tier)}</td><td>{escape(rule.finding)}</td>"
            f"<td>{escape(rule.why)}</td><td>{cite_list(rule.references)}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("Level of care", "Finding", "Why", "Sources")
    )
    markup = (
        f'<div class="tb-table" data-table="red-flags"><table><caption>{escape(flags.title)}'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    plain = "\n".join(f"{r.tier}: {r.finding}" for r in flags.rules)
    show_html(markup, plain)
