package app.tandem.outbound;

/**
 * A call the guard allowed that did not get its answer: the host could not be resolved or reached, did not answer
 * in time, or broke off. The message names the host and what happened, never a Java class.
 */
public class OutboundFailed extends RuntimeException {

	OutboundFailed(String message) {
		super(message);
	}

	/** {@code cause}: for the log, the message says what happened. */
	OutboundFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
