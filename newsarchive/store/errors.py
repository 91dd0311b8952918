"""Exceptions the store raises, kept apart so every store module can import them without cycles."""


class StoreError(Exception):
    """The archive cannot be opened, read or written; the message is one line saying why."""


class SearchQueryError(StoreError, ValueError):
    """A search query is malformed (unbalanced quote, empty, only operators); the message says what is wrong.

    It is a StoreError so a caller that reports store failures reports this too, and a ValueError because
    the fault is in the input, not in the database.
    """
