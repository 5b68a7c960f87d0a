#!/usr/bin/python3
"""Cross-validates the scikit-learn reference pipelines on the same data with stratified 5-fold CV
(seed 42), so Pigeonhole's `./pigeonhole compare` figures have a yardstick measured the same way.
Usage: /usr/bin/python3 bench/sklearn_cv.py FILE TEXT_FIELD LABEL_FIELD [SVC_Cs] [LR_Cs] [CHAR_SVC_Cs]
  e.g. bench/sklearn_cv.py data/20news/train.jsonl.gz text category 3 100
       bench/sklearn_cv.py data/20news/train.jsonl.gz text category 3 - 1,3   # plus word + char_wb 2-5-grams
  LR_Cs "-" skips the logistic regressions; CHAR_SVC_Cs adds LinearSVC on word 1-2-grams beside char_wb 2-5-grams
  (a FeatureUnion of two TF-IDF blocks, each L2-normalised, as the issue's reference figure)."""
import gzip, json, sys, time
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
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
Ls = [float(c) for c in (sys.argv[5].split(",") if len(sys.argv) > 5 else ["100"]) if c != "-"]
Ws = [float(c) for c in (sys.argv[6].split(",") if len(sys.argv) > 6 else [])]
def words_and_chars():
    return FeatureUnion([("w", tfidf()),
                         ("c", TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(2, 5), min_df=2))])
pipelines = {}
for c in Cs:
    pipelines[f"tfidf(1-2, min_df=2) + LinearSVC(C={c:g})"] = lambda c=c: Pipeline([("t", tfidf()), ("c", LinearSVC(C=c))])
for c in Ls:
    pipelines[f"tfidf(1-2, min_df=2) + LogisticRegression(C={c:g})"] = lambda c=c: Pipeline([("t", tfidf()), ("c", LogisticRegression(C=c, max_iter=1000))])
for c in Ws:
    pipelines[f"tfidf(1-2) + tfidf(char_wb 2-5), min_df=2 + LinearSVC(C={c:g})"] = lambda c=c: Pipeline([("t", words_and_chars()), ("c", LinearSVC(C=c))])
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
