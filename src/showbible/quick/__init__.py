"""Quicker ways to make what Python makes slowly and a build makes often: frozen dataclasses
by the million (frozen.py), regular expressions at every start (patterns.py), both kept
exactly what the slow way makes; and the user's cache folder they and the bible's YAML cache
share (cachedir.py)."""
