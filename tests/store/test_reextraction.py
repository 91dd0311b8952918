"""Re-extraction's store side, on SQLite and PostgreSQL: articles come with the captures of their current text, a
new text is a revision caused by re-extraction that both texts' captures still name, progress is kept and
cleared with the batch, and a text another article holds is found before the unique key refuses it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsarchive.store.reextraction import Change, Filter
from newsarchive.store.rows import content_hash

from .articles import simple_article
from .test_captures import capture


def _saved(archive, n: int = 1, pages: int = 1):
    article = simple_article(n)
    article.captures = [
        capture(10 * n + page, article.url + (f"?page={page}" if page > 1 else "")) for page in range(1, pages + 1)
    ]
    article.extractor_version = "0"
    archive.save_articles([article])
    return article


def test_a_batch_gives_each_article_with_the_pages_of_its_current_text_in_order(archive):
    _saved(archive, 1, pages=2)
    _saved(archive, 2)
    [first, second] = archive.reextract_batch(Filter(), 0, 10)
    assert [page.number for page in first.pages] == [1, 2]
    assert first.pages[1].url.endswith("?page=2") and first.pages[0].offset == 11000
    assert len(second.pages) == 1 and first.extractor_version == "0"
    assert archive.reextract_batch(Filter(), first.id, 10) == [second]
    assert archive.reextract_count(Filter(outdated_than="0")) == 0
    assert archive.reextract_count(Filter(outdated_than="1")) == 2
    assert archive.reextract_batch(Filter(site="nowhere"), 0, 10) == []


def test_a_revisit_page_is_read_from_the_response_it_refers_to(archive):
    article = simple_article(3)
    original = capture(31, article.url)
    revisit = {**capture(32, article.url), "kind": "revisit", "refers_to": original["record_id"], "offset": 555}
    archive.record_captures([original])
    article.captures = [revisit]
    archive.save_articles([article])
    [stored] = archive.reextract_batch(Filter(), 0, 10)
    [page] = stored.pages
    assert page.record_id == revisit["record_id"]  # what the article links
    assert (page.payload_record, page.offset) == (original["record_id"], original["offset"])  # what holds the bytes


def test_a_saved_change_is_a_re_extracted_revision_and_both_texts_keep_their_capture(archive):
    article = _saved(archive)
    [stored] = archive.reextract_batch(Filter(), 0, 10)
    new = replace(article, body=article.body + "\nThe paragraph the old extractor missed.", extractor_version="1")
    digest = content_hash(new.body)
    state = {"filter": Filter().key(), "version": "1", "last_id": stored.id, "counts": {}}
    archive.save_reextracted([Change(stored, new, digest)], [], version="1", now=datetime.now(UTC), state=state)
    history = archive.history(stored.id)
    assert [(v["revision"], v["cause"], v["extractor_version"]) for v in history] == [
        (1, None, "0"),
        (2, "re-extracted", "1"),
    ]
    assert archive.get(stored.id)["body"].endswith("The paragraph the old extractor missed.")
    assert [row["current"] for row in archive.captures(stored.id)] == [True]
    assert archive.reextract_progress() == state
    assert archive.search("paragraph the old extractor missed")  # the search index follows the new text
    archive.save_reextracted([], [], version="1", now=datetime.now(UTC), state={**state, "last_id": 99})
    assert archive.reextract_progress()["last_id"] == 99  # progress written over, not added
    archive.save_reextracted([], [stored.id], version="2", now=datetime.now(UTC), state=None)
    assert archive.reextract_progress() is None
    assert archive.get(stored.id)["extractor_version"] == "2"
    assert len(archive.history(stored.id)) == 2  # a version alone makes no revision


def test_a_new_text_another_article_of_the_site_holds_is_found_before_it_is_written(archive):
    one, two = _saved(archive, 1), _saved(archive, 2)
    [first, second] = archive.reextract_batch(Filter(), 0, 10)
    change = Change(first, replace(one, body=two.body), content_hash(two.body))
    assert archive.reextract_taken([change]) == {first.id: second.id}
    fine = Change(first, replace(one, body="A text nobody has. " * 5), content_hash("A text nobody has. " * 5))
    assert archive.reextract_taken([fine]) == {}


def test_a_page_is_read_from_the_articles_own_url_though_a_copy_elsewhere_was_captured_later(archive):
    article = _saved(archive, 4)
    copy = replace(
        article,
        url="https://copies.example.com/mirror/4",
        captures=[capture(49, "https://copies.example.com/mirror/4")],
    )
    [result] = archive.save_articles([copy])
    assert result.status == "duplicate"  # the same text under another URL: linked to the article, page 1
    [stored] = archive.reextract_batch(Filter(), 0, 10)
    assert [page.url for page in stored.pages] == [article.url]
