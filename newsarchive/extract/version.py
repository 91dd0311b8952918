"""The extractor's version: stored with every article and revision, so re-extraction can tell what made each text."""

# Bump this (1 -> 2 -> ...) in the same commit as any change that makes extract_article return something else
# for some page: a field found, cleaned or joined differently, a new rule or heuristic. It is not the package's
# __version__: a release that leaves extraction alone keeps it, and a fix between releases bumps it. Old archive rows
# written before versions were recorded have none (NULL, shown as "unknown").
EXTRACTOR_VERSION = "3"
