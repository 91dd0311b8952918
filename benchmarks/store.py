"""Benchmark: Archive.save_articles against raw sqlite3.executemany into the same schema, FTS off and on.

    python benchmarks/store.py [--n 20000] [--batch 100] [--seed 7]

Both sides get the same synthetic articles (~5 KB bodies mixing Japanese and English, fixed seed) in the same
batches, write to a fresh SQLite file each (the archive's pragmas: WAL, synchronous=NORMAL, foreign keys on,
the same checkpoint interval) and commit once per batch. The raw side is the floor a hand-written writer could
reach: it turns each Article into row tuples (content hash, JSON columns, UTC timestamps) and runs one plain
INSERT executemany per table, with no duplicate or update detection. With FTS on, both sides index the text
segmented by newsarchive.store.search.segment. Both sides keep the story-cluster index (MinHash signature and
32 LSH band rows per article) as the archive does by default; the last row measures both without it
(Archive(clusters=False), NEWSARCHIVE_CLUSTERS=0).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsarchive.items import Article  # noqa: E402
from newsarchive.store import open_archive  # noqa: E402
from newsarchive.store.engine import WAL_PRAGMAS  # noqa: E402
from newsarchive.store.rows import content_hash, offset_minutes  # noqa: E402
from newsarchive.store.search import segment  # noqa: E402
from newsarchive.text import neardup  # noqa: E402
from newsarchive.text.urls import url_key  # noqa: E402
from newsarchive.text.words import words  # noqa: E402

JST = timezone(timedelta(hours=9))
JA_WORDS = (
    "東京 政府 首相 会談 米国 中国 ロシア 条約 戦略 経済 市場 株価 円安 日銀 金利 選挙 国会 外交 安全保障 "
    "ウクライナ 戦争 停戦 交渉 大統領 記者 会見 発表 調査 結果 企業 投資 技術 半導体 人工知能 データ "
    "気候 変動 エネルギー 原発 地震 災害 避難 医療 ワクチン 感染 教育 大学 研究 社会 人口 少子化 高齢化"
).split()
JA_GLUE = ("は", "が", "を", "に", "で", "と", "の", "も", "から", "まで", "について", "による")
JA_ENDINGS = ("した。", "している。", "と述べた。", "を明らかにした。", "が注目される。", "だという。")
EN_WORDS = (
    "the government said on Monday that talks with officials would continue as markets reacted to "
    "new data on inflation trade policy security energy climate technology election results and the "
    "economy while analysts warned of risks for investors in Asia Europe and America"
).split()


# Bodies draw on a few thousand generated words besides the news words above, so that two unrelated
# articles share about as little text as two unrelated real ones (character-trigram Jaccard ~0.01 between
# the Japanese pages of ../shared/eval); with the few dozen words alone every article was a near-duplicate
# candidate of every other (Jaccard ~0.14), which no real archive is.
_KANJI = [chr(c) for c in random.Random(1).sample(range(0x4E00, 0x9FA0), 1500)]
JA_VOCABULARY = ["".join(random.Random(n).choices(_KANJI, k=2 + n % 2)) for n in range(4000)] + JA_WORDS
EN_VOCABULARY = [
    "".join(random.Random(-n).choices("abcdefghiklmnoprstuvwy", k=3 + n % 6)) for n in range(4000)
] + EN_WORDS


def japanese_sentence(rng: random.Random) -> str:
    parts = [rng.choice(JA_VOCABULARY) + rng.choice(JA_GLUE) for _ in range(rng.randint(3, 7))]
    return "".join(parts) + rng.choice(JA_VOCABULARY) + rng.choice(JA_ENDINGS)


def english_sentence(rng: random.Random) -> str:
    words = [rng.choice(EN_VOCABULARY) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def make_articles(n: int, seed: int) -> list[Article]:
    """n deterministic articles of about 5 KB (UTF-8) of body text each."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 9, 0, tzinfo=JST)
    fetched = datetime(2025, 1, 20, tzinfo=UTC)
    articles = []
    for i in range(n):
        paragraphs, size = [], 0
        while size < 5000:
            if rng.random() < 0.7:
                text = "".join(japanese_sentence(rng) for _ in range(rng.randint(2, 5)))
            else:
                text = " ".join(english_sentence(rng) for _ in range(rng.randint(2, 4)))
            paragraphs.append(text)
            size += len(text.encode("utf-8")) + 1
        links = [
            {"url": f"https://bench.example/article/{rng.randrange(n)}", "title": japanese_sentence(rng)}
            for _ in range(rng.randint(2, 5))
        ]
        articles.append(
            Article(
                url=f"https://bench.example/article/{i}",
                site="bench",
                headline=japanese_sentence(rng),
                published=start + timedelta(minutes=17 * i),
                authors=["記者 太郎"],
                section="world",
                tags=[rng.choice(JA_WORDS), rng.choice(JA_WORDS)],
                language="ja",
                body="\n".join(paragraphs),
                related_links=links,
                image_url=f"https://bench.example/img/{i}.jpg",
                fetched_at=fetched,
                sources={"headline": "jsonld", "published": "jsonld"},
                pages=[f"https://bench.example/article/{i}"],
            )
        )
    return articles


def batches(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def run_archive(path: Path, articles: list[Article], size: int, fts: bool, clusters: bool) -> float:
    archive = open_archive(str(path), fts=fts, clusters=clusters)
    try:
        started = time.perf_counter()
        for batch in batches(articles, size):
            archive.save_articles(batch)
        return time.perf_counter() - started
    finally:
        archive.close()


def _utc(value: datetime | None) -> str | None:
    # The same text SQLAlchemy stores for a DateTime on SQLite.
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def run_raw(path: Path, articles: list[Article], size: int, fts: bool, clusters: bool) -> float:
    open_archive(str(path)).close()  # the very same schema, made by the migrations
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "busy_timeout = 30000",
        "journal_mode = WAL",
        "synchronous = NORMAL",
        "foreign_keys = ON",
        *WAL_PRAGMAS,
    ):
        db.execute(f"PRAGMA {pragma}")
    db.execute("INSERT INTO sites (name) VALUES ('bench')")
    site_id = db.execute("SELECT id FROM sites WHERE name = 'bench'").fetchone()[0]
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    next_id = 1
    started = time.perf_counter()
    for batch in batches(articles, size):
        now = _utc(datetime.now(UTC))
        rows, links, docs, aliases, sigs, bands = [], [], [], [], [], []
        for article in batch:
            key = url_key(article.url)
            rows.append(
                (
                    next_id,
                    article.url,
                    key,
                    site_id,
                    content_hash(article.body),
                    article.headline,
                    _utc(article.published),
                    offset_minutes(article.published),
                    article.published_tz_inferred,
                    _utc(article.modified),
                    offset_minutes(article.modified),
                    dumps(article.authors),
                    article.section,
                    dumps(article.tags),
                    article.language,
                    article.body,
                    article.image_url,
                    dumps(article.sources),
                    dumps(article.pages),
                    _utc(article.fetched_at),
                    now,
                    now,
                )
            )
            links.extend(
                (next_id, position, link["url"], link["title"]) for position, link in enumerate(article.related_links)
            )
            aliases.append((article.url, key, next_id, now, now))
            # The near-duplicate index the archive keeps for every article (story clusters).
            body_words = words(article.body)  # cut once for both indexes, as the archive does
            sig = neardup.signature_of_words(body_words) if clusters else None
            if sig:
                sigs.append((next_id, neardup.pack(sig)))
                bands.extend((bucket, next_id) for bucket in set(neardup.band_keys(sig)))
            if fts:
                docs.append((next_id, segment(article.headline), " ".join(body_words)))
            next_id += 1
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO articles (id, url, url_key, site_id, content_hash, headline, published, published_offset, "
            "published_tz_inferred, modified, modified_offset, authors, section, tags, language, body, "
            "image_url, sources, pages, fetched_at, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany(
            "INSERT INTO url_aliases (url, url_key, article_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)", aliases
        )
        db.executemany("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)", sigs)
        db.executemany("INSERT OR IGNORE INTO minhash_bands (bucket, article_id) VALUES (?, ?)", bands)
        db.executemany("INSERT INTO related_links (article_id, position, url, title) VALUES (?, ?, ?, ?)", links)
        if fts:
            db.executemany("INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)", docs)
        db.execute("COMMIT")
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="articles to ingest (default 20000)")
    parser.add_argument("--batch", type=int, default=100, help="articles per save_articles call (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best counts (default 3)")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()

    articles = make_articles(options.n, options.seed)
    megabytes = sum(len(a.body.encode("utf-8")) for a in articles) / 1e6
    print(
        f"{options.n} articles, {megabytes:.1f} MB of body text, batches of {options.batch}, "
        f"best of {options.repeat}, SQLite {sqlite3.sqlite_version}"
    )
    print(f"{'':20} {'newsarchive art/s':>18} {'raw sqlite3 art/s':>18} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, fts, clusters in (
            ("FTS off", False, True),
            ("FTS on", True, True),
            ("FTS on, no clusters", True, False),
        ):
            ours, raw = [], []
            for _attempt in range(options.repeat):
                # Alternate the sides so background load hits both alike; fresh files every time.
                ours.append(run_archive(Path(tmp, "archive.db"), articles, options.batch, fts, clusters))
                raw.append(run_raw(Path(tmp, "raw.db"), articles, options.batch, fts, clusters))
                for leftover in Path(tmp).iterdir():
                    leftover.unlink()
            ours_rate, raw_rate = options.n / min(ours), options.n / min(raw)
            print(f"{label:20} {ours_rate:18,.0f} {raw_rate:18,.0f} {ours_rate / raw_rate:6.2f}")


if __name__ == "__main__":
    main()
