"""Grounded mode in the loop: ``offers`` (what one request offers, within a token budget and an endpoint's
enum limits) and ``kind`` (the grounded answer kind: its rounds, re-asks and merge of windows)."""
