package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.tandem.okr.domain.CycleState;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.ScoreBand;
import app.tandem.okr.domain.Status;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What the API answers about OKRs. */
public final class OkrViews {

	private OkrViews() {
	}

	public record CycleView(String id, String name, LocalDate startDate, LocalDate endDate, CycleState state,
			Instant closedAt, Instant createdAt, long version) {
	}

	/**
	 * {@code draft}: adopted from a template and not yet published, seen only by those who may change it;
	 * {@code archivedAt}: when it was archived (out of lists and the tree), else null.
	 */
	/**
	 * A page of a list of objectives: {@code total} how many the list holds (-1: not counted, as when filtered by
	 * a status), {@code next} the offset of the next page (-1: this is the last).
	 */
	public record ObjectivePage(List<ObjectiveView> objectives, long total, int next) {
	}

	/** An objective offered in a form's choice (a parent, where a key result moves). */
	public record ObjectiveChoice(String id, Level level, String title) {
	}

	/** An objective or key result found by its title, with its objective. */
	public record TitleHit(String id, String title, String objectiveId, String objectiveTitle) {
	}

	/**
	 * A part of a cycle's alignment tree: objectives at one place in it (see {@link ObjectivePage}) and how many the
	 * reader sees aligned to each of them (by id; none: absent).
	 */
	public record AlignmentPart(ObjectivePage page, java.util.Map<String, Long> aligned) {
	}

	public record ObjectiveView(String id, String cycleId, String key, String title, String description, Level level,
			String teamId, String ownerId, String parentId, String parentKeyResultId, ObjectiveType type,
			Visibility visibility, boolean draft, String retrospective, String carriedFromId, double progress,
			double expectedProgress, Status status, double score, ScoreBand scoreBand, List<KeyResultView> keyResults,
			Instant createdAt, long version, List<Finding> findings, Instant archivedAt) {

		/** When one of its key results was last checked in, or null before the first check-in. */
		public Instant lastCheckInAt() {
			return keyResults.stream().map(KeyResultView::lastCheckInAt).filter(java.util.Objects::nonNull)
				.max(Instant::compareTo).orElse(null);
		}

		/** The lowest confidence its key results were last given (what a lead scans for), or null if none was. */
		public Integer lowestConfidence() {
			return keyResults.stream().map(KeyResultView::confidence).filter(java.util.Objects::nonNull)
				.min(Integer::compareTo).orElse(null);
		}

		/** The same objective with what the coach says about it and its key results. */
		public ObjectiveView withFindings(List<Finding> findings) {
			return new ObjectiveView(id, cycleId, key, title, description, level, teamId, ownerId, parentId,
					parentKeyResultId, type, visibility, draft, retrospective, carriedFromId, progress, expectedProgress, status,
					score, scoreBand, keyResults, createdAt, version, List.copyOf(findings), archivedAt);
		}

		/** The same objective without its alignment, for a reader who may not see what it is aligned to. */
		public ObjectiveView withoutParent() {
			return new ObjectiveView(id, cycleId, key, title, description, level, teamId, ownerId, null, null, type,
					visibility, draft, retrospective, carriedFromId, progress, expectedProgress, status, score, scoreBand,
					keyResults, createdAt, version, findings, archivedAt);
		}
	}

	public record KeyResultView(String id, String objectiveId, String title, KeyResultType type, String unit,
			double weight, String ownerId, LocalDate dueDate, Double startValue, Double targetValue, Double minValue,
			Double maxValue, String kpiId, Double current, Boolean achieved, Integer confidence,
			Instant lastCheckInAt, Double grade, String gradeNote, double progress, double expectedProgress,
			Status status, double score, ForecastView forecast, String carriedFromId, List<ChangeView> history,
			Instant createdAt, long version) {
	}

	/**
	 * Where a key result is heading (SPEC "Forecast"): without {@code available}, only {@code reason} says
	 * why. {@code confidenceDisagrees} when the latest check-in's confidence is 7 or more and the forecast
	 * misses, or 3 or less and it is on pace. Fields without a value are left out (unlike elsewhere in the API):
	 * a list carries one forecast per key result, most of them short.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ForecastView(boolean available, String reason, Instant at, Integer checkIns, Double projectedValue,
			Double low, Double high, Double projectedProgress, Double lowProgress, Double highProgress, Boolean onPace,
			boolean confidenceDisagrees, String confidenceNote) {
	}

	public record ChangeView(Instant at, String authorId, String kind, String field, String oldValue,
			String newValue, String reason) {
	}

	public record CheckInView(String id, String keyResultId, Instant at, Double value, Boolean achieved,
			Integer confidence, String note, String authorId, String source, Instant createdAt) {
	}

	/** One node of an objective's alignment tree: the objectives aligned below it, recursively. */
	public record AlignmentNode(String id, String title, Level level, String cycleId, String teamId, String ownerId,
			String viaKeyResultId, double progress, Status status, List<AlignmentNode> aligned) {
	}
}
