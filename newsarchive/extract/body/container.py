"""Find an article's body in a page tree and write it as text, one paragraph, subhead or list item per line."""

from __future__ import annotations

import re

from lxml import etree

from newsarchive.extract.body.lead import article_heading, find_lead
from newsarchive.extract.body.scripted import script_texts, scripted_body
from newsarchive.extract.boilerplate.bodylines import drop_furniture_lines
from newsarchive.extract.boilerplate.junk import drop, remove_junk
from newsarchive.extract.boilerplate.teasers import cut_teasers
from newsarchive.extract.document.tree import BLOCK_TAGS, ancestors, css, squash, text_of
from newsarchive.text.words import CJK_AS_WRITTEN

_CJK = re.compile(f"[{CJK_AS_WRITTEN}]")  # page text as written: half-width kana count as CJK too
_PUNCT = re.compile(r"[,.;:!?，、。．！？]")
_CONTAINERS = frozenset("div section article main td span font center body blockquote".split())
_SKIP_IN_OUTPUT = frozenset(["h1"])
_SUBHEADS = frozenset("h2 h3 h4 h5 h6".split())
_INLINE_CONTAINERS = frozenset("span font a b strong em i u small".split())
_MIN_UNIT = 25
_SCRIPTED_BELOW = 200


def weight(text: str) -> int:
    """Text length in characters, counting CJK characters twice: they carry a word's worth each."""
    return len(text) + len(_CJK.findall(text))


def _own_text(el) -> tuple[str, int]:
    # Text of the element itself and of its inline children, without block children, and how much is links.
    parts, links = [el.text or ""], 0
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            text = text_of(child)
            parts.append(text)
            links += len(text) if child.tag == "a" else _link_chars(child)
        parts.append(child.tail or "")
    return squash("".join(parts)), links


def _link_chars(el) -> int:
    return sum(len(text_of(a)) for a in el.iter("a"))


def _score_units(root, units: list | None = None) -> dict:
    """Readability-style scores: each paragraph-like unit credits its container and that one's parent.

    `units`, when given, collects (element, weight) of every such unit.
    """
    scores: dict = {}
    for el in root.iter():
        tag = el.tag
        if tag == "p" or tag == "pre":
            text = text_of(el)
            is_p = True
        elif tag in _CONTAINERS:
            text, links = _own_text(el)
            is_p = False
        elif tag in _SUBHEADS:
            if units is not None:  # subheads are part of a body: climbing to take them in costs nothing
                units.append((el, weight(text_of(el))))
            continue
        else:
            continue
        size = weight(text)
        if size < _MIN_UNIT:
            continue
        if is_p:
            links = _link_chars(el)
        if links > 0.5 * len(text):
            continue
        score = 1 + min(len(_PUNCT.findall(text)), 12) + min(size / 100, 3)
        targets = [] if is_p else [el]
        parent = el.getparent()
        while parent is not None and len(targets) < 3:
            targets.append(parent)
            parent = parent.getparent()
        for level, target in enumerate(targets):
            scores[target] = scores.get(target, 0.0) + score / (level + 1)
        if units is not None and not (not is_p and _in_paragraph(el)):
            units.append((el, size))
    return scores


def _in_paragraph(el) -> bool:
    # A <span> inside a <p> is already counted with the paragraph.
    for node in ancestors(el):
        if node.tag in ("p", "pre"):
            return True
        if node.tag not in _INLINE_CONTAINERS:
            return False
    return False


# Climbing: each character of other text costs four of paragraph text; a climb must add at least 30%
# to the body; a child under the climbed-to element is read when its paragraphs at least double the rest.
_CLIMB_PENALTY = 4.0
_CLIMB_MIN = 0.3
_CHILD_RATIO = 2.0
_CLIMB_LEVELS = 8


def _climb(best, units: list, stop) -> tuple:
    """(ancestor, parts): how far above `best` the body reaches, and what under that ancestor to read.

    A body split by media blocks, or with each paragraph wrapped in its own divs, is whole only some
    levels up. Each level adds the children beside the path from `best`; a child is taken when its
    text is mostly paragraphs (subheads count as neither), and not when it is short or linked text or
    sits in another <article> (teaser cards). The level kept is the one where taken paragraph text
    most outweighs the other text that came in: sidebars and teaser lists stop the climb.
    """
    chain = [best]
    while len(chain) <= _CLIMB_LEVELS and chain[-1] is not stop:
        parent = chain[-1].getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        chain.append(parent)
    if len(chain) == 1:
        return best, [best]
    index = {node: i for i, node in enumerate(chain)}
    good: dict = {}
    base = 0
    for el, size in units:
        node, below = el, None
        while node is not None and node not in index:
            if node.tag == "article":
                break  # inside an <article> that holds no part of the chain: another story
            node, below = node.getparent(), node
        if node is best:
            base += size
        elif node is not None and node in index and below is not None:
            good[below] = good.get(below, 0) + size
    chosen, parts, gain, best_gain = best, [best], 0.0, 0.0
    taken = [best]
    added = 0
    for level in range(1, len(chain)):
        for child in chain[level]:
            if child is chain[level - 1] or not isinstance(child.tag, str):
                continue
            g = good.get(child, 0)
            bad = weight(text_of(child)) - g
            added += g
            if g and g >= _CHILD_RATIO * bad:
                taken.append(child)
            gain += g - _CLIMB_PENALTY * bad
        if gain > best_gain and added >= _CLIMB_MIN * base:
            chosen, parts, best_gain = chain[level], list(taken), gain
    if chosen is best:
        return best, [best]
    order = {el: i for i, el in enumerate(chosen.iter())}
    return chosen, sorted(parts, key=lambda el: order.get(el, 0))


def _link_density(el) -> float:
    text = text_of(el)
    return _link_chars(el) / len(text) if text else 1.0


def _adjusted(el, score: float, anchor_articles) -> float:
    score *= 1 - _link_density(el)
    if anchor_articles:
        # A container inside another <article> than the headline's is the next story (infinite scroll, teasers).
        own = [a for a in (el, *ancestors(el)) if a.tag == "article"]
        if own and not any(a in anchor_articles for a in own):
            score *= 0.3
    return score


_GENERIC_CLASSES = frozenset("clearfix container wrapper inner relative row block section content grid flex".split())


def _signature(el) -> str | None:
    # The first class name identifies a component ("RichText RichText--lastInline lg:w-8/12" -> "RichText").
    names = (el.get("class") or "").split()
    if not names or len(names[0]) < 3 or names[0].lower() in _GENERIC_CLASSES or ":" in names[0]:
        return None
    return names[0]


def _cousins(best, chosen: list) -> list:
    """Elements of the same component as `best` near it: a body split into blocks by ads or wrappers.

    An unnamed container is compared through its nearest named ancestor (at most two levels up).
    """
    anchor = best
    for _ in range(2):
        if _signature(anchor) is not None or anchor.getparent() is None:
            break
        anchor = anchor.getparent()
    signature = _signature(anchor)
    if signature is None:
        return []
    scope = anchor
    for _ in range(4):
        scope = scope.getparent() if scope.getparent() is not None else scope
    taken = set(chosen)
    articles = [a for a in (anchor, *ancestors(anchor)) if a.tag == "article"]
    found = []
    for el in scope.iter(anchor.tag):
        if el in taken or _signature(el) != signature:
            continue
        if [a for a in (el, *ancestors(el)) if a.tag == "article"] != articles:
            continue  # the same block of another story
        if any(a in taken for a in ancestors(el)) or any(c in taken for c in el.iter()):
            continue
        if weight(text_of(el)) >= 50 and _link_density(el) < 0.5:
            found.append(el)
    return found


def _choose(root, anchor_articles=frozenset()) -> list:
    """The body containers: the best-scoring one, its siblings that look like body, and its cousins."""
    units: list = []
    scores = _score_units(root, units)
    # The <article> around the headline holds the story when it holds real text: look only inside it,
    # so that a page-wide container mixing it with the next story cannot win.
    inner = [
        a
        for a in anchor_articles
        if a.getparent() is not None and not any(b in anchor_articles for b in a.iter("article") if b is not a)
    ]
    if inner and weight(text_of(inner[0])) >= 150:
        inside = {el for el in inner[0].iter()}
        scores = {el: s for el, s in scores.items() if el in inside} or scores
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:5]
    best, best_score = max(((el, _adjusted(el, s, anchor_articles)) for el, s in ranked), key=lambda kv: kv[1])
    best, parts = _climb(best, units, inner[0] if inner else None)
    parent = best.getparent()
    if parent is None:
        return [best]
    chosen, threshold = [], max(10.0, best_score * 0.2)
    same_kind = (best.tag, best.get("class"))
    for sibling in parent:
        if sibling is best:
            chosen.extend(parts)
            continue
        if not isinstance(sibling.tag, str) or sibling.tag in _SKIP_IN_OUTPUT:
            continue
        sibling_score = scores.get(sibling, 0.0) * (1 - _link_density(sibling))
        if (
            (sibling.tag, sibling.get("class")) == same_kind
            and sibling_score >= threshold * 0.5
            or sibling_score >= threshold
        ):
            chosen.append(sibling)
        elif sibling.tag in ("p", "div") and not sibling.get("class") or sibling.tag == "p":
            text = text_of(sibling)
            if weight(text) >= 80 and _link_density(sibling) < 0.25:
                chosen.append(sibling)
    extra = _cousins(best, [*chosen, best])
    if extra:
        order = {el: i for i, el in enumerate(root.iter())}
        chosen = sorted(chosen + extra, key=lambda el: order.get(el, 0))
    return chosen


def lines_of(containers, headline: str = "") -> list[str]:
    """Text of the containers in reading order: one line per block element; all-link lines are dropped."""
    lines: list[list] = []
    current = [[], 0]  # text parts, characters inside links

    def flush():
        nonlocal current
        text = squash("".join(current[0]))
        if text and not (current[1] >= 0.8 * len(text) and len(text) < 200):
            lines.append(text)
        current = [[], 0]

    for container in containers:
        link_depth = 0
        for event, el in etree.iterwalk(container, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                if tag in _SKIP_IN_OUTPUT or not tag:
                    continue
                if tag in BLOCK_TAGS:
                    flush()
                if tag == "a":
                    link_depth += 1
                if el.text:
                    current[0].append(el.text)
                    current[1] += len(el.text.strip()) if link_depth else 0
            else:
                if tag == "a":
                    link_depth -= 1
                if tag in BLOCK_TAGS or tag in _SKIP_IN_OUTPUT:
                    flush()
                if el is not container and el.tail:
                    current[0].append(el.tail)
                    current[1] += len(el.tail.strip()) if link_depth else 0
        flush()
    if headline:
        lines = [line for line in lines if line != headline]
    return lines


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
    remove_junk(body, keep=[keep] if keep is not None else (), extra=extra)
    if keep is not None and keep.getparent() is not None and weight(text_of(keep)) >= 200:
        lines, source = lines_of(cut_teasers([keep]), headline), "microdata"
    else:
        lines, source = lines_of(cut_teasers(_choose(body, anchor_articles)), headline), "heuristic"
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
    lines = drop_furniture_lines(lines)
    if lead and lines and not any(lead[:60] in line for line in lines[:5]):
        lines.insert(0, lead)
    return lines, source
