"""Downloader middlewares: incremental re-checks, retries that back off, redirect loops."""
