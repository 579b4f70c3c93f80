#!/usr/bin/env python3
# Operation counts of the generated catalogue kernels, before and after a change, as a Markdown table.
# Usage: tools/count-kernel-ops.py OLD_GENERATED_DIR NEW_GENERATED_DIR
#   (each: src/LossGen/obj/Release/net10.0/generated/LossGen.Generator/LossGen.Generator.LossGenerator of a build)
import os,re,sys,collections
def scan(d):
    res={}
    for f in sorted(os.listdir(d)):
        if '+' in f or f.endswith('Function.g.cs'): continue
        t=open(os.path.join(d,f)).read()
        m=re.search(r'private static Vector<(\w+)> Element\((.*?)\n        \}', t, re.S)
        if not m: continue
        body=m.group(2)
        n=len(re.findall(r'^\s+Vector<\w+> \w+ = ', body, re.M))
        ops=re.search(r'Operations per element[^:]*: (\d+) for the value, (\d+) with all derivatives', t)
        name=re.search(r'for (LossGen\.Losses\.\w+)\.', t).group(1).split('.')[-1]
        elem=m.group(1)
        sig=re.search(r'public static partial \S+ \w+\((.*?)\)', t).group(1)
        key=(name, elem, 'Span<'+elem+'> loss' in sig)
        res[key]=(int(ops.group(1)),int(ops.group(2)),n)
    return res
a=scan(sys.argv[1]); b=scan(sys.argv[2])
print("| loss | element | value ops | value + gradients, before → after | kernel statements, before → after |")
print("| --- | --- | --- | --- | --- |")
seen=set()
for k in sorted(a):
    name,elem,none=k
    if none: continue
    if (name.replace('Sum',''),elem) in seen: continue
    if name.endswith('Sum'): continue
    seen.add((name,elem))
    if k not in b: continue
    va,ta,ka=a[k]; vb,tb,kb=b[k]
    print(f"| {name} | {elem} | {va} | {ta} → {tb} | {ka} → {kb} |")
