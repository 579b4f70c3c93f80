#!/usr/bin/env python3
"""The optimum of L2-regularized softmax regression on the iris data, for SoftmaxRegressionTests.

Run by hand with Debian's interpreter (not in CI):

    apt-get install -y python3-numpy python3-scipy
    /usr/bin/python3 tests/reference/make_softmax_reference.py

Writes tests/reference/softmax_iris.json next to this script. The objective is LossGen's
SoftmaxRegressionObjective, written out here independently in numpy (float64):

    f(W, b) = R_i [logsumexp(z_i) - z_i[t_i]] + lambda/2 ||W||^2,   z_i = W x_i + b,

with R the mean (or the sum) over the 150 rows, W the 3 x 4 weights (class by class), b the 3
unpenalized biases, and x the features z-scored over all rows with the population standard deviation.
Parameters are [W row-major, b]. scipy's L-BFGS-B minimizes f from zero at tight tolerances; a few
Newton steps on the exact Hessian (least squares: the biases' common shift is a null direction) then
polish the result, and the script records the largest gradient component left. The bias sum stays 0
(every gradient's bias part sums to 0), so the recorded biases are the ones with sum 0.
"""
import json
import os

import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "samples", "data", "iris.csv")
K = 3


def load():
    rows = np.loadtxt(DATA, delimiter=",", skiprows=1)
    x, t = rows[:, :-1], rows[:, -1].astype(int)
    x = (x - x.mean(axis=0)) / x.std(axis=0)  # population standard deviation (ddof = 0)
    return x, t


def objective(theta, x, t, lam, mean):
    n, d = x.shape
    w, b = theta[: K * d].reshape(K, d), theta[K * d:]
    z = x @ w.T + b
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    lse = (m + np.log(s))[:, 0]
    losses = lse - z[np.arange(n), t]
    p = e / s
    g = p.copy()
    g[np.arange(n), t] -= 1
    scale = 1.0 / n if mean else 1.0
    value = scale * losses.sum() + lam / 2 * (w * w).sum()
    gw = scale * g.T @ x + lam * w
    gb = scale * g.sum(axis=0)
    return value, np.concatenate([gw.ravel(), gb]), p, scale


def hessian(theta, x, t, lam, mean):
    n, d = x.shape
    _, _, p, scale = objective(theta, x, t, lam, mean)
    xa = np.hstack([x, np.ones((n, 1))])  # features and the bias input
    h = np.zeros((K * (d + 1), K * (d + 1)))

    def index(k, j):  # weights class by class, then the biases
        return k * d + j if j < d else K * d + k

    for k in range(K):
        for c in range(K):
            # d2/dz_k dz_c of logsumexp = p_k (delta_kc - p_c)
            r = p[:, k] * ((k == c) - p[:, c])
            block = scale * (xa * r[:, None]).T @ xa
            for j in range(d + 1):
                for l in range(d + 1):
                    h[index(k, j), index(c, l)] += block[j, l]
    for q in range(K * d):
        h[q, q] += lam
    return h


def solve(x, t, lam, mean):
    d = x.shape[1]
    theta0 = np.zeros(K * (d + 1))
    result = minimize(lambda th: objective(th, x, t, lam, mean)[:2], theta0, jac=True, method="L-BFGS-B",
                      options={"maxiter": 100000, "maxfun": 1000000, "ftol": 1e-16, "gtol": 1e-12, "maxcor": 50})
    theta = result.x
    lbfgs_gradient = float(np.abs(objective(theta, x, t, lam, mean)[1]).max())
    for _ in range(5):
        g = objective(theta, x, t, lam, mean)[1]
        step = np.linalg.lstsq(hessian(theta, x, t, lam, mean), g, rcond=None)[0]
        theta = theta - step
    value, g, _, _ = objective(theta, x, t, lam, mean)
    return {
        "reduction": "mean" if mean else "sum",
        "l2": lam,
        "loss": float(value),
        "parameters": [float(v) for v in theta],
        "bias_sum": float(theta[K * d:].sum()),
        "lbfgsb_iterations": int(result.nit),
        "lbfgsb_max_abs_gradient": lbfgs_gradient,
        "max_abs_gradient": float(np.abs(g).max()),
    }


def main():
    x, t = load()
    cases = [solve(x, t, 0.01, True), solve(x, t, 0.5, False)]
    for case in cases:
        print(f"{case['reduction']:4} lambda {case['l2']}: loss {case['loss']!r}, L-BFGS-B {case['lbfgsb_iterations']} iterations "
              f"(max |g| {case['lbfgsb_max_abs_gradient']:.1e}), after Newton max |g| {case['max_abs_gradient']:.1e}, bias sum {case['bias_sum']:.1e}")
    out = {
        "generator": "tests/reference/make_softmax_reference.py (numpy %s, scipy %s)" % (np.__version__, __import__("scipy").__version__),
        "data": "samples/data/iris.csv, features z-scored over all 150 rows (population standard deviation)",
        "layout": "3 x 4 weights class by class (row-major), then 3 biases",
        "cases": cases,
    }
    with open(os.path.join(HERE, "softmax_iris.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
