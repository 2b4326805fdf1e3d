from summarizer.trust.article.titles import holds_title, with_title


def test_a_title_is_held_up_to_spacing_case_and_quote_marks():
    text = "엔비디아 “GPU 26만장” 공급\n\n엔비디아가 31일 밝혔다."
    assert holds_title(text, '엔비디아 "GPU  26만장" 공급')
    assert holds_title("The Council Voted.", "the council voted")
    assert not holds_title(text, "삼성전자 공급")


def test_a_title_the_text_lacks_becomes_its_first_line_and_none_changes_nothing():
    assert with_title("Body.", "A  title\n") == "A title\n\nBody."
    assert with_title("A title\n\nBody.", "A title") == "A title\n\nBody."
    assert with_title("Body.", None) == "Body." and with_title("Body.", "  ") == "Body."
