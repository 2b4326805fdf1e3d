"""Text on its way to a terminal: every character a terminal would act on is shown as its escape."""

from summarizer.views.terminal import printable


def test_controls_bidi_overrides_and_lone_surrogates_are_escaped_and_the_rest_is_kept():
    hostile = ("\x1b]0;pwned\x07\x1b[2J\x1b[H" "line\r\nforged\tx\x7f\x9b31m" "\u202egnp.exe\u2066\u200f\ud800"
               " 이재명 “26만 개” é ½")
    assert printable(hostile) == ("\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H" "line\\r\\nforged\\tx\\x7f\\x9b31m"
                                  "\\u202egnp.exe\\u2066\\u200f\\ud800" " 이재명 “26만 개” é ½")
