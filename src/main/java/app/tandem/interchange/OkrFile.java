package app.tandem.interchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.tandem.identity.Role;
import app.tandem.kpi.KpiDefinition;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;

/** An OKRs-as-code file as read, every entry with its path in the file for error messages. */
record OkrFile(String organisation, List<TeamSpec> teams, List<PersonSpec> people, List<CycleSpec> cycles,
		List<KpiSpec> kpis, List<ObjectiveSpec> objectives) {

	record TeamSpec(String path, String key, String name, String parent) {
	}

	record PersonSpec(String path, String username, String name, String email, Map<String, Role> teams) {
	}

	record CycleSpec(String path, String name, LocalDate start, LocalDate end, boolean closed) {
	}

	/** A KPI definition whose team and owner are still keys and usernames. */
	record KpiSpec(String path, KpiDefinition definition, String team, String owner) {
	}

	record ObjectiveSpec(String path, String key, String cycle, Level level, String team, String owner,
			String parent, String parentKeyResult, ObjectiveType type, Visibility visibility, String title,
			String description, String retrospective, List<KeyResultSpec> keyResults) {
	}

	record KeyResultSpec(String path, String key, String title, KeyResultType type, String unit, Double weight,
			String owner, LocalDate due, Double start, Double target, Double min, Double max, String kpi, Double grade,
			String gradeNote, List<CheckInSpec> checkIns) {
	}

	record CheckInSpec(String path, Instant at, Double value, Boolean achieved, Integer confidence, String note) {
	}
}
