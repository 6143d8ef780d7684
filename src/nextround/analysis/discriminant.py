"""Shrinkage linear discriminant analysis in closed form, for learning from few examples.

With three confirmed statements per competency, each competency's mean is a noisy estimate
and a full covariance is hopeless (384 dimensions, ~100 points). LDA pools the scatter of all
competencies around their own means into one covariance, shrunk towards a multiple of the
identity by the Ledoit-Wolf estimate of the best intensity, and so learns which directions of
the embedding space vary *within* a competency (phrasing, question style, strength vs gap)
and should count less when telling competencies apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]


def ledoit_wolf(residuals: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], float]:
    """(shrunk covariance, shrinkage intensity) of already-centred rows (Ledoit & Wolf 2004)."""
    n, p = residuals.shape
    cov = residuals.T @ residuals / n
    squares = residuals**2
    variances = squares.sum(axis=0) / n
    mu = float(variances.sum()) / p
    delta_ = float((cov**2).sum())
    beta = (float((squares.T @ squares).sum()) / n - delta_) / (p * n)
    delta = (delta_ - 2 * mu * float(variances.sum()) + p * mu**2) / p
    shrinkage = 0.0 if delta <= 0 else min(max(beta, 0.0), delta) / delta
    shrunk = (1 - shrinkage) * cov + shrinkage * mu * np.eye(p)
    return shrunk, shrinkage


@dataclass(frozen=True)
class Discriminant:
    """Linear class scores x @ coef.T + intercept, with equal priors."""

    coef: Matrix  # (classes, dim)
    intercept: Matrix  # (classes,)

    @classmethod
    def fit(cls, x: Matrix, owner: npt.NDArray[np.intp], n_classes: int) -> Discriminant:
        """Fit on labelled rows; a class without rows keeps a zero mean (no pull either way)."""
        data = x.astype(np.float64)
        means = np.zeros((n_classes, x.shape[1]))
        np.add.at(means, owner, data)
        means /= np.maximum(np.bincount(owner, minlength=n_classes), 1)[:, None]
        cov, _ = ledoit_wolf(data - means[owner])
        coef = np.linalg.solve(cov, means.T).T
        intercept = -0.5 * (coef * means).sum(axis=1)
        return cls(coef.astype(np.float32), intercept.astype(np.float32))

    def log_posterior(self, x: Matrix) -> Matrix:
        """Log class probabilities per row, equal priors."""
        z = x @ self.coef.T + self.intercept
        z = z - z.max(axis=1, keepdims=True)
        out: Matrix = (z - np.log(np.exp(z).sum(axis=1, keepdims=True))).astype(np.float32)
        return out
