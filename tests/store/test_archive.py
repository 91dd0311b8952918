"""Saving and reading articles: round trip, upsert statuses, related links, all-or-nothing batches.

These tests only use the Archive API (and portable SELECTs), so test_postgres.py runs them again
against PostgreSQL.
"""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from newsarchive.store import SaveResult, StoreError
from newsarchive.store.models import RelatedLinkRow

from .articles import simple_article, treaty_article

TREATY_URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"


def statuses(results: list[SaveResult]) -> list[str]:
    return [result.status for result in results]


def test_saved_article_comes_back_with_its_japan_time_offset_and_text(archive):
    [result] = archive.save_articles([treaty_article()])
    saved = archive.get(result.id)
    assert saved["published"] == "2025-01-18T07:25:00+09:00"
    assert saved["headline"] == "ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化"
    assert saved["body"] == treaty_article().body
    assert saved["authors"] == ["Vladimir Soldatkin", "Andrew Osborn"]
    assert saved["section"] == "ワールド"
    assert saved["tags"] == ["ロシア", "イラン"]
    assert saved["language"] == "ja"
    assert saved["site"] == "newsweekjapan"
    assert saved["image_url"] == "https://www.newsweekjapan.jp/headlines/assets/2025/01/treaty.jpg"
    assert saved["fetched_at"] == "2025-01-18T01:00:12+00:00"
    assert saved["sources"] == {"headline": "jsonld", "published": "site", "body": "site"}
    assert saved["pages"] == [TREATY_URL]
    assert saved["published_tz_inferred"] is False
    assert saved["modified"] is None


def test_get_json_has_the_article_keys_in_order_then_the_store_extras(archive):
    [result] = archive.save_articles([treaty_article()])
    keys = list(archive.get(result.id))
    assert keys[:14] == [
        "id",
        "url",
        "site",
        "headline",
        "published",
        "modified",
        "authors",
        "section",
        "tags",
        "language",
        "body",
        "related_links",
        "image_url",
        "fetched_at",
    ]
    assert set(keys[14:]) == {
        "sources",
        "pages",
        "first_seen",
        "last_seen",
        "published_tz_inferred",
        "revision",
        "cause",
        "extractor_version",
        "story_cluster",
        "aliases",
        "listed",
    }


def test_get_accepts_an_int_id_a_numeric_string_or_the_url(archive):
    [result] = archive.save_articles([treaty_article()])
    assert archive.get(result.id)["url"] == TREATY_URL
    assert archive.get(str(result.id))["url"] == TREATY_URL
    assert archive.get(TREATY_URL)["id"] == result.id


def test_get_of_an_unknown_id_or_url_is_none(archive):
    archive.save_articles([treaty_article()])
    assert archive.get(999) is None
    assert archive.get("https://www.newsweekjapan.jp/nothing.php") is None


def test_a_negative_utc_offset_and_an_inferred_flag_survive(archive):
    new_york = timezone(timedelta(hours=-5))
    article = simple_article(
        1,
        published=datetime(2025, 1, 17, 17, 25, tzinfo=new_york),
        modified=datetime(2025, 1, 17, 18, 0, 30, tzinfo=new_york),
        published_tz_inferred=True,
    )
    [result] = archive.save_articles([article])
    saved = archive.get(result.id)
    assert saved["published"] == "2025-01-17T17:25:00-05:00"
    assert saved["modified"] == "2025-01-17T18:00:30-05:00"
    assert saved["published_tz_inferred"] is True


def test_first_save_is_new_and_saving_the_same_again_is_unchanged(archive):
    first = archive.save_articles([treaty_article()])
    again = archive.save_articles([treaty_article()])
    assert statuses(first) == ["new"]
    assert statuses(again) == ["unchanged"]
    assert again[0].id == first[0].id
    assert archive.stats()["articles"] == 1


def test_unchanged_moves_last_seen_but_not_first_seen(archive):
    [first] = archive.save_articles([treaty_article()])
    before = archive.get(first.id)
    archive.save_articles([treaty_article()])
    after = archive.get(first.id)
    assert after["first_seen"] == before["first_seen"]
    assert after["last_seen"] >= before["last_seen"]


def test_body_rewrapped_with_other_whitespace_is_unchanged(archive):
    archive.save_articles([treaty_article()])
    rewrapped = treaty_article(body=treaty_article().body.replace("\n", "\n\n  "))
    assert statuses(archive.save_articles([rewrapped])) == ["unchanged"]


def test_changed_body_at_the_same_url_is_updated_in_place(archive):
    [first] = archive.save_articles([treaty_article()])
    corrected = treaty_article(
        body=treaty_article().body + "\n(訂正)署名日を修正しました。",
        headline="【訂正】ロシア・イラン大統領、戦略条約締結",
    )
    [second] = archive.save_articles([corrected])
    assert second == SaveResult(first.id, TREATY_URL, "updated", revised=True)
    saved = archive.get(first.id)
    assert saved["body"].endswith("(訂正)署名日を修正しました。")
    assert saved["headline"] == "【訂正】ロシア・イラン大統領、戦略条約締結"
    assert archive.stats()["articles"] == 1


def test_same_body_under_another_url_of_the_site_is_a_duplicate_kept_only_as_an_alias(archive):
    [original] = archive.save_articles([treaty_article()])
    copy = "https://www.newsweekjapan.jp/stories/world/2025/01/530000-copy.php"
    mirror = treaty_article(url=copy, pages=[copy])
    [result] = archive.save_articles([mirror])
    assert result == SaveResult(original.id, mirror.url, "duplicate")
    assert archive.get(mirror.url)["url"] == TREATY_URL
    assert archive.stats()["articles"] == 1


def test_same_body_on_another_site_is_a_new_article(archive):
    archive.save_articles([treaty_article()])
    elsewhere = treaty_article(
        url="https://jp.reuters.example/world/russia-iran",
        site="reuters",
        pages=["https://jp.reuters.example/world/russia-iran"],
    )
    assert statuses(archive.save_articles([elsewhere])) == ["new"]
    assert archive.stats()["sites"] == {"newsweekjapan": 1, "reuters": 1}


def test_repeats_inside_one_batch_are_compared_with_the_earlier_copy(archive):
    one, two = simple_article(1), simple_article(2)
    mirror_of_one = simple_article(1, url="https://www.newsweekjapan.jp/mirror/1.php")
    results = archive.save_articles([one, two, one, mirror_of_one, replace(two, body="書き直した本文")])
    assert statuses(results) == ["new", "new", "unchanged", "duplicate", "updated"]
    assert results[3].id == results[0].id
    assert archive.get(two.url)["body"] == "書き直した本文"


def test_results_follow_the_order_of_the_batch(archive):
    archive.save_articles([simple_article(2)])
    results = archive.save_articles([simple_article(1), simple_article(2), simple_article(3)])
    assert [result.url for result in results] == [simple_article(n).url for n in (1, 2, 3)]
    assert statuses(results) == ["new", "unchanged", "new"]


def test_related_links_are_rows_in_page_order(archive):
    [result] = archive.save_articles([treaty_article()])
    with archive.engine.connect() as connection:
        rows = connection.execute(
            select(RelatedLinkRow.position, RelatedLinkRow.url, RelatedLinkRow.title)
            .where(RelatedLinkRow.article_id == result.id)
            .order_by(RelatedLinkRow.position)
        ).all()
    assert [tuple(row) for row in rows] == [
        (0, "https://www.newsweekjapan.jp/headlines/world/2025/01/529990.php", "中国のレアアース等の輸出管理措置"),
        (
            1,
            "https://www.newsweekjapan.jp/headlines/world/2025/01/529980.php",
            "欧州投資銀、豪政府と重要原材料分野で協力へ",
        ),
        (
            2,
            "https://www.newsweekjapan.jp/headlines/business/2025/01/529970.php",
            "BofA、生産性や収益向上へAIに巨額投資計画",
        ),
    ]
    assert archive.get(result.id)["related_links"] == treaty_article().related_links


def test_an_update_replaces_the_related_links(archive):
    archive.save_articles([treaty_article()])
    newer_links = [{"url": "https://www.newsweekjapan.jp/headlines/world/2025/01/530100.php", "title": "続報"}]
    archive.save_articles([treaty_article(body="続報を反映した本文。", related_links=newer_links)])
    assert archive.get(TREATY_URL)["related_links"] == newer_links


def test_a_batch_that_fails_midway_leaves_nothing_written(archive):
    broken = simple_article(3, related_links=[{"url": None, "title": "URL のないリンク"}])
    with pytest.raises(StoreError) as raised:
        archive.save_articles([simple_article(1), simple_article(2), broken, simple_article(4)])
    assert "not null" in str(raised.value).lower().replace("-", " ")  # SQLite and PostgreSQL wording
    assert archive.stats()["articles"] == 0
    assert archive.latest() == []
    assert archive.get(simple_article(1).url) is None


def test_a_failed_batch_does_not_undo_earlier_batches(archive):
    archive.save_articles([treaty_article()])
    with pytest.raises(StoreError):
        archive.save_articles([simple_article(1), simple_article(2, url=None)])
    assert [item["url"] for item in archive.latest()] == [TREATY_URL]


def test_saving_with_an_unknown_run_id_is_refused(archive):
    with pytest.raises(StoreError):
        archive.save_articles([treaty_article()], run_id=12345)
    assert archive.get(TREATY_URL) is None


def test_latest_lists_newest_publication_first_and_filters_by_site(archive):
    archive.save_articles([simple_article(1), simple_article(3), simple_article(2)])
    archive.save_articles([simple_article(9, site="reuters", url="https://jp.reuters.example/9")])
    newest = archive.latest(limit=3)
    assert [item["headline"] for item in newest] == ["見出し 9", "見出し 3", "見出し 2"]
    assert newest[0] == {
        "id": newest[0]["id"],
        "url": "https://jp.reuters.example/9",
        "site": "reuters",
        "headline": "見出し 9",
        "published": "2025-01-01T18:00:00+09:00",
    }
    assert [item["headline"] for item in archive.latest(site="newsweekjapan")] == ["見出し 3", "見出し 2", "見出し 1"]


def test_latest_puts_articles_without_a_date_last(archive):
    archive.save_articles([simple_article(1, published=None), simple_article(2)])
    assert [item["headline"] for item in archive.latest()] == ["見出し 2", "見出し 1"]


def test_iter_articles_streams_full_json_in_id_order(archive):
    saved = archive.save_articles([simple_article(n) for n in range(1, 8)] + [treaty_article()])
    seen = list(archive.iter_articles())
    assert [item["id"] for item in seen] == sorted(result.id for result in saved)
    assert seen[-1]["related_links"] == treaty_article().related_links
    assert seen[0]["body"] == simple_article(1).body


def test_iter_articles_filters_by_site(archive):
    archive.save_articles([simple_article(1), simple_article(2, site="reuters", url="https://jp.reuters.example/2")])
    assert [item["site"] for item in archive.iter_articles(site="reuters")] == ["reuters"]


def test_iter_articles_keeps_each_articles_links_across_stream_chunks(archive):
    articles = [
        simple_article(
            n, related_links=[{"url": f"https://www.newsweekjapan.jp/related/{n}.php", "title": f"関連 {n}"}]
        )
        for n in range(1, 1201)
    ]
    for start in range(0, len(articles), 200):
        archive.save_articles(articles[start : start + 200])
    count = 0
    for item in archive.iter_articles():
        count += 1
        number = item["headline"].split()[-1]
        assert item["related_links"] == [
            {"url": f"https://www.newsweekjapan.jp/related/{number}.php", "title": f"関連 {number}"}
        ]
    assert count == 1200
