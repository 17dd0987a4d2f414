package app.tandem.comment;

import java.util.Optional;
import java.util.UUID;

import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.Caller;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What a comment is on, named as in the URL ({@code objectives}, {@code key-results}, {@code kpis}), resolved only
 * once it exists and the caller may see it: a private objective is a 404 for those who may not.
 */
@Component
class CommentSubjects {

	static final String PATH = "{subjects:objectives|key-results|kpis}";

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final KpiCatalog kpis;

	CommentSubjects(Objectives objectives, KeyResults keyResults, KpiCatalog kpis) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.kpis = kpis;
	}

	static SubjectType type(String subjects) {
		return switch (subjects) {
			case "objectives" -> SubjectType.OBJECTIVE;
			case "key-results" -> SubjectType.KEY_RESULT;
			default -> SubjectType.KPI;
		};
	}

	/** What a comment is on, as a page names and links it. */
	record Seen(String title, String path) {
	}

	/**
	 * The subject's title and page, or empty when it is gone or the caller may not see it (a comment on a private
	 * objective is not shown to those who may not see the objective).
	 */
	Optional<Seen> seen(SubjectType type, UUID id, Caller caller) {
		try {
			return switch (type) {
				case OBJECTIVE -> Optional.ofNullable(objectives.titleIfVisible(id, caller))
					.map(title -> new Seen(title, "/okrs/objectives/" + id));
				case KEY_RESULT -> {
					OkrViews.KeyResultView kr = keyResults.get(id, null, caller);
					yield Optional.of(new Seen(kr.title(), "/okrs/objectives/" + kr.objectiveId() + "#kr-" + id));
				}
				case KPI -> {
					KpiDefinition kpi = kpis.get(id.toString());
					yield Optional.of(new Seen(kpi.name(), "/kpis/" + kpi.key()));
				}
			};
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/** The subject's id (a KPI may be named by its key). */
	UUID visible(SubjectType type, String id, Caller caller) {
		return switch (type) {
			case OBJECTIVE -> {
				UUID objective = Ids.parse(id, "objective");
				objectives.requireVisible(objective, caller);
				yield objective;
			}
			case KEY_RESULT -> {
				UUID keyResult = Ids.parse(id, "key result");
				keyResults.requireVisible(keyResult, caller);
				yield keyResult;
			}
			case KPI -> kpis.get(id).id();
		};
	}
}
