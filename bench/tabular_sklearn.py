#!/usr/bin/python3
"""scikit-learn on the tabular data sets with the protocol of TabularCrossValidation (benchmarks module): 5-fold
stratified cross-validation over the whole file, mean accuracy and macro-F1 per candidate.

    /usr/bin/python3 bench/tabular_sklearn.py data/iris/iris.csv species
    /usr/bin/python3 bench/tabular_sklearn.py data/digits/train.csv digit

Candidates as Pigeonhole's: a random forest of 200 trees (depth up to 20, leaves of 1 row, sqrt(p) features per
split), logistic regression on standardised features with the L2 penalties 0.01 and 1 (C = 1 / lambda); and, for
reference, an RBF SVM on standardised features (scikit-learn's defaults).
"""
import csv
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def read(path, label):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    features = [name for name in rows[0] if name != label]
    x = np.array([[float(r[name]) for name in features] for r in rows])
    y = np.array([r[label] for r in rows])
    return x, y


def main(path, label):
    x, y = read(path, label)
    candidates = {
        "random-forest": lambda: RandomForestClassifier(n_estimators=200, max_depth=20, min_samples_leaf=1,
                                                        max_features="sqrt", random_state=42),
        "logistic-regression(lambda=0.01)": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=100.0, max_iter=500)),
        "logistic-regression(lambda=1.0)": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=500)),
        "rbf-svm (reference)": lambda: make_pipeline(StandardScaler(), SVC()),
    }
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=42).split(x, y))
    start = time.time()
    for name, make in candidates.items():
        accuracy, f1 = [], []
        for train, test in folds:
            model = make().fit(x[train], y[train])
            predicted = model.predict(x[test])
            accuracy.append(accuracy_score(y[test], predicted))
            f1.append(f1_score(y[test], predicted, average="macro"))
        print(f"{name}\t5 folds\taccuracy {np.mean(accuracy):.4f}\tmacro-F1 {np.mean(f1):.4f}")
    print(f"{time.time() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
