"""The names an article writes, as candidates: its people (``people.persons``: fullest name, role, every
mention), then the organisations and places it names (``people.names``, where the support checks read them
too). A name is offered as the article writes it, particles stripped (삼성전자도 → 삼성전자)."""

from __future__ import annotations

from ...contract.grounded import NameCandidate
from ..article.source import Source
from ..people.names import named_things
from ..people.persons import people as people_of

__all__ = ["find_names"]


def find_names(src: Source) -> list[NameCandidate]:
    """People, then organisations and places (by how often the article names them), outside page furniture."""
    people = [NameCandidate(p.name, "person", p.role, p.mentions) for p in people_of(src)]
    return people + [NameCandidate(name, kind, None, where) for name, kind, where in named_things(src)]
