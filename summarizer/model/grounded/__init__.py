"""Asking for a grounded answer: ``schema`` (the answer's JSON Schema, with the article's ids and names as
enums, and OpenAI's limits on them), ``grammar`` (the embedded model's llguidance grammar for the same answer)
and ``prompt`` (prompts/grounded/, the candidates listed by id)."""

from .schema import Offer, response_model, to_answer

__all__ = ["Offer", "response_model", "to_answer"]
