package app.tandem.kpi.domain;

import java.util.Map;

/**
 * A parsed formula, so that evaluating it for every period doesn't parse it again. NaN stands for "no value": it
 * propagates through every operation, and division by zero and overflow produce it.
 */
sealed interface Expression {

	/** inputs holds a finite value for every key the expression refers to. */
	double value(Map<String, Double> inputs);

	record Constant(double number) implements Expression {

		@Override
		public double value(Map<String, Double> inputs) {
			return number;
		}
	}

	record Reference(String key) implements Expression {

		@Override
		public double value(Map<String, Double> inputs) {
			return inputs.get(key);
		}
	}

	record Negation(Expression operand) implements Expression {

		@Override
		public double value(Map<String, Double> inputs) {
			return -operand.value(inputs);
		}
	}

	record Operation(Operator operator, Expression left, Expression right) implements Expression {

		@Override
		public double value(Map<String, Double> inputs) {
			double result = operator.apply(left.value(inputs), right.value(inputs));
			// an infinite intermediate could come back finite (1 / ∞ = 0), so overflow ends here
			return Double.isFinite(result) ? result : Double.NaN;
		}
	}

	enum Operator {

		ADD('+') {
			@Override
			double apply(double left, double right) {
				return left + right;
			}
		},
		SUBTRACT('-') {
			@Override
			double apply(double left, double right) {
				return left - right;
			}
		},
		MULTIPLY('*') {
			@Override
			double apply(double left, double right) {
				return left * right;
			}
		},
		DIVIDE('/') {
			@Override
			double apply(double left, double right) {
				// SPEC: division by zero gives no value for the period, not an error
				return right == 0 ? Double.NaN : left / right;
			}
		};

		final char symbol;

		Operator(char symbol) {
			this.symbol = symbol;
		}

		abstract double apply(double left, double right);
	}
}
