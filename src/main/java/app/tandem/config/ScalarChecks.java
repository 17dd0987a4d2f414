package app.tandem.config;

import app.tandem.shared.ControlCharacters;
import app.tandem.shared.Excerpt;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Jackson's own readers of whole numbers and of enum constants, each with the check it lacks. A whole number
 * ({@code int}, {@code long}, {@code short} and their boxes) refuses a fraction: Jackson would cut
 * {@code reviewEveryDays: 5.5} to 5 (5.0 is still 5). An enum constant refuses a control character (Jackson trims
 * the name, and {@code "COMPANY\u0000"} was read as COMPANY) and a number (0 was read as the first constant). All refusals name the field.
 */
final class ScalarChecks extends ValueDeserializerModifier {

	private static final long serialVersionUID = 1L;

	@Override
	public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
			ValueDeserializer<?> deserializer) {
		Class<?> type = bean.getBeanClass();
		boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class;
		return whole ? new WholeNumber(deserializer) : deserializer;
	}

	@Override
	public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
			BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
		return new PlainEnum(deserializer);
	}

	static final class WholeNumber extends DelegatingDeserializer {

		WholeNumber(ValueDeserializer<?> standard) {
			super(standard);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
			return new WholeNumber(standard);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && !whole(p)) {
				throw new RefusedValue(p, "must be a whole number, not " + Excerpt.of(p.getString()), handledType());
			}
			return super.deserialize(p, ctxt);
		}

		private static boolean whole(JsonParser p) {
			try {
				return p.getDecimalValue().stripTrailingZeros().scale() <= 0;
			}
			catch (RuntimeException notFinite) {
				return false;
			}
		}
	}

	static final class PlainEnum extends DelegatingDeserializer {

		PlainEnum(ValueDeserializer<?> standard) {
			super(standard);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
			return new PlainEnum(standard);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_STRING)) {
				String problem = ControlCharacters.problemIn(p.getString());
				if (problem != null) {
					throw new RefusedValue(p, problem, handledType());
				}
			}
			else if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && handledType() != null && handledType().isEnum()) {
				// Jackson would take a number as the constant at that position: 0 for COMPANY
				throw new RefusedValue(p, "is not one of " + java.util.Arrays.toString(handledType().getEnumConstants())
						+ ": " + Excerpt.of(p.getString()), handledType());
			}
			return super.deserialize(p, ctxt);
		}
	}
}
