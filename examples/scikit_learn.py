"""scikit-learn on xtensor tensors: a pipeline fitted and evaluated on the array API path.

scikit-learn's array API support needs SciPy's, which SciPy reads from the
environment once, when it is first imported: set SCIPY_ARRAY_API=1 before importing
scikit-learn or SciPy. Then, with array_api_dispatch on, supported estimators take
their namespace from their input and return tensors of the input's type.

Run: python examples/scikit_learn.py
"""

import os

os.environ["SCIPY_ARRAY_API"] = "1"  # before scikit-learn (and so SciPy) is imported

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

import xtensor as xp  # noqa: E402


def main() -> None:
    sklearn.set_config(array_api_dispatch=True)
    rng = np.random.default_rng(0)
    centers = np.asarray([[0.0, 0.0, 0.0, 0.0], [2.0, 2.0, 0.0, 0.0], [0.0, 3.0, 3.0, 1.0]])
    labels = rng.integers(0, 3, size=300)
    X = xp.asarray(centers[labels] + rng.standard_normal((300, 4)))
    y = xp.asarray(labels)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

    model = make_pipeline(StandardScaler(), PCA(n_components=3), LinearDiscriminantAnalysis())
    with np.errstate(invalid="ignore"):  # StandardScaler's first step divides 0 by 0
        model.fit(X_train, y_train)
    predicted = model.predict(X_test)
    pca = model.named_steps["pca"]
    print(f"X_train: {type(X_train).__name__} {X_train.shape}")
    print(f"PCA components: {type(pca.components_).__name__} {pca.components_.shape}")
    print(f"predictions: {type(predicted).__name__} {predicted.dtype}, first ten {predicted[:10]}")
    accuracy = accuracy_score(y_test, predicted)
    print(f"accuracy: {accuracy:.2f}")
    assert isinstance(predicted, xp.Tensor) and accuracy > 0.7


if __name__ == "__main__":
    main()
