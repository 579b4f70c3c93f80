#!/usr/bin/env python3
"""Reference fit for LossGen's damped Newton on ParametricObjective and its standard errors.

Run by hand with Debian's interpreter and python3-scipy (not in CI):

    apt-get install -y python3-scipy python3-numpy
    /usr/bin/python3 tests/reference/make_curvefit_reference.py

Fits y = a exp(b x) to 200 points by scipy.optimize.curve_fit (Levenberg-Marquardt, tolerances at their
tightest) and records the parameters, scipy's standard errors (sqrt of pcov's diagonal, absolute_sigma=False:
pcov = s^2 (J^T J)^-1, s^2 = SSR / (n - k)) and SSR. The data are exact rationals computed the same way by
the C# test: x_i = 3 i / 200, noise_i = 0.02 ((7919 i mod 101) / 50 - 1), y_i = 2.5 exp(-1.3 x_i) + noise_i.
Writes tests/reference/curvefit.json.
"""
import json
import os

import numpy as np
from scipy.optimize import curve_fit

n = 200
x = np.array([3.0 * i / n for i in range(n)])
noise = np.array([0.02 * (((7919 * i) % 101) / 50.0 - 1.0) for i in range(n)])
y = 2.5 * np.exp(-1.3 * x) + noise


def model(x, a, b):
    return a * np.exp(b * x)


popt, pcov = curve_fit(model, x, y, p0=[1.0, 0.0], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
ssr = float(np.sum((model(x, *popt) - y) ** 2))
out = {
    "model": "a * exp(b * x)",
    "start": [1.0, 0.0],
    "parameters": popt.tolist(),
    "standard_errors": np.sqrt(np.diag(pcov)).tolist(),
    "covariance": pcov.ravel().tolist(),
    "ssr": ssr,
    "source": "scipy.optimize.curve_fit(method='lm', absolute_sigma=False)",
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "curvefit.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {path}: a, b = {popt}, errors {np.sqrt(np.diag(pcov))}")
