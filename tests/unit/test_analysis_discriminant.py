import numpy as np
import pytest

from nextround.analysis.discriminant import Discriminant, ledoit_wolf


def test_ledoit_wolf_shrinks_a_noisy_covariance_towards_the_identity() -> None:
    rng = np.random.default_rng(0)
    few = rng.standard_normal((10, 40))  # 10 points in 40 dimensions: a singular estimate
    shrunk, intensity = ledoit_wolf(few - few.mean(axis=0))
    assert 0.0 < intensity <= 1.0
    assert np.linalg.eigvalsh(shrunk).min() > 0  # invertible after shrinkage
    many = rng.standard_normal((5000, 4)) @ np.diag([1.0, 2.0, 3.0, 4.0])
    _, little = ledoit_wolf(many - many.mean(axis=0))
    assert little < 0.01  # plenty of data: the sample covariance is kept


def test_ledoit_wolf_matches_the_closed_form_on_a_hand_sized_case() -> None:
    x = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 2.0], [0.0, -2.0]])
    cov, intensity = ledoit_wolf(x)
    # S = diag(0.5, 2), mu = trace(S) / p = 1.25, delta = |S - mu I|^2 / p = 0.5625,
    # beta = (sum((x^2)^T x^2) / n - |S|^2) / (p n) = (34 / 4 - 4.25) / 8 = 0.53125.
    assert intensity == pytest.approx(0.53125 / 0.5625)
    s = 0.53125 / 0.5625
    np.testing.assert_allclose(cov, (1 - s) * np.diag([0.5, 2.0]) + s * 1.25 * np.eye(2))


def test_discriminant_ignores_a_direction_that_varies_within_every_class() -> None:
    rng = np.random.default_rng(1)
    # Two classes apart along axis 0 by 1; axis 1 is loud style noise shared by both.
    n = 40
    labels = np.repeat([0, 1], n)
    x = np.zeros((2 * n, 2))
    x[:, 0] = labels + 0.1 * rng.standard_normal(2 * n)
    x[:, 1] = 3.0 * rng.standard_normal(2 * n)
    model = Discriminant.fit(x.astype(np.float32), labels.astype(np.intp), 2)
    queries = np.array([[0.1, 5.0], [0.9, -5.0]], dtype=np.float32)
    logp = model.log_posterior(queries)
    assert logp.argmax(axis=1).tolist() == [0, 1]
    np.testing.assert_allclose(np.exp(logp).sum(axis=1), 1.0, rtol=1e-5)


def test_a_class_without_points_gets_no_pull() -> None:
    x = np.array([[1.0, 0.0], [1.2, 0.1], [-1.0, 0.0], [-0.8, 0.1]], dtype=np.float32)
    model = Discriminant.fit(x, np.array([0, 0, 1, 1], dtype=np.intp), 3)
    assert model.coef.shape == (3, 2)
    np.testing.assert_array_equal(model.coef[2], 0.0)
