"""Find the related-reading links the publisher presents with an article (not navigation, rankings or ads)."""

from __future__ import annotations

from lxml import etree

from newsarchive.extract.document.tree import ancestors, css, split_tokens, squash, text_of, tokens
from newsarchive.extract.related.labels import (
    CALL_TO_ACTION,
    ENGINE_WORDS,
    LABEL_WORD,
    NAV_WORDS,
    NOT_RELATED,
    TAG_HREF,
    WIDGET_WORDS,
    label_text,
)
from newsarchive.extract.related.targets import MAX_LINKS, filter_targets
from newsarchive.extract.related.titles import title_part
from newsarchive.text.clean import absolute_url, clean_line

_BLOCK_CLIMB = 4


def _anchor_title(a) -> str:
    text = title_part(a) if len(a) else ""
    if not text:
        text = clean_line(text_of(a))
    if not text:
        text = clean_line(a.get("title") or "")
    if not text:
        img = next(a.iter("img"), None)
        text = clean_line(img.get("alt") or "") if img is not None else ""
    return text


def links_in(containers, base: str, after=None, widgets: bool = False) -> list[dict[str, str]]:
    """The <a href> links inside the containers, in page order (those after `after` only, when given).

    With `widgets`, links inside a widget nested in the container (a recommendation engine's list
    under a "Read also" label) are left out.
    """
    found, started = [], after is None
    for container in containers:
        for el in container.iter():
            if el is after:
                started = True
                continue
            if not started or el.tag != "a":
                continue
            if widgets and _widget_between(el, container):
                continue
            url = absolute_url(el.get("href"), base)
            title = _anchor_title(el)
            if (
                url
                and title
                and (el.get("rel") or "").lower() != "tag"
                and not TAG_HREF.search(url)
                and not CALL_TO_ACTION.match(title)
            ):
                found.append({"url": url, "title": title})
    return found


_LABEL_TAGS = frozenset(
    "h2 h3 h4 h5 h6 p div span strong b dt li i em header label section aside figcaption caption small a".split()
)


def _is_label(el) -> bool:
    if el.tag not in _LABEL_TAGS:
        return False
    # The label may be the element's whole text, or the text before its links: "<p>【関連記事】<br><a>..".
    # Only small elements can be a label as a whole; reading the text of big ones would cost O(page) each.
    texts = ["".join(el.itertext())] if len(el) <= 3 else []
    if len(el) and el.text:
        texts.append(el.text)
    if not any(len(text) <= 120 and LABEL_WORD.search(text) and label_text(text) for text in texts):
        return False
    return not _in_button(el)


def _in_button(el) -> bool:
    # A "Read more" inside a button expands a caption or a teaser: it is a control, not a heading.
    return any(a.tag == "button" for a in (el, *ancestors(el)))


def _block_for_label(label):
    """The smallest ancestor of a label that holds links after it (climbing a few levels at most)."""
    node = label
    if any(True for a in node.iter("a") if a.get("href")):
        return node
    for _ in range(_BLOCK_CLIMB):
        parent = node.getparent()
        if parent is None:
            return None
        node = parent
        if any(True for a in node.iter("a") if a.get("href")):
            return node
    return None


def page_wrappers(root) -> set:
    """Elements that hold the article itself (ancestors of its <main>, <article> and first <h1>).

    Their class words describe the page's layout ("l-wrapper gate-ad", "main--with-contextual-nav"),
    so they say nothing about whether a block inside them is furniture.
    """
    wrappers: set = set()
    # Not the first <article>: teaser cards inside a related list are <article>s too.
    for tag in ("main", "h1"):
        el = next(root.iter(tag), None)
        if el is not None:
            wrappers.update(ancestors(el))
            if tag == "main":
                wrappers.add(el)
    return wrappers


def _in_widget(block, wrappers) -> bool:
    """Whether a block sits in navigation or in a ranking, ad, recommendation or latest-news widget.

    Header and footer tags are page furniture only outside <article>/<main>: an article's own footer
    holds its "more on this topic" list.
    """
    in_content = False
    for node in reversed([block, *ancestors(block)]):  # outermost first, so in_content is known below
        if not isinstance(node.tag, str):
            return True
        tag = node.tag
        in_content = in_content or tag in ("article", "main")
        if tag == "nav" or (node.get("role") or "").lower() in ("navigation", "banner", "menu"):
            return True
        if tag in ("header", "footer") and not in_content:
            return True
        if node in wrappers:
            continue
        words = _widget_words(node)
        if words & WIDGET_WORDS or (tag != "a" and words & NAV_WORDS):
            return True  # a link's own "forward-navigation" class describes the link, not a menu
    return False


def _widget_words(node) -> frozenset:
    words = tokens(node)
    if "-" in node.tag:  # custom elements name themselves: <gdwc-recommendations>, <bsp-carousel>
        words = words | split_tokens(node.tag)
    return words


def _widget_between(el, container) -> bool:
    for node in ancestors(el):
        if node is container:
            return False
        if _widget_words(node) & ENGINE_WORDS:
            return True
    return False


def _tag_list(block, page_url: str) -> bool:
    """Whether a block is mostly links to tag or topic pages."""
    hrefs = [a.get("href") for a in block.iter("a") if a.get("href")]
    urls = [url for url in (absolute_url(href, page_url) for href in hrefs) if url]
    return len(urls) >= 3 and sum(bool(TAG_HREF.search(url)) for url in urls) * 2 > len(urls)


def _leading_text(block, limit: int = 80) -> str:
    parts, size = [], 0
    for text in block.itertext():
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return squash("".join(parts))[:limit]


def _ok_block(block, article_root, wrappers, page_url: str) -> bool:
    if block is None or block is article_root or block in wrappers or _in_widget(block, wrappers):
        return False
    if block.tag == "a":
        return True
    return len(block.xpath(".//a[@href]")) <= MAX_LINKS * 2 and not _tag_list(block, page_url)


def _label_link(label):
    """The link a label sits in ("<a><small>Les også</small> Title</a>"): the link is then the reading."""
    return next((a for a in ancestors(label) if a.tag == "a" and a.get("href")), None)


def find_related(
    root, page_url: str, *, selector: str | None = None, body=None, blocks: list | None = None
) -> tuple[list[dict], str | None]:
    """(links, source): the publisher's related-reading block, from `selector` ("site") or found by signals.

    Signals are a label ("あわせて読みたい", "【関連記事】", "Related", "Mehr zu Iran", ...) or the class
    word "related" on a block; links go to the same site, never to the page itself, its section pages,
    rankings, recommendation widgets, latest-news lists or tag pages.
    The blocks read are appended to `blocks` as (block, label or None), so the body can leave them out.
    """
    blocks = [] if blocks is None else blocks
    if selector:
        containers = css(root, selector)
        links = links_in(containers, page_url)
        if containers:
            blocks.extend((container, None) for container in containers)
            return filter_targets(links, page_url), "site"
    found: list[dict] = []
    seen_blocks: list = []
    wrappers = page_wrappers(root)
    for el in root.iter(etree.Element):
        block, after = _labelled_block(el)
        if block is None:
            block = _named_block(el)
        if block is None or any(block is b or b in set(ancestors(block)) for b in seen_blocks):
            continue
        if not _ok_block(block, body, wrappers, page_url):
            continue
        links = _block_links(block, after, page_url)
        if links:
            seen_blocks.append(block)
            blocks.append((block, after))
            found.extend(links)
    found = filter_targets(found, page_url)
    return found, "heuristic" if found else None


def _labelled_block(el):
    """(block, label) when `el` holds label words and it, or one of its two parents, is a label, else (None, None).

    The block is the link the label sits in, read whole (the label is then None), or else the smallest
    block holding links around the label, read from the label on (None when there is none).
    """
    text = el.text
    if not (text and len(text) <= 120 and not text.isspace() and LABEL_WORD.search(text) and not _in_button(el)):
        return None, None
    # The words may sit in a <span> inside the heading that is the label.
    node = el
    for _ in range(3):
        if node is None:
            break
        if _is_label(node):
            link = _label_link(node)
            return (link, None) if link is not None else (_block_for_label(node), node)
        node = node.getparent()
    return None, None


def _named_block(el):
    """`el` when its class or id names it "related" (not related tags, nor latest news), else None."""
    # Only a class/id holding "related" in some case can have it among its words (tokens() lower-cases
    # ASCII letters): a cheap test that spares splitting every element's class into words.
    cls, ident = el.get("class"), el.get("id")
    if not (cls and "related" in cls.lower() or ident and "related" in ident.lower()):
        return None
    words = tokens(el)
    if "related" not in words or words & {"words", "tags", "keywords", "topics", "tag", "latest"}:
        return None
    # A list named "related" in the markup that calls itself "Latest articles" on the page.
    return None if NOT_RELATED.search(_leading_text(el)) else el


def _block_links(block, after, page_url: str) -> list[dict[str, str]]:
    """A block's links: a labelled link read whole, else those after the label (all when None), widgets left out."""
    if block.tag == "a":
        link = block_link(block, page_url)
        return [link] if link else []
    return links_in([block], page_url, after=after, widgets=True)


def block_link(a, base: str) -> dict[str, str] | None:
    """A labelled link read whole: its title without the label words in front ("Les også Title" -> "Title")."""
    url = absolute_url(a.get("href"), base)
    if not url or TAG_HREF.search(url):
        return None
    parts = [squash(t) for t in a.itertext() if squash(t)]
    while parts and label_text(parts[0]):
        parts.pop(0)
    title = clean_line(" ".join(parts))
    marked = title_part(a) if len(a) else ""
    if marked and marked in title:  # the part marked as the title, once the label words are off
        title = marked
    return {"url": url, "title": title} if title and not CALL_TO_ACTION.match(title) else None
