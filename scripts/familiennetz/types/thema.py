"""Topics: Frühe Hilfen, Kinderschutz, … (`themen/`); the body explains the topic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..fields import spec
from .base import ReferenceType
from .values import Fact, Refs

__all__ = ["TOPIC", "Topic"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    title: str = spec("Name", "Name des Themas.", min_len=3, max_len=160)
    summary: str = spec("Kurzfassung", "Ein, zwei Sätze zum Thema; reiner Text.", min_len=20,
                        max_len=400, plain=True)


class TopicType(ReferenceType):
    key = "thema"
    folder = "themen"
    model = Topic
    label = "Thema"
    plural = "Themen"
    ref = "topic"
    by = "Thema"
    schema_type = "DefinedTerm"
    feed_prefix = "Thema "

    def facts(self, entry: Any, refs: Refs) -> list[Fact]:
        return [Fact.text("Kurz gesagt", entry.data.summary)]

    def search_scope(self, entry: Any, refs: Refs) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (), (entry.title,)

    def search_summary(self, entry: Any) -> str:
        return str(entry.data.summary)


TOPIC = TopicType()
