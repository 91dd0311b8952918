"""settings.py is the one home of every NEWSARCHIVE_* default, and crawlers not built from it still get them."""

from __future__ import annotations

import ast
from pathlib import Path

from scrapy import Spider
from scrapy.utils.test import get_crawler

import newsarchive
from newsarchive.crawler import settings
from newsarchive.crawler.downloadermiddlewares.retry import BackoffRetryMiddleware
from newsarchive.crawler.pipelines import ValidatePipeline
from newsarchive.crawler.projectsettings import project_settings
from newsarchive.crawler.workers.extraction import ExtractionPool

PACKAGE = Path(newsarchive.__file__).parent
NAMES = {name for name in dir(settings) if name.startswith("NEWSARCHIVE_")}
# A parameter named after a setting (min_body_chars for NEWSARCHIVE_MIN_BODY_CHARS) is that setting's value.
PARAMETERS = {name.removeprefix("NEWSARCHIVE_").lower() for name in NAMES}


def _literal(node: ast.AST) -> bool:
    return isinstance(node, (ast.Constant, ast.List, ast.Tuple)) and not (
        isinstance(node, ast.Constant) and node.value is None
    )


def defaults_outside_settings() -> list[str]:
    """Every place outside settings.py that writes a literal default for a NEWSARCHIVE_* setting."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(settings.__file__):
            continue
        where = path.relative_to(PACKAGE.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # settings.getint("NEWSARCHIVE_BATCH_SIZE", 50), os.environ.get("NEWSARCHIVE_CLUSTERS", "1")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr.startswith("get")
                and len(node.args) > 1
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value in NAMES
            ):
                found.append(f"{where}:{node.lineno} {node.args[0].value}")
            # def __init__(self, batch_size: int = 50), in the crawler's components
            if isinstance(node, ast.FunctionDef) and node.name == "__init__" and "crawler" in where.parts:
                args = node.args
                positional = [*args.posonlyargs, *args.args]
                pairs = [
                    *zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True),
                    *zip(args.kwonlyargs, args.kw_defaults, strict=True),  # None where no default
                ]
                found += [
                    f"{where}:{node.lineno} {arg.arg}={ast.unparse(default)}"
                    for arg, default in pairs
                    if default is not None and arg.arg in PARAMETERS and _literal(default)
                ]
    return found


def test_no_newsarchive_default_is_written_outside_settings_py():
    assert defaults_outside_settings() == []


def test_a_crawler_not_built_from_settings_py_gets_its_defaults():
    crawler = get_crawler(Spider, {"NEWSARCHIVE_BATCH_SIZE": 7})
    values = project_settings(crawler.settings)
    assert values.getint("NEWSARCHIVE_BATCH_SIZE") == 7  # what the crawler was given wins
    assert values.getint("NEWSARCHIVE_MIN_BODY_CHARS") == settings.NEWSARCHIVE_MIN_BODY_CHARS
    assert values.getlist("NEWSARCHIVE_RECHECK") == settings.NEWSARCHIVE_RECHECK
    assert ValidatePipeline.from_crawler(crawler).min_body_chars == settings.NEWSARCHIVE_MIN_BODY_CHARS
    assert ExtractionPool.from_crawler(crawler).workers == settings.NEWSARCHIVE_EXTRACT_WORKERS
    retry = BackoffRetryMiddleware.from_crawler(crawler)
    assert (retry.backoff, retry.max_wait) == (settings.NEWSARCHIVE_RETRY_BACKOFF, settings.NEWSARCHIVE_RETRY_MAX_WAIT)


def test_settings_given_on_the_command_line_reach_the_components():
    crawler = get_crawler(Spider, {"NEWSARCHIVE_MIN_BODY_CHARS": "200", "NEWSARCHIVE_RETRY_MAX_WAIT": "5"})
    assert ValidatePipeline.from_crawler(crawler).min_body_chars == 200
    assert BackoffRetryMiddleware.from_crawler(crawler).max_wait == 5.0


def test_components_are_built_from_plain_values_without_a_crawler():
    assert ValidatePipeline(min_body_chars=10).min_body_chars == 10
    assert ExtractionPool(0).workers == 0
