package app.tandem.shared;

import java.io.IOException;

/** A body beyond the configured limit: 413, read no further. */
public class RequestTooLargeException extends IOException {

	public RequestTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}
}
