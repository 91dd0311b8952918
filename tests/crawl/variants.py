"""Two small local news sites for the duplicate tests: one article under many URLs, copies, a wire story."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

from .localserver import QuietHandler, running

TREATY = [
    "[モスクワ 17日 ロイター] - ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、"
    "有効期間20年の包括的戦略パートナーシップ条約に署名した。",
    "合意に基づき、ロシアとイランは治安部隊や軍事演習、軍艦の寄港、合同訓練など、多くの分野で協力を強化し、"
    "軍事関係を深化させる。",
    "ただ、ロシアと北朝鮮の間の条約に含まれるような相互防衛条項は含まれていなかった。",
    "両首脳は会談後の共同記者会見で、西側の制裁に対抗して経済協力も進める方針を示した。",
]
# The same wire story as the second site runs it: another headline, one sentence reworded, one added.
TREATY_B = [TREATY[0].replace("会談を行い、", "会談し、"), *TREATY[1:], "条約は両国議会の批准を経て発効する。"]
BANK = [
    "日本銀行は24日の金融政策決定会合で、短期金利の誘導目標を0.5%程度に引き上げることを決めた。",
    "利上げは昨年7月以来で、政策金利は17年ぶりの水準となる。植田和男総裁が午後に記者会見する。",
]
YEN = [
    "24日の東京外国為替市場で円相場は下落し、一時1ドル=155円台をつけた。",
    "日米の金利差が意識され、円を売ってドルを買う動きが強まった。市場関係者は当局の介入を警戒している。",
]
COLUMN_1 = [
    "「ノーサンキュー」と言えない日本の職場文化について、今回は考えてみたい。断ることが失礼だと考える人は多い。",
    "しかし、断らないことで仕事が増え続け、それが長時間労働の一因になっているのではないだろうか。",
]
COLUMN_2 = [
    "二つ目のページでは、海外の職場の例と比べて、何が違うのかを見ていく。",
    "欧米の職場では、できないことをできないと言うのは、むしろ誠実な態度だと受け止められることが多い。",
]
HOME = [
    "東京がニューヨークを上回り、世界最大の経済都市になったとする調査結果を米コンサルティング会社が発表した。",
    "調査は物価の違いを調整して比較したもので、日本からは大阪を中心とする都市圏も上位10位に入った。",
]
ELSEWHERE = [
    "米連邦準備理事会は29日、政策金利を据え置くことを決めた。据え置きは市場の予想通りだった。",
    "パウエル議長は記者会見で、インフレ率の動向を慎重に見極める考えを示した。",
]
COURT = [
    "最高裁判所は30日、選挙区の一票の格差をめぐる訴訟で、昨年の衆議院選挙を合憲とする判決を言い渡した。",
    "原告側は格差が最大2倍を超えていたと主張していたが、最高裁は国会の取り組みを評価した。",
]
LIVE_1 = [
    "能登半島で震度5強の地震があった。気象庁によると、津波の心配はないという。",
    "現在のところ、被害の情報は入っていない。気象庁は今後1週間程度は同程度の地震に注意するよう呼びかけている。",
]
LIVE_2 = [
    "能登半島で震度5強の地震があった。気象庁によると、津波の心配はないという。",
    "気象庁は今後1週間程度は同程度の地震に注意するよう呼びかけている。",
    "石川県によると、輪島市で住宅1棟が全壊し、けが人が2人出ている。県は災害対策本部を設置した。",
]

TREATY_URL = "/news/2025/01/treaty-signed.html"
BANK_URLS = ("/news/2025/02/bank-decision/", "/news/2025/02/bank-decision", "/news/2025/02/bank-decision/index.html")
YEN_URLS = (
    "/news/2025/03/yen-falls.html",
    "/amp/news/2025/03/yen-falls.html",
    "/news/2025/03/yen-falls.amp.html",
    "/news/2025/03/yen-falls.html?amp=1",
)
COLUMN_URL, COLUMN_2_URL = "/column/2025/01/no-thank-you.php", "/column/2025/01/no-thank-you_2.php"
HOME_URL, ELSEWHERE_URL = "/news/2025/04/home-canonical.html", "/news/2025/04/other-site-canonical.html"
COURT_URLS = ("/news/2025/05/court-ruling.html", "/print/2025/05/court-ruling.html")
LIVE_URL = "/news/2025/06/live-updates.html"
WIRE_B_URL = "/world/2025/01/russia-iran-treaty.html"

# Every URL the first site's feed lists (the treaty three times: tracking parameters, a fragment).
FEED_A = (
    TREATY_URL,
    TREATY_URL + "?utm_source=rss&utm_medium=feed&fbclid=abc",
    TREATY_URL + "#comments",
    *BANK_URLS,
    *YEN_URLS,
    COLUMN_URL,
    COLUMN_2_URL,
    HOME_URL,
    ELSEWHERE_URL,
    *COURT_URLS,
    LIVE_URL,
)


def article(
    headline: str, paragraphs: list[str], date: str, *, canonical: str | None = None, next_page: str | None = None
) -> bytes:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    head += f'<link rel="next" href="{next_page}">' if next_page else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{headline}</title>{head}</head>'
        f'<body><nav><a href="/">ホーム</a></nav><article><h1>{headline}</h1>'
        f'<time datetime="{date}">{date}</time>{body}</article></body></html>'
    ).encode()


def feed(paths: tuple[str, ...]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{escape(p)}</link></item>" for p in paths)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>news</title>{items}</channel></rss>'
    ).encode()


def site_a(version: int) -> dict[str, bytes]:
    """The first site; `version` 2 is the same site a while later, with the live article updated."""
    treaty = article("ロシア・イラン大統領、戦略条約締結", TREATY, "2025-01-18T07:25:00+09:00", canonical=TREATY_URL)
    bank = article("日銀、追加利上げを決定", BANK, "2025-02-24T12:45:00+09:00")
    yen = article("円相場、一時155円台に下落", YEN, "2025-03-24T16:10:00+09:00")
    court = article("最高裁、一票の格差は合憲", COURT, "2025-05-30T15:00:00+09:00")
    pages = {
        "/feed.xml": feed(FEED_A),
        TREATY_URL: treaty,
        **{url: bank for url in BANK_URLS},
        **{url: yen for url in YEN_URLS},
        COLUMN_URL: article(
            "「ノーサンキュー」が言えない日本", COLUMN_1, "2024-01-31T15:00:00+09:00", next_page=COLUMN_2_URL
        ),
        COLUMN_2_URL: article("「ノーサンキュー」が言えない日本", COLUMN_2, "2024-01-31T15:00:00+09:00"),
        HOME_URL: article("東京が世界最大の経済都市に", HOME, "2025-04-20T18:00:00+09:00", canonical="/"),
        ELSEWHERE_URL: article(
            "FRB、政策金利を据え置き",
            ELSEWHERE,
            "2025-04-30T04:30:00+09:00",
            canonical="https://elsewhere.example/fed-holds",
        ),
        **{url: court for url in COURT_URLS},
        LIVE_URL: (
            article("能登で震度5強", LIVE_1, "2025-06-01T10:00:00+09:00")
            if version == 1
            else article("能登で震度5強、住宅1棟全壊", LIVE_2, "2025-06-01T10:00:00+09:00")
        ),
    }
    return pages


def site_b() -> dict[str, bytes]:
    return {
        "/feed.xml": feed((WIRE_B_URL,)),
        WIRE_B_URL: article("露イラン、包括的戦略条約に署名", TREATY_B, "2025-01-18T09:00:00+09:00"),
    }


class _Handler(QuietHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("#")[0]
        # The query never changes the page (tracking, ?amp=1), as on most sites.
        body = self.pages.get(path) or self.pages.get(path.split("?")[0])
        ctype = "application/rss+xml" if path.endswith(".xml") else "text/html; charset=utf-8"
        self.reply(200 if body else 404, ctype, body or b"<html><body>Not Found</body></html>")


@contextmanager
def serve(pages: dict[str, bytes]) -> Iterator[tuple[str, dict[str, bytes]]]:
    """Serve `pages` (a dict the test may change between crawls) on 127.0.0.1 at a free port."""
    with running(_Handler, pages=pages) as base:
        yield base, pages
