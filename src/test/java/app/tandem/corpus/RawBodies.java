package app.tandem.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/** Bodies that are not the JSON an operation takes, made from its valid body (its "nominal" one). */
final class RawBodies {

	/** A body: text, or bytes where text cannot say it (a BOM, invalid UTF-8). */
	record Raw(String kind, String text, byte[] bytes, Expect expect) {
	}

	static final int DEEP = 10_000;

	private RawBodies() {
	}

	/**
	 * @param fields the nominal body as field → JSON literal
	 * @param required whether the operation needs a body at all
	 * @param needsFields whether a body without its fields is invalid (it has required fields)
	 */
	static List<Raw> of(Map<String, String> fields, boolean required, boolean needsFields, Random random) {
		String nominal = Nominal.object(fields);
		Expect ifRequired = required ? REFUSED : ANY;
		Expect ifFields = needsFields ? REFUSED : ANY;
		List<Raw> raws = new ArrayList<>();
		raws.add(text("body: empty", "", ifRequired));
		raws.add(text("body: whitespace", "  \n\t ", ifRequired));
		raws.add(text("body: null", "null", ifRequired));
		raws.add(text("body: a lone brace", "{", REFUSED));
		for (int i = 0; i < 3; i++) {
			int cut = 1 + random.nextInt(Math.max(1, nominal.length() - 2));
			raws.add(text("body: truncated JSON", nominal.substring(0, cut), REFUSED));
		}
		raws.add(text("body: arrays nested 10,000 deep", "[".repeat(DEEP) + "]".repeat(DEEP), REFUSED));
		raws.add(text("body: objects nested 10,000 deep", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), REFUSED));
		String firstField = fields.keySet().iterator().next();
		raws.add(text("body: a field nested 10,000 deep",
				Nominal.object(Nominal.with(fields, firstField, "[".repeat(DEEP) + "]".repeat(DEEP))), REFUSED));
		raws.add(bytes("body: UTF-8 byte order mark", concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, nominal),
				ANY));
		// its placeholders stay unresolved (the runner resolves them in ASCII-compatible bytes only): any answer
		raws.add(bytes("body: UTF-16 with its byte order mark", nominal.getBytes(StandardCharsets.UTF_16), ANY));
		String number = fields.entrySet().stream().filter(e -> e.getValue().matches("-?[0-9.]+")).map(Map.Entry::getKey)
			.findFirst().orElse(null);
		for (String literal : List.of("NaN", "Infinity", "-Infinity")) {
			raws.add(text("body: " + literal + " literal",
					number != null ? Nominal.object(Nominal.with(fields, number, literal)) : "{\"" + firstField + "\":" + literal + "}",
					REFUSED));
		}
		raws.add(text("body: leading zeros", number != null ? Nominal.object(Nominal.with(fields, number, "007"))
				: Nominal.object(Nominal.with(fields, firstField, "007")), REFUSED));
		raws.add(text("body: hexadecimal number", number != null ? Nominal.object(Nominal.with(fields, number, "0x10"))
				: Nominal.object(Nominal.with(fields, firstField, "0x10")), REFUSED));
		raws.add(text("body: block comment", "/* comment */ " + nominal, REFUSED));
		raws.add(text("body: line comment", "// comment\n" + nominal, REFUSED));
		raws.add(text("body: trailing garbage", nominal + " xyz", REFUSED));
		raws.add(text("body: trailing brace", nominal + "}", REFUSED));
		raws.add(text("body: two documents", nominal + nominal, REFUSED));
		raws.add(text("body: single quotes", nominal.replace('"', '\''), REFUSED));
		raws.add(text("body: unquoted names", nominal.replaceAll("\"(\\w+)\":", "$1:"), REFUSED));
		raws.add(text("body: bad escape", Nominal.object(Nominal.with(fields, firstField, "\"a\\x41\"")), REFUSED));
		raws.add(text("body: raw control character in a string", Nominal.object(Nominal.with(fields, firstField, "\"a\u0001b\"")),
				REFUSED));
		raws.add(bytes("body: invalid UTF-8 in a string",
				concat(concat("{\"".getBytes(StandardCharsets.UTF_8), firstField + "\":\"a"),
						new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' }), ANY));
		StringBuilder duplicate = new StringBuilder(nominal.substring(0, nominal.length() - 1));
		duplicate.append(",\"").append(firstField).append("\":").append(fields.get(firstField)).append('}');
		raws.add(text("body: duplicate keys", duplicate.toString(), ANY));
		Map<String, String> nulls = new java.util.LinkedHashMap<>();
		fields.keySet().forEach(k -> nulls.put(k, "null"));
		raws.add(text("body: nulls everywhere", Nominal.object(nulls), ifFields));
		raws.add(text("body: unknown field only", "{\"nope\":1}", ifFields));
		raws.add(text("body: an unknown field more", Nominal.object(Nominal.with(fields, "nope", "{\"deep\":[1,2]}")), ANY));
		raws.add(text("body: array for the object", "[" + nominal + "]", REFUSED));
		raws.add(text("body: string for the object", "\"" + nominal.replace("\"", "\\\"") + "\"", REFUSED));
		raws.add(text("body: number for the object", "42", REFUSED));
		StringBuilder keys = new StringBuilder(nominal.substring(0, nominal.length() - 1));
		for (int i = 0; i < 10_000; i++) {
			keys.append(",\"k").append(i).append("\":").append(i);
		}
		raws.add(text("body: 10,000 unknown fields", keys.append('}').toString(), ANY));
		raws.add(text("body: 1 MB string in a field", Nominal.object(Nominal.with(fields, firstField, "\"${big:1000000}\"")),
				REFUSED));
		raws.add(text("body: larger than the 1 MiB limit", Nominal.object(Nominal.with(fields, firstField, "\"${big:1100000}\"")),
				REFUSED));
		return raws;
	}

	private static Raw text(String kind, String text, Expect expect) {
		return new Raw(kind, text, null, expect);
	}

	private static Raw bytes(String kind, byte[] bytes, Expect expect) {
		return new Raw(kind, null, bytes, expect);
	}

	private static byte[] concat(byte[] head, String tail) {
		return concat(head, tail.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] concat(byte[] head, byte[] tail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head);
		out.writeBytes(tail);
		return out.toByteArray();
	}
}
