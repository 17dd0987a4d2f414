package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/**
 * Measurements as integrations upload them, CSV and JSON (SPEC: all-or-nothing per request, a row with
 * more columns than the header is that row's error, never in the future). {@code ${recent1}},
 * {@code ${recent2}} are instants of the last hours, {@code ${soon}} one a minute ahead.
 */
final class MeasurementBodies {

	private MeasurementBodies() {
	}

	/** Two valid rows, for one KPI ({@code at,value}) or, with {@code kpi}, for many ({@code kpi,at,value}). */
	static String valid(String kpi) {
		String k = kpi == null ? "" : kpi + ",";
		return (kpi == null ? "at,value\n" : "kpi,at,value\n") + k + "${recent1},5\n" + k + "${recent2},6\n";
	}

	/** CSV rows for one KPI ({@code at,value}) or, with {@code kpi} non-null, for many ({@code kpi,at,value}). */
	static List<Upload> csv(String kpi, Random random) {
		String head = kpi == null ? "at,value\n" : "kpi,at,value\n";
		String k = kpi == null ? "" : kpi + ",";
		List<Upload> b = new ArrayList<>();
		b.add(csv("CSV: valid", valid(kpi), ANY));
		b.add(csv("CSV: unclosed quote", head + k + "\"${recent1},5\n" + k + "${recent2},6\n", REFUSED));
		b.add(csv("CSV: quote inside a cell", head + k + "${recent1},5\"5\n", REFUSED));
		b.add(csv("CSV: extra column", head + k + "${recent1},4,2\n", REFUSED));
		b.add(csv("CSV: trailing comma", head + k + "${recent1},4,\n", REFUSED));
		b.add(csv("CSV: decimal comma, quoted", head + k + "${recent1},\"4,2\"\n", REFUSED));
		b.add(csv("CSV: semicolons", head.replace(',', ';') + (kpi == null ? "" : kpi + ";") + "${recent1};4,2\n", REFUSED));
		b.add(csv("CSV: missing header", k + "${recent1},5\n", REFUSED));
		b.add(csv("CSV: wrong header", head.replace("at,value", "time,amount") + k + "${recent1},5\n", REFUSED));
		b.add(csv("CSV: header only", head, ANY));
		b.add(csv("CSV: empty", "", ANY));
		b.add(csv("CSV: byte order mark", "\ufeff" + head + k + "${recent1},5\n", ANY));
		b.add(csv("CSV: CRLF", (head + k + "${recent1},5\n").replace("\n", "\r\n"), ANY));
		b.add(csv("CSV: quoted header", head.replace("at", "\"at\"") + k + "${recent1},5\n", ANY));
		b.add(csv("CSV: blank lines", head + "\n\n" + k + "${recent1},5\n\n", ANY));
		b.add(csv("CSV: one column short", head + k + "${recent1}\n", REFUSED));
		b.add(csv("CSV: same instant twice", head + k + "${recent1},5\n" + k + "${recent1},6\n", ANY));
		for (String[] value : new String[][] { { "NaN", "value NaN" }, { "Infinity", "value Infinity" },
				{ "-Infinity", "value -Infinity" }, { "1e200", "number 1e200" }, { "-1e308", "number -1e308" },
				{ "1000000000000001", "number 1e15+1" }, { "1e400", "number 1e400 (overflows a double)" },
				{ "", "value empty" }, { "abc", "value not a number" }, { "0x10", "value hexadecimal" },
				{ "1_000", "value with an underscore" }, { "\uff15", "value fullwidth digit" },
				{ "5\u0000", "NUL character" }, { "${big:1000000}", "value of 1 MB" } }) {
			b.add(csv("CSV: " + value[1], head + k + "${recent1}," + value[0] + "\n", REFUSED));
		}
		b.add(csv("CSV: value with spaces", head + k + "${recent1}, 5 \n", ANY));
		for (String[] at : new String[][] { { "+99999-01-01T00:00:00Z", "instant +99999-01-01T00:00:00Z" },
				{ "-999999999-01-01", "date -999999999-01-01" }, { "2099-01-01T00:00:00Z", "instant in 2099" },
				{ "2026-02-30", "date that does not exist" }, { "2026-13-01T00:00:00Z", "instant that does not exist" },
				{ "yesterday", "instant not ISO" }, { "", "instant empty" }, { "${recent1}\u0000", "NUL character" } }) {
			b.add(csv("CSV: " + at[1], head + k + at[0] + ",5\n", REFUSED));
		}
		b.add(csv("CSV: a minute ahead (clock skew)", head + k + "${soon},5\n", ANY));
		StringBuilder many = new StringBuilder(head);
		int bad = 1 + random.nextInt(9_998);
		java.time.Instant first = java.time.Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < 10_000; i++) {
			many.append(k).append(first.plusSeconds(60L * i)).append(i == bad ? ",oops\n" : "," + i + "\n");
		}
		b.add(csv("CSV: 10,000 rows, one bad", many.toString(), REFUSED));
		if (kpi != null) {
			b.add(csv("CSV: unknown KPI", "kpi,at,value\nnope-${n},${recent1},5\n", REFUSED));
			b.add(csv("CSV: a formula KPI's values", "kpi,at,value\n${formulaKpi},${recent1},5\n", REFUSED));
			b.add(csv("CSV: spreadsheet formula as KPI", "kpi,at,value\n=cmd|' /C calc'!A0,${recent1},5\n", REFUSED));
			b.add(csv("CSV: missing KPI column", "at,value\n${recent1},5\n", REFUSED));
			b.add(csv("CSV: KPI by id", "kpi,at,value\n${kpiId},${recent1},5\n", ANY));
		}
		return b;
	}

	/** JSON measurements: {@code [{at, value}]}, with {@code kpi} in each for the many-KPI endpoint. */
	static List<Upload> json(String kpi) {
		String k = kpi == null ? "" : "\"kpi\":\"" + kpi + "\",";
		List<Upload> b = new ArrayList<>();
		String row = "{" + k + "\"at\":\"${recent1}\",\"value\":5}";
		b.add(json("JSON rows: valid", "[" + row + "]", ANY));
		for (String[] value : new String[][] { { "\"NaN\"", "value \"NaN\"" }, { "\"Infinity\"", "value \"Infinity\"" },
				{ "1e200", "number 1e200" }, { "-1e308", "number -1e308" }, { "1000000000000001", "number 1e15+1" },
				{ "1e400", "number 1e400 (overflows a double)" }, { "null", "value null" }, { "{}", "value an object" },
				{ "\"abc\"", "value not a number" }, { "NaN", "NaN literal" } }) {
			b.add(json("JSON rows: " + value[1], "[{" + k + "\"at\":\"${recent1}\",\"value\":" + value[0] + "}]", REFUSED));
		}
		b.add(json("JSON rows: value as string", "[{" + k + "\"at\":\"${recent1}\",\"value\":\"5\"}]", ANY));
		for (String[] at : new String[][] { { "\"+99999-01-01T00:00:00Z\"", "instant +99999-01-01T00:00:00Z" },
				{ "\"-999999999-01-01T00:00:00Z\"", "instant -999999999-01-01T00:00:00Z" },
				{ "\"2099-01-01T00:00:00Z\"", "instant in 2099" }, { "\"2026-02-30T00:00:00Z\"", "instant that does not exist" },
				{ "null", "instant null" }, { "1700000000", "number for an instant" }, { "\"\"", "instant empty" } }) {
			Expect expect = at[0].equals("1700000000") ? ANY : REFUSED;
			b.add(json("JSON rows: " + at[1], "[{" + k + "\"at\":" + at[0] + ",\"value\":5}]", expect));
		}
		b.add(json("JSON rows: an object, not an array", row, ANY));
		b.add(json("JSON rows: empty array", "[]", ANY));
		b.add(json("JSON rows: arrays of arrays", "[[" + row + "]]", REFUSED));
		b.add(json("JSON rows: nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000), REFUSED));
		b.add(json("JSON rows: missing value", "[{" + k + "\"at\":\"${recent1}\"}]", REFUSED));
		b.add(json("JSON rows: missing instant", "[{" + k + "\"value\":5}]", REFUSED));
		b.add(json("JSON rows: unknown field", "[{" + k + "\"at\":\"${recent1}\",\"value\":5,\"nope\":1}]", ANY));
		b.add(json("JSON rows: truncated", "[" + row.substring(0, row.length() / 2), REFUSED));
		b.add(json("JSON rows: trailing garbage", "[" + row + "] xyz", REFUSED));
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i < 10_000; i++) {
			many.append(i == 0 ? "" : ",").append("{").append(k).append("\"at\":\"")
				.append(java.time.Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * i)).append("\",\"value\":")
				.append(i == 9_999 ? "\"x\"" : Integer.toString(i)).append('}');
		}
		b.add(json("JSON rows: 10,000 rows, one bad", many.append(']').toString(), REFUSED));
		if (kpi != null) {
			b.add(json("JSON rows: unknown KPI", "[{\"kpi\":\"nope-${n}\",\"at\":\"${recent1}\",\"value\":5}]", REFUSED));
			b.add(json("JSON rows: KPI as a number", "[{\"kpi\":424242,\"at\":\"${recent1}\",\"value\":5}]", REFUSED));
		}
		return b;
	}

	private static Upload csv(String kind, String text, Expect expect) {
		return new Upload(kind, text, "text/csv", expect);
	}

	private static Upload json(String kind, String text, Expect expect) {
		return new Upload(kind, text, "application/json", expect);
	}
}
