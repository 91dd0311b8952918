"""Packaging shim for scrapyd-deploy, which builds an egg with `setup.py bdist_egg`; pip reads pyproject.toml."""

from setuptools import setup

setup()
