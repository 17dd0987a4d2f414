package app.tandem.shared;

/** The write conflicts with the current state (a closed cycle, a stale version, a duplicate name): 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
