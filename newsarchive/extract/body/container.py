"""Find an article's body in a page tree and write it as text, one paragraph, subhead or list item per line."""

from __future__ import annotations

from lxml import etree

from newsarchive.extract.body.choose import SKIP_IN_OUTPUT, choose_containers
from newsarchive.extract.body.lead import article_heading, find_lead
from newsarchive.extract.body.scoring import weight
from newsarchive.extract.body.scripted import script_texts, scripted_body
from newsarchive.extract.boilerplate.bodylines import drop_furniture_lines
from newsarchive.extract.boilerplate.junk import drop, remove_junk
from newsarchive.extract.boilerplate.teasers import cut_teasers
from newsarchive.extract.document.tree import BLOCK_TAGS, ancestors, css, squash, text_of

_SCRIPTED_BELOW = 200


# A table row is one line: its cells are parts of it, as a reader reads a row.
_CELLS = frozenset(["td", "th"])


def lines_of(containers, headline: str = "", laid_out: set[str] | None = None) -> list[str]:
    """Text of the containers in reading order: one line per block element; all-link lines are dropped.

    `laid_out`, when given, collects the lines the author laid out: rows of a table and the lines of a
    paragraph broken by <br> (spec sheets, addresses, verse), which are text however short they are.
    """
    writer = _LineWriter()
    for container in containers:
        writer.write(container)
    lines = writer.lines
    if headline:
        lines = [line for line in lines if line != headline]
    if laid_out is not None:
        laid_out.update(writer.laid_out)
    return lines


class _LineWriter:
    """Writes containers' text as lines: a block element's start and end end a line, as does an <h1>'s end.

    The line being written keeps count of its characters inside links, so that a line all of links (a list of
    other stories, a tag row) can be left out when it ends. A table's cells do not end a line, its rows do.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.laid_out: set[str] = set()
        self._parts: list[str] = []
        self._link_chars = 0
        self._link_depth = 0
        self._tables = 0
        self._broken = 0  # open paragraphs broken into lines by <br>

    def write(self, container) -> None:
        self._link_depth = self._tables = self._broken = 0
        for event, el in etree.iterwalk(container, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                self._start(el, tag)
            else:
                self._end(el, tag, el is container)
        self._flush()

    def _start(self, el, tag: str) -> None:
        if tag in SKIP_IN_OUTPUT or not tag:
            return  # an <h1>'s own text is the headline, a non-element node's is no text; neither is body
        if tag in _CELLS:
            self._parts.append(" ")
        elif tag in BLOCK_TAGS:
            self._flush()
        if tag == "a":
            self._link_depth += 1
        elif tag == "table":
            self._tables += 1
        elif tag == "p" and el.find(".//br") is not None:
            self._broken += 1
        if el.text:
            self._add(el.text)

    def _end(self, el, tag: str, is_container: bool) -> None:
        if tag == "a":
            self._link_depth -= 1
        if tag in _CELLS:
            self._parts.append(" ")
        elif tag in BLOCK_TAGS or tag in SKIP_IN_OUTPUT:
            self._flush()
        if tag == "table":
            self._tables -= 1
        elif tag == "p" and self._broken and el.find(".//br") is not None:
            self._broken -= 1
        if not is_container and el.tail:  # the container's tail is outside it
            self._add(el.tail)

    def _add(self, text: str) -> None:
        self._parts.append(text)
        self._link_chars += len(text.strip()) if self._link_depth else 0

    def _flush(self) -> None:
        text = squash("".join(self._parts))
        if text and not (self._link_chars >= 0.8 * len(text) and len(text) < 200):
            self.lines.append(text)
            if self._tables > 0 or self._broken > 0:
                self.laid_out.add(text)
        self._parts, self._link_chars = [], 0


def _declared_parts(keep) -> list:
    """The microdata articleBody element and the later ones of its tag marked so too: a body split into sections
    (between ads and rails), each declaring itself the article body."""
    if keep is None:
        return []
    parts, scope = [keep], _item_scope(keep)
    for other in keep.getroottree().getroot().iter(keep.tag):
        if other is keep or other.get("itemprop") != "articleBody":
            continue
        if _item_scope(other) is not scope or (other.sourceline or 0) < (keep.sourceline or 0):
            continue  # another item's body (a teaser card's excerpt), or before the declared one
        if any(a in parts for a in other.iterancestors()) or keep in set(other.iterancestors()):
            continue
        parts.append(other)
    return parts


def _item_scope(el):
    # The microdata item a property belongs to: its nearest ancestor with itemscope.
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _strip_headline_elements(containers) -> None:
    for container in containers:
        for h1 in list(container.iter("h1")):
            if h1 is not container:
                drop(h1)


def extract_body(
    root, *, selector: str | None = None, remove=(), remove_elements=(), keep=None, headline: str = "", titles=()
) -> tuple[list[str], str]:
    """(body lines, source): "site" (the selector's container), "microdata" (`keep`) or "heuristic".

    Mutates the tree: call it last.

    With `selector`, the matched containers are read (after removing `remove` selectors, the
    `remove_elements` (related-reading blocks) and generic furniture inside them); otherwise the
    container is found by scoring paragraph density, and a lead found after the headline outside it is
    put first. `keep` is an element known to be the body (microdata articleBody) that furniture
    removal must spare.
    """
    if selector:
        containers = css(root, selector)
        containers = [c for c in containers if not any(a in containers for a in c.iterancestors())]
        if containers:
            for container in containers:
                extra = [el for sel in remove for el in css(container, sel)]
                extra += [el for el in remove_elements if container in set(ancestors(el))]
                remove_junk(container, extra=extra)
            _strip_headline_elements(containers)
            return lines_of(containers, headline), "site"
    body = root.find("body")
    body = body if body is not None else root
    # Looked up before furniture goes: the headline (and the lead after it) may sit in a header.
    heading = article_heading(body, headline, titles)
    anchor_articles = frozenset(a for a in ancestors(heading) if a.tag == "article") if heading is not None else ()
    lead = find_lead(heading)
    scripts = script_texts(body)
    extra = [el for sel in remove for el in css(body, sel)] + list(remove_elements)
    kept = _declared_parts(keep)
    # The <article> around the headline is the story whatever its class says ("format-gallery", "promo").
    remove_junk(body, keep=[*kept, *anchor_articles], extra=extra)
    laid_out: set[str] = set()
    kept = [el for el in kept if el.getparent() is not None]
    if kept and kept[0] is keep and weight("".join(text_of(el) for el in kept)) >= 200:
        lines, source = lines_of(cut_teasers(kept), headline, laid_out), "microdata"
    else:
        containers = cut_teasers(choose_containers(body, anchor_articles))
        lines, source = lines_of(containers, headline, laid_out), "heuristic"
    if weight("".join(lines)) < _SCRIPTED_BELOW:
        # Nothing worth the name in the markup: a client-rendered page may carry the body in a script.
        shipped = scripted_body(scripts)
        if shipped is not None:
            remove_junk(shipped)
            shipped_lines = lines_of([shipped], headline)
            if weight("".join(shipped_lines)) > weight("".join(lines)):
                lines, source = shipped_lines, "heuristic"
    if heading is not None:
        # The headline as the page shows it (an <h2> past a breadcrumb, a kicker run into it) is not body.
        shown = squash(" ".join(heading.itertext()))
        lines = [line for line in lines if line != shown]
    lines = drop_furniture_lines(lines, laid_out)
    if lead and lines and not any(lead[:60] in line for line in lines[:5]):
        lines.insert(0, lead)
    return lines, source
