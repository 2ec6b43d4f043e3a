"""A numbered item that is a sentence (a subject, then 要/必须 and a verb) has no short heading:
its heading runs to the first 。 (gold/README), not to a heading noun inside the sentence."""

from nlp.outline import parse_outline


def test_sentence_item_heading_runs_to_the_full_stop():
    text = ("一、总体要求以提高服务质量为目标,统筹推进各项工作。\n"
            "二、县卫生健康局办公室要加强对重点工作的跟踪调度,建立工作台账,确保按时完成。\n")
    secs = parse_outline(text)
    assert secs[0].heading == "总体要求"
    assert secs[1].heading.startswith("县卫生健康局办公室要加强对重点工作的跟踪调度")
