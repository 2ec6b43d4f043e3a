"""HanLP's RNN named-entity tagger as the project trains and ships it (imports hanlp and torch).

Two changes to ``hanlp.components.ner.rnn_ner.RNNNamedEntityRecognizer`` (hanlp 2.1.5):

- ``crf=True`` builds ``CRF(n_out, crf_constraints)``, which passes None as ``batch_first``:
  dev F1 stays 0 and batched prediction raises. The CRF layer is rebuilt here with
  ``batch_first=True``.
- Weights are saved and loaded as safetensors, not as a torch pickle, so loading a model
  never unpickles.
"""

from __future__ import annotations

import os

from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.layers.crf.crf import CRF
from safetensors.torch import load_file, save_file

WEIGHTS = "model.safetensors"


class PartyTagger(RNNNamedEntityRecognizer):
    """Character BiLSTM(-CRF) tagger for ORG/PER/ROLE with safetensors weights."""

    def build_model(self, rnn_input, rnn_hidden, drop, crf, **kwargs):
        model = super().build_model(rnn_input=rnn_input, rnn_hidden=rnn_hidden, drop=drop, crf=False,
                                    **kwargs)
        if crf:
            model.crf = CRF(model.out.out_features, batch_first=True)
        return model

    def save_weights(self, save_dir, filename=WEIGHTS, trainable_only=True, **kwargs):
        model = self.model_
        trainable = {n for n, p in model.named_parameters() if p.requires_grad}
        state = {n: t.detach().contiguous().cpu() for n, t in model.state_dict().items()
                 if not trainable_only or n in trainable}
        save_file(state, os.path.join(save_dir, filename))

    def load_weights(self, save_dir, filename=WEIGHTS, **kwargs):
        state = load_file(os.path.join(save_dir, filename), device="cpu")
        missing, unexpected = self.model_.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise ValueError(f"{save_dir}/{filename}: weights do not fit the model "
                             f"(missing {missing}, unexpected {unexpected}); retrain with policy-nlp train-ner")
