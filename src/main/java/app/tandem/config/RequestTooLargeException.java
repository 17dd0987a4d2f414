package app.tandem.config;

import java.io.IOException;

/** A body beyond the configured limit: 413, read no further. */
class RequestTooLargeException extends IOException {

	RequestTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}
}
