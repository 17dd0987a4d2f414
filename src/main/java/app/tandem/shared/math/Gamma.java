package app.tandem.shared.math;

/** ln Γ by the Lanczos approximation (g = 607/128, Godfrey's coefficients): about 1e-15 relative for x ≥ ½. */
final class Gamma {

	private static final double G = 607.0 / 128.0;

	private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	private static final double[] LANCZOS = { 0.99999999999999709182, 57.156235665862923517,
			-59.597960355475491248, 14.136097974741747174, -0.49191381609762019978, .33994649984811888699e-4,
			.46523628927048575665e-4, -.98374475304879564677e-4, .15808870322491248884e-3,
			-.21026444172410488319e-3, .21743961811521264320e-3, -.16431810653676389022e-3,
			.84418223983852743293e-4, -.26190838401581408670e-4, .36899182659531622704e-5 };

	private Gamma() {
	}

	/** ln Γ(x) for x &gt; 0. */
	static double logGamma(double x) {
		if (!(x > 0)) {
			throw new IllegalArgumentException("ln Γ needs x > 0, not " + x);
		}
		if (x < 0.5) {
			// Γ(x) = Γ(x + 1) / x keeps the approximation where it is accurate
			return logGamma(x + 1) - Math.log(x);
		}
		double sum = LANCZOS[0];
		for (int i = LANCZOS.length - 1; i > 0; i--) {
			sum += LANCZOS[i] / (x + i);
		}
		double shifted = x + G + 0.5;
		return (x + 0.5) * Math.log(shifted) - shifted + HALF_LOG_TWO_PI + Math.log(sum / x);
	}

	/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
	static double logBeta(double a, double b) {
		return logGamma(a) + logGamma(b) - logGamma(a + b);
	}
}
