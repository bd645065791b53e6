# Measures paragraph-boundary recovery on ggt-dev texts re-laid out in each supported layout.
#!/usr/bin/env python3
# Paragraph-boundary recovery on the eval corpus re-laid out in each layout hearsay reads:
# blank lines, e-mail (72 columns), one paragraph per line, and browser paste (first word alone,
# wrapped at a varying 60-72 columns, some paragraphs on one line). Page boilerplate lines and
# one-line headings are left out of the expected starts.
# usage: cargo build --release && python3 scripts/paragraph_boundaries.py [-v]
import json,glob,subprocess,random,textwrap,sys,os
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXE=os.path.join(ROOT,'target/release/hearsay')
CORPUS=os.path.join(ROOT,'../shared/eval/ggt-dev')
random.seed(7)
def wrap_var(t, lo, hi):
    words=t.split(); lines=[]; cur=''
    w=random.randint(lo,hi)
    for x in words:
        if cur and len(cur)+1+len(x)>w:
            lines.append(cur); cur=x; w=random.randint(lo,hi)
        else: cur = cur+' '+x if cur else x
    if cur: lines.append(cur)
    return lines
def layout(paras, kind):
    if kind=='blank': return '\n\n'.join(paras)
    if kind=='email': return '\n\n'.join('\n'.join(textwrap.wrap(p,72)) for p in paras)
    if kind=='perline': return '\n'.join(paras)
    if kind=='seed':
        out=[]
        for p in paras:
            r=random.random()
            if len(p.split())<2 or r<0.12: out.append(p)
            elif r<0.2: out += wrap_var(p,60,72)
            else:
                f,rest=p.split(' ',1); out.append(f); out += wrap_var(rest,60,72)
        return '\n'.join(out)
tot={};ok={}
for f in sorted(glob.glob(os.path.join(CORPUS,'*.json'))):
    t=json.load(open(f))['text']
    paras=[p.strip() for p in t.split('\n') if p.strip()]
    for kind in ['blank','email','perline','seed']:
        doc='Headline for the test article\n'+layout(paras,kind)+'\n'
        tmp=f'/tmp/hearsay-layout-{os.getpid()}.txt'; open(tmp,'w').write(doc)
        o=json.loads(subprocess.run([EXE,'analyze',tmp,'--json'],capture_output=True).stdout)
        got=[' '.join(p['text'].split()[:6]) for p in o['paragraphs']]+[' '.join(c['text'].split()[:6]) for c in o['captions']]
        # subheadings are not in the JSON: treat a missing one-line short para as found if it is a heading-like line
        BP={'story continues below advertisement','article continued below','advertisement'}
        def heading(p): return len(p.split())<=10 and not p.rstrip('"”’\'').endswith(('.','?','!',':'))
        want=[' '.join(p.split()[:6]) for p in paras if p.lower() not in BP and not heading(p)]
        gs=set(got)
        n=sum(1 for w in want if w in gs)
        heads=[w for w in want if w not in gs]
        tot[kind]=tot.get(kind,0)+len(want); ok[kind]=ok.get(kind,0)+n
        if '-v' in sys.argv and heads: print(kind, f[-12:], heads[:4])
for k in tot: print(k, ok[k], '/', tot[k], f"{ok[k]/tot[k]:.3f}")
