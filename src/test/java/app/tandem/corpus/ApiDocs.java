package app.tandem.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** The operations of {@code /v3/api-docs} as the corpus needs them: parameters, and the body's fields by type. */
record ApiDocs(List<Operation> operations) {

	/** A property or parameter's declared type: {@code string}, {@code number}, … with format, enum and item schema. */
	record Type(String type, String format, List<String> enumValues, Schema items, Schema object) {

		boolean is(String t) {
			return t.equals(type);
		}
	}

	record Schema(String name, Map<String, Type> properties, Set<String> required) {
	}

	record Parameter(String name, String in, Type type) {
	}

	record Operation(String method, String path, List<Parameter> parameters, Schema body, boolean bodyRequired) {

		String key() {
			return method + " " + path;
		}

		List<Parameter> in(String where) {
			return parameters.stream().filter(p -> p.in().equals(where)).toList();
		}

		boolean writes() {
			return !method.equals("GET");
		}
	}

	static ApiDocs read(JsonNode doc) {
		JsonNode schemas = doc.path("components").path("schemas");
		List<Operation> operations = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			for (var op : path.getValue().properties()) {
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode p : op.getValue().path("parameters")) {
					parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
							type(p.path("schema"), schemas, 0)));
				}
				JsonNode body = op.getValue().path("requestBody");
				Schema schema = null;
				for (var content : body.path("content").properties()) {
					String ref = content.getValue().path("schema").path("$ref").asString("");
					if (!ref.isEmpty()) {
						schema = schema(ref, schemas, 0);
					}
				}
				operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters), schema,
						body.path("required").asBoolean(false)));
			}
		}
		// The document's order is the controllers' (not stable across JVMs): the corpus orders operations itself.
		operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
		return new ApiDocs(List.copyOf(operations));
	}

	private static Schema schema(String ref, JsonNode schemas, int depth) {
		String name = ref.substring(ref.lastIndexOf('/') + 1);
		JsonNode s = schemas.path(name);
		Map<String, Type> properties = new LinkedHashMap<>();
		if (depth < 3) {
			for (var p : s.path("properties").properties()) {
				properties.put(p.getKey(), type(p.getValue(), schemas, depth + 1));
			}
		}
		Set<String> required = new TreeSet<>();
		s.path("required").forEach(r -> required.add(r.asString()));
		return new Schema(name, properties, required);
	}

	private static Type type(JsonNode s, JsonNode schemas, int depth) {
		if (s.has("$ref")) {
			return new Type("object", null, List.of(), null, schema(s.get("$ref").asString(), schemas, depth));
		}
		List<String> values = new ArrayList<>();
		s.path("enum").forEach(v -> values.add(v.asString()));
		Schema items = null;
		if (s.has("items") && s.get("items").has("$ref")) {
			items = schema(s.get("items").get("$ref").asString(), schemas, depth);
		}
		return new Type(s.path("type").asString("object"), s.path("format").asString(null), List.copyOf(values), items,
				null);
	}
}
