"""A teaser link's title when the link holds more than its title: a section label, a kicker, a date, a teaser."""

from __future__ import annotations

from newsarchive.extract.document.tree import text_of, tokens
from newsarchive.extract.related.labels import label_text
from newsarchive.text.clean import clean_line

# Class words of the part of a teaser link that is its title, and of the parts that only label it (its
# section, kind or date; a kicker above the headline): `<a><span class="label">ビジネス</span>
# <span class="title">BofA、…</span></a>`. A title word with a modifier (`pre-headline`, `top-title`) is a kicker.
_TITLE_WORDS = frozenset("title titles headline headlines heading hdg ttl".split())
_LABEL_WORDS = frozenset(
    "label labels category cat section genre kicker eyebrow overline topline dachzeile catchline roofline "
    "supertitle spitzmarke rubric flag badge date time timestamp".split()
)
_MODIFIERS = frozenset("pre sub super over top roof".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _is_kicker(el) -> bool:
    words = tokens(el)
    return el.tag == "time" or bool(words & _LABEL_WORDS) or bool(words & _TITLE_WORDS and words & _MODIFIERS)


def title_part(a) -> str:
    """The text of a link that holds more than its title: the part marked as the title (a class word such as
    "title", else its highest heading) without the labels or dates inside it, else the whole text without
    them; "" when nothing in the link is marked so."""
    parts = [el for el in a.iterdescendants() if isinstance(el.tag, str)]
    labels = [el for el in parts if _is_kicker(el)]
    # A kicker is often a heading too (`<h4 class="catchline">Bayern</h4><h3 class="title">…</h3>`).
    inside = {el for label in labels for el in label.iter()}
    # Of the parts marked as titles, not one saying what the block is ("Mehr zum Thema"); a heading first.
    titles = [el for el in parts if el not in inside and tokens(el) & _TITLE_WORDS and not label_text(text_of(el))]
    headings = [el for el in parts if el not in inside and el.tag in _HEADINGS]
    titles.sort(key=lambda el: el.tag not in _HEADINGS)
    if titles:
        # A title part inside a heading with more in it (`<h2><span class=title>A</span><span>B</span></h2>`):
        # the heading is the title.
        around = [h for h in headings if titles[0] in h.iterdescendants()]
        titles = around[-1:] or titles
    else:
        titles = sorted(headings, key=lambda el: el.tag)[:1]  # h1 before h2 ...: the headline, not its kicker
    for el in titles:
        text = _without(el, labels)
        if text:
            return text
    return _without(a, labels) if labels else ""


def _without(el, labels) -> str:
    text = text_of(el)
    for label in labels:  # each label's words once, where they stand (before the title, as a rule)
        if el in label.iterancestors():
            text = text.replace(text_of(label), " ", 1)
    return clean_line(text).lstrip(":|–—-·•» ")
