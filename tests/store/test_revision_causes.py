"""What a revision means: its cause and extractor version, and a stale copy from another URL making none."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from newsarchive.store import SaveResult, revise
from newsarchive.store.models import ArticleRow
from newsarchive.store.rows import content_hash

from .articles import treaty_article

URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/530000.php"
AMP = "https://www.newsweekjapan.jp/amp/headlines/world/2025/01/530000.php"
TRACKED = URL + "?utm_source=rss&utm_medium=feed"
EDITED = treaty_article().body + "\n(更新)両首脳は共同声明も発表した。"
WEEK_AGO = datetime.now(UTC) - timedelta(days=7)


def edited(**changes):
    return treaty_article(body=EDITED, **changes)


def test_a_crawl_that_finds_the_text_changed_makes_an_edit_revision_with_each_versions_extractor(archive):
    [first] = archive.save_articles([treaty_article(extractor_version="1")])
    archive.save_articles([edited(extractor_version="2")])
    old, new = archive.history(first.id)
    assert (old["cause"], old["extractor_version"]) == (None, "1")  # the first version: made by no change
    assert (new["cause"], new["extractor_version"]) == ("edit", "2")
    shown = archive.get(first.id)
    assert (shown["revision"], shown["cause"], shown["extractor_version"]) == (2, "edit", "2")
    [change] = archive.changed(WEEK_AGO, "body")
    assert change["cause"] == "edit"


def test_an_article_saved_without_an_extractor_version_has_none(archive):
    [first] = archive.save_articles([treaty_article()])
    assert archive.get(first.id)["extractor_version"] is None
    assert archive.get(first.id)["cause"] is None


def _reextract(archive, article_id, article):
    """What the coming `reextract` command will do: replace the text as a re-extracted revision."""
    with archive.engine.begin() as connection:
        site_id = connection.scalar(select(ArticleRow.site_id).where(ArticleRow.id == article_id))
        revise.write_updates(
            connection,
            [(article_id, article, site_id, content_hash(article.body))],
            now=datetime.now(UTC),
            run_id=None,
            cause="re-extracted",
        )


def test_changed_lists_publisher_edits_only_unless_asked_for_every_cause(archive):
    [first] = archive.save_articles([treaty_article(extractor_version="1")])
    archive.save_articles([edited(extractor_version="1")])
    _reextract(archive, first.id, edited(headline="再抽出された見出し", extractor_version="2"))
    causes = [(v["revision"], v["cause"], v["extractor_version"]) for v in archive.history(first.id)]
    assert causes == [(1, None, "1"), (2, "edit", "1"), (3, "re-extracted", "2")]
    assert [row["cause"] for row in archive.changed(WEEK_AGO, "any")] == ["edit"]
    assert [row["cause"] for row in archive.changed(WEEK_AGO, "any", all_causes=True)] == ["re-extracted", "edit"]
    assert archive.changed(WEEK_AGO, "headline") == []  # the headline was changed by re-extraction only


def test_a_revision_cause_must_be_a_known_one(archive):
    [first] = archive.save_articles([treaty_article()])
    with archive.engine.begin() as connection, pytest.raises(ValueError, match="cause must be one of"):
        revise.write_updates(
            connection, [(first.id, edited(), 1, content_hash(EDITED))], now=WEEK_AGO, run_id=None, cause="typo"
        )


def test_an_earlier_text_fetched_from_a_variant_url_is_a_sighting_not_a_revision(archive):
    [first] = archive.save_articles([treaty_article()])
    archive.save_articles([edited()])
    # The AMP copy still serves the first text (it names the article's own URL as its canonical).
    [stale] = archive.save_articles([treaty_article(pages=[AMP])])
    assert stale == SaveResult(first.id, URL, "duplicate", stale=True)
    assert [v["revision"] for v in archive.history(first.id)] == [1, 2]
    assert archive.get(first.id)["body"] == EDITED
    assert AMP in archive.get(first.id)["aliases"]


def test_the_articles_own_url_going_back_to_an_earlier_text_is_a_revision(archive):
    [first] = archive.save_articles([treaty_article()])
    archive.save_articles([edited()])
    [reverted] = archive.save_articles([treaty_article()])  # the publisher took the addition back
    assert reverted == SaveResult(first.id, URL, "updated", revised=True)
    history = archive.history(first.id, bodies=True)
    assert [(v["revision"], v["cause"]) for v in history] == [(1, None), (2, "edit"), (3, "edit")]
    assert history[-1]["body"] == treaty_article().body


def test_the_plain_url_spelled_another_way_going_back_is_a_revert_too(archive):
    # The canonical names https://www.; the site also serves the page at http:// without it, and no cache stands
    # between: what that URL shows is the article's own text.
    [first] = archive.save_articles([treaty_article()])
    archive.save_articles([edited()])
    plain = "http://newsweekjapan.jp/headlines/world/2025/01/530000.php"
    [reverted] = archive.save_articles([treaty_article(pages=[plain])])
    assert reverted == SaveResult(first.id, URL, "updated", revised=True)
    assert archive.get(first.id)["body"] == treaty_article().body


def test_a_new_text_first_seen_at_a_variant_url_is_a_revision(archive):
    [first] = archive.save_articles([treaty_article()])
    [result] = archive.save_articles([edited(pages=[AMP])])
    assert result == SaveResult(first.id, URL, "updated", revised=True)
    assert archive.get(first.id)["body"] == EDITED


def test_the_canonical_tracked_and_stale_amp_urls_in_one_batch_make_one_revision(archive):
    # The reproduction: one --force crawl fetched all three; the history flipped 242 -> 245 -> 242 -> 245.
    [first] = archive.save_articles([treaty_article()])
    archive.save_articles([edited(), edited(pages=[TRACKED]), treaty_article(pages=[AMP])])
    history = archive.history(first.id)
    assert [(v["revision"], v["body_chars"]) for v in history] == [(1, len(treaty_article().body)), (2, len(EDITED))]
    assert archive.get(first.id)["body"] == EDITED
