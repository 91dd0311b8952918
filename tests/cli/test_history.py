"""history, diff, changed and show say what made each revision (a publisher's edit or re-extraction) and by which
extractor version."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from newsarchive.cli import main
from newsarchive.items import Article
from newsarchive.store import open_archive, revise
from newsarchive.store.models import ArticleRow
from newsarchive.store.rows import content_hash

URL = "https://www.newsweekjapan.jp/headlines/world/2025/01/1.php"
FIRST = "ロシアとイランは包括的戦略パートナーシップ条約に署名した。"


def article(body: str, headline: str = "露イラン条約", version: str = "1") -> Article:
    return Article(
        url=URL,
        site="newsweekjapan",
        headline=headline,
        published=datetime(2025, 1, 18, 7, 25, tzinfo=timezone(timedelta(hours=9))),
        body=body,
        extractor_version=version,
    )


@pytest.fixture
def db(tmp_path):
    """An article crawled, edited by its publisher, then re-extracted by extractor version 2."""
    path = str(tmp_path / "archive.db")
    with open_archive(path) as archive:
        [saved] = archive.save_articles([article(FIRST)])
        archive.save_articles([article(FIRST + "\n有効期間は20年。")])
        again = article(FIRST + "\n有効期間は20年。", headline="露イラン、戦略条約に署名", version="2")
        with archive.engine.begin() as connection:
            site_id = connection.scalar(select(ArticleRow.site_id).where(ArticleRow.id == saved.id))
            revise.write_updates(
                connection,
                [(saved.id, again, site_id, content_hash(again.body))],
                now=datetime.now(UTC),
                run_id=None,
                cause="re-extracted",
            )
    return path


def run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_history_lists_each_revisions_cause_and_extractor_version(db, capsys):
    rows = json.loads(run(capsys, "history", URL, "--db", db, "--json"))
    assert "made_by" not in rows[0]  # the table's words, not the data
    assert [(r["revision"], r["cause"], r["extractor_version"]) for r in rows] == [
        (1, None, "1"),
        (2, "edit", "1"),
        (3, "re-extracted", "2"),
    ]
    table = run(capsys, "history", URL, "--db", db)
    header, *lines = table.splitlines()
    assert "cause" in header and "extractor" in header
    assert [line.split()[1] for line in lines[-3:]] == ["first", "edit", "re-extracted"]


def test_diff_names_the_causes_between_two_revisions_and_their_extractor_versions(db, capsys):
    shown = json.loads(run(capsys, "diff", URL, "1", "3", "--db", db, "--json"))
    assert shown["causes"] == ["edit", "re-extracted"]
    assert (shown["from_extractor_version"], shown["to_extractor_version"]) == ("1", "2")
    first_line = run(capsys, "diff", URL, "--db", db).splitlines()[0]
    assert first_line.startswith("revision 2 (") and "extractor 1" in first_line
    assert first_line.endswith("extractor 2): re-extracted")


def test_changed_lists_the_publishers_edit_only_unless_all_causes(db, capsys):
    edits = json.loads(run(capsys, "changed", "--since", "1d", "--field", "any", "--db", db, "--json"))
    assert [(r["revision"], r["cause"]) for r in edits] == [(2, "edit")]
    every = json.loads(run(capsys, "changed", "--since", "1d", "--field", "any", "--all-causes", "--db", db, "--json"))
    assert [(r["revision"], r["cause"]) for r in every] == [(3, "re-extracted"), (2, "edit")]
    # The headline was changed by re-extraction alone: no publisher changed it.
    assert json.loads(run(capsys, "changed", "--since", "1d", "--db", db, "--json")) == []


def test_show_says_the_revision_its_cause_and_the_extractor_version(db, capsys):
    shown = json.loads(run(capsys, "show", URL, "--db", db, "--json"))
    assert (shown["revision"], shown["cause"], shown["extractor_version"]) == (3, "re-extracted", "2")
    text = run(capsys, "show", URL, "--db", db)
    assert "revision: 3 (re-extracted)" in text and "extractor: 2" in text
