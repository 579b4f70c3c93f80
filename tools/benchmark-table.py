#!/usr/bin/env python3
# The kernel table of docs/benchmarks.md from BenchmarkDotNet result folders: a default-width run, optionally a second
# default-width run of the same code (its ratios are printed after the first's, "A / B", to show the run-to-run spread),
# and optionally a run with DOTNET_MaxVectorTBitWidth=512 (its Generated / TensorPrimitives ratio is the last column,
# followed by a second such run's with --wide-again).
# With --width-table it prints instead the generated kernels' time at 512 bits ÷ their time at the default width (first runs).
# Usage: tools/benchmark-table.py DEFAULT_RESULTS_DIR [--again SECOND_DEFAULT_RESULTS_DIR] [--wide-again SECOND_WIDE_DIR] [--width-table] [WIDE_RESULTS_DIR]
#   (the folders hold the *-report.csv files; ns per element and triad are those of the first run)
import csv, os, sys

def load(folder):
    results = {}
    for name in os.listdir(folder):
        if not name.endswith('-report.csv'):
            continue
        cls = name.split('.')[2].split('-')[0].replace('Benchmarks', '')
        rows = list(csv.reader(open(os.path.join(folder, name))))
        header = rows[0]
        if 'N' not in header:
            continue
        i_n, i_mean, i_method = header.index('N'), header.index('Mean'), header.index('Method')
        for row in rows[1:]:
            text = row[i_mean].replace(',', '')
            number, unit = float(text.split()[0]), text.split()[1]
            results[(cls, int(row[i_n]), row[i_method])] = number * {'ns': 1, 'us': 1e3, 'μs': 1e3, 'ms': 1e6, 's': 1e9}[unit]
    return results

args = sys.argv[1:]
again = {}
if '--again' in args:
    k = args.index('--again')
    again = load(args[k + 1])
    del args[k:k + 2]
wide_again = {}
if '--wide-again' in args:
    k = args.index('--wide-again')
    wide_again = load(args[k + 1])
    del args[k:k + 2]
width_table = '--width-table' in args
if width_table:
    args.remove('--width-table')
default = load(args[0])
wide = load(args[1]) if len(args) > 1 else {}
names = {'Mse': 'MSE', 'Huber': 'Huber (δ = 1)', 'BceWithLogits': 'BCE with logits', 'LogCosh': 'log-cosh',
         'PoissonNll': 'Poisson NLL (log input)', 'Focal': 'focal (γ = 2, α = 0.25)'}
variants = {'Generated': '', 'Catalogue': ', catalogue', 'GeneratedSoftLabels': ', soft-label form'}

def ratio(results, cls, n, method, baseline):
    key, base = (cls, n, method), (cls, n, baseline)
    return results[key] / results[base] if key in results and base in results else None

def both(cls, n, method, baseline):
    first = ratio(default, cls, n, method, baseline)
    second = ratio(again, cls, n, method, baseline) if again else None
    return f'**{first:.2f}**' + (f' / {second:.2f}' if second is not None else '')

if width_table:
    print('| loss | 512-bit ÷ 256-bit time, n = 10³ / 10⁵ / 10⁷ |')
    print('| --- | --- |')
    for cls, label in names.items():
        for method, suffix in variants.items():
            if (cls, 1000, method) not in default or (cls, 1000, method) not in wide:
                continue
            name = label + (" (written form)" if method == "Generated" and cls == "BceWithLogits" else "") + suffix
            print(f'| {name} | ' + ' / '.join(f'{wide[(cls, n, method)] / default[(cls, n, method)]:.2f}' for n in [1000, 100000, 10000000]) + ' |')
    sys.exit(0)

runs = ' (run A / B)' if again else ''
print(f'| loss | n | generated ns/el | hand ns/el | TP ns/el | triad ns/el | gen ÷ hand{runs} | gen ÷ TP{runs} |' + (f' gen ÷ TP, 512-bit `Vector<T>`{" (run A / B)" if wide_again else ""} |' if wide else ''))
print('| --- | --- | --- | --- | --- | --- | --- | --- |' + (' --- |' if wide else ''))
for cls, label in names.items():
    for method, suffix in variants.items():
        if (cls, 1000, method) not in default:
            continue
        for n in [1000, 100000, 10000000]:
            g, h, t, tr = (default[(cls, n, m)] for m in (method, 'Hand', 'TensorPrimitives', 'Triad'))
            name = label + (" (written form)" if method == "Generated" and cls == "BceWithLogits" else "") + suffix if n == 1000 else ""
            line = f'| {name} | {n:,} | {g / n:.3f} | {h / n:.3f} | {t / n:.3f} | {tr / n:.3f} | {both(cls, n, method, "Hand")} | {both(cls, n, method, "TensorPrimitives")} |'
            if wide:
                w = ratio(wide, cls, n, method, 'TensorPrimitives')
                w2 = ratio(wide_again, cls, n, method, 'TensorPrimitives') if wide_again else None
                line += (f' **{w:.2f}**' + (f' / {w2:.2f}' if w2 is not None else '') + ' |') if w is not None else ' – |'
            print(line)
