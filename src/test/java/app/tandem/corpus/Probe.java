package app.tandem.corpus;

import java.util.Map;

/**
 * One malformed request of the corpus, written with placeholders ({@code ${cycle}}, {@code ${n}}) for the
 * fixture's ids so that the corpus itself is the same on every database and every run of a seed.
 *
 * @param operation the api-docs operation it aims at ("POST /api/v1/objectives"), or a path outside them
 * @param kind what is wrong, without the field: the group a failure is reported under ("number 1e200")
 * @param detail where (a field, a parameter), for the report
 * @param raw a body sent as these bytes (invalid UTF-8, a BOM), instead of {@code body}
 * @param etagFrom where {@code ${etag}} in a header is read from (a GET of the record), or null
 */
record Probe(int index, String operation, String kind, String detail, Caller caller, String method, String path,
		Map<String, String> headers, String body, byte[] raw, String etagFrom, Expect expect) {

	/** Who sends it. */
	enum Caller {
		ADMIN, MEMBER, READ_TOKEN, INGEST_TOKEN, DEACTIVATED, UNKNOWN_TOKEN, ANONYMOUS
	}

	/** What the answer must be, beyond the checks every answer passes. */
	enum Expect {
		/** Nothing more: the request may be right (a lenient coercion, a value the spec leaves open). */
		ANY,
		/** Invalid input as docs/SPEC.md defines it, or a caller without the right: a 4xx. */
		REFUSED,
		/** No valid credentials: 401. */
		SIGNED_OUT
	}

	String id() {
		return "#%04d".formatted(index);
	}

	String describe() {
		return kind + (detail.isEmpty() ? "" : " [" + detail + "]") + (caller == Caller.ADMIN ? "" : " as " + caller);
	}

	boolean writes() {
		return !method.equals("GET");
	}

	int bodyLength() {
		return raw != null ? raw.length : body == null ? 0 : body.length();
	}
}
