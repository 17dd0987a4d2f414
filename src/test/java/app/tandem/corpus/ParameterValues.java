package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.tandem.corpus.ApiDocs.Parameter;
import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/**
 * Wrong values for a path or query parameter, written as they go on the wire (percent-encoded where
 * needed). A path id that names nothing is refused (404 or 400: DECISIONS, ids); a query value only
 * where it cannot be read as its type (a filter id that is no UUID, an unknown level or bucket).
 */
final class ParameterValues {

	record Value(String raw, String kind, Expect expect) {
	}

	private ParameterValues() {
	}

	static List<Value> path(String param, String target, Random random) {
		List<Value> v = new ArrayList<>();
		if (param.equals("subjects")) {
			v.add(new Value("users", "path: unknown kind of subject", REFUSED));
			v.add(new Value("OBJECTIVES", "path: kind of subject in upper case", REFUSED));
			v.add(new Value("..", "path id: ..", REFUSED));
			v.add(new Value("%00", "path id: encoded NUL", REFUSED));
			return v;
		}
		v.add(new Value("not-a-uuid", "path id: not a UUID", REFUSED));
		v.add(new Value(new UUID(random.nextLong(), random.nextLong()).toString(), "path id: unknown UUID", REFUSED));
		v.add(new Value("00000000-0000-0000-0000-000000000000", "path id: nil UUID", REFUSED));
		v.add(new Value("9".repeat(3_000), "path id: 3,000 digits", REFUSED));
		v.add(new Value("x".repeat(9_000), "path id: 9,000 characters", REFUSED));
		v.add(new Value("%C3%BC%E2%9C%93%F0%9F%98%80", "path id: unicode", REFUSED));
		v.add(new Value("..", "path id: ..", REFUSED));
		v.add(new Value("%2E%2E", "path id: %2E%2E", REFUSED));
		v.add(new Value("%2F", "path id: encoded slash", REFUSED));
		v.add(new Value("%00", "path id: encoded NUL", REFUSED));
		v.add(new Value("%5C..%5C", "path id: backslashes", REFUSED));
		v.add(new Value("-1", "path id: negative number", REFUSED));
		v.add(new Value("%27%20or%20%271%27%3D%271", "path id: SQL quote", REFUSED));
		v.add(new Value("%7B" + target + "%7D", "path id: in braces", REFUSED));
		v.add(new Value(target + "%20", "path id: trailing space", REFUSED));
		v.add(new Value(target + ";x=1", "path id: matrix parameter", ANY));
		v.add(new Value(target.replace("${", "${upper:"), "path id: upper case", ANY));
		return v;
	}

	static List<Value> query(Parameter p, Random random) {
		String n = p.name();
		List<Value> v = new ArrayList<>();
		if (p.type().is("integer")) {
			v.add(new Value("abc", "query: not a number", REFUSED));
			v.add(new Value("1.5", "query: integer 1.5", REFUSED));
			v.add(new Value("99999999999999999999", "query: beyond a long", REFUSED));
			v.add(new Value("1e3", "query: exponent", REFUSED));
			v.add(new Value("-1", "query: negative", ANY));
			v.add(new Value("0", "query: zero", ANY));
			v.add(new Value("1001", "query: above the maximum", ANY));
			v.add(new Value("1&" + n + "=2", "query: repeated", ANY));
		}
		else if (n.equals("cursor")) {
			v.add(new Value("garbage!!", "query: cursor garbage", ANY));
			v.add(new Value("eyJ9", "query: cursor garbage", ANY));
			v.add(new Value("A".repeat(10_000), "query: 10,000 characters", ANY));
			v.add(new Value("%FF%FE", "query: invalid UTF-8", ANY));
			v.add(new Value("a&cursor=b", "query: repeated", ANY));
		}
		else if (FieldValues.isReference(n)) {
			v.add(new Value("not-a-uuid", "query: id not a UUID", REFUSED));
			v.add(new Value("x".repeat(10_000), "query: 10,000 characters", REFUSED));
			v.add(new Value(new UUID(random.nextLong(), random.nextLong()).toString(), "query: id unknown", ANY));
			v.add(new Value("", "query: empty", ANY));
			v.add(new Value("${objective}", "query: id of another kind of record", ANY));
			v.add(new Value("${cycle}&" + n + "=${cycle2}", "query: repeated", ANY));
		}
		else if (n.equals("level") || n.equals("bucket")) {
			v.add(new Value("SQUAD", "query: unknown enum value", REFUSED));
			v.add(new Value("1", "query: unknown enum value", REFUSED));
			v.add(new Value("1&" + n + "=2", "query: repeated", REFUSED));
			v.add(new Value("team", "query: enum in lower case", ANY));
			v.add(new Value("", "query: empty", ANY));
		}
		else if (n.equals("asOf") || n.equals("from") || n.equals("to")) {
			v.add(new Value("garbage", "query: instant not ISO", REFUSED));
			v.add(new Value("2026-13-01T00:00:00Z", "query: instant that does not exist", REFUSED));
			v.add(new Value("%2B99999-01-01T00:00:00Z", "query: instant +99999-01-01T00:00:00Z", ANY));
			v.add(new Value("-999999999-01-01T00:00:00Z", "query: instant -999999999-01-01T00:00:00Z", ANY));
			v.add(new Value("2026-01-01", "query: date for an instant", ANY));
			v.add(new Value("1700000000", "query: number for an instant", ANY));
			v.add(new Value("", "query: empty", ANY));
			v.add(new Value("${recent1}&" + n + "=${recent2}", "query: repeated", ANY));
		}
		else {
			v.add(new Value("NOPE", "query: unknown value", ANY));
			v.add(new Value("x".repeat(10_000), "query: 10,000 characters", ANY));
			v.add(new Value("%C3%BC%E2%9C%93", "query: unicode", ANY));
			v.add(new Value("%27", "query: SQL quote", ANY));
			v.add(new Value("%25", "query: percent sign", ANY));
			v.add(new Value("a&" + n + "=b", "query: repeated", ANY));
		}
		// Spring trims a value before converting it, and a NUL is trimmed: the same as an empty value.
		v.add(new Value("%00", "query: encoded NUL", ANY));
		return v;
	}
}
