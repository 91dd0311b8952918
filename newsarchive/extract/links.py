"""Find the related-reading links the publisher presents with an article (not navigation, rankings or ads)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.clean import absolute_url, clean_line, url_key
from newsarchive.extract.junk import RANKING_WORDS, in_furniture
from newsarchive.extract.tree import ancestors, css, squash, text_of, tokens

# Labels publishers put above related reading (matched on a short element's whole text, case-insensitive).
_LABEL = re.compile(
    r"^[\s【\[「『(（<＜■□●◆▼▶►»>:：\-–—]*(?:あわせて読みたい|合わせて読みたい|関連記事|関連ニュース|関連リンク|こちらもおすすめ|"
    r"related(?: articles?| stories| content| coverage| reading| news| posts| links)?|read more|read also|also read|"
    r"see also|more on this (?:story|topic)|more about this|mehr zum thema|lesen sie auch|auch interessant|"
    r"weitere artikel|zum thema|à lire aussi|lire aussi|leer más|noticias relacionadas|leggi anche|"
    r"relaterade artiklar|les også|læs også|lees ook)[\s】\]」』)）>＞:：\-–—.…]*$",
    re.I,
)
# A cheap first test before the full label pattern.
_LABEL_WORD = re.compile(r"読みたい|関連|おすすめ|related|read|see also|more on|more about|mehr|lesen|interessant|artikel|"
                         r"thema|lire|leer|relacionadas|leggi|relaterade|les også|læs|lees", re.I)
# Label words that mean a ranking or a tag list, never related reading.
_NOT_RELATED = re.compile(r"ランキング|人気|アクセス|most read|most popular|popular|trending|関連ワード|関連キーワード|"
                          r"topics|tags|keywords|schlagw", re.I)
_TAG_HREF = re.compile(r"/(?:tags?|tagsearch|topics?|keywords?|themen|schlagwort|author|authors|autor)(?:/|$|\?)", re.I)
_MAX_LINKS = 30
_BLOCK_CLIMB = 4


def _registered(host: str) -> str:
    """The registered domain of a host, good enough for same-site checks (handles co.jp, com.au, ...)."""
    labels = host.lower().split(":")[0].rstrip(".").split(".")
    if len(labels) >= 3 and (len(labels[-1]) == 2 and labels[-2] in
                             ("co", "com", "ne", "or", "ac", "go", "net", "org", "gov", "edu", "gr", "ed", "lg")):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on the same registered domain."""
    try:
        return _registered(urlsplit(url).netloc) == _registered(urlsplit(other).netloc)
    except ValueError:
        return False


def _anchor_title(a) -> str:
    text = clean_line(text_of(a))
    if not text:
        text = clean_line(a.get("title") or "")
    if not text:
        img = next(a.iter("img"), None)
        text = clean_line(img.get("alt") or "") if img is not None else ""
    return text


def links_in(containers, base: str, after=None) -> list[dict[str, str]]:
    """The <a href> links inside the containers, in page order (those after `after` only, when given)."""
    found, started = [], after is None
    for container in containers:
        for el in container.iter():
            if el is after:
                started = True
                continue
            if not started or el.tag != "a":
                continue
            url = absolute_url(el.get("href"), base)
            title = _anchor_title(el)
            if url and title and (el.get("rel") or "").lower() != "tag" and not _TAG_HREF.search(url):
                found.append({"url": url, "title": title})
    return found


_LABEL_TAGS = frozenset("h2 h3 h4 h5 h6 p div span strong b dt li i em header label section aside figcaption caption".split())


def _is_label(el) -> bool:
    if el.tag not in _LABEL_TAGS:
        return False
    # The label may be the element's whole text, or the text before its links: "<p>【関連記事】<br><a>..".
    # Only small elements can be a label as a whole; reading the text of big ones would cost O(page) each.
    texts = ["".join(el.itertext())] if len(el) <= 3 else []
    if len(el) and el.text:
        texts.append(el.text)
    for text in texts:
        if len(text) <= 120 and _LABEL_WORD.search(text):
            text = squash(text)
            if 0 < len(text) <= 40 and _LABEL.match(text) and not _NOT_RELATED.search(text):
                return True
    return False


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


def _ok_block(block, article_root) -> bool:
    if block is None or in_furniture(block) or tokens(block) & RANKING_WORDS:
        return False
    return len(block.xpath(".//a[@href]")) <= _MAX_LINKS * 2 and (article_root is None or block is not article_root)


def find_related(root, page_url: str, *, selector: str | None = None, body=None,
                 blocks: list | None = None) -> tuple[list[dict], str | None]:
    """(links, source): the publisher's related-reading block, from `selector` ("site") or found by signals.

    Signals are a label ("あわせて読みたい", "【関連記事】", "Related", "Mehr zum Thema", ...) or the class
    word "related" on a block; links go to the same site, never to the page itself, rankings or tag pages.
    The blocks read are appended to `blocks` as (block, label or None), so the body can leave them out.
    """
    blocks = [] if blocks is None else blocks
    if selector:
        containers = css(root, selector)
        links = links_in(containers, page_url)
        if containers:
            blocks.extend((container, None) for container in containers)
            return _filter(links, page_url), "site"
    found: list[dict] = []
    seen_blocks: list = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        block, after = None, None
        text = el.text
        if text and len(text) <= 120 and _LABEL_WORD.search(text):
            # The words may sit in a <span> inside the heading that is the label.
            node = el
            for _ in range(3):
                if node is None:
                    break
                if _is_label(node):
                    block, after = _block_for_label(node), node
                    break
                node = node.getparent()
        if block is None:
            words = tokens(el)
            if "related" in words and not words & {"words", "tags", "keywords", "topics", "tag"}:
                block = el
        if block is None or any(block is b or b in set(ancestors(block)) for b in seen_blocks):
            continue
        if not _ok_block(block, body):
            continue
        links = links_in([block], page_url, after=after)
        if links:
            seen_blocks.append(block)
            blocks.append((block, after))
            found.extend(links)
    found = _filter(found, page_url)
    return found, "heuristic" if found else None


def _filter(links, page_url: str) -> list[dict]:
    own = url_key(page_url)
    result, seen = [], set()
    for link in links:
        key = url_key(link["url"])
        if key == own or key in seen or not same_site(link["url"], page_url):
            continue
        if urlsplit(link["url"]).path in ("", "/"):
            continue  # the site's home page is navigation, not reading
        seen.add(key)
        result.append(link)
    return result[:_MAX_LINKS]
