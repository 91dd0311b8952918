import json

from newsarchive.extract.body.container import extract_body
from newsarchive.extract.body.scripted import scripted_body
from newsarchive.extract.document.tree import parse, text_of

P1 = "장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했지만, 어깨는 한층 무거워졌다."
P2 = "국민의힘은 조만간 인재영입위원회를 발족하는 등 당을 지방선거 체제로 조속히 전환할 방침이다."
FILLER = "x" * 2000


def page_with_scripted_body(inner_html: str) -> str:
    state = json.dumps({"article": {"id": 7, "content": inner_html}, "pad": FILLER})
    escaped = state.replace("<", "\\u003c").replace(">", "\\u003e")
    return f"""<html><body><div id="app"><h1>제목</h1></div>
      <script>self.__state = {escaped};</script></body></html>"""


def test_body_shipped_only_in_a_script_json_string_is_read():
    html = page_with_scripted_body(f"<p>{P1}</p><h3>지선 모드</h3><p>{P2}</p>")
    lines, _ = extract_body(parse(html))
    assert lines == [P1, "지선 모드", P2]


def test_script_strings_without_paragraph_markup_give_no_body():
    assert scripted_body([json.dumps({"text": "plain words " * 300})]) is None


def test_markup_body_is_preferred_over_script_strings():
    story = (
        "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers. "
        "Repairs will take at least two years, and traffic will be diverted through the northern district."
    )
    html = page_with_scripted_body(f"<p>{P1}</p>").replace('<div id="app">', f'<div id="app"><p>{story}</p>')
    lines, _ = extract_body(parse(html))
    assert lines == [story]


def test_scripted_body_decodes_escaped_html():
    body = scripted_body([json.dumps({"c": f"<p>{P1}</p>" + " " * 400})])
    assert text_of(body) == P1
