package app.tandem.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A finding as JSON: the six fields the API answers, in the order of the record, nulls written (as everywhere in
 * the API). Written field by field because the coach sends tens of thousands at once: every finding of a rule
 * carries that rule's hint, so each hint is encoded once and copied after that.
 */
final class FindingJson extends StdSerializer<Finding> {

	/** Hints are a few dozen sentences; a hint made up on the fly beyond this many is simply encoded each time. */
	private static final int MOST_HINTS = 512;

	private static final Map<String, SerializableString> ENCODED_HINTS = new ConcurrentHashMap<>();

	FindingJson() {
		super(Finding.class);
	}

	@Override
	public void serialize(Finding finding, JsonGenerator json, SerializationContext context) {
		json.writeStartObject(finding);
		json.writeStringProperty("ruleId", finding.ruleId());
		json.writeStringProperty("severity", name(finding.severity()));
		json.writeStringProperty("subjectType", name(finding.subjectType()));
		json.writeStringProperty("subjectId", finding.subjectId());
		json.writeStringProperty("message", finding.message());
		json.writeName("hint");
		SerializableString hint = encoded(finding.hint());
		if (hint != null) {
			json.writeString(hint);
		}
		else {
			json.writeString(finding.hint());
		}
		json.writeEndObject();
	}

	private static SerializableString encoded(String hint) {
		if (hint == null) {
			return null;
		}
		SerializableString known = ENCODED_HINTS.get(hint);
		if (known == null && ENCODED_HINTS.size() < MOST_HINTS) {
			known = ENCODED_HINTS.computeIfAbsent(hint, SerializedString::new);
		}
		return known;
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
