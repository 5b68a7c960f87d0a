#!/usr/bin/python3
"""Cross-validates the scikit-learn reference pipelines on the same data with stratified 5-fold CV
(seed 42), so Pigeonhole's `./pigeonhole compare` figures have a yardstick measured the same way.
Usage: /usr/bin/python3 bench/sklearn_cv.py FILE TEXT_FIELD LABEL_FIELD [SVC_Cs] [LR_Cs]
  e.g. bench/sklearn_cv.py data/20news/train.jsonl.gz text category 3 100"""
import gzip, json, sys, time
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

path, text_field, label_field = sys.argv[1:4]
rows = [json.loads(l) for l in gzip.open(path, "rt", encoding="utf-8")]
X = np.array([r[text_field] for r in rows], dtype=object)
y = np.array([r[label_field] for r in rows])
def tfidf():
    return TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)
# The reference's choice (LinearSVC C=3) and logistic regression at the penalties Pigeonhole's search
# picks (scikit-learn's C is 1/lambda), plus the values that suit the tweets better.
Cs = [float(c) for c in (sys.argv[4].split(",") if len(sys.argv) > 4 else ["3"])]
Ls = [float(c) for c in (sys.argv[5].split(",") if len(sys.argv) > 5 else ["100"])]
pipelines = {}
for c in Cs:
    pipelines[f"tfidf(1-2, min_df=2) + LinearSVC(C={c:g})"] = lambda c=c: Pipeline([("t", tfidf()), ("c", LinearSVC(C=c))])
for c in Ls:
    pipelines[f"tfidf(1-2, min_df=2) + LogisticRegression(C={c:g})"] = lambda c=c: Pipeline([("t", tfidf()), ("c", LogisticRegression(C=c, max_iter=1000))])
print("| pipeline | accuracy (mean ± sd) | macro-F1 (mean ± sd) | fit s/fold |")
print("|---|---|---|---|")
for name, make in pipelines.items():
    acc, f1, secs = [], [], []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=42).split(X, y):
        start = time.time()
        model = make().fit(X[train], y[train])
        secs.append(time.time() - start)
        predicted = model.predict(X[test])
        acc.append(accuracy_score(y[test], predicted))
        f1.append(f1_score(y[test], predicted, average="macro"))
    print(f"| {name} | {np.mean(acc):.4f} ± {np.std(acc):.4f} | {np.mean(f1):.4f} ± {np.std(f1):.4f} | {np.mean(secs):.1f} |", flush=True)
