"""Tests of the site profiles, the site registry and the bundled demo site."""
