"""scikit-learn's side of the scoring benchmark: refits the sample models exactly as samples/make_samples.py
does (fitting is not timed), loads the same replicated files and times predict + predict_proba inside Python.
Prints one JSON object per case: {"case", "rows", "load_s", "predict_s"}."""
import json, sys, time
import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def timed(case, model, load):
    start = time.perf_counter()
    x = load()
    loaded = time.perf_counter()
    model.predict(x)
    model.predict_proba(x)
    done = time.perf_counter()
    print(json.dumps({"case": case, "rows": int(x.shape[0]), "load_s": loaded - start, "predict_s": done - loaded}), flush=True)


def main(breast_csv, wine_csv, digits_rows):
    data = load_breast_cancer()
    breast = Pipeline([("scale", StandardScaler()), ("classify", LogisticRegression(max_iter=5000, random_state=0))])
    breast.fit(data.data, data.target)
    timed("breast-cancer csv", breast, lambda: np.loadtxt(breast_csv, delimiter=",", skiprows=1, dtype=np.float64))

    data = load_wine()
    forest = RandomForestClassifier(n_estimators=15, max_depth=4, random_state=0)
    forest.fit(data.data, data.target)
    timed("tree-ensemble csv", forest, lambda: np.loadtxt(wine_csv, delimiter=",", skiprows=1, dtype=np.float64))

    data = load_digits()
    x_train, x_test, y_train, _ = train_test_split(data.data, data.target, test_size=0.25, random_state=0)
    digits = LogisticRegression(max_iter=5000, random_state=0).fit(x_train, y_train)
    reps = -(-int(digits_rows) // len(x_test))
    timed("digits (pixels in memory)", digits, lambda: np.tile(x_test, (reps, 1))[: int(digits_rows)])


if __name__ == "__main__":
    main(*sys.argv[1:4])
