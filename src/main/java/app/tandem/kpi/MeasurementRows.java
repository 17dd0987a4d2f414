package app.tandem.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
					rows.add(new MeasurementRow(line, null, null, "not an object"));
					continue;
				}
				String kpi = null;
				String at = null;
				Object value = null;
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					parser.nextToken();
					switch (name) {
						case "kpi" -> kpi = withKpi ? text(parser) : skip(parser);
						case "at" -> at = text(parser);
						case "value" -> value = parser.currentToken().isNumeric() ? (Object) parser.getDoubleValue()
								: text(parser);
						default -> skip(parser);
					}
				}
				rows.add(new MeasurementRow(line, kpi, at, value));
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
			throw InvalidInputException.of("", "not valid JSON: " + app.tandem.shared.ParseErrors.describe(e));
		}
	}

	/** A scalar as its text; an object or array as its JSON (so an error message can show it); null as null. */
	private static String text(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token.isScalarValue()) {
			return parser.getString();
		}
		return parser.readValueAsTree().toString();
	}

	private static String skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	static List<MeasurementRow> csv(InputStream body, boolean withKpi) {
		List<String> columns = withKpi ? List.of("kpi", "at", "value") : List.of("at", "value");
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get();
		try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			for (String column : columns) {
				if (!header.containsKey(column)) {
					throw InvalidInputException.of("line 1", "the header must name the columns " + String.join(",", columns));
				}
			}
			List<MeasurementRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				int line = (int) record.getParser().getCurrentLineNumber();
				String value = record.isSet("value") ? record.get("value") : null;
				Object number = value == null || value.isEmpty() ? null : parseNumber(value);
				rows.add(new MeasurementRow(line, withKpi && record.isSet("kpi") ? record.get("kpi") : null,
						record.isSet("at") ? record.get("at") : null, number));
			}
			return rows;
		}
		catch (java.io.UncheckedIOException e) {
			if (e.getCause() instanceof app.tandem.shared.RequestTooLargeException tooLarge) {
				throw new java.io.UncheckedIOException(tooLarge);
			}
			throw InvalidInputException.of("", "not valid CSV: " + e.getMessage());
		}
		catch (IOException e) {
			if (e instanceof app.tandem.shared.RequestTooLargeException) {
				throw new java.io.UncheckedIOException(e);
			}
			throw InvalidInputException.of("", "not valid CSV: " + e.getMessage());
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			throw InvalidInputException.of("", "not valid CSV: " + e.getMessage());
		}
	}

	private static Object parseNumber(String text) {
		try {
			return Double.valueOf(text);
		}
		catch (NumberFormatException e) {
			return text;
		}
	}

}
