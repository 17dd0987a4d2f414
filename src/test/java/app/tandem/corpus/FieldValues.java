package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.tandem.corpus.ApiDocs.Type;
import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/**
 * Wrong values for one field, as JSON literals, chosen from its declared type and, where docs/SPEC.md
 * fixes a rule, its name. {@code REFUSED} only where the spec makes the value invalid (numbers beyond
 * ±1e15, weights outside (0, 100], confidence an integer 0–10, control characters in text, a date that
 * does not exist, a value of another JSON type, a reference to nothing); {@code ANY} where a lenient
 * answer is defensible (a number for a text, an empty string, a date far away).
 */
final class FieldValues {

	/** A wrong value: the JSON literal sent, what the report calls it, what the answer must be. */
	record Bad(String json, String kind, Expect expect) {
	}

	static final String UNKNOWN_ID = "\"7e1c2f10-0d2b-4c38-9a51-6b0f3c8d9e01\"";

	/** Text fields whose values the spec lists (they carry no enum in api-docs). */
	private static final Set<String> CHOICES = Set.of("direction", "frequency", "aggregation", "indicator",
			"perspective", "role", "kind");

	private FieldValues() {
	}

	/**
	 * @param owner the schema's name (the record the field belongs to)
	 * @param required whether api-docs lists it as required
	 */
	static List<Bad> of(String owner, String name, Type type, boolean required) {
		List<Bad> bad = new ArrayList<>();
		if (type.is("number")) {
			numbers(name, bad);
		}
		else if (type.is("integer")) {
			integers(name, bad);
		}
		else if (type.is("boolean")) {
			bad.add(new Bad("\"yes\"", "boolean \"yes\"", REFUSED));
			bad.add(new Bad("1", "boolean as 1", ANY));
			bad.add(new Bad("\"true\"", "boolean as string", ANY));
			bad.add(new Bad("{}", "object for a scalar", REFUSED));
			bad.add(new Bad("[true]", "array for a scalar", ANY));
		}
		else if (type.is("array")) {
			arrays(name, type, bad);
		}
		else if (type.is("object")) {
			objects(owner, name, bad);
		}
		else if ("date".equals(type.format())) {
			dates(bad);
		}
		else if ("date-time".equals(type.format())) {
			instants(owner, name, bad);
		}
		else if (!type.enumValues().isEmpty() || CHOICES.contains(name)) {
			choices(type, bad);
		}
		else if (isReference(name)) {
			references(owner, name, bad);
		}
		else {
			texts(owner, name, bad);
		}
		bad.add(new Bad("null", "null", required ? REFUSED : ANY));
		return bad;
	}

	static boolean isReference(String name) {
		return name.endsWith("Id") && !name.equals("requestId");
	}

	private static void numbers(String name, List<Bad> bad) {
		bad.add(new Bad("1e200", "number 1e200", REFUSED));
		bad.add(new Bad("-1e308", "number -1e308", REFUSED));
		bad.add(new Bad("1000000000000001", "number 1e15+1", REFUSED));
		bad.add(new Bad("1e400", "number 1e400 (overflows a double)", REFUSED));
		bad.add(new Bad("\"NaN\"", "number \"NaN\" as string", REFUSED));
		bad.add(new Bad("\"Infinity\"", "number \"Infinity\" as string", REFUSED));
		bad.add(new Bad("\"-Infinity\"", "number \"-Infinity\" as string", REFUSED));
		bad.add(new Bad("\"12,5\"", "number with a decimal comma", REFUSED));
		bad.add(new Bad("\"abc\"", "text for a number", REFUSED));
		bad.add(new Bad("{}", "object for a scalar", REFUSED));
		bad.add(new Bad("[]", "array for a scalar", REFUSED));
		bad.add(new Bad("4.9e-324", "number smallest double", ANY));
		bad.add(new Bad("\"12\"", "number as string", ANY));
		bad.add(new Bad("true", "boolean for a number", ANY));
		switch (name) {
			case "weight" -> {
				bad.add(new Bad("1e308", "weight 1e308", REFUSED));
				bad.add(new Bad("0", "weight 0", REFUSED));
				bad.add(new Bad("-1", "weight -1", REFUSED));
				bad.add(new Bad("100.5", "weight above 100", REFUSED));
			}
			case "grade" -> {
				bad.add(new Bad("1.5", "grade above 1", REFUSED));
				bad.add(new Bad("-0.1", "grade below 0", REFUSED));
			}
			case "value", "target", "targetValue" -> bad.add(new Bad("1e15", "number exactly 1e15", ANY));
			default -> bad.add(new Bad("-1e15", "number exactly -1e15", ANY));
		}
	}

	private static void integers(String name, List<Bad> bad) {
		bad.add(new Bad("1e200", "integer 1e200", REFUSED));
		bad.add(new Bad("2147483648", "integer 2^31", REFUSED));
		bad.add(new Bad("9223372036854775808", "integer 2^63", REFUSED));
		bad.add(new Bad("\"abc\"", "text for a number", REFUSED));
		bad.add(new Bad("{}", "object for a scalar", REFUSED));
		bad.add(new Bad("[]", "array for a scalar", REFUSED));
		bad.add(new Bad("\"NaN\"", "number \"NaN\" as string", REFUSED));
		bad.add(new Bad("\"7\"", "number as string", ANY));
		if (name.equals("confidence")) {
			bad.add(new Bad("5.5", "confidence 5.5", REFUSED));
			bad.add(new Bad("11", "confidence 11", REFUSED));
			bad.add(new Bad("-1", "confidence -1", REFUSED));
			bad.add(new Bad("7.0", "confidence 7.0", ANY));
		}
		else {
			bad.add(new Bad("5.5", "integer 5.5", REFUSED));
			bad.add(new Bad("-1", "integer -1", ANY));
		}
	}

	private static void arrays(String name, Type type, List<Bad> bad) {
		bad.add(new Bad("{}", "object for an array", REFUSED));
		bad.add(new Bad("[null]", "array of null", REFUSED));
		bad.add(new Bad("[[[]]]", "array of arrays", REFUSED));
		bad.add(new Bad("\"x\"", "text for an array", ANY));
		bad.add(new Bad("[]", "empty array", ANY));
		if (name.equals("scopes")) {
			bad.add(new Bad("[\"NOPE\"]", "unknown enum value", REFUSED));
			bad.add(new Bad("[\"read\",\"read\",\"admin\"]", "unknown enum value", REFUSED));
			bad.add(new Bad("[" + "\"read\",".repeat(9999) + "\"read\"]", "array of 10,000", ANY));
		}
		else if (type.items() != null) {
			bad.add(new Bad("[42]", "number for an object", REFUSED));
			bad.add(new Bad("[{}]", "empty object in an array", REFUSED));
		}
	}

	private static void objects(String owner, String name, List<Bad> bad) {
		bad.add(new Bad("\"x\"", "text for an object", REFUSED));
		bad.add(new Bad("[]", "array for an object", REFUSED));
		bad.add(new Bad("42", "number for an object", REFUSED));
		if (owner.equals("Submit")) {
			bad.add(new Bad("{\"nope\":2}", "answers: unknown question", REFUSED));
			bad.add(new Bad("${answers:5.5}", "answers: 5.5", REFUSED));
			bad.add(new Bad("${answers:99}", "answers: out of the scale", REFUSED));
			bad.add(new Bad("${answers:\"a\"}", "answers: text", REFUSED));
			bad.add(new Bad("${answers:-1}", "answers: out of the scale", REFUSED));
			bad.add(new Bad("${answers:null}", "answers: null", REFUSED));
			bad.add(new Bad("${answers:1e200}", "answers: 1e200", REFUSED));
		}
	}

	private static void dates(List<Bad> bad) {
		bad.add(new Bad("\"2026-02-30\"", "date that does not exist", REFUSED));
		bad.add(new Bad("\"2026-13-01\"", "date that does not exist", REFUSED));
		bad.add(new Bad("\"01/02/2026\"", "date not ISO", REFUSED));
		bad.add(new Bad("\"tomorrow\"", "date not ISO", REFUSED));
		bad.add(new Bad("\"+99999-01-01\"", "date +99999-01-01", ANY));
		bad.add(new Bad("\"-999999999-01-01\"", "date -999999999-01-01", ANY));
		bad.add(new Bad("\"0000-01-01\"", "date year 0", ANY));
		bad.add(new Bad("\"2026-01-01T00:00:00Z\"", "instant for a date", ANY));
		bad.add(new Bad("20260101", "number for a date", ANY));
		bad.add(new Bad("\"\"", "empty string", ANY));
		bad.add(new Bad("\"2026-01-01\\u0000\"", "NUL character", REFUSED));
	}

	private static void instants(String owner, String name, List<Bad> bad) {
		// Never in the future: a check-in's and a measurement's instant (SPEC). Other instants are left open.
		boolean past = name.equals("at");
		bad.add(new Bad("\"+99999-01-01T00:00:00Z\"", "instant +99999-01-01T00:00:00Z", past ? REFUSED : ANY));
		bad.add(new Bad("\"-999999999-01-01T00:00:00Z\"", "instant -999999999-01-01T00:00:00Z", ANY));
		bad.add(new Bad("\"2099-01-01T00:00:00Z\"", "instant in 2099", past ? REFUSED : ANY));
		bad.add(new Bad("\"2026-13-45T25:61:00Z\"", "instant that does not exist", REFUSED));
		bad.add(new Bad("\"2026-02-30T10:00:00Z\"", "instant that does not exist", REFUSED));
		bad.add(new Bad("\"yesterday\"", "instant not ISO", REFUSED));
		bad.add(new Bad("\"2026-01-01T00:00:00\"", "instant without zone", ANY));
		bad.add(new Bad("1700000000", "number for an instant", ANY));
		bad.add(new Bad("\"\"", "empty string", ANY));
	}

	private static void choices(Type type, List<Bad> bad) {
		String first = type.enumValues().isEmpty() ? "x" : type.enumValues().get(0);
		bad.add(new Bad("\"NOPE\"", "unknown enum value", REFUSED));
		bad.add(new Bad("\"" + first + "\\u0000\"", "NUL character", REFUSED));
		bad.add(new Bad("42", "number for an enum", REFUSED));
		bad.add(new Bad("[\"" + first + "\"]", "array for a scalar", ANY));
		bad.add(new Bad("\"" + first.toLowerCase(Locale.ROOT) + "\"", "enum in lower case", ANY));
		bad.add(new Bad("\"\"", "empty string", ANY));
	}

	private static void references(String owner, String name, List<Bad> bad) {
		bad.add(new Bad("\"not-a-uuid\"", "id not a UUID", REFUSED));
		bad.add(new Bad(UNKNOWN_ID, "id unknown", REFUSED));
		bad.add(new Bad("\"00000000-0000-0000-0000-000000000000\"", "id nil UUID", REFUSED));
		bad.add(new Bad("\"${" + otherKind(owner, name) + "}\"", "id of another kind of record", REFUSED));
		bad.add(new Bad("\"${cycle}\\u0000\"", "NUL character", REFUSED));
		bad.add(new Bad("987654321", "number for an id", REFUSED));
		bad.add(new Bad("{}", "object for a scalar", REFUSED));
		bad.add(new Bad("\"\"", "empty string", ANY));
		bad.add(new Bad("\"${big:100000}\"", "text of 100,000 characters", REFUSED));
	}

	/** An id that exists, of a record another field would name. */
	private static String otherKind(String owner, String name) {
		return switch (name) {
			case "teamId", "ownerId", "userId" -> "objective";
			case "parentId" -> owner.contains("Team") ? "objective" : "team";
			default -> "team";
		};
	}

	private static void texts(String owner, String name, List<Bad> bad) {
		bad.add(new Bad("\"a\\u0000b\"", "NUL character", REFUSED));
		bad.add(new Bad("\"bell\\u0007 escape\\u001b[31m\"", "control characters", REFUSED));
		bad.add(new Bad("\"\\ud800 lone surrogate\"", "lone surrogate", ANY));
		bad.add(new Bad("\"\\u202etxt.exe right-to-left\"", "right-to-left override", ANY));
		bad.add(new Bad("\"\u00fcn\u00efc\u00f6de \u2713 \ud83d\ude00 ${n}\"", "unicode and emoji", ANY));
		bad.add(new Bad("\"<script>alert(1)</script> ${n}\"", "markup", ANY));
		bad.add(new Bad("\"' or '1'='1 ${n}\"", "SQL quote", ANY));
		bad.add(new Bad("\"${big:100001}\"", "text of 100,001 characters", REFUSED));
		bad.add(new Bad("\"${big:1000000}\"", "text of 1 MB", REFUSED));
		bad.add(new Bad("42", "number for a text", ANY));
		bad.add(new Bad("{}", "object for a scalar", REFUSED));
		bad.add(new Bad("[\"a\",\"b\"]", "array for a scalar", REFUSED));
		bad.add(new Bad("\"\"", "empty string", required(owner, name) ? REFUSED : ANY));
		bad.add(new Bad("\"   \"", "blank string", ANY));
		if (name.equals("password")) {
			bad.add(new Bad("\"aaaaaaaaaaaa\"", "password: one repeated character", REFUSED));
			bad.add(new Bad("\"            \"", "password: twelve spaces", REFUSED));
			bad.add(new Bad("\"" + "\\u0000".repeat(12) + "\"", "password: twelve NULs", REFUSED));
			bad.add(new Bad("\"qwertyuiop12\"", "password: keyboard run", REFUSED));
			bad.add(new Bad(owner.equals("CreateUser") ? "\"corpus-u${n}\"" : "\"corpus-spare\"",
					"password: the user name", REFUSED));
			bad.add(new Bad("\"short\"", "password: short", REFUSED));
		}
		if (name.equals("email")) {
			bad.add(new Bad("\"not-an-email\"", "email without @", ANY));
		}
		if (name.equals("key")) {
			bad.add(new Bad("\"Has Spaces/And/Slashes ${n}\"", "key with spaces and slashes", ANY));
			bad.add(new Bad("\"..\"", "key ..", ANY));
		}
	}

	/** The texts a record cannot do without (api-docs marks only some of them). */
	private static boolean required(String owner, String name) {
		return Set.of("title", "username", "name", "body", "note", "code").contains(name)
				&& (owner.startsWith("Create") || owner.startsWith("New") || owner.equals("Code"));
	}
}
