package app.tandem.outbound;

/**
 * A URL the guard will not call, refused before any connection is made. The message is a sentence for the person
 * who entered the URL: "http://10.0.0.5/hook is refused: 10.0.0.5 is a private address; …".
 */
public class OutboundRefused extends RuntimeException {

	private final String url;

	private final String reason;

	OutboundRefused(String url, String reason) {
		super(url + " is refused: " + reason);
		this.url = url;
		this.reason = reason;
	}

	/** The URL as it is shown (a user name or password in it left out). */
	public String url() {
		return url;
	}

	/** Why, without the URL: "10.0.0.5 is a private address; …". */
	public String reason() {
		return reason;
	}
}
