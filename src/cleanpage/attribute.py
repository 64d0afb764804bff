"""Stage: attribution — wire credits, contributor lines, bylines and agency copyrights as data.

Credit patterns live in ``rules/agencies.toml`` and are anchored to credit *shapes* (a whole block,
or the start of the first paragraph for datelines), so "Reuters reported on Tuesday…" is prose,
not a credit. Standalone credit, contributor, byline and copyright blocks leave the body; a dateline
stays in its paragraph (the body is the page's own words) and is recorded beside it.
"""

from __future__ import annotations

from cleanpage.labels import Label, Labelled
from cleanpage.result import Attribution, AttributionKind
from cleanpage.rules import Rules

__all__ = ["attribute"]

_STANDALONE = ("credit", "contributor", "copyright", "byline")


def attribute(labelled: tuple[Labelled, ...], rules: Rules) -> tuple[tuple[Labelled, ...], tuple[Attribution, ...]]:
    """Relabel credit blocks and collect the attribution, in page order, without duplicates."""
    out: list[Labelled] = []
    found: list[Attribution] = []
    seen: set[tuple[str | None, str, str]] = set()

    def record(agency: str | None, text: str, kind: str) -> None:
        key = (agency, text, kind)
        if key not in seen:
            seen.add(key)
            found.append(Attribution(agency=agency, text=text, kind=AttributionKind(kind)))

    first_body = True
    for item in labelled:
        block = item.block
        if item.label in (Label.BODY, Label.ATTRIBUTION, Label.META) and len(block.text) <= 400:
            hit = rules.match_credit(block.text, _STANDALONE)
            if hit is not None:
                pattern, _match, agency = hit
                if pattern.kind == "copyright" and agency is None:
                    # a site's own copyright footer is furniture, not a credit
                    out.append(Labelled(block=block, label=Label.BOILERPLATE, reason="copyright-footer"))
                    continue
                if agency is not None or pattern.kind in ("contributor", "byline"):
                    record(agency.name if agency else None, block.text, pattern.kind)
                    out.append(Labelled(block=block, label=Label.ATTRIBUTION, reason=pattern.name))
                    continue
            if item.label is Label.ATTRIBUTION:
                # pre-labelled by a credit shape that did not resolve: keep the words in the body
                item = Labelled(block=block, label=Label.BODY)
        if item.label is Label.BODY and first_body:
            first_body = False
            hit = rules.match_credit(block.text, ("dateline",))
            if hit is not None and hit[2] is not None:
                record(hit[2].name, hit[1].group(0).strip(), "dateline")
        out.append(item)
    return tuple(out), tuple(found)
