"""The dates an article gives, and those it lets a reader resolve.

Given: a full date as news writes it (2025-10-31, 2025.10.31, 2025년 10월 31일, October 31, 2025, 31 Oct
2025), a month of a year (2025년 10월, October 2025), a month and day (10월 31일, Oct. 31), a day (31일), a
year (2025, 2025년). Resolved: from the article's own full dates (its dateline or a byline's 입력
2025-10-31 15:44 among them), a day or a month and day in that month or year (31일 in an article dated
2025-11-01 is 2025-10-31), and the words that count from it (어제, 전날, 이날, 오늘, 내일; yesterday, today,
tomorrow; a weekday within a week of it). Page furniture counts here: a byline's date is the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .source import Source

__all__ = ["Dates", "dates_of"]

_MONTHS = {m: i + 1 for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec")) for m in names.split()}
_MONTH_NAMES = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH = rf"(?P<mname>{_MONTH_NAMES})\.?"
_YEAR = r"(?P<y>(?:19|20)(?<!\d\d\d)\d\d)"
_NUMERIC_FULL = rf"{_YEAR}\s*(?:[-./]\s*|년\s*)(?P<m>\d{{1,2}})\s*(?:[-./]\s*|월\s*)(?P<d>\d{{1,2}})(?!\d)"
_NAMED_FULL = (rf"\b{_MONTH}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b"
               rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mname3>{_MONTH_NAMES})\.?,?\s+(?P<y3>(?:19|20)\d\d)\b")
_NUMERIC_YEAR_MONTH = rf"{_YEAR}\s*년\s*(?P<m>\d{{1,2}})\s*월"
_NAMED_YEAR_MONTH = rf"\b{_MONTH}\s+(?P<y2>(?:19|20)\d\d)\b"
_NUMERIC_MONTH_DAY = r"(?P<m>\d(?<!\d\d)\d?)\s*월\s*(?P<d>\d{1,2})\s*일"
_NAMED_MONTH_DAY = (rf"\b{_MONTH}\s+(?P<d2>\d{{1,2}})\b"
                    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mname3>{_MONTH_NAMES})\b")
_PATTERNS = {named: tuple(re.compile(numeric + (f"|{other}" if named else "")) for numeric, other in (
    (_NUMERIC_FULL, _NAMED_FULL), (_NUMERIC_YEAR_MONTH, _NAMED_YEAR_MONTH), (_NUMERIC_MONTH_DAY, _NAMED_MONTH_DAY)))
    for named in (False, True)}
"""The full, year-month and month-day patterns: numeric and Korean only, or with English month names too (the
English alternatives cost a try at every word, so they run only where a month's name stands)."""
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_PREFIX_RE = re.compile("|".join(_MONTH_PREFIXES))
"""Any of them in the text: one scan, not twelve."""
_DAY_RE = re.compile(r"(?P<d>\d(?<![\d.]\d)\d?)\s*일")
_YEAR_RE = re.compile(r"(?P<y>(?:19|20)(?<![\d.,]\d\d)\d\d)(?![\d,]|\.\d)")
_RELATIVE = {"그저께": -2, "그제": -2, "어제": -1, "전날": -1, "오늘": 0, "이날": 0, "당일": 0, "내일": 1,
             "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAYS.update({d: i for i, d in enumerate("월요일 화요일 수요일 목요일 금요일 토요일 일요일".split())})


_ANY_DATE_RE = re.compile(r"(?:19|20)\d\d|\d\s*[월일]")
"""A year, a month or a day: an article with none of them gives no date (the other patterns are not run)."""


def _month(m: re.Match, group: str) -> int | None:
    name = m.group(group)
    return _MONTHS.get(name.lower().rstrip(".")[:3]) if name else None


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True)
class Dates:
    """What the article gives of dates, and every full date it lets a reader resolve."""

    resolved: frozenset[date]
    years: frozenset[int]
    year_months: frozenset[tuple[int, int]]
    shown: tuple[str, ...]
    """The dates as the article writes them, for a message."""

    def gives(self, iso: str) -> bool:
        """Whether the ISO date ``iso`` (YYYY, YYYY-MM or YYYY-MM-DD, a time after it ignored) is one the article
        gives or resolves."""
        parts = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso.strip())
        if parts is None:
            return False
        y, m, d = (int(p) if p else None for p in parts.groups())
        if d is not None and m is not None:
            return (found := _date(y, m, d)) is not None and found in self.resolved
        if m is not None:
            return (y, m) in self.year_months
        return y in self.years


def dates_of(src: Source) -> Dates:
    """The article's dates, worked out once an article."""
    return src.cached(_dates)


def _has_dates(text: str) -> bool:
    return bool(_ANY_DATE_RE.search(text))


def _dates(src: Source) -> Dates:
    text = src.text
    if not _has_dates(text):
        return Dates(frozenset(), frozenset(), frozenset(), ())
    named = _MONTH_PREFIX_RE.search(text) is not None
    full_re, year_month_re, month_day_re = _PATTERNS[named]
    # The Korean patterns need their words (년, 월, 일): a text that lacks one is not scanned for them.
    has_month, has_day = "월" in text, "일" in text
    full: set[date] = set()
    shown: list[str] = []
    for m in full_re.finditer(text):
        if m["y"]:
            found = _date(int(m["y"]), int(m["m"]), int(m["d"]))
        elif m["y2"]:
            month = _month(m, "mname")
            found = _date(int(m["y2"]), month, int(m["d2"])) if month else None
        else:
            month = _month(m, "mname3")
            found = _date(int(m["y3"]), month, int(m["d3"])) if month else None
        if found is not None:
            full.add(found)
            shown.append(m[0])
    year_months = {(d.year, d.month) for d in full}
    for m in year_month_re.finditer(text) if named or (has_month and "년" in text) else ():
        month = int(m["m"]) if m["m"] else _month(m, "mname")
        if month and 1 <= month <= 12:
            year_months.add((int(m["y"] or m["y2"]), month))
    month_days: set[tuple[int, int]] = set()
    for m in month_day_re.finditer(text) if named or (has_month and has_day) else ():
        month = int(m["m"]) if m["m"] else _month(m, "mname") if m["d2"] else _month(m, "mname3")
        day = int(m["d"] or m["d2"] or m["d3"])
        if month and 1 <= month <= 12 and 1 <= day <= 31:
            month_days.add((month, day))
            shown.append(m[0])
    days = {int(m["d"]) for m in (_DAY_RE.finditer(text) if has_day else ()) if 1 <= int(m["d"]) <= 31}
    shown += [f"{d}일" for d in sorted(days)]
    years = {int(m["y"]) for m in _YEAR_RE.finditer(text)}
    shown += [str(y) for y in sorted(years)]
    resolved = set(full)
    lower = text.lower() if full else ""  # the words that count from a date need one to count from
    offsets = {o for w, o in _RELATIVE.items() if w in lower}
    weekdays = {d for w, d in _WEEKDAYS.items() if w in lower}
    for anchor in full:
        resolved.update(anchor + timedelta(days=o) for o in offsets)
        for wd in weekdays:
            back = (anchor.weekday() - wd) % 7
            resolved.update((anchor - timedelta(days=back), anchor + timedelta(days=(7 - back) % 7)))
        for month, day in month_days:  # this year's, or last year's when it is still to come this year
            year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
            resolved.update(d for d in (_date(year, month, day),) if d)
        for day in days:
            previous = (anchor.replace(day=1) - timedelta(days=1))
            resolved.update(d for d in (_date(anchor.year, anchor.month, day),
                                        _date(previous.year, previous.month, day)) if d)
    for y in years:  # no anchor needed: the article writes the year, the month and the day
        resolved.update(d for month, day in month_days if (d := _date(y, month, day)))
    years |= {d.year for d in resolved}
    year_months |= {(d.year, d.month) for d in resolved}
    return Dates(frozenset(resolved), frozenset(years), frozenset(year_months), tuple(dict.fromkeys(shown)))
