package app.tandem.shared.math;

/**
 * Student's t distribution: its upper tail and quantile for any positive degrees of freedom, to
 * about 1e-14 relative. The tail comes from the regularized incomplete beta function, evaluated by
 * its continued fraction (modified Lentz); the quantile inverts the tail by Newton's method, kept
 * inside a bracket that bisection falls back on.
 */
public final class StudentT {

	private static final int MAX_ITERATIONS = 300;

	private static final double EPSILON = 1e-16;

	private static final double TINY = 1e-300;

	private StudentT() {
	}

	/**
	 * The t with P(T ≤ t) = p for T ~ t(dof): {@code quantile(0.9, 3)} is 1.6377…
	 *
	 * @throws IllegalArgumentException unless 0 &lt; p &lt; 1 and dof &gt; 0 (finite)
	 */
	public static double quantile(double p, double dof) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("p must lie strictly between 0 and 1, not " + p);
		}
		requireDof(dof);
		if (p == 0.5) {
			return 0;
		}
		// symmetric about 0: solve for the upper tail q = P(T > t) < 1/2, t > 0
		double q = p > 0.5 ? 1 - p : p;
		double t = positiveQuantileOfTail(q, dof);
		return p > 0.5 ? t : -t;
	}

	/** P(T &gt; t) for T ~ t(dof). */
	public static double upperTail(double t, double dof) {
		requireDof(dof);
		if (Double.isNaN(t)) {
			return Double.NaN;
		}
		double tail = halfTailOfAbs(Math.abs(t), dof);
		return t >= 0 ? tail : 1 - tail;
	}

	/** The density of t(dof) at t. */
	public static double density(double t, double dof) {
		requireDof(dof);
		double logNormaliser = Gamma.logGamma((dof + 1) / 2) - Gamma.logGamma(dof / 2) - 0.5 * Math.log(dof * Math.PI);
		return Math.exp(logNormaliser - (dof + 1) / 2 * Math.log1p(t * t / dof));
	}

	private static void requireDof(double dof) {
		if (!(dof > 0) || Double.isInfinite(dof)) {
			throw new IllegalArgumentException("degrees of freedom must be a positive number, not " + dof);
		}
	}

	/** P(T &gt; a) for a ≥ 0: ½·I_x(ν/2, ½) with x = ν / (ν + a²), and 1 − x = a² / (ν + a²) without cancellation. */
	private static double halfTailOfAbs(double a, double dof) {
		if (Double.isInfinite(a)) {
			return 0;
		}
		double a2 = a * a;
		double x;
		double oneMinusX;
		if (Double.isInfinite(a2)) {
			x = 0;
			oneMinusX = 1;
		}
		else {
			x = dof / (dof + a2);
			oneMinusX = a2 / (dof + a2);
		}
		return 0.5 * regularizedBeta(x, oneMinusX, dof / 2, 0.5);
	}

	/** t &gt; 0 with P(T &gt; t) = q, for 0 &lt; q &lt; ½. */
	private static double positiveQuantileOfTail(double q, double dof) {
		double low = 0;
		double high = 1;
		while (halfTailOfAbs(high, dof) > q) {
			low = high;
			high *= 2;
			if (Double.isInfinite(high)) {
				return Double.POSITIVE_INFINITY;
			}
		}
		double t = (low + high) / 2;
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			double error = halfTailOfAbs(t, dof) - q;
			if (error == 0) {
				return t;
			}
			// the tail falls as t grows: too much tail left means t is too small
			if (error > 0) {
				low = t;
			}
			else {
				high = t;
			}
			double next = t + error / density(t, dof);
			if (!(next > low && next < high)) {
				next = (low + high) / 2;
			}
			if (Math.abs(next - t) <= 4 * Math.ulp(t) || high - low <= 4 * Math.ulp(high)) {
				return next;
			}
			t = next;
		}
		return t;
	}

	/**
	 * I_x(a, b), the regularized incomplete beta function; {@code oneMinusX} is 1 − x, passed in so that
	 * callers that know it exactly lose nothing to cancellation.
	 */
	static double regularizedBeta(double x, double oneMinusX, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (oneMinusX <= 0) {
			return 1;
		}
		double logFront = a * Math.log(x) + b * Math.log(oneMinusX) - Gamma.logBeta(a, b);
		// the continued fraction converges fast for x < (a + 1) / (a + b + 2); beyond, use I_x(a, b) = 1 − I_{1−x}(b, a)
		if (x < (a + 1) / (a + b + 2)) {
			return Math.exp(logFront) * continuedFraction(x, a, b) / a;
		}
		return 1 - Math.exp(logFront) * continuedFraction(oneMinusX, b, a) / b;
	}

	/** The continued fraction of I_x(a, b) (Numerical Recipes §6.4), by the modified Lentz method. */
	private static double continuedFraction(double x, double a, double b) {
		double c = 1;
		double d = 1 - (a + b) * x / (a + 1);
		d = 1 / (Math.abs(d) < TINY ? TINY : d);
		double h = d;
		for (int m = 1; m <= MAX_ITERATIONS; m++) {
			int m2 = 2 * m;
			double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
			d = 1 + even * d;
			d = 1 / (Math.abs(d) < TINY ? TINY : d);
			c = 1 + even / c;
			c = Math.abs(c) < TINY ? TINY : c;
			h *= d * c;
			double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
			d = 1 + odd * d;
			d = 1 / (Math.abs(d) < TINY ? TINY : d);
			c = 1 + odd / c;
			c = Math.abs(c) < TINY ? TINY : c;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) <= EPSILON) {
				break;
			}
		}
		return h;
	}
}
