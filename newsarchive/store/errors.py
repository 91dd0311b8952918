"""Exceptions the store raises and their one-line reasons, kept apart so every store module can import them."""


class StoreError(Exception):
    """The archive cannot be opened, read or written; the message is one line saying why."""


class SearchQueryError(StoreError, ValueError):
    """A search query is malformed (unbalanced quote, empty, only operators); the message says what is wrong.

    It is a StoreError so a caller that reports store failures reports this too, and a ValueError because
    the fault is in the input, not in the database.
    """


def one_line_reason(error: BaseException) -> str:
    """Why `error` happened in one line: the database driver's own message when there is one."""
    message = str(getattr(error, "orig", None) or error).strip()
    return message.splitlines()[0] if message else type(error).__name__
