"""Aliases and revisions in the archive: any URL of an article finds it, changed content is kept as history."""

from datetime import UTC, datetime, timedelta, timezone

from newsarchive.store import SaveResult

from .articles import treaty_article

URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"


def test_every_variant_of_the_url_is_one_article_and_finds_it(archive):
    variants = [
        URL + "?utm_source=twitter&utm_medium=social",
        "http://newsweekjapan.jp/headlines/world/2025/01/530000.php",
        "https://m.newsweekjapan.jp/headlines/world/2025/01/530000.php",
        "https://www.newsweekjapan.jp/amp/headlines/world/2025/01/530000.php",
    ]
    [first] = archive.save_articles([treaty_article()])
    results = archive.save_articles([treaty_article(url=v, pages=[v]) for v in variants])
    assert {r.id for r in results} == {first.id}
    assert [r.status for r in results] == ["duplicate"] * 4  # seen again, under another URL of it
    assert archive.stats()["articles"] == 1
    for variant in variants + [
        URL + "#comments",
        "https://newsweekjapan.jp/headlines/world/2025/01/530000.php?fbclid=x",
    ]:
        assert archive.get(variant)["id"] == first.id, variant
    assert sorted(archive.get(first.id)["aliases"]) == sorted([URL, *variants])


def test_page_two_fetched_on_its_own_is_an_alias_of_the_article_not_a_revision(archive):
    page2 = URL.replace(".php", "_2.php")
    [first] = archive.save_articles([treaty_article(pages=[URL, page2])])
    [alone] = archive.save_articles([treaty_article(url=page2, pages=[page2], body="二ページ目だけの本文。")])
    assert alone == SaveResult(first.id, page2, "duplicate")
    assert archive.get(first.id)["body"] == treaty_article().body
    assert len(archive.history(first.id)) == 1


def test_a_changed_headline_and_body_make_a_revision_that_keeps_the_old_text(archive):
    [first] = archive.save_articles([treaty_article()])
    fixed = treaty_article(
        headline="【訂正】ロシア・イラン大統領、戦略条約締結",
        body=treaty_article().body + "\n(訂正)署名日を修正しました。",
        modified=datetime(2025, 1, 18, 12, 0, tzinfo=timezone(timedelta(hours=9))),
    )
    [second] = archive.save_articles([fixed])
    assert second == SaveResult(first.id, URL, "updated", revised=True)
    old, new = archive.history(URL)
    assert (old["revision"], old["current"], old["headline"]) == (1, False, treaty_article().headline)
    assert (old["headline_changed"], old["body_changed"]) == (True, True)
    assert old["published"] == "2025-01-18T07:25:00+09:00" and old["modified"] is None
    assert (new["revision"], new["current"], new["headline"]) == (2, True, fixed.headline)
    assert new["modified"] == "2025-01-18T12:00:00+09:00"
    bodies = archive.history(URL, bodies=True)
    assert bodies[0]["body"] == treaty_article().body and bodies[1]["body"] == fixed.body
    assert archive.get(first.id)["revision"] == 2


def test_a_headline_change_alone_is_a_revision(archive):
    archive.save_articles([treaty_article()])
    [result] = archive.save_articles([treaty_article(headline="ロシアとイラン、20年の戦略条約")])
    assert result.status == "updated"
    [old, _new] = archive.history(URL)
    assert (old["headline_changed"], old["body_changed"]) == (True, False)


def test_a_recrawl_with_nothing_changed_only_moves_last_seen(archive):
    [first] = archive.save_articles([treaty_article()])
    before = archive.get(first.id)
    [again] = archive.save_articles([treaty_article()])
    after = archive.get(first.id)
    assert again.status == "unchanged"
    assert after["last_seen"] >= before["last_seen"] and after["first_seen"] == before["first_seen"]
    assert len(archive.history(first.id)) == 1 and after["revision"] == 1


def test_changed_lists_headline_changes_since_a_time_and_not_body_only_changes(archive):
    archive.save_articles(
        [treaty_article(), treaty_article(url=URL.replace("530000", "530001"), pages=[], body="別の記事の本文。" * 5)]
    )
    archive.save_articles([treaty_article(headline="見出しが変わった")])
    archive.save_articles([treaty_article(url=URL.replace("530000", "530001"), pages=[], body="本文が変わった。" * 5)])
    week_ago = datetime.now(UTC) - timedelta(days=7)
    [row] = archive.changed(week_ago, "headline")
    assert (row["url"], row["old_headline"], row["headline"], row["revision"]) == (
        URL,
        treaty_article().headline,
        "見出しが変わった",
        2,
    )
    assert {r["url"] for r in archive.changed(week_ago, "body")} == {URL.replace("530000", "530001")}
    assert len(archive.changed(week_ago, "any")) == 2
    assert archive.changed(datetime.now(UTC) + timedelta(minutes=1), "any") == []


def test_unknown_ids_and_urls_resolve_to_nothing(archive):
    archive.save_articles([treaty_article()])
    assert archive.resolve("999") is None
    assert archive.resolve("https://www.newsweekjapan.jp/headlines/world/2025/01/999999.php") is None
    assert archive.history("999") is None and archive.related("999") is None


def test_the_whole_article_replaces_a_page_two_stored_alone_without_a_revision(archive):
    page2 = URL.replace(".php", "_2.php")
    [alone] = archive.save_articles([treaty_article(url=page2, pages=[page2], body="二ページ目だけの本文。" * 4)])
    [whole] = archive.save_articles([treaty_article(pages=[URL, page2])])
    assert (whole.id, whole.status) == (alone.id, "updated")
    saved = archive.get(page2)
    assert (saved["url"], saved["body"], saved["revision"]) == (URL, treaty_article().body, 1)
    assert len(archive.history(URL)) == 1
