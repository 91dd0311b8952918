"""A small Newsweek Japan mirror for the end-to-end crawl tests: good articles and every kind of bad URL."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .localserver import QuietHandler, running

WORLD = "/headlines/world/2025/01"

TREATY = [
    "[モスクワ 17日 ロイター] - ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、"
    "有効期間20年の包括的戦略パートナーシップ条約に署名した。",
    "合意に基づき、ロシアとイランは治安部隊や軍事演習、軍艦の寄港、合同訓練など、多くの分野で協力を強化し、"
    "軍事関係を深化させる。",
    "ただ、ロシアと北朝鮮の間の条約に含まれるような相互防衛条項は含まれていなかった。",
]


def page(
    headline: str | None,
    date: str,
    paragraphs: list[str],
    *,
    section: str = "ワールド",
    related: tuple[tuple[str, str], ...] = (),
    next_page: str | None = None,
    charset: str | None = "utf-8",
    jsonld: dict | None = None,
    cut_after: int | None = None,
) -> str:
    """An article page in the site's markup, with the furniture (menus, rankings) that must not be stored."""
    meta = f'<meta charset="{charset}">' if charset else ""
    ld = f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>' if jsonld else ""
    head = f'<div class="entryDetailHeadline"><h1>{headline}</h1></div>' if headline else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    links = "".join(f'<a href="{href}">{text}</a>' for href, text in related)
    pager = (
        f'<ul class="indexNavi"><li class="next"><a href="{next_page}">次のページ</a></li></ul>' if next_page else ""
    )
    html = (
        f'<!DOCTYPE html><html lang="ja"><head>{meta}<title>{headline or ""}</title>{ld}</head>'
        '<body><div id="header"><ul class="globalNavi"><li><a href="/headlines/">ニュース速報</a></li>'
        '<li><a href="/stories/">ストーリー</a></li><li><a href="/column/">コラム</a></li></ul></div>'
        '<ol id="breadCrumbs"><li><a href="/">HOME</a></li><li><a href="/headlines/">ニュース速報</a></li>'
        f'<li><a href="/headlines/world/">{section}</a></li></ol>'
        f'<div id="contents">{head}<div class="entryDetailData"><div class="date">{date}</div></div>'
        f'<div class="entryDetailBodyCopy">{body}{pager}</div>'
        f'<div class="related"><p>あわせて読みたい</p>{links}</div></div>'
        '<div id="sideBar"><div class="ranking"><p>人気ランキング</p><ol><li>'
        '<a href="/stories/world/2025/11/tokyo-economy.php">東京がニューヨークを上回り「世界最大の経済都市」に</a>'
        '</li></ol></div><div class="magazine">特集:世界も「老害」戦争 2025年11月25日号(11/18発売)</div></div>'
        '<div id="footer">Copyright ニューズウィーク日本版</div></body></html>'
    )
    if cut_after is not None:  # the page as a server that died mid-write would leave it
        html = html[: html.index("<p>", html.index("entryDetailBodyCopy")) + cut_after]
    return html


def listing(*hrefs: str) -> str:
    items = "".join(f'<li><a href="{h}">{h}</a></li>' for h in hrefs)
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>一覧</title></head>'
        f"<body><ul>{items}</ul></body></html>"
    )


TREATY_PAGE = page(
    "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化",
    "2025年01月18日(土)07時25分",
    TREATY,
    related=(
        ("/headlines/business/2025/01/483530.php", "日銀、利上げを決定"),
        (f"{WORLD}/404404.php", "削除された記事"),
    ),
)

BANK = [
    "日本銀行は24日の金融政策決定会合で、短期金利の誘導目標を0.5%程度に引き上げることを決めた。",
    "利上げは昨年7月以来で、政策金利は17年ぶりの水準となる。植田和男総裁が午後に記者会見する。",
]

FEATURE = [
    "ロシアとイランが結んだ条約は、中東と欧州の安全保障にどのような意味を持つのか。専門家に聞いた。",
    "両国の接近は、制裁を受ける国どうしの実利的な協力という面が強いと、多くの専門家はみている。",
]

COLUMN_1 = [
    "「ノーサンキュー」と言えない日本の職場文化について、今回は考えてみたい。" * 2,
    "断ることが失礼だと考える人は多いが、それが長時間労働の一因になっている。",
]
COLUMN_2 = ["二つ目のページでは、海外の職場の例と比べて、何が違うのかを見ていく。" * 2]

SJIS_HEADLINE = "円相場、一時1ドル=155円台に下落"
SJIS_BODY = [
    "24日の東京外国為替市場で円相場は下落し、一時1ドル=155円台をつけた。",
    "日米の金利差が意識され、円を売ってドルを買う動きが強まった。市場関係者は当局の介入を警戒している。",
]

TOKYO = [
    "米コンサルティング会社が発表した都市の経済規模の調査で、東京の域内総生産がニューヨークを上回った。",
    "調査は物価の違いを調整して比較したもので、日本からは大阪を中心とする都市圏も上位10位に入った。",
]

NO_HEADLINE = ["見出しのないページ。本文だけが残っているが、どの記事なのかを示すものは何もない。" * 2]

TRUNCATED = [
    "米連邦準備理事会(FRB)は29日、政策金利を据え置くことを決めた。据え置きは市場の予想通り。",
    "パウエル議長は記者会見で、インフレ率の動向を慎重に見極める考えを示した。",
    "この段落は途中で切れて",
]


def _pages() -> dict[str, tuple[str, bytes]]:
    html = "text/html; charset=utf-8"
    utf8 = lambda text: text.encode("utf-8")  # noqa: E731
    sequel_1 = page(
        "続編のあるコラム、二つ目のページが消えた",
        "2024年02月07日（水）15時00分",
        COLUMN_1,
        section="コラム",
        next_page="/reizei/2024/02/broken-sequel_2.php",
    )
    return {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /headlines/world/2025/01/483599.php\n"),
        "/headlines.rss": (
            "application/rss+xml",
            utf8(
                '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ニュース速報</title>'
                f"<item><title>条約</title><link>{WORLD}/483520.php</link>"
                "<pubDate>Sat, 18 Jan 2025 07:25:00 +0900</pubDate></item>"
                "<item><title>日銀</title><link>/headlines/business/2025/01/483530.php</link></item>"
                "</channel></rss>"
            ),
        ),
        "/sitemap.xml": (
            "application/xml",
            utf8(
                '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>"
            ),
        ),
        "/sitemap-news.xml": (
            "application/xml",
            utf8(
                '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                "<url><loc>/stories/world/2025/01/treaty-analysis.php</loc>"
                "<news:news><news:publication_date>2025-01-20T12:00:00+09:00</news:publication_date></news:news></url>"
                "<url><loc>/stories/</loc></url></urlset>"
            ),
        ),
        "/headlines/": ("text/html", utf8(listing("/headlines/world/", "/headlines/business/"))),
        "/headlines/world/": (
            html,
            utf8(
                listing(
                    *(
                        f"{WORLD}/{n}.php"
                        for n in (
                            483520,
                            483540,
                            483550,
                            483551,
                            483560,
                            483570,
                            483571,
                            483580,
                            483581,
                            483590,
                            483595,
                            483599,
                            404404,
                            500500,
                        )
                    )
                )
            ),
        ),
        "/headlines/business/": (html, utf8(listing("/headlines/business/2025/01/483530.php"))),
        "/stories/": (html, utf8(listing("/stories/world/2025/01/treaty-analysis.php"))),
        "/column/": (html, utf8(listing("/reizei/2024/01/no-thank-you.php", "/reizei/2024/02/broken-sequel.php"))),
        f"{WORLD}/483520.php": (html, utf8(TREATY_PAGE)),
        f"{WORLD}/483560.php": (html, utf8(TREATY_PAGE)),  # the same story again under another URL
        "/headlines/business/2025/01/483530.php": (
            html,
            utf8(page("日銀、追加利上げを決定 政策金利0.5%に", "2025年01月24日(金)12時45分", BANK, section="ビジネス")),
        ),
        "/stories/world/2025/01/treaty-analysis.php": (
            html,
            utf8(
                page(
                    "ロシア・イラン条約は何を変えるのか",
                    "2025年01月20日(月)12時00分",
                    FEATURE,
                    jsonld={
                        "@context": "https://schema.org",
                        "@type": "NewsArticle",
                        "headline": "ロシア・イラン条約は何を変えるのか",
                        "datePublished": "2025-01-20T12:00:00+09:00",
                    },
                )
            ),
        ),
        "/reizei/2024/01/no-thank-you.php": (
            html,
            utf8(
                page(
                    "「ノーサンキュー」が言えない日本",
                    "2024年01月31日（水）15時00分",
                    COLUMN_1,
                    section="コラム",
                    next_page="/reizei/2024/01/no-thank-you_2.php",
                )
            ),
        ),
        "/reizei/2024/01/no-thank-you_2.php": (
            html,
            utf8(page("「ノーサンキュー」が言えない日本", "2024年01月31日（水）15時00分", COLUMN_2, section="コラム")),
        ),
        "/reizei/2024/02/broken-sequel.php": (html, utf8(sequel_1)),
        # Linked only from every page's ranking sidebar: found by following links, never a related link.
        "/stories/world/2025/11/tokyo-economy.php": (
            html,
            utf8(page("東京がニューヨークを上回り「世界最大の経済都市」に", "2025年11月20日(木)18時00分", TOKYO)),
        ),
        # Shift_JIS bytes under a header that claims UTF-8, and no <meta charset> to set it right.
        f"{WORLD}/483540.php": (
            html,
            page(SJIS_HEADLINE, "2025年01月24日(金)16時10分", SJIS_BODY, charset=None).encode("shift_jis"),
        ),
        f"{WORLD}/483550.php": (
            html,
            utf8(
                page(
                    "FRB、政策金利を据え置き",
                    "2025年01月30日(木)04時30分",
                    TRUNCATED,
                    cut_after=len("<p>" + TRUNCATED[0] + "</p><p>" + TRUNCATED[1] + "</p><p>この段落は"),
                )
            ),
        ),
        f"{WORLD}/483570.php": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        f"{WORLD}/483571.php": (html, b"\x00\x01\x02\x03GIF89a" + bytes(range(256)) * 8),
        f"{WORLD}/483580.php": (html, utf8(page(None, "2025年01月25日(土)09時00分", NO_HEADLINE))),
        f"{WORLD}/483581.php": (html, utf8(page("速報", "2025年01月25日(土)10時00分", ["詳細は追って。"]))),
        # 300 KB of page, over the 200 KB DOWNLOAD_MAXSIZE the tests set.
        f"{WORLD}/483595.php": (html, utf8(page("巨大なページ", "2025年01月25日(土)12時00分", ["あ" * 100_000]))),
        f"{WORLD}/483599.php": (html, utf8(page("robots.txt が禁じるページ", "2025年01月25日(土)11時00分", BANK))),
    }


class MirrorHandler(QuietHandler):
    """Serves the pages above, plus 500s, a download that hangs, and one that is cut off mid-body."""

    pages = _pages()
    hang_seconds = 8.0
    log: list[tuple[str, str]] = []  # (path, outcome) for every request, in order

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("#")[0]
        if path == f"{WORLD}/500500.php":
            self._send(500, "text/html", b"<html><body>Internal Server Error</body></html>", path)
        elif path == f"{WORLD}/483590.php":
            self.log.append((path, "hang"))
            time.sleep(self.hang_seconds)
        elif path == f"{WORLD}/483551.php":
            self.log.append((path, "cut"))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "50000")
            self.end_headers()
            self.wfile.write(TREATY_PAGE.encode()[:2000])
            self.wfile.flush()
            self.close_connection = True
        elif path in self.pages:
            ctype, body = self.pages[path]
            self._send(200, ctype, body, path)
        else:
            self._send(404, "text/html", b"<html><body>Not Found</body></html>", path)

    def _send(self, status: int, ctype: str, body: bytes, path: str) -> None:
        self.log.append((path, str(status)))
        self.reply(status, ctype, body)


@contextmanager
def serve_mirror() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """The mirror on 127.0.0.1 at a free port: (base URL, request log)."""
    log: list[tuple[str, str]] = []
    with running(MirrorHandler, log=log) as base:
        yield base, log
