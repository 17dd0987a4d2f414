package app.tandem.kpi.domain;

/** A formula that cannot be parsed, with the 0-based position in its text where the problem is. */
public final class FormulaException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int position;

	FormulaException(String message, int position) {
		super(message);
		this.position = position;
	}

	/** "problem at 7": the message names the position so that it can be shown as it is. */
	static FormulaException at(String problem, int position) {
		return new FormulaException(problem + " at " + position, position);
	}

	public int position() {
		return position;
	}
}
