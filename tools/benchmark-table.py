#!/usr/bin/env python3
# The kernel table of docs/benchmarks.md from two BenchmarkDotNet result folders (default width, 512-bit Vector<T>).
# Usage: tools/benchmark-table.py DEFAULT_RESULTS_DIR WIDE_RESULTS_DIR   (the folders hold the *-report.csv files)
import csv,sys,os,re
def load(d):
    res={}
    for f in os.listdir(d):
        if not f.endswith('-report.csv'): continue
        cls=f.split('.')[2].split('-')[0].replace('Benchmarks','')
        rows=list(csv.reader(open(os.path.join(d,f))))
        h=rows[0]; iN=h.index('N'); iM=h.index('Mean'); im=h.index('Method')
        for r in rows[1:]:
            v=r[iM].replace(',','')
            num=float(v.split()[0]); unit=v.split()[1]
            ns=num*{'ns':1,'us':1e3,'μs':1e3,'ms':1e6,'s':1e9}[unit]
            res[(cls,int(r[iN]),r[im])]=ns
    return res
d=load(sys.argv[1]); w=load(sys.argv[2])
order=['Mse','Huber','BceWithLogits','LogCosh','PoissonNll','Focal']
print('| loss | n | Generated ns/el | Hand ns/el | TP ns/el | triad ns/el | Gen ÷ Hand | Gen ÷ TP | Gen ÷ TP, 512-bit `Vector<T>` |')
print('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for c in order:
    for n in [1000,100000,10000000]:
        g=d[(c,n,'Generated')]; h=d[(c,n,'Hand')]; t=d[(c,n,'TensorPrimitives')]; tr=d[(c,n,'Triad')]
        g5=w[(c,n,'Generated')]; t5=w[(c,n,'TensorPrimitives')]
        extra=''
        if (c,n,'Catalogue') in d:
            pass
        name={'Mse':'MSE','Huber':'Huber (δ = 1)','BceWithLogits':'BCE with logits, written form','LogCosh':'log-cosh','PoissonNll':'Poisson NLL (log input)','Focal':'focal (γ = 2, α = 0.25)'}[c]
        print(f'| {name if n==1000 else ""} | {n:,} | {g/n:.3f} | {h/n:.3f} | {t/n:.3f} | {tr/n:.3f} | **{g/h:.2f}** | **{g/t:.2f}** | {g5/t5:.2f} |')
    if c=='BceWithLogits':
        for n in [1000,100000,10000000]:
            g=d[(c,n,'Catalogue')]; h=d[(c,n,'Hand')]; t=d[(c,n,'TensorPrimitives')]; tr=d[(c,n,'Triad')]
            g5=w[(c,n,'Catalogue')]; t5=w[(c,n,'TensorPrimitives')]
            print(f'| {"BCE with logits, catalogue" if n==1000 else ""} | {n:,} | {g/n:.3f} | {h/n:.3f} | {t/n:.3f} | {tr/n:.3f} | **{g/h:.2f}** | **{g/t:.2f}** | {g5/t5:.2f} |')
