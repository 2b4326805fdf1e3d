"""The English patterns that tie a quotation to its speaker: the cue verbs, the roles and adverbs between a name
and its verb, and the capitalised names a cue verb ties to a quote (``attribution`` reads them)."""

from __future__ import annotations

import re

from .lexicon import CUE_VERBS_EN, NAME_WORD_EN, PRONOUNS_EN

CUES_EN = "|".join(CUE_VERBS_EN)
CUE_EN_RE = re.compile(rf"\b(?:{CUES_EN})\b")
# "…," said former Pennsylvania Gov. and party chairman Ed Rendell: a role of up to eight words between
TAIL_CUE_NAME_RE = re.compile(rf"[\s,.!?”\"’'\x00]*(?:{CUES_EN})\s+(?:[\w.'&-]+\s+){{0,8}}")
OF_ORG = r"(?:\s+(?:of|at|from)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})?"
# a word or two between the name and its verb: "Huang also said", "Pacheco once said", "Rubio has said"
ADVERB = r"(?:\s+(?:\w+ly|also|once|later|then|again|first|has|had|have|would|will|had\s+once|has\s+long|went\s+on\s+to)){0,2}"
TAIL_NAME_CUE_RE = re.compile(rf"(?:,[^,\x00]{{1,80}},)?{OF_ORG}{ADVERB}\s+(?P<cue>{CUES_EN})\b")
# between a quote and the name a cue verb follows: a few words of role ("…," Federal Reserve chair Janet Powers told)
TAIL_ROLE_RE = re.compile(r"[\s,.!?”\"’'\x00]*(?:[\w.'&-]+\s+){0,4}")
TAIL_PRONOUN_RE = re.compile(
    rf"[\s,.!?”\"’'\x00]*(?:(?:{'|'.join(PRONOUNS_EN)})\s+(?P<a>{CUES_EN})|(?P<b>{CUES_EN})\s+(?:he|she|they))\b"
)
# Huang said: "…"; Huang once said in the spring, when the story broke, "…": the rest of the clause, up to 100
# characters, stands between the verb and the quote
LEAD_NAME_CUE_RE = re.compile(rf"(?:,[^,\x00]{{1,80}},)?{OF_ORG}{ADVERB}\s+(?P<cue>{CUES_EN})\b[^\x00]{{0,100}}?[:,]?\s*$")
PAST_RE = re.compile(r"\s+(?P<cue>[a-z]{2,}ed)\b")
ACCORDING_RE = re.compile(r"\baccording to\s+$", re.IGNORECASE)
LEAD_PRONOUN_RE = re.compile(rf"\b(?:{'|'.join(PRONOUNS_EN)})\s+(?:{CUES_EN})\b|\b(?:added|continued)\b")
# An English name that starts a clause: "Lee welcomed", "Huang, asked about export controls, said".
EN_SUBJECT_RE = re.compile(
    r"(?:,[^,\x00\n]{1,80},)?\s+(?!(?:in|at|on|of|for|to|and|or|the|a|an|with|from|by|as|who|which|that)\b)[a-z]+"
)
# a name does not end with a title's abbreviation: "said Air Force 1st Lt. Tyler Livingston" is not said by "Lt"
TITLE_ABBREVIATIONS = ("Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Adm", "Dr", "Mr", "Mrs",
                        "Ms", "St")
NOT_AN_ABBREVIATION = "".join(f"(?<!\\b{a})" for a in TITLE_ABBREVIATIONS)
CAP_RUN = rf"{NAME_WORD_EN}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD_EN}){{0,3}}"
# capitalised words of a role before a name: "New York City Public Advocate Trish James said"
ROLE_WORDS_BEFORE = r"(?:[A-Z][\w.&'-]*\s+){0,5}?"
# "…," said Nakatani / said Republican consultant Chris Russell. / Nakatani said / Toomey fumed: right after the
# quote, any verb in the past tense ties the name that stands before it
TAIL_UNKNOWN_RE = re.compile(
    rf"[\s,.!?”\"’'\x00]*(?:(?P<c1>{CUES_EN})\s+(?:[\w.'&-]+\s+){{0,5}}?(?P<n1>{CAP_RUN})"
    rf"{NOT_AN_ABBREVIATION}(?=\s*[,.;]|\s+(?:of|at|from|who)\b|$)"
    rf"|{ROLE_WORDS_BEFORE}(?P<n2>{CAP_RUN}){OF_ORG}{ADVERB}\s+(?P<c2>{CUES_EN}|[a-z]{{2,}}ed)\b)"
)
# after a name a cue verb follows, the rest of a role and the speaker's name, up to the end of the clause:
# "said Clinton[ ally James Carville]," "said Air Force[ 1st Lt. Tyler Livingston]."; not "said Jeff Merkley of Oregon"
ROLE_THEN_NAME_RE = re.compile(
    rf"(?:['’]s)?(?!\s+(?:of|at|from|in|for|to|on|with|by|the|a|an)\b)"
    rf"(?:\s+(?:[a-z0-9][\w.'&-]*|[A-Z][\w&-]*\.?)){{1,5}}?\s+(?P<n>{CAP_RUN})"
    rf"{NOT_AN_ABBREVIATION}(?=\s*[,.;:]|\s+(?:of|at|from|who|when|and)\b|\s*$)"
)
# after a quotation that ends with ! or ?, the name and verb that still belong to its sentence ("“…!” US
# Senator Jeff Sessions said"; "“…!!!” McDonough wrote"); after a full stop only a speech verb does ("“….”
# Unemployment had spiked" opens a sentence of its own). Not a cue that introduces the next quotation ("“…?” Mills
# then writes back, “…”"): that sentence is the next quote's; nor one of reported speech ("“….” Ohio Gov. John
# Kasich said he would").
_NEXT_QUOTE = r"(?![^\x00\"“.!?\n]{0,40}?[:,]\s*[\"“]|\s+(?:that|he|she|they|it|we|I|his|her|their|the)\b)"
# (past an appositive: "“…?” Miller, a retired worker from a nuclear plant, said")
_APPOSITIVE = r"(?:,[^,\"“”\n]{1,80},)?"
NAME_CUE_RE = re.compile(
    rf"{ROLE_WORDS_BEFORE}{CAP_RUN}{_APPOSITIVE}{OF_ORG}{ADVERB}\s+(?:{CUES_EN}|[a-z]{{2,}}ed)\b{_NEXT_QUOTE}"
)
NAME_SPEECH_CUE_RE = re.compile(
    rf"{ROLE_WORDS_BEFORE}{CAP_RUN}{_APPOSITIVE}{OF_ORG}{ADVERB}\s+(?:{CUES_EN})\b{_NEXT_QUOTE}"
)
# the cue verb after a quotation introduces the next one: "“…” and Donald Trump says he's “…”"; "“…,” Trump
# said: “…”"
INTRODUCES_NEXT_RE = re.compile(
    r"[^\x00.!?\n]{0,60}?(?P<colon>:)\s*[\"“]?\x00|[^\x00.!?\n,]{0,40}?[,:]?\s*[\"“]?\x00"
)
# a name after these words is the subject of a clause of its own, not the quote's speaker ("“…” until Haley said";
# "said when Boyle asked")
SUBORDINATE_RE = re.compile(
    r"\b(?:until|when|after|before|because|while|since|if|unless|as|whom?|whose|which|that)\s+$"
)
LATE_CUE_RE = re.compile(
    rf",\s+(?P<c>{CUES_EN})\s+(?:[\w.'&-]+\s+){{0,6}}?(?P<n>{CAP_RUN}){NOT_AN_ABBREVIATION}"
    rf"(?=\s*[,.;]|\s+(?:of|at|from|who)\b|\s*$)[^\x00]*$"
)
LEAD_UNKNOWN_RE = re.compile(rf"(?<![\w.])(?P<n>{CAP_RUN}){ADVERB}\s+(?P<c>{CUES_EN})\b[^\x00]{{0,100}}?[:,]?\s*$")
