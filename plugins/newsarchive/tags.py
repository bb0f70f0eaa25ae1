"""Automatic tags (placeholder until the tagger lands)."""

from __future__ import annotations


def auto_tags(title: str, paragraphs: list[str]) -> list[str]:
    return []
