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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads ingestion bodies, JSON arrays or CSV with a header, into rows numbered for error messages. */
final class MeasurementRows {

	private MeasurementRows() {
	}

	static List<MeasurementRow> json(InputStream body, ObjectMapper mapper, boolean withKpi) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException e) {
			if (e.getCause() instanceof app.tandem.shared.RequestTooLargeException) {
				throw e;
			}
			throw InvalidInputException.of("", "not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			throw InvalidInputException.of("", withKpi ? "send a JSON array of {kpi, at, value}"
					: "send a JSON array of {at, value}");
		}
		List<MeasurementRow> rows = new ArrayList<>(root.size());
		for (int i = 0; i < root.size(); i++) {
			JsonNode item = root.get(i);
			if (!item.isObject()) {
				rows.add(new MeasurementRow(i + 1, null, null, "not an object"));
				continue;
			}
			JsonNode value = item.get("value");
			Object number = value == null || value.isNull() ? null : value.isNumber() ? (Object) value.asDouble()
					: value.toString();
			rows.add(new MeasurementRow(i + 1, withKpi ? text(item.get("kpi")) : null, text(item.get("at")), number));
		}
		return rows;
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

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
	}
}
