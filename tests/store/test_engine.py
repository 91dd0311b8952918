"""Opening archives: file paths and URLs, $NEWSARCHIVE_DB, and one-line errors for the ones that cannot open."""

import pytest

from newsarchive.crawler.environment import default_db, open_user_archive
from newsarchive.store import StoreError, open_archive


def test_default_db_is_newsarchive_db_in_the_working_directory(monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    assert default_db() == "./newsarchive.db"


def test_default_db_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSARCHIVE_DB", str(tmp_path / "env.db"))
    assert default_db() == str(tmp_path / "env.db")
    with open_user_archive() as archive:
        assert archive.latest() == []
    assert (tmp_path / "env.db").exists()


def test_an_sqlalchemy_url_opens_too(tmp_path):
    with open_archive(f"sqlite:///{tmp_path / 'by-url.db'}") as archive:
        assert archive.stats()["articles"] == 0
    assert (tmp_path / "by-url.db").exists()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("これはデータベースではありません\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        open_archive(str(text))
    assert str(raised.value) == f"cannot open archive {text}: file is not a database"
    assert text.read_text(encoding="utf-8").startswith("これはデータベース")  # left as it was


def test_a_missing_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open archive .*: directory .* does not exist"):
        open_archive(str(tmp_path / "no" / "such" / "archive.db"))


def test_a_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_archive(str(tmp_path))


def test_an_unknown_database_scheme_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open archive nosuchdb://x/y"):
        open_archive("nosuchdb://x/y")


def test_a_server_that_does_not_answer_is_a_store_error():
    with pytest.raises(StoreError) as raised:
        open_archive("postgresql://nobody@127.0.0.1:1/archive")
    assert str(raised.value).startswith("cannot open archive postgresql://nobody@127.0.0.1:1/archive: ")
    assert "\n" not in str(raised.value)


def test_a_password_in_the_url_is_not_shown_in_the_error():
    with pytest.raises(StoreError) as raised:
        open_archive("postgresql://crawler:s3cret@127.0.0.1:1/archive")
    assert "s3cret" not in str(raised.value)
    assert str(raised.value).startswith("cannot open archive postgresql://crawler:***@127.0.0.1:1/archive: ")
