package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/** What clients send to change OKRs: bound from JSON (and OKRs-as-code files), validated, never bound onto rows. */
public final class OkrCommands {

	static final String KEY = "[a-z0-9][a-z0-9-]*";

	static final String KEY_MESSAGE = "must be a slug: lower-case letters, digits and -";

	private OkrCommands() {
	}

	public record CreateCycle(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
			@NotNull LocalDate endDate) {
	}

	public record UpdateCycle(@Size(min = 1, max = 100) String name, LocalDate startDate, LocalDate endDate,
			Long version) {
	}

	public record CreateObjective(@NotNull String cycleId, @NotBlank @Size(max = 500) String title,
			@Size(max = 10000) String description, @NotNull Level level, String teamId, String ownerId,
			String parentId, String parentKeyResultId, ObjectiveType type, Visibility visibility,
			@Size(max = 100) @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
			@Valid @Size(max = 50) List<@NotNull @Valid CreateKeyResult> keyResults) {
	}

	/** Absent fields stay as they are; {@code ""} clears teamId, ownerId, parentId or parentKeyResultId. */
	public record UpdateObjective(@Size(min = 1, max = 500) String title, @Size(max = 10000) String description,
			Level level, String teamId, String ownerId, String parentId, String parentKeyResultId, ObjectiveType type,
			Visibility visibility, @Size(max = 10000) String retrospective, Long version) {
	}

	public record CreateKeyResult(@NotBlank @Size(max = 500) String title, @NotNull KeyResultType type,
			@Size(max = 50) String unit, Double weight, String ownerId, LocalDate dueDate, Double startValue,
			Double targetValue, Double minValue, Double maxValue, String kpiId) {
	}

	/** Target and due-date changes after the cycle started need a {@code reason}; both are kept in the history. */
	public record UpdateKeyResult(@Size(min = 1, max = 500) String title, @Size(max = 50) String unit, Double weight,
			String ownerId, LocalDate dueDate, Double startValue, Double targetValue, Double minValue, Double maxValue,
			String kpiId, Double grade, @Size(max = 2000) String gradeNote, @Size(max = 2000) String reason,
			Long version) {
	}

	public record RecordCheckIn(Double value, Boolean achieved,
			@JsonDeserialize(using = WholeConfidence.class) @Min(0) @Max(10) Integer confidence,
			@Size(max = 4000) String note, Instant at) {
	}

	/**
	 * A confidence as JSON carries it: a whole number. Jackson would cut 5.5 to 5 (a float is accepted as an int);
	 * a fraction is refused instead, naming the field (5.0 is 5).
	 */
	public static final class WholeConfidence extends StdScalarDeserializer<Integer> {

		public WholeConfidence() {
			super(Integer.class);
		}

		@Override
		public Integer deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
					&& parser.getDecimalValue().stripTrailingZeros().scale() > 0) {
				throw DatabindException.from(parser, "must be a whole number from 0 to 10");
			}
			return (Integer) context.findRootValueDeserializer(context.constructType(Integer.class))
				.deserialize(parser, context);
		}
	}

	/** Publishing a draft: {@code visibility} PUBLIC unless given. */
	/** Archiving or restoring an objective: the version it was read at, unless an If-Match header says it. */
	public record ArchiveObjective(Long version) {
	}

	public record PublishObjective(Visibility visibility, Long version) {
	}

	public record CarryOver(@NotNull String cycleId) {
	}

	public record MoveKeyResult(@NotNull String objectiveId) {
	}
}
