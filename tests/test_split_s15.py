"""Document shapes met on the collected pages of session 15, in invented wording."""

from nlp.split import _is_title_line


def test_a_photo_caption_ending_in_a_genre_word_is_no_title_line():
    assert not _is_title_line("上图为甲镇进行巩固国家卫生镇工作汇报")
    assert not _is_title_line("图:某局召开安全生产工作会议")
    assert _is_title_line("甲镇巩固国家卫生镇工作汇报")
