"""The heading-end cue's one-pass features (``outline._cut_positions``) are the per-position ones."""

import random

from nlp.outline import _cut_positions, _position_values, heading_end_positions


def test_cut_positions_are_the_position_values():
    rng = random.Random(12)
    alphabet = "()“”《》,、及和的与之要求目标任务措施工作组织领导时间2024年a。 \n（）"
    samples = ["总体要求以邓小平理论为指导", "完善机制(7月—9月)建立台账", "“双随机、一公开”监管全覆盖要求", ""]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(3000)]
    for cand in samples:
        want = [(i, _position_values(cand, i)) for i in heading_end_positions(cand)]
        assert list(_cut_positions(cand)) == want, cand
