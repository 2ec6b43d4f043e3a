"""The whole pipeline on arbitrary text: never raises, every span exact, offsets inside the input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.pipeline import process_text
from nlp.settings import Settings

# Decoded files hold no lone surrogates (readers decode with replacement), so none are drawn.
# Characters that drive the stages: markers, title words, chrome cues, dates, ratios, units.
POLICY = list("一二三四五六七八九十、()（）1234567890.%‰年月日前至—-:：,，。;；\n 第章条阶段县市局卫生单位要负责组长实施方案通知"
              "关于网站首页>|页省略上一篇标题各区文件〔〕号小编")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(POLICY) | st.characters(exclude_categories=("Cs",)), max_size=400))
def test_pipeline_never_raises_and_spans_are_exact(text):
    for doc in process_text(text, settings=Settings(ner="rules")):
        assert doc.text.strip() == doc.text
        for s in doc.sections:
            assert 0 <= s.start <= s.end <= len(doc.text)
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
        for p in doc.passages:
            assert doc.text[p.start:p.end] == p.text
        for i in range(0, len(doc.text), 7):
            assert 0 <= doc.offsets.to_source(i) < len(text)
