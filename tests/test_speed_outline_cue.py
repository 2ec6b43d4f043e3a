"""The heading-end cue's one-pass weights (``outline._position_weights``) are those of the
per-position features ``_position_values`` gives (the training script's reading)."""

import random

from nlp.outline import _REST_KEYS, _cue_tables, _position_values, _position_weights, heading_end_positions


def test_position_weights_are_those_of_the_position_values():
    rng = random.Random(12)
    alphabet = "()“”《》,、及和的与之要求目标任务措施工作组织领导时间2024年a。 \n（）"
    samples = ["总体要求以邓小平理论为指导", "完善机制(7月—9月)建立台账", "“双随机、一公开”监管全覆盖要求", ""]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(3000)]
    tables = _cue_tables()[2]
    assert len(tables) == len(_REST_KEYS)
    for cand in samples:
        want = []
        for i in heading_end_positions(cand):
            head, *rest = _position_values(cand, i)
            want.append((i, head, [t.get(v, 0.0) for t, v in zip(tables, rest)]))
        assert _position_weights(cand, tables) == want, cand
