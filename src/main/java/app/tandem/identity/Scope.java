package app.tandem.identity;

import java.util.Locale;

/** What an API token may do: read, write (includes read), or only post measurements. */
enum Scope {
	READ, WRITE, INGEST;

	String authority() {
		return "SCOPE_" + name().toLowerCase(Locale.ROOT);
	}

	static Scope parse(String value) {
		for (Scope scope : values()) {
			if (scope.name().equalsIgnoreCase(value)) {
				return scope;
			}
		}
		return null;
	}
}
