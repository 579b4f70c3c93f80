#!/usr/bin/env python3
# The kernel table of docs/benchmarks.md from BenchmarkDotNet result folders: the default-width run and, optionally,
# a run with DOTNET_MaxVectorTBitWidth=512 (its Generated / TensorPrimitives ratio becomes the last column).
# Usage: tools/benchmark-table.py DEFAULT_RESULTS_DIR [WIDE_RESULTS_DIR]   (the folders hold the *-report.csv files)
import csv, os, sys

def load(folder):
    results = {}
    for name in os.listdir(folder):
        if not name.endswith('-report.csv'):
            continue
        cls = name.split('.')[2].split('-')[0].replace('Benchmarks', '')
        rows = list(csv.reader(open(os.path.join(folder, name))))
        header = rows[0]
        i_n, i_mean, i_method = header.index('N'), header.index('Mean'), header.index('Method')
        for row in rows[1:]:
            text = row[i_mean].replace(',', '')
            number, unit = float(text.split()[0]), text.split()[1]
            results[(cls, int(row[i_n]), row[i_method])] = number * {'ns': 1, 'us': 1e3, 'μs': 1e3, 'ms': 1e6, 's': 1e9}[unit]
    return results

default = load(sys.argv[1])
wide = load(sys.argv[2]) if len(sys.argv) > 2 else {}
names = {'Mse': 'MSE', 'Huber': 'Huber (δ = 1)', 'BceWithLogits': 'BCE with logits', 'LogCosh': 'log-cosh',
         'PoissonNll': 'Poisson NLL (log input)', 'Focal': 'focal (γ = 2, α = 0.25)'}
variants = {'Generated': '', 'Catalogue': ', catalogue', 'GeneratedSoftLabels': ', soft-label form'}
print('| loss | n | generated ns/el | hand ns/el | TP ns/el | triad ns/el | gen ÷ hand | gen ÷ TP |' + (' gen ÷ TP, 512-bit `Vector<T>` |' if wide else ''))
print('| --- | --- | --- | --- | --- | --- | --- | --- |' + (' --- |' if wide else ''))
for cls, label in names.items():
    for method, suffix in variants.items():
        if (cls, 1000, method) not in default:
            continue
        for n in [1000, 100000, 10000000]:
            g, h, t, tr = (default[(cls, n, m)] for m in (method, 'Hand', 'TensorPrimitives', 'Triad'))
            line = f'| {label + (" (written form)" if method == "Generated" and cls == "BceWithLogits" else "") + suffix if n == 1000 else ""} | {n:,} | {g / n:.3f} | {h / n:.3f} | {t / n:.3f} | {tr / n:.3f} | **{g / h:.2f}** | **{g / t:.2f}** |'
            if wide:
                line += f' {wide[(cls, n, method)] / wide[(cls, n, "TensorPrimitives")]:.2f} |' if (cls, n, method) in wide else ' – |'
            print(line)
