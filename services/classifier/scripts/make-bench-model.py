#!/usr/bin/env python3
"""Build a RANDOM-WEIGHT BERT-layout model with the exact shape of paraphrase-multilingual-MiniLM-L12-v2
(12 layers, hidden 384, 12 heads, intermediate 1536, vocabulary 250,002, 512 positions) in the
transformers.js folder layout, for `pnpm bench:detect` ONLY: its outputs mean nothing and it must never be
used for any quality figure. About 470 MB: written under .cache/, never committed.

Needs Debian's python3-torch and python3-onnx. Usage: /usr/bin/python3 make-bench-model.py OUT_DIR
"""
import json, os, sys
import torch
from torch import nn

OUT = sys.argv[1]
V, H, L, HEADS, I, P = 250002, 384, 12, 12, 1536, 512
torch.manual_seed(20261123)


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(H, H) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(H, eps=1e-12), nn.LayerNorm(H, eps=1e-12)
        self.up, self.down = nn.Linear(H, I), nn.Linear(I, H)

    def forward(self, x, bias):
        b, s, _ = x.shape
        split = lambda t: t.view(b, s, HEADS, H // HEADS).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / (H // HEADS) ** 0.5 + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(b, s, H)
        x = self.ln1(x + self.o(ctx))
        return self.ln2(x + self.down(torch.nn.functional.gelu(self.up(x))))


class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.word, self.pos, self.token_type = nn.Embedding(V, H), nn.Embedding(P, H), nn.Embedding(2, H)
        self.ln = nn.LayerNorm(H, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(L))
        for p in self.parameters():
            nn.init.normal_(p, std=0.02) if p.dim() > 1 else None

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(positions) + self.token_type(token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x


os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
model = Bert().eval()
ids = torch.ones((2, 8), dtype=torch.long)
torch.onnx.export(
    model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), os.path.join(OUT, "onnx", "model.onnx"),
    input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
    dynamic_axes={n: {0: "batch_size", 1: "sequence_length"} for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
    opset_version=14,
)

# A WordPiece vocabulary of the same size: specials, characters, continuation pieces, then filler tokens.
specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
chars = [chr(c) for c in range(33, 0x2FF) if chr(c).isprintable()] + [chr(c) for c in range(0x1EA0, 0x1EFA)]
vocab = specials + chars + ["##" + c for c in chars]
words = "việt nam và hàn quốc nhật bản trung quốc hoa kỳ the and of to in a is that for on was with as it by vietnam china japan korea trade agreement visit".split()
vocab += [w for w in words if w not in vocab]
vocab += [f"tok{i}" for i in range(V - len(vocab))]
vocab_map = {t: i for i, t in enumerate(vocab)}
tokenizer = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [{"id": vocab_map[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                      "normalized": False, "special": True} for t in specials],
    "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": False, "lowercase": True},
    "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {"type": "TemplateProcessing",
                       "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                       "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                                {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                       "special_tokens": {t: {"id": t, "ids": [vocab_map[t]], "tokens": [t]} for t in ["[CLS]", "[SEP]"]}},
    "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
    "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": vocab_map},
}
json.dump(tokenizer, open(os.path.join(OUT, "tokenizer.json"), "w"), ensure_ascii=False)
json.dump({"tokenizer_class": "BertTokenizer", "model_max_length": 128, "do_lower_case": True, "unk_token": "[UNK]",
           "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"},
          open(os.path.join(OUT, "tokenizer_config.json"), "w"), indent=2)
json.dump({"architectures": ["BertModel"], "model_type": "bert", "vocab_size": V, "hidden_size": H, "num_hidden_layers": L,
           "num_attention_heads": HEADS, "intermediate_size": I, "max_position_embeddings": P, "type_vocab_size": 2,
           "pad_token_id": 0, "_comment": "RANDOM WEIGHTS, benchmark only: shape of paraphrase-multilingual-MiniLM-L12-v2"},
          open(os.path.join(OUT, "config.json"), "w"), indent=2)
print("written", OUT)
