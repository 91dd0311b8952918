"""Hand-written articles the store tests save and look for (facts from the Newsweek Japan seed page)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsarchive.items import Article

JST = timezone(timedelta(hours=9))


def treaty_article(**changes) -> Article:
    """The Reuters story of the seed page: Russia and Iran sign a strategic treaty (Japan time)."""
    article = Article(
        url="https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php",
        site="newsweekjapan",
        headline="ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化",
        published=datetime(2025, 1, 18, 7, 25, tzinfo=JST),
        authors=["Vladimir Soldatkin", "Andrew Osborn"],
        section="ワールド",
        tags=["ロシア", "イラン"],
        language="ja",
        body=(
            "[モスクワ 17日 ロイター] - ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、"
            "モスクワで会談を行い、有効期間20年の包括的戦略パートナーシップ条約に署名した。\n"
            "合意に基づき、ロシアとイランは治安部隊や軍事演習、軍艦の寄港、合同訓練など、"
            "多くの分野で協力を強化し、軍事関係を深化させる。\n"
            "ただ、ロシアと北朝鮮の間の条約に含まれるような相互防衛条項は含まれていなかった。"
        ),
        related_links=[
            {
                "url": "https://www.newsweekjapan.jp/headlines/world/2025/01/529990.php",
                "title": "中国のレアアース等の輸出管理措置",
            },
            {
                "url": "https://www.newsweekjapan.jp/headlines/world/2025/01/529980.php",
                "title": "欧州投資銀、豪政府と重要原材料分野で協力へ",
            },
            {
                "url": "https://www.newsweekjapan.jp/headlines/business/2025/01/529970.php",
                "title": "BofA、生産性や収益向上へAIに巨額投資計画",
            },
        ],
        image_url="https://www.newsweekjapan.jp/headlines/assets/2025/01/treaty.jpg",
        fetched_at=datetime(2025, 1, 18, 1, 0, 12, tzinfo=UTC),
        sources={"headline": "jsonld", "published": "site", "body": "site"},
        pages=["https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"],
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def simple_article(number: int, **changes) -> Article:
    """A small distinct article: URL, headline and body all carry `number`."""
    article = Article(
        url=f"https://www.newsweekjapan.jp/headlines/world/2025/01/{600000 + number}.php",
        site="newsweekjapan",
        headline=f"見出し {number}",
        published=datetime(2025, 1, 1, 9, 0, tzinfo=JST) + timedelta(hours=number),
        body=f"本文 {number} の段落。\nsecond paragraph {number}",
        language="ja",
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article
