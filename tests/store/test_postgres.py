"""The archive on PostgreSQL: the SQLite save/get/latest/upsert/run tests again, search's ILIKE fallback,
and two concurrent writers. Skipped when psycopg is missing or no server answers at 127.0.0.1:5432.
"""

import uuid

import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]')")

from newsarchive.store import open_archive  # noqa: E402

# The same tests, collected again here where `archive` is a PostgreSQL archive.
from .test_archive import *  # noqa: E402,F401,F403
from .test_clusters import (  # noqa: E402,F401
    test_a_lightly_edited_wire_story_on_another_site_joins_the_story_cluster,
    test_english_and_german_near_copies_cluster_too,
)
from .test_concurrency import assert_overlap_stored_once, run_variant_writers, run_writers  # noqa: E402
from .test_crawlstate import *  # noqa: E402,F401,F403
from .test_fulltext import (  # noqa: E402,F401
    corpus,
    test_a_malformed_query_raises_search_query_error,
    test_a_word_absent_from_the_archive_finds_nothing,
    test_english_word_in_any_case,
    test_four_character_japanese_word_must_appear_as_written,
    test_minus_excludes_articles_with_the_term,
    test_one_character_japanese_word,
    test_or_matches_either_term,
    test_quoted_phrase_needs_the_words_together,
    test_results_carry_summary_fields_and_a_readable_snippet,
    test_search_can_be_limited_to_one_site,
    test_two_character_japanese_word,
)
from .test_history import *  # noqa: E402,F401,F403
from .test_runs import *  # noqa: E402,F401,F403

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _server_answers() -> str | None:
    try:
        psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres connect_timeout=3").close()
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


@pytest.fixture(scope="module")
def server():
    problem = _server_answers()
    if problem:
        pytest.skip(f"no PostgreSQL server at 127.0.0.1:5432 database test: {problem}")
    return SERVER


@pytest.fixture
def pg_url(server):
    """A URL whose tables live in a schema of their own, dropped after the test."""
    schema = f"na_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{server}?options=-csearch_path%3D{schema}"
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres", autocommit=True) as admin:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def archive(pg_url):
    opened = open_archive(pg_url)
    yield opened
    opened.close()


def test_migrations_create_the_tables_but_no_sqlite_fulltext_table(archive):
    from sqlalchemy import inspect

    names = set(inspect(archive.engine).get_table_names())
    assert {"sites", "articles", "related_links", "crawl_runs", "problems", "store_meta", "alembic_version"} <= names
    assert not any(name.startswith("articles_fts") for name in names)


def test_opening_again_leaves_the_schema_as_it_is(pg_url):
    with open_archive(pg_url) as archive:
        archive.start_run("newsweekjapan", "site")
    with open_archive(pg_url) as archive:
        assert len(archive.runs()) == 1


def test_two_processes_saving_overlapping_batches_store_each_article_once(pg_url, tmp_path):
    first, second = run_writers(tmp_path, (0, 200, "no"), (100, 300, "yes"), db=pg_url)
    assert_overlap_stored_once(pg_url, first, second)


def test_two_processes_saving_url_variants_of_the_same_articles_store_each_once(pg_url, tmp_path):
    first, second = run_variant_writers(tmp_path, db=pg_url)
    with open_archive(pg_url) as archive:
        assert archive.stats()["articles"] == 60
        for n in range(60):
            www = archive.get(f"https://www.newsweekjapan.jp/v/{n}.php")
            assert www["id"] == archive.get(f"https://m.newsweekjapan.jp/v/{n}.php?utm_source=x")["id"]
    assert [status for _url, status in first + second].count("new") == 60


def test_saving_without_clusters_then_related_rebuilds_them_on_postgresql(pg_url):
    from .articles import treaty_article
    from .test_clusters import wire_copy

    with open_archive(pg_url, clusters=False) as archive:
        [original] = archive.save_articles([treaty_article()])
        [copy] = archive.save_articles([wire_copy()])
        assert not copy.clustered
    with open_archive(pg_url) as archive:
        assert [r["id"] for r in archive.related(copy.id)] == [original.id]
