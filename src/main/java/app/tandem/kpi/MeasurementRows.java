package app.tandem.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.shared.Excerpt;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ParseErrors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/** Reads ingestion bodies, JSON arrays or CSV with a header, into rows numbered for error messages. */
final class MeasurementRows {

	private MeasurementRows() {
	}

	/** Streams the array (a tree of a million rows would cost more than storing them). */
	static List<MeasurementRow> json(InputStream body, ObjectMapper mapper, boolean withKpi) {
		try (JsonParser parser = mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw InvalidInputException.of("", withKpi ? "send a JSON array of {kpi, at, value}"
						: "send a JSON array of {at, value}");
			}
			List<MeasurementRow> rows = new ArrayList<>();
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				int line = rows.size() + 1;
				if (token == null) {
					throw InvalidInputException.of("", "not valid JSON: the array is not closed");
				}
				if (token != JsonToken.START_OBJECT) {
					parser.skipChildren();
					rows.add(MeasurementRow.flawed(line, "row", withKpi ? "is not an object {kpi, at, value}"
							: "is not an object {at, value}"));
					continue;
				}
				String kpi = null;
				String at = null;
				Object value = null;
				MeasurementRow.Flaw flaw = null;
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken field = parser.nextToken();
					boolean counts = name.equals("at") || name.equals("value") || (withKpi && name.equals("kpi"));
					if (counts && (field == JsonToken.START_OBJECT || field == JsonToken.START_ARRAY)) {
						if (flaw == null) {
							flaw = new MeasurementRow.Flaw(name, (name.equals("value") ? "is not a number: " : "is not text: ")
									+ (field == JsonToken.START_OBJECT ? "an object" : "an array"));
						}
						parser.skipChildren();
						continue;
					}
					switch (name) {
						case "kpi" -> kpi = withKpi ? text(parser) : skip(parser);
						case "at" -> at = text(parser);
						case "value" -> value = field.isNumeric() ? (Object) parser.getDoubleValue() : text(parser);
						default -> skip(parser);
					}
				}
				rows.add(flaw != null ? MeasurementRow.flawed(line, flaw.field(), flaw.message())
						: new MeasurementRow(line, kpi, at, value));
			}
			if (parser.nextToken() != null) {
				throw InvalidInputException.of("", "not valid JSON: more follows the array");
			}
			return rows;
		}
		catch (JacksonException e) {
			if (e.getCause() instanceof app.tandem.shared.RequestTooLargeException) {
				throw e;
			}
			throw InvalidInputException.of("", "not valid JSON: " + ParseErrors.describe(e));
		}
	}

	/**
	 * Jackson's words for what is wrong, without the names of its classes and settings that some of them carry
	 * ("… (1000, from `StreamReadConstraints.getMaxNestingDepth()`)").
	 */


	/** A scalar as its text; null as null. */
	private static String text(JsonParser parser) {
		return parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getString();
	}

	private static String skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	static List<MeasurementRow> csv(InputStream body, boolean withKpi) {
		List<String> columns = withKpi ? List.of("kpi", "at", "value") : List.of("at", "value");
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
			.setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
		CSVParser parser = null;
		try (Reader reader = withoutByteOrderMark(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			parser = CSVParser.parse(reader, format);
			Map<String, Integer> header = parser.getHeaderMap();
			for (String column : columns) {
				if (!header.containsKey(column)) {
					throw InvalidInputException.of("line 1", "the header must name the columns " + String.join(",", columns));
				}
			}
			List<MeasurementRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				int line = (int) record.getParser().getCurrentLineNumber();
				if (record.size() > parser.getHeaderNames().size()) {
					// "2026-12-02T09:00:00Z,4,2" is 4.2 written with a decimal comma, not 4 and a note
					rows.add(MeasurementRow.flawed(line, "row", "has " + record.size() + " values where the header has "
							+ parser.getHeaderNames().size() + " columns (a decimal comma? write 4.2, or quote the value)"));
					continue;
				}
				// spaces around a value are dropped, a control character is not (trim() would drop a NUL unseen)
				String value = record.isSet("value") ? record.get("value").strip() : null;
				Object number = value == null || value.isEmpty() ? null : parseNumber(value);
				rows.add(new MeasurementRow(line, withKpi && record.isSet("kpi") ? record.get("kpi") : null,
						record.isSet("at") ? record.get("at").strip() : null, number));
			}
			return rows;
		}
		catch (java.io.UncheckedIOException e) {
			if (e.getCause() instanceof app.tandem.shared.RequestTooLargeException tooLarge) {
				throw new java.io.UncheckedIOException(tooLarge);
			}
			throw notCsv(e.getCause(), parser);
		}
		catch (IOException e) {
			if (e instanceof app.tandem.shared.RequestTooLargeException) {
				throw new java.io.UncheckedIOException(e);
			}
			throw notCsv(e, parser);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			throw notCsv(e, parser);
		}
	}

	/** Spreadsheets save "UTF-8 with BOM": the mark is not part of the first column's name. */
	private static Reader withoutByteOrderMark(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static final Pattern UNCLOSED = Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before encapsulated");

	private static final Pattern AFTER_QUOTE = Pattern
		.compile("between encapsulated token and delimiter at line: ([\\d,]+), position: ([\\d,]+)");

	private static final Pattern DUPLICATE = Pattern.compile("duplicate name: \"(.*)\" in");

	/**
	 * What the CSV library found wrong, in words about the input: the library's messages name its own classes
	 * ("org.apache.commons.csv.CSVException: (startline 2) EOF reached before encapsulated token finished").
	 */
	private static InvalidInputException notCsv(Throwable e, CSVParser parser) {
		String message = e == null ? "" : String.valueOf(e.getMessage());
		Matcher unclosed = UNCLOSED.matcher(message);
		if (unclosed.find()) {
			String line = unclosed.group(1).replace(",", "");
			return InvalidInputException.of("line " + line,
					"a quoted value that starts on line " + line + " is never closed: a \" is missing");
		}
		Matcher afterQuote = AFTER_QUOTE.matcher(message);
		if (afterQuote.find()) {
			String line = afterQuote.group(1).replace(",", "");
			return InvalidInputException.of("line " + line, "line " + line + ": a closing \" must be followed by a comma"
					+ " or the end of the line (a \" inside a quoted value is written twice: \"\")");
		}
		if (message.startsWith("A header name is missing")) {
			return InvalidInputException.of("line 1", "the header has a column without a name");
		}
		Matcher duplicate = DUPLICATE.matcher(message);
		if (duplicate.find()) {
			return InvalidInputException.of("line 1",
					"the header names the column " + Excerpt.of(duplicate.group(1)) + " more than once");
		}
		long line = parser == null ? 1 : Math.max(1, parser.getCurrentLineNumber());
		return InvalidInputException.of("line " + line, "line " + line + " is not valid CSV");
	}

	/** A decimal number as people and spreadsheets write it (4, -0.5, 1.2e3), and nothing Java alone reads (0x1p3, 4d). */
	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static Object parseNumber(String text) {
		return NUMBER.matcher(text).matches() ? (Object) Double.valueOf(text) : text;
	}

}
