"""Choose a page's body containers: the best-scoring element, how far above it the body reaches, its kin."""

from __future__ import annotations

from newsarchive.extract.body.scoring import link_chars, link_density, score_units, weight
from newsarchive.extract.document.tree import ancestors, text_of

# The headline's tag: never body, neither as a container beside the body nor as a line of it.
SKIP_IN_OUTPUT = frozenset(["h1"])
_SUBHEADS = ("h2", "h3", "h4", "h5", "h6")

# Climbing: each character of other text costs four of paragraph text; a climb must add at least 30%
# to the body; a child under the climbed-to element is read when its paragraphs at least double the rest.
_CLIMB_PENALTY = 4.0
_CLIMB_MIN = 0.3
_CHILD_RATIO = 2.0
_CLIMB_LEVELS = 8
# A chosen body under this weight is a scrap: an ancestor up to _WIDEN_LEVELS up holding _WIDEN_GAIN times the
# text may be the body.
_SCRAP = 400
_WIDEN_LEVELS = 4
_WIDEN_GAIN = 2.0
_WIDEN_LINKS = 0.2


def choose_containers(root, anchor_articles=frozenset()) -> list:
    """The body containers: the best-scoring one, its siblings that look like body, and its cousins."""
    units: list = []
    scores = score_units(root, units)
    story = _story_article(anchor_articles)
    if story is not None and weight(text_of(story)) >= 150:
        # The <article> around the headline holds the story when it holds real text: look only inside it,
        # so that a page-wide container mixing it with the next story cannot win. When it holds no more than a
        # scrap in one paragraph (a template may close it after the headline and standfirst, the paragraphs
        # following outside), blocks outside it may be the body too, but not a block holding an <article> nor one
        # in another story's <article> (_touches_article); two paragraphs are a short story, kept to itself.
        inside = {el for el in story.iter()}
        if weight(text_of(story)) < _SCRAP and _paragraphs(story) <= 1:
            inside |= {el for el in scores if not _touches_article(el)}
        scores = {el: s for el, s in scores.items() if el in inside} or scores
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:5]
    best, best_score = max(((el, _adjusted(el, s, anchor_articles)) for el, s in ranked), key=lambda kv: kv[1])
    best, parts = _climb(best, units, story)
    if best.getparent() is None:
        return [best]
    chosen = _with_siblings(best, parts, scores, best_score)
    extra = _cousins(best, [*chosen, best])
    if extra:
        order = {el: i for i, el in enumerate(root.iter())}
        chosen = sorted(chosen + extra, key=lambda el: order.get(el, 0))
    return _widened(best, chosen, story)


def _widened(best, chosen: list, stop) -> list:
    """`chosen`, or the nearest ancestor of `best` holding far more prose when what was chosen is a scrap.

    A body of lines too short to score as paragraphs (verse, a photo story's captions, an accordion of
    lists) leaves a scrap beside it the winner; the block around both, when it is mostly plain text and
    no list of other stories, is the body.
    """
    size = sum(weight(text_of(el)) for el in chosen)
    if size >= _SCRAP:
        return chosen
    node = best
    for _ in range(_WIDEN_LEVELS):
        if node is stop:
            break
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
        wider = weight(text_of(node))
        if wider >= _WIDEN_GAIN * size and link_density(node) < _WIDEN_LINKS and _teaser_headings(node) < 2:
            return [node]
    return chosen


def _paragraphs(el) -> int:
    return sum(1 for p in el.iter("p") if text_of(p).strip())


def _touches_article(el) -> bool:
    # Whether `el` holds an <article> or sits in one with a headline (<h1>) of its own: another story's. An
    # <article> without one is the rest of the page's story, as templates split a story's head and body in two.
    if next(el.iter("article"), None) is not None:
        return True
    return any(a.tag == "article" and next(a.iter("h1"), None) is not None for a in ancestors(el))


def _story_article(anchor_articles):
    # The innermost of the <article> elements around the headline (they nest along one path), or None.
    inner = [
        a
        for a in anchor_articles
        if a.getparent() is not None and not any(b in anchor_articles for b in a.iter("article") if b is not a)
    ]
    return inner[0] if inner else None


def _adjusted(el, score: float, anchor_articles) -> float:
    score *= 1 - link_density(el)
    if anchor_articles:
        # A container inside another <article> than the headline's is the next story (infinite scroll, teasers).
        own = [a for a in (el, *ancestors(el)) if a.tag == "article"]
        if own and not any(a in anchor_articles for a in own):
            score *= 0.3
    return score


def _climb(best, units: list, stop) -> tuple:
    """(ancestor, parts): how far above `best` the body reaches, and what under that ancestor to read.

    A body split by media blocks, or with each paragraph wrapped in its own divs, is whole only some
    levels up. Each level adds the children beside the path from `best`; a child is taken when its
    text is mostly paragraphs (subheads count as neither), and not when it is short or linked text or
    sits in another <article> (teaser cards). The level kept is the one where taken paragraph text
    most outweighs the other text that came in: sidebars and teaser lists stop the climb.
    """
    chain = _chain(best, stop)
    if len(chain) == 1:
        return best, [best]
    base, good = _paragraphs_beside(chain, units)
    chosen, parts = _best_level(chain, good, base)
    if chosen is best:
        return best, [best]
    order = {el: i for i, el in enumerate(chosen.iter())}
    return chosen, sorted(parts, key=lambda el: order.get(el, 0))


def _chain(best, stop) -> list:
    """`best` and the ancestors a climb may reach: up to `stop` or _CLIMB_LEVELS levels, never <body> or <html>."""
    chain = [best]
    while len(chain) <= _CLIMB_LEVELS and chain[-1] is not stop:
        parent = chain[-1].getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        chain.append(parent)
    return chain


def _paragraphs_beside(chain: list, units: list) -> tuple[int, dict]:
    """(weight of the units in `best`, weight of the units in each child beside the chain, by child).

    A unit counts for the child of the chain element nearest above it, unless an <article> holding no part
    of the chain comes first (another story), or it is a chain element itself.
    """
    best = chain[0]
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
    return base, good


def _best_level(chain: list, good: dict, base: int) -> tuple:
    """(element, parts taken) at the level of `chain` where paragraph text gained most outweighs other text.

    Gains add up level by level; a level counts only once the paragraph text come in so far reaches _CLIMB_MIN of
    `base`, the paragraph text of `best` itself.
    """
    best = chain[0]
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
            # Cards of other stories (headings that link elsewhere) may weigh in the climb but are never read.
            if g and g >= _CHILD_RATIO * bad and _teaser_headings(child) < 2:
                taken.append(child)
            gain += g - _CLIMB_PENALTY * bad
        if gain > best_gain and added >= _CLIMB_MIN * base:
            chosen, parts, best_gain = chain[level], list(taken), gain
    return chosen, parts


def _with_siblings(best, parts: list, scores: dict, best_score: float) -> list:
    """The children of `best`'s parent that are body, in order, with `parts` in the place of `best`."""
    chosen, threshold = [], max(10.0, best_score * 0.2)
    same_kind = (best.tag, best.get("class"))
    for sibling in best.getparent():
        if sibling is best:
            chosen.extend(parts)
            continue
        if not isinstance(sibling.tag, str) or sibling.tag in SKIP_IN_OUTPUT:
            continue
        if _sibling_is_body(sibling, scores.get(sibling, 0.0), threshold, same_kind):
            chosen.append(sibling)
    return chosen


def _sibling_is_body(sibling, score: float, threshold: float, same_kind: tuple) -> bool:
    """Whether a sibling of the best container is body too.

    It is when its link-discounted score reaches `threshold` (half of it for one of the best's own tag and
    class), or when it is a <p> or a class-less <div> with enough text and few links.
    """
    score *= 1 - link_density(sibling)
    if (sibling.tag, sibling.get("class")) == same_kind and score >= threshold * 0.5 or score >= threshold:
        return True
    if sibling.tag in ("p", "div") and not sibling.get("class") or sibling.tag == "p":
        return weight(text_of(sibling)) >= 80 and link_density(sibling) < 0.25
    return False


def _teaser_headings(el) -> int:
    """How many headings under `el` are links (or sit in one): the titles of teaser cards for other stories.

    A heading is a link when most of its text is link text: a lead set as a heading may link a word or two.
    """
    count = 0
    for heading in el.iter(*_SUBHEADS):
        if any(a.tag == "a" for a in heading.iterancestors()):
            count += 1
        elif heading.find(".//a") is not None:
            count += link_chars(heading) >= 0.5 * len(text_of(heading))
    return count


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
        if weight(text_of(el)) >= 50 and link_density(el) < 0.5 and not _teaser_headings(el):
            found.append(el)
    return found
