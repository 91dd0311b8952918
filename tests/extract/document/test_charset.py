from newsarchive.extract import decode_html

JA = "ロシア・イラン大統領、戦略条約締結。モスクワで会談を行い、有効期間20年の条約に署名した。"


def page(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_utf8_declared_in_header():
    text, encoding = decode_html(page(JA).encode("utf-8"), "text/html; charset=UTF-8")
    assert JA in text
    assert encoding == "utf-8"


def test_bom_wins_over_a_wrong_declaration():
    data = b"\xef\xbb\xbf" + page(JA, '<meta charset="shift_jis">').encode("utf-8")
    text, encoding = decode_html(data, "text/html; charset=iso-8859-1")
    assert JA in text and encoding == "utf-8"


def test_utf16_with_bom():
    text, encoding = decode_html(page(JA).encode("utf-16"))
    assert JA in text and encoding.startswith("utf-16")


def test_shift_jis_declared_in_meta():
    data = page(JA, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">').encode("cp932")
    text, encoding = decode_html(data)
    assert JA in text and encoding == "cp932"


def test_shift_jis_bytes_declared_utf8_in_header_come_out_readable():
    data = page(JA, '<meta charset="utf-8">').encode("shift_jis")
    text, encoding = decode_html(data, "text/html; charset=utf-8")
    assert JA in text
    assert encoding == "cp932"


def test_euc_jp_bytes_declared_utf8_in_meta_come_out_readable():
    data = page(JA, '<meta charset="utf-8">').encode("euc_jp")
    text, encoding = decode_html(data)
    assert JA in text
    assert "euc" in encoding


def test_shift_jis_vendor_characters_decode_under_the_shift_jis_label():
    # ① and ㈱ are NEC extensions: strict shift_jis rejects them, cp932 (what pages mean) has them.
    body = "①株式会社㈱の発表です。"
    data = page(body, '<meta charset="Shift_JIS">').encode("cp932")
    text, _ = decode_html(data)
    assert body in text


def test_utf8_bytes_declared_latin1_come_out_as_utf8():
    body = "Größere Änderungen für Bürger"
    text, encoding = decode_html(page(body, '<meta charset="iso-8859-1">').encode("utf-8"))
    assert body in text and encoding == "utf-8"


def test_latin1_declared_decodes_as_windows_1252():
    body = "Größe – “quoted”"
    text, encoding = decode_html(page(body, '<meta charset="ISO-8859-1">').encode("cp1252"))
    assert body in text and encoding == "cp1252"


def test_undeclared_latin1_german_is_not_read_as_japanese():
    body = "Die Bürger wählten für Änderungen. Straße und Größe sind schön. " * 5
    text, encoding = decode_html(page(body).encode("cp1252"))
    assert "Bürger wählten für Änderungen" in text


def test_unknown_declared_charset_falls_back_to_detection():
    text, encoding = decode_html(page(JA, '<meta charset="no-such-charset">').encode("utf-8"))
    assert JA in text and encoding == "utf-8"


def test_never_raises_on_arbitrary_bytes():
    for data in (b"", b"\x00\xff\xfe\x80" * 50, bytes(range(256)), b"<meta charset=utf-16>\xff"):
        text, encoding = decode_html(data, "text/html; charset=bogus")
        assert isinstance(text, str) and isinstance(encoding, str)


def test_utf8_bytes_declared_shift_jis_come_out_as_utf8():
    data = page(JA, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">').encode("utf-8")
    text, encoding = decode_html(data)
    assert JA in text and encoding == "utf-8"


def test_undeclared_shift_jis_and_euc_jp_pages_are_detected():
    for codec in ("shift_jis", "euc_jp"):
        text, _ = decode_html(page(JA).encode(codec))
        assert JA in text, codec


def test_every_spelling_of_latin1_reads_as_windows_1252():
    body = "Größe – “quoted”"
    for label in ("ISO_8859-1", "l1", "iso8859_1"):
        text, encoding = decode_html(page(body, f'<meta charset="{label}">').encode("cp1252"))
        assert body in text and encoding == "cp1252", label


def test_a_utf7_declaration_cannot_smuggle_markup_into_the_text():
    # UTF-7 spells "<" as "+ADw-": browsers dropped it for that reason, and so does the decoder.
    data = page("+ADw-script+AD4-alert(1)+ADw-/script+AD4-", '<meta charset="utf-7">').encode("ascii")
    text, encoding = decode_html(data, "text/html; charset=utf-7")
    assert "<script>" not in text and encoding != "utf-7"
