"""The words of related reading: labels publishers put above it, and the names of lists that are not it."""

from __future__ import annotations

import re

from newsarchive.extract.boilerplate.caseless import Caseless
from newsarchive.extract.boilerplate.junk import RANKING_WORDS
from newsarchive.extract.document.tree import squash

# Labels publishers put above related reading (matched on a short element's whole text, case-insensitive).
LABEL = re.compile(
    r"^[\s【\[「『(（<＜■□●◆▼▶►»>:：\-–—]*(?:あわせて読みたい|合わせて読みたい|関連記事|関連ニュース|関連リンク|こちらもおすすめ|"
    r"related(?: articles?| stories| content| coverage| reading| news| posts| links)?|read more|read also|also read|"
    r"see also|more on this (?:story|topic)|more about this|mehr zum thema|lesen sie auch|auch interessant|"
    r"weitere artikel|zum thema|verwandte artikel|ähnliche artikel|à lire aussi|lire aussi|sur le même (?:thème|sujet)|"
    r"leer más|lee también|más información|noticias relacionadas|leggi anche|articoli correlati|"
    r"relaterade artiklar|läs också|les også|læs også|lees ook)[\s】\]」』)）>＞:：\-–—.…]*$",
    re.I,
)
# "More on <topic>" headings name the topic after the words ("Mehr zu Iran", "Más sobre Ucrania"); "more
# from <author or section>" is a feed, not reading about this story, so it is not among them.
MORE_ON = re.compile(
    r"^(?:more (?:on|about)|mehr (?:zu[mr]?|über)|plus sur|más sobre|mer om|meer over|altro su)"
    r"\s*:?\s+\S.{0,40}$",
    re.I,
)
# A cheap first test before the full label pattern (run on every short text of a page, hence Caseless).
LABEL_WORD = Caseless(
    r"読みたい|関連|おすすめ|related|read|see also|more|mehr|lesen|interessant|artikel|verwandt|"
    r"thema|lire|même|leer|lee |más|relacionadas|leggi|correlati|relaterade|läs|les også|læs|lees|"
    r"mer om|meer|altro"
)
# Label words that mean a ranking or a tag list, never related reading.
NOT_RELATED = re.compile(
    r"ランキング|人気|アクセス|最新|新着|most read|most popular|popular|trending|関連ワード|関連キーワード|"
    r"topics|tags|keywords|schlagw|latest|newest|neueste|meistgelesen|últimas|derniers|ultime",
    re.I,
)
# Link texts that are calls to action, not the title of something to read.
CALL_TO_ACTION = re.compile(
    r"^(?:read more|more|learn more|mehr|mehr erfahren|weiterlesen|mehr lesen|hier|here|"
    r"click here|en savoir plus|lire la suite|leer más|ver más|continua a leggere|続きを読む|"
    r"詳しく|詳しくはこちら|もっと見る|一覧)[\s.…:>»›]*$",
    re.I,
)
TAG_HREF = re.compile(
    r"/(?:tags?|tagsearch|topics?|keywords?|thema|themen|tema|temas|emne|schlagwort|author|authors|"
    r"autor|autoren|autore|auteur)(?:/|$|\?)",
    re.I,
)
# Class/id words of algorithmic or site-wide lists: rankings, ads, recommendation engines, latest news.
WIDGET_WORDS = RANKING_WORDS | frozenset(
    "recommend recommended recommendation recommendations recommender latest newest mostviewed".split()
)
# Inside a block, only these name a nested widget: teaser cards carry "ranking" or "ad" styles too.
ENGINE_WORDS = frozenset(
    "recommend recommended recommendation recommendations recommender outbrain taboola plista ligatus sponsored".split()
)
NAV_WORDS = frozenset("nav navbar navigation menu breadcrumb breadcrumbs".split())


def label_text(text: str) -> bool:
    """Whether a short text is a label put above related reading ("Mehr zum Thema", "【関連記事】")."""
    text = squash(text)
    if not 0 < len(text) <= 40 or NOT_RELATED.search(text):
        return False
    return bool(LABEL.match(text) or MORE_ON.match(text))
