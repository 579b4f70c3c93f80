#!/usr/bin/env python3
"""Reference values and gradients for the LossGen loss catalogue.

Run by hand with Debian's interpreter and python3-torch (not in CI):

    apt-get install -y python3-torch python3-numpy
    /usr/bin/python3 tests/reference/make_golden.py

Writes tests/reference/golden.json next to this script. Every loss that PyTorch has is computed
with torch.nn.functional in float64, its second derivatives ("second": the diagonal of
torch.autograd.functional.hessian in each differentiated input) by PyTorch's double backward (for
binary cross-entropy, whose double backward loses digits, the exact closed form t/p² + (1−t)/(1−p)²); the others (log-cosh, quantile, hinge, squared hinge) with
torch autograd of their closed form in float64. Inputs are fixed (seeded) and representable in
float32, so the same cases serve the float and the double catalogue. Cases listed under
"differences" are where LossGen deliberately differs from PyTorch (see docs/losses.md); the tests
assert LossGen's documented behaviour there instead.
"""
import json
import math
from fractions import Fraction
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20261125)
N = 37  # more than four vectors of 8 plus a tail


def f32(values):
    """float32-representable float64 values."""
    return np.asarray(values, dtype=np.float32).astype(np.float64)


def run(fn, inputs, reduction, grad_names):
    tensors = {k: torch.tensor(v, requires_grad=(k in grad_names)) for k, v in inputs.items()}
    out = fn(tensors, reduction)
    if reduction == "none":
        value = out.detach().tolist()
        out.sum().backward()
    else:
        value = out.item()
        out.backward()
    grads = {k: tensors[k].grad.tolist() for k in grad_names}
    return value, grads


def second(fn, inputs, reduction, grad_names):
    """The diagonal of torch.autograd.functional.hessian of the reduced loss (of the sum for "none") in each input:
    for an element-wise loss it is the whole Hessian in that input (the second derivatives LossGen's d2 outputs give)."""
    names = list(grad_names)
    fixed = {k: torch.tensor(v) for k, v in inputs.items()}

    def f(*xs):
        v = dict(fixed)
        v.update(zip(names, xs))
        out = fn(v, reduction)
        return out.sum() if reduction == "none" else out

    h = torch.autograd.functional.hessian(f, tuple(torch.tensor(inputs[k]) for k in names))
    return {k: torch.diagonal(h[i][i]).tolist() for i, k in enumerate(names)}


cases = []
differences = []


def record(loss, fn, inputs, params, source, grad_names=("input",), into=None, exact_second=None):
    """exact_second(inputs) -> per-element second derivatives as Fractions, where PyTorch's double backward loses
    digits (binary cross-entropy: its gradient (p - t) / (p (1 - p)) differentiated in float64 is off by up to 2e-9)."""
    for reduction in ("mean", "sum", "none"):
        value, grads = run(fn, inputs, reduction, grad_names)
        if exact_second is None:
            d2 = second(fn, inputs, reduction, grad_names)
        else:
            n = len(inputs["input"])
            d2 = {"input": [float(v / n) if reduction == "mean" else float(v) for v in exact_second(inputs)]}
        (into if into is not None else cases).append({
            "loss": loss, "reduction": reduction, "params": params, "source": source,
            "inputs": {k: v.tolist() for k, v in inputs.items()}, "value": value, "grads": grads,
            "second": d2,
        })


def normal(scale=1.0, n=N):
    return rng.normal(0.0, scale, n)


# --- losses PyTorch has -------------------------------------------------------------------------
x, t = f32(normal(2.0)), f32(normal(1.0))
record("MseLoss", lambda v, r: F.mse_loss(v["input"], v["target"], reduction=r), {"input": x, "target": t}, {}, "torch.nn.functional.mse_loss")

x = f32(np.append(normal(2.0, N - 2), [0.5, -1.25]))
t = f32(np.append(normal(1.0, N - 2), [0.5, -1.25]))  # two exact kinks: input == target
record("L1Loss", lambda v, r: F.l1_loss(v["input"], v["target"], reduction=r), {"input": x, "target": t}, {}, "torch.nn.functional.l1_loss")

for beta in (1.0, 0.0, 0.25):
    # |d| == 1 (the kink for beta = 1) and d == 0; with beta = 0 the d == 0 kink is a recorded difference below.
    x = f32(np.append(normal(2.0, N - 2), [1.5, 0.75 if beta != 0 else 0.8]))
    t = f32(np.append(normal(1.0, N - 2), [0.5, 0.75]))
    record("SmoothL1Loss", lambda v, r, b=beta: F.smooth_l1_loss(v["input"], v["target"], reduction=r, beta=b),
           {"input": x, "target": t}, {"beta": beta}, "torch.nn.functional.smooth_l1_loss")

for delta in (1.0, 1.35):
    x = f32(np.append(normal(2.0, N - 1), [2.0]))
    t = f32(np.append(normal(1.0, N - 1), [1.0]))  # |d| == 1: the kink for delta = 1
    record("HuberLoss", lambda v, r, d=delta: F.huber_loss(v["input"], v["target"], reduction=r, delta=d),
           {"input": x, "target": t}, {"delta": delta}, "torch.nn.functional.huber_loss")

p = f32(np.append(rng.uniform(0.01, 0.99, N - 4), [0.5, 0.2, 0.9, 0.999]))
t = f32(np.append(rng.uniform(0.0, 1.0, N - 8), [0, 1, 0, 1, 0.5, 0, 1, 0.3]))
record("BceLoss", lambda v, r: F.binary_cross_entropy(v["input"], v["target"], reduction=r), {"input": p, "target": t}, {}, "torch.nn.functional.binary_cross_entropy",
       exact_second=lambda v: [Fraction(t) / Fraction(p) ** 2 + (1 - Fraction(t)) / (1 - Fraction(p)) ** 2 for p, t in zip(v["input"], v["target"])])

for pos_weight in (1.0, 2.5):
    z = f32(np.append(normal(3.0, N - 5), [100.0, -100.0, 0.0, 100.0, -100.0]))
    t = f32(np.append(rng.integers(0, 2, N - 5), [0, 1, 1, 1, 0]))
    record("BceWithLogitsLoss",
           lambda v, r, w=pos_weight: F.binary_cross_entropy_with_logits(v["input"], v["target"], reduction=r, pos_weight=torch.tensor(w)),
           {"input": z, "target": t}, {"posWeight": pos_weight}, "torch.nn.functional.binary_cross_entropy_with_logits")

x = f32(normal(1.0))
t = f32(rng.poisson(2.0, N))
record("PoissonNllLoss", lambda v, r: F.poisson_nll_loss(v["input"], v["target"], log_input=True, full=False, reduction=r),
       {"input": x, "target": t}, {}, "torch.nn.functional.poisson_nll_loss(log_input=True, full=False)")

x, t = f32(normal(1.0)), f32(normal(1.0))
var = f32(rng.uniform(0.1, 2.0, N))
record("GaussianNllLoss", lambda v, r: F.gaussian_nll_loss(v["input"], v["target"], v["var"], full=False, eps=1e-6, reduction=r),
       {"input": x, "target": t, "var": var}, {"eps": 1e-6}, "torch.nn.functional.gaussian_nll_loss(full=False, eps=1e-6)", grad_names=("input", "var"))

probabilities = rng.dirichlet(np.ones(N)) * 0.9 + 0.1 / N
logp = f32(np.log(rng.dirichlet(np.ones(N))))
t = f32(np.append(probabilities[: N - 3], [0.0, 0.0, 0.25]))  # target 0: xlogy gives 0
record("KlDivLoss", lambda v, r: F.kl_div(v["input"], v["target"], reduction=r, log_target=False),
       {"input": logp, "target": t}, {}, "torch.nn.functional.kl_div(log_target=False)")

# --- closed forms (no PyTorch loss): torch autograd of the formula in float64 -------------------------
def reduce(values, r):
    return values.mean() if r == "mean" else values.sum() if r == "sum" else values


x, t = f32(normal(2.0)), f32(normal(1.0))
record("LogCoshLoss", lambda v, r: reduce(torch.log(torch.cosh(v["input"] - v["target"])), r),
       {"input": x, "target": t}, {}, "closed form: log(cosh(input - target))")

for tau in (0.1, 0.5, 0.9):
    x = f32(np.append(normal(2.0, N - 1), [0.75]))
    t = f32(np.append(normal(1.0, N - 1), [0.75]))  # d == 0: maximum splits the tie in halves
    record("QuantileLoss", lambda v, r, q=tau: reduce(torch.maximum(q * (v["target"] - v["input"]), (q - 1) * (v["target"] - v["input"])), r),
           {"input": x, "target": t}, {"tau": tau}, "closed form: max(tau d, (tau - 1) d), d = target - input")

x = f32(np.append(normal(1.5, N - 2), [1.0, -1.0]))
t = f32(np.append(np.where(rng.integers(0, 2, N - 2) == 1, 1.0, -1.0), [1.0, -1.0]))  # exactly on the hinge
record("HingeLoss", lambda v, r: reduce(torch.maximum(torch.zeros_like(v["input"]), 1 - v["target"] * v["input"]), r),
       {"input": x, "target": t}, {}, "closed form: max(0, 1 - target input)")
record("SquaredHingeLoss", lambda v, r: reduce(torch.maximum(torch.zeros_like(v["input"]), 1 - v["target"] * v["input"]) ** 2, r),
       {"input": x, "target": t}, {}, "closed form: max(0, 1 - target input)^2")

# --- where LossGen deliberately differs ---------------------------------------------------------------
# BCE at probabilities exactly 0 and 1: PyTorch clamps log at -100 and divides by max(p(1-p), 1e-12).
p = f32([0.0, 0.0, 1.0, 1.0])
t = f32([0.0, 1.0, 0.0, 1.0])
record("BceLoss", lambda v, r: F.binary_cross_entropy(v["input"], v["target"], reduction=r), {"input": p, "target": t}, {},
       "torch.nn.functional.binary_cross_entropy", into=differences)
# Smooth L1 with beta = 0 at d == 0: torch 1.13 returns the gradient -1 there; LossGen follows the L1
# convention (sign(0) = 0, as torch's own l1_loss).
x, t = f32([0.75, 2.0]), f32([0.75, 1.0])
record("SmoothL1Loss", lambda v, r: F.smooth_l1_loss(v["input"], v["target"], reduction=r, beta=0.0), {"input": x, "target": t}, {"beta": 0.0},
       "torch.nn.functional.smooth_l1_loss", into=differences)
# Gaussian NLL with var below eps: PyTorch clamps var without recording it, so d/dvar flows as if var were eps.
x, t = f32([0.5, -1.0, 2.0]), f32([0.0, 0.0, 1.0])
var = f32([0.0, 1e-9, 0.5])
record("GaussianNllLoss", lambda v, r: F.gaussian_nll_loss(v["input"], v["target"], v["var"], full=False, eps=1e-6, reduction=r),
       {"input": x, "target": t, "var": var}, {"eps": 1e-6}, "torch.nn.functional.gaussian_nll_loss(full=False, eps=1e-6)",
       grad_names=("input", "var"), into=differences)

# --- optimizer trajectories: torch.optim on a fixed problem, 10 steps ---------------------------------
# f(θ) = Σ w_i (θ_i − c_i)² + 0.1 Σ θ_i⁴, whose gradient 2 w (θ − c) + 0.4 θ³ both sides compute
# with the same operations. Recorded in float64 and float32.
W = [1.0, 2.0, 0.5, 3.0, 1.5]
C = [1.0, -2.0, 0.5, 0.25, -1.0]
THETA0 = [0.5, 0.0, -1.0, 2.0, 0.75]
optimizer_configs = [
    ("SGD", {"lr": 0.05}),
    ("SGD", {"lr": 0.05, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("Adam", {"lr": 0.1}),
    ("Adam", {"lr": 0.1, "betas": [0.8, 0.99], "eps": 1e-6, "weight_decay": 0.05}),
    ("Adam", {"lr": 0.1, "amsgrad": True}),
    ("AdamW", {"lr": 0.1, "weight_decay": 0.1}),
    ("AdamW", {"lr": 0.1, "weight_decay": 0.1, "amsgrad": True}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01, "momentum": 0.5}),
    ("RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.9}),
    ("Adagrad", {"lr": 0.1}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-8}),
]
optimizers = []
for name, options in optimizer_configs:
    for dtype, dtype_name in ((torch.float64, "double"), (torch.float32, "float")):
        w = torch.tensor(W, dtype=dtype)
        c = torch.tensor(C, dtype=dtype)
        theta = torch.tensor(THETA0, dtype=dtype, requires_grad=True)
        kwargs = dict(options)
        if "betas" in kwargs:
            kwargs["betas"] = tuple(kwargs["betas"])
        optimizer = getattr(torch.optim, name)([theta], **kwargs)
        trajectory = []
        for _ in range(10):
            with torch.no_grad():
                theta.grad = 2 * w * (theta - c) + 0.4 * (theta * theta * theta)
            optimizer.step()
            trajectory.append([float(v) for v in theta.detach().tolist()])
        optimizers.append({"optimizer": name, "options": options, "type": dtype_name, "theta0": THETA0, "w": W, "c": C, "trajectory": trajectory})


# L-BFGS (full batch) on the same problem: one outer step = up to max_iter inner iterations.
lbfgs = []
for options in ({"lr": 1.0, "max_iter": 1, "history_size": 5, "line_search_fn": "strong_wolfe"},
                {"lr": 1.0, "max_iter": 1, "history_size": 5},
                {"lr": 1.0, "max_iter": 20, "history_size": 10, "line_search_fn": "strong_wolfe", "tolerance_grad": 1e-10, "tolerance_change": 1e-12}):
    w = torch.tensor(W)
    c = torch.tensor(C)
    theta = torch.tensor(THETA0, requires_grad=True)
    optimizer = torch.optim.LBFGS([theta], **options)

    def closure():
        optimizer.zero_grad()
        loss = (w * (theta - c) ** 2).sum() + 0.1 * (theta ** 4).sum()
        loss.backward()
        return loss

    trajectory = []
    for _ in range(10):
        optimizer.step(closure)
        trajectory.append([float(v) for v in theta.detach().tolist()])
    lbfgs.append({"optimizer": "LBFGS", "options": options, "type": "double", "theta0": THETA0, "w": W, "c": C, "trajectory": trajectory,
                  "note": "objective sum(w (theta - c)^2) + 0.1 sum(theta^4) through autograd; replayed by tests/LossGen.Tests/Training/LbfgsGoldenTests.cs"})

# L-BFGS on the Rosenbrock function from (-1.2, 1): curved valleys make the strong-Wolfe line search
# bracket and zoom, which the quartic above barely does. Each outer step runs up to 5 inner iterations.
rosenbrock = []
for options in ({"lr": 1.0, "max_iter": 5, "history_size": 10, "line_search_fn": "strong_wolfe", "tolerance_grad": 1e-12, "tolerance_change": 1e-14},
                {"lr": 1.0, "max_iter": 5, "history_size": 3, "line_search_fn": "strong_wolfe", "tolerance_grad": 1e-12, "tolerance_change": 1e-14}):
    theta = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([theta], **options)
    evaluations = [0]

    def closure():
        optimizer.zero_grad()
        loss = 100 * (theta[1] - theta[0] ** 2) ** 2 + (1 - theta[0]) ** 2
        loss.backward()
        evaluations[0] += 1
        return loss

    trajectory = []
    for _ in range(8):
        optimizer.step(closure)
        trajectory.append([float(v) for v in theta.detach().tolist()])
    rosenbrock.append({"optimizer": "LBFGS", "options": options, "type": "double", "theta0": [-1.2, 1.0], "evaluations": evaluations[0], "trajectory": trajectory,
                       "note": "objective 100 (y - x^2)^2 + (1 - x)^2; replayed by tests/LossGen.Tests/Training/LbfgsGoldenTests.cs"})

# --- learning-rate schedules: the lr of 25 epochs under torch.optim.lr_scheduler ----------------------
PLATEAU_METRICS = [1.0, 0.9, 0.85, 0.85, 0.86, 0.84, 0.84, 0.84, 0.84, 0.83, 0.83, 0.831, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
schedule_configs = [
    ("StepLR", {"step_size": 7, "gamma": 0.5}),
    ("ExponentialLR", {"gamma": 0.9}),
    ("CosineAnnealingLR", {"T_max": 10, "eta_min": 0.001}),
    ("LinearLR", {"start_factor": 0.1, "end_factor": 1.0, "total_iters": 5}),
    ("ReduceLROnPlateau", {"factor": 0.5, "patience": 2, "threshold": 0.01, "cooldown": 1, "min_lr": 0.01}),
]
schedules = []
for name, options in schedule_configs:
    theta = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=0.1)
    scheduler = getattr(torch.optim.lr_scheduler, name)(optimizer, **options)
    rates = []
    for epoch in range(25):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        if name == "ReduceLROnPlateau":
            scheduler.step(PLATEAU_METRICS[epoch])
        else:
            scheduler.step()
    schedules.append({"schedule": name, "options": options, "base": 0.1, "metrics": PLATEAU_METRICS if name == "ReduceLROnPlateau" else [], "rates": rates})

# --- gradient clipping: torch.nn.utils.clip_grad_norm_ and clip_grad_value_ -----------------------------
clipping = []
for values, max_norm, clip_value in (([3.0, -4.0, 12.0], 5.0, 2.5), ([0.1, 0.2, -0.2], 5.0, 0.15), ([1e-3, -2e-3], 1e-4, 1.5e-3)):
    g = torch.tensor(values)
    p_ = torch.zeros_like(g, requires_grad=True)
    p_.grad = g.clone()
    total = torch.nn.utils.clip_grad_norm_([p_], max_norm)
    by_norm = p_.grad.tolist()
    p_.grad = g.clone()
    torch.nn.utils.clip_grad_value_([p_], clip_value)
    clipping.append({"gradient": values, "max_norm": max_norm, "norm": float(total), "by_norm": by_norm, "clip_value": clip_value, "by_value": p_.grad.tolist()})


def finite_or_text(value):
    """JSON has no Infinity or NaN: write those as strings, which the C# reader parses."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, list):
        return [finite_or_text(v) for v in value]
    if isinstance(value, dict):
        return {k: finite_or_text(v) for k, v in value.items()}
    return value


cases = finite_or_text(cases)
differences = finite_or_text(differences)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "golden.json"), "w") as f:
    json.dump({"generator": "tests/reference/make_golden.py", "torch": torch.__version__, "numpy": np.__version__,
               "cases": cases, "differences": differences, "optimizers": optimizers, "schedules": schedules, "clipping": clipping, "lbfgs": lbfgs, "lbfgs_rosenbrock": rosenbrock}, f, indent=1)
print(f"wrote {len(cases)} cases and {len(differences)} difference cases (torch {torch.__version__})")
