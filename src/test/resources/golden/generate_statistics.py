#!/usr/bin/python3
"""Golden numbers for the statistics of dev.dualrun.parity.compare, computed independently with
SciPy (Debian's python3-scipy 1.10.1). Regenerate with:
    /usr/bin/python3 src/test/resources/golden/generate_statistics.py > src/test/resources/golden/statistics.json
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261122)
out = {"generator": "scipy " + __import__("scipy").__version__}

x = rng.normal(100, 15, 40)
y = 0.8 * x + rng.normal(0, 8, 40)
out["correlation"] = {"x": x.tolist(), "y": y.tolist(),
                      "pearson": stats.pearsonr(x, y)[0], "spearman": stats.spearmanr(x, y)[0]}

def wilcoxon(n, method):
    c = rng.normal(50, 5, n)
    p = c + rng.normal(0.4, 1.0, n)
    r = stats.wilcoxon(p, c, method=method, correction=True)
    return {"cloudwatch": c.tolist(), "prometheus": p.tolist(), "statistic": float(r.statistic), "p": float(r.pvalue)}

out["wilcoxonExact"] = wilcoxon(20, "exact")
out["wilcoxonApprox"] = wilcoxon(60, "approx")

d = rng.normal(0.3, 1.2, 50)
margin = 0.8
out["tost"] = {"differences": d.tolist(), "margin": margin,
               "pLower": float(stats.ttest_1samp(d, -margin, alternative="greater").pvalue),
               "pUpper": float(stats.ttest_1samp(d, margin, alternative="less").pvalue)}

c = rng.normal(10, 2, 35)
p = rng.normal(11, 2, 40)
ks = stats.ks_2samp(p, c, method="exact")
mw = stats.mannwhitneyu(p, c, use_continuity=False, alternative="two-sided", method="asymptotic")
out["distribution"] = {"cloudwatch": c.tolist(), "prometheus": p.tolist(), "ksStatistic": float(ks.statistic),
                       "ksP": float(ks.pvalue), "mannWhitneyU": float(mw.statistic), "mannWhitneyP": float(mw.pvalue)}

ar = np.zeros(200)
for i in range(1, 200):
    ar[i] = 0.6 * ar[i - 1] + rng.normal()
xc = ar - ar.mean()
r1 = float(np.sum(xc[:-1] * xc[1:]) / np.sum(xc * xc))
out["effectiveSampleSize"] = {"values": ar.tolist(), "lag1": r1, "effective": 200 * (1 - r1) / (1 + r1)}

pv = rng.uniform(0, 0.2, 20)
order = np.argsort(pv)
ranked = pv[order] * len(pv) / np.arange(1, len(pv) + 1)
q = np.minimum.accumulate(ranked[::-1])[::-1]
adjusted = np.empty_like(q)
adjusted[order] = np.minimum(q, 1)
out["benjaminiHochberg"] = {"p": pv.tolist(), "q": adjusted.tolist()}

print(json.dumps(out, indent=1))
