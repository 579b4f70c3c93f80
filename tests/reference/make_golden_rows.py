#!/usr/bin/env python3
"""Reference values and gradients for LossGen's row losses (multi-class, K values per sample).

Run by hand with Debian's interpreter and python3-torch (not in CI):

    apt-get install -y python3-torch python3-numpy
    /usr/bin/python3 tests/reference/make_golden_rows.py

Writes tests/reference/golden_rows.json. Every loss PyTorch has is computed with
torch.nn.functional in float64; the multi-class focal loss (not in PyTorch) with autograd of its
closed form in float64. Logits are float32-representable so one case serves float and double.
Cases include ties, extreme logits (±1e4) and, for cross-entropy options, ignored rows and class weights.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20261129)
N, K = 19, 7


def f32(values):
    return np.asarray(values, dtype=np.float32).astype(np.float64)


def logits(scale=2.0):
    z = f32(rng.normal(0, scale, (N, K)))
    z[1, :] = 0.0                 # all tied
    z[2, 3] = z[2, 5] = z[2].max() + 1  # a tie at the max
    z[3, :] = f32(rng.uniform(-1e4, 1e4, K))  # extreme logits
    return z


cases = []


def record(loss, fn, inputs, params, reductions=("mean", "sum", "none")):
    for reduction in reductions:
        z = torch.tensor(inputs["input"], requires_grad=True)
        others = {k: torch.tensor(v) for k, v in inputs.items() if k != "input"}
        out = fn(z, others, reduction)
        if reduction == "none":
            value = out.detach().tolist()
            out.sum().backward()
        else:
            value = out.item()
            out.backward()
        cases.append({"loss": loss, "reduction": reduction, "params": params, "classes": K,
                      "inputs": {k: np.asarray(v).reshape(-1).tolist() for k, v in inputs.items()},
                      "value": value, "grad": z.grad.reshape(-1).tolist()})


t = rng.integers(0, K, N)
z = logits()
record("CrossEntropyLoss", lambda z, o, r: F.cross_entropy(z, o["target"], reduction=r), {"input": z, "target": t}, {})
record("CrossEntropyLossSmoothed", lambda z, o, r: F.cross_entropy(z, o["target"], reduction=r, label_smoothing=0.1),
       {"input": z, "target": t}, {"labelSmoothing": 0.1})
y = f32(rng.dirichlet(np.ones(K), N))
record("SoftCrossEntropyLoss", lambda z, o, r: F.cross_entropy(z, o["target"], reduction=r), {"input": z, "target": y}, {})
logp = f32(F.log_softmax(torch.tensor(z), 1).numpy())
record("NllLoss", lambda z, o, r: F.nll_loss(z, o["target"], reduction=r), {"input": logp, "target": t}, {})
zm = f32(np.round(rng.normal(0, 1, (N, K)) * 4) / 4)  # quarter steps: hinge kinks hit exactly
record("MultiMarginLoss", lambda z, o, r: F.multi_margin_loss(z, o["target"], p=1, margin=1.0, reduction=r), {"input": zm, "target": t}, {"margin": 1.0})
record("MultiMarginSquaredLoss", lambda z, o, r: F.multi_margin_loss(z, o["target"], p=2, margin=0.5, reduction=r), {"input": zm, "target": t}, {"margin": 0.5})
record("KlDivRowLoss", lambda z, o, r: (F.kl_div(z, o["target"], reduction="batchmean") if r == "mean"
                                         else F.kl_div(z, o["target"], reduction="none").sum(1) if r == "none"
                                         else F.kl_div(z, o["target"], reduction="sum")),
       {"input": logp, "target": y}, {})


def focal(z, o, r, alpha=0.25, gamma=2.0):
    lp = F.log_softmax(z, 1).gather(1, o["target"].view(-1, 1)).view(-1)
    l = -alpha * (1 - lp.exp()) ** gamma * lp
    return l.mean() if r == "mean" else l.sum() if r == "sum" else l


record("SoftmaxFocalLoss", focal, {"input": z, "target": t}, {"alpha": 0.25, "gamma": 2.0})

# Cross-entropy options: class weights with the weighted mean, ignored rows.
w = f32(rng.uniform(0.2, 2.0, K))
ti = t.copy()
ti[[0, 5, 9]] = -100
record("CrossEntropyLossOptions", lambda z, o, r: F.cross_entropy(z, o["target"], weight=torch.tensor(w), ignore_index=-100, reduction=r),
       {"input": z, "target": ti}, {"weight": w.tolist(), "ignoreIndex": -100})

out = {"generator": os.path.basename(__file__), "torch": torch.__version__, "numpy": np.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_rows.json"), "w") as f:
    json.dump(out, f, indent=0)
print(len(cases), "cases")
