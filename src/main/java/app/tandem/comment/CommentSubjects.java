package app.tandem.comment;

import java.util.UUID;

import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.Caller;
import app.tandem.kpi.KpiCatalog;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.shared.Ids;
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
