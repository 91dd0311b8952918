"""Terminal renderings keep Japanese readable and columns aligned."""

from newsarchive.cli.render import article_text, as_json, fit, table, width


def test_width_counts_japanese_characters_as_two_columns():
    assert width("条約") == 4
    assert width("abc") == 3
    assert width("ロシアA") == 7


def test_fit_cuts_wide_text_to_the_column_budget_with_an_ellipsis():
    cut = fit("ロシア・イラン大統領", 9)
    assert cut.startswith("ロシア・")
    assert "…" in cut
    assert width(cut) == 9


def test_fit_pads_short_text():
    assert fit("ab", 5) == "ab   "


def test_table_aligns_mixed_width_rows():
    out = table([{"id": 1, "h": "条約"}, {"id": 22, "h": "treaty"}], [("id", "id", 4), ("h", "headline", 20)])
    lines = out.splitlines()
    assert lines[0].startswith("id")
    # the headline column starts at the same terminal column on every line
    starts = [width(line[: line.index(word)]) for line, word in zip(lines, ["headline", "条約", "treaty"], strict=True)]
    assert len(set(starts)) == 1


def test_table_says_when_there_are_no_rows():
    assert table([], [("id", "id", 4)]) == "(no rows)"


def test_as_json_keeps_japanese_unescaped():
    assert '"条約"' in as_json({"h": "条約"})


def test_article_text_shows_headline_body_and_related_links():
    text = article_text(
        {
            "id": 1,
            "headline": "見出し",
            "url": "https://x.jp/a.php",
            "body": "一段落目\n二段落目",
            "authors": ["A", "B"],
            "related_links": [{"url": "https://x.jp/b.php", "title": "関連"}],
        }
    )
    assert text.splitlines()[0] == "見出し"
    assert "authors: A, B" in text
    assert "一段落目\n二段落目" in text
    assert "- 関連 <https://x.jp/b.php>" in text


def test_terminal_escapes_from_a_page_are_shown_escaped_never_sent_to_the_terminal():
    from newsarchive.cli.render import article_text, key_values, printable, table

    hostile = "text/html\x1b[2J\x1b[H"
    rows = [{"kind": "error", "reason": f"not an article: {hostile}", "c1": "a\x9b31mb"}]
    shown = table(rows, [("kind", "kind", 7), ("reason", "reason", 80), ("c1", "c1", 10)])
    assert "\x1b" not in shown and "\x9b" not in shown
    assert "text/html\\x1b[2J\\x1b[H" in shown and "a\\x9b31mb" in shown
    page = article_text({"headline": "ok", "image_url": "https://x.jp/i.jpg\x1b[8m", "body": "line 1\nline\t2"})
    assert "\x1b" not in page and "i.jpg\\x1b[8m" in page
    assert "line 1\nline\t2" in page  # newlines and tabs are text, not escapes
    assert "\x07" not in key_values([("reason", "bell\x07")])
    assert printable("日本語\r\n") == "日本語\\x0d\n"
