"""A numbered item that is a sentence (a subject, then 要/必须 and a verb) has no short heading:
its heading runs to the first 。 (gold/README), not to a heading noun inside the sentence."""

from nlp.outline import parse_outline


def test_sentence_item_heading_runs_to_the_full_stop():
    text = ("一、总体要求以提高服务质量为目标,统筹推进各项工作。\n"
            "二、县卫生健康局办公室要加强对重点工作的跟踪调度,建立工作台账,确保按时完成。\n")
    secs = parse_outline(text)
    assert secs[0].heading == "总体要求"
    assert secs[1].heading.startswith("县卫生健康局办公室要加强对重点工作的跟踪调度")


def test_field_and_value_item_keeps_the_whole_line():
    text = ("为加强行风建设,欢迎社会各界监督,现将有关受理方式公告如下。\n受理方式\n"
            "1.举报电话:0000-1234567\n2.来信地址:某市某区某路12号\n3.受理时间:工作日9:00-17:00,节假日除外。特此公告\n")
    assert [s.heading for s in parse_outline(text)][:2] == ["举报电话:0000-1234567", "来信地址:某市某区某路12号"]


def test_run_in_label_heading_is_still_cut():
    text = "一、竞赛加分:获省级一等奖的加十分,获市级一等奖的加五分。\n二、其他事项:由学校另行通知。\n"
    assert parse_outline(text)[0].heading == "竞赛加分"
