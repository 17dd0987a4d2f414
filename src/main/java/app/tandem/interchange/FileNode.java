package app.tandem.interchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.tandem.shared.ControlCharacters;
import app.tandem.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A mapping of an OKRs-as-code file with its path (objectives[2].keyResults[0]), reading typed
 * fields and reporting every problem under its path. Fields the format does not know are problems
 * too: nothing in a file is silently dropped.
 */
final class FileNode {

	final JsonNode node;

	final String path;

	private final InvalidInputException.Collector problems;

	FileNode(JsonNode node, String path, InvalidInputException.Collector problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	String at(String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	void problem(String field, String message) {
		problems.add(at(field), message);
	}

	void onlyFields(Set<String> known) {
		if (!node.isObject()) {
			problems.add(path, "must be a mapping");
			return;
		}
		for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				problem(name, "is not part of the format (known: " + known.stream().sorted().toList() + ")");
			}
		}
	}

	boolean has(String field) {
		return node.has(field) && !node.get(field).isNull();
	}

	String text(String field, boolean required) {
		return text(field, required, OkrYaml.MAX_TEXT);
	}

	String text(String field, boolean required, int maxLength) {
		if (!has(field)) {
			if (required) {
				problem(field, "is required");
			}
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isValueNode()) {
			problem(field, "must be a single value");
			return null;
		}
		String text = value.asString().trim();
		String unwanted = ControlCharacters.problemIn(text);
		if (unwanted != null) {
			problem(field, unwanted);
			return null;
		}
		if (required && text.isEmpty()) {
			problem(field, "is required");
			return null;
		}
		if (text.length() > maxLength) {
			problem(field, "is longer than " + maxLength + " characters");
			return null;
		}
		return text;
	}

	Double number(String field, boolean required) {
		if (!has(field)) {
			if (required) {
				problem(field, "is required");
			}
			return null;
		}
		JsonNode value = node.get(field);
		if (value.isNumber()) {
			double number = value.asDouble();
			if (!Double.isFinite(number)) {
				problem(field, "must be a finite number");
				return null;
			}
			return number;
		}
		problem(field, "must be a number");
		return null;
	}

	Integer integer(String field) {
		Double number = number(field, false);
		if (number == null) {
			return null;
		}
		if (number != Math.rint(number)) {
			problem(field, "must be a whole number");
			return null;
		}
		return number.intValue();
	}

	Boolean bool(String field) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isBoolean()) {
			problem(field, "must be true or false");
			return null;
		}
		return value.asBoolean();
	}

	LocalDate date(String field, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			problem(field, "must be a date (YYYY-MM-DD)");
			return null;
		}
	}

	Instant instant(String field, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			problem(field, "must be an instant (e.g. 2026-11-23T10:00:00Z)");
			return null;
		}
	}

	<E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problem(field, "must be one of " + List.of(type.getEnumConstants()));
			return null;
		}
	}

	List<FileNode> list(String field) {
		List<FileNode> items = new ArrayList<>();
		if (!has(field)) {
			return items;
		}
		JsonNode value = node.get(field);
		if (!value.isArray()) {
			problem(field, "must be a list");
			return items;
		}
		for (int i = 0; i < value.size(); i++) {
			items.add(new FileNode(value.get(i), at(field) + "[" + i + "]", problems));
		}
		return items;
	}

	/** A mapping of plain values, such as {@code teams: {product: LEAD}}. */
	Map<String, String> textMap(String field) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		if (!has(field)) {
			return map;
		}
		JsonNode value = node.get(field);
		if (!value.isObject()) {
			problem(field, "must be a mapping");
			return map;
		}
		for (var entry : value.properties()) {
			map.put(entry.getKey(), entry.getValue().asString());
		}
		return map;
	}
}
