"""The model edge: how summarizer reaches a chat model, and what an answer or a failure is.

``settings`` (one frozen object, read from the environment in one place),
``client`` (openai clients: an endpoint's, or the embedded model's),
``call`` (one structured call with our retries, through instructor),
``failures`` (what an endpoint's error means), ``prompts`` (the prompt files).
Only this layer imports ``openai``, ``instructor`` and ``tenacity``.
"""

from .call import Answer, Provider
from .failures import Failure
from .prompts import PromptSet, load_prompts
from .settings import Mode, Settings

__all__ = ["Answer", "Failure", "Mode", "PromptSet", "Provider", "Settings", "load_prompts"]
