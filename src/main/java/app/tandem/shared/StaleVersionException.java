package app.tandem.shared;

/** An {@code If-Match} or {@code version} that is not the current one: someone else wrote first. */
public class StaleVersionException extends RuntimeException {

	private final boolean fromIfMatch;

	public StaleVersionException(String what, long expected, long actual, boolean fromIfMatch) {
		super(what + " has changed since version " + expected + " (now " + actual + "); reload and apply your change again");
		this.fromIfMatch = fromIfMatch;
	}

	/** A precondition header answers 412; a version in the body answers 409. */
	public boolean fromIfMatch() {
		return fromIfMatch;
	}
}
