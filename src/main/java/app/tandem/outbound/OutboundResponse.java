package app.tandem.outbound;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came back from the last hop.
 *
 * @param headers by name, any case
 * @param body at most the request's {@code maxBodyBytes}
 * @param truncated the body went on past {@code maxBodyBytes}: the rest was not read
 * @param finalUrl the URL that answered, after redirects
 */
public record OutboundResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
		URI finalUrl) {

	public OutboundResponse {
		Map<String, List<String>> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> anyCase.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(anyCase);
		body = body.clone();
	}

	/** The first value of a header, or null. */
	public String header(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	/** A copy: the record's own array stays as it was read. */
	@Override
	public byte[] body() {
		return body.clone();
	}
}
