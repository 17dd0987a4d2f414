package app.tandem.templates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.coach.domain.Coach;
import app.tandem.coach.domain.CoachContext;
import app.tandem.coach.domain.CoachThresholds;
import app.tandem.coach.domain.KeyResultSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.shared.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template, as adopting it would write it (key results due at the cycle's end), passes every rule of the
 * coach without an ERROR or a WARNING, as {@code lint} reviews an OKRs-as-code file: no database, only what is
 * written. INFO is fine (a team or individual template is aligned to nothing until the team aligns it).
 */
class TemplateCoachTests {

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	private static final LocalDate END = LocalDate.of(2026, 3, 31);

	@Test
	void everyTemplatePassesTheCoachWithoutErrorOrWarning() {
		List<OkrTemplate> english = OkrTemplateFile.load();
		// in German too: what a German page adopts
		List<OkrTemplate> templates = new ArrayList<>(english);
		templates.addAll(OkrTemplateFile.loadGerman(english).values());
		List<String> serious = new ArrayList<>();
		CoachContext context = new CoachContext(CoachThresholds.DEFAULTS, Map.of(), Set.of(), Set.of(),
				Instant.parse("2026-02-01T00:00:00Z"));
		for (OkrTemplate t : templates) {
			for (Finding f : Coach.review(List.of(snapshot(t)), List.of(), context)) {
				if (f.severity() == Finding.Severity.ERROR || f.severity() == Finding.Severity.WARNING) {
					serious.add(t.key() + ": " + f.severity() + " " + f.ruleId() + " " + f.message());
				}
			}
		}
		assertThat(serious).isEmpty();
	}

	@Test
	void theTemplatesTogetherPassTooAsOneCycle() {
		List<ObjectiveSnapshot> all = OkrTemplateFile.load().stream().map(TemplateCoachTests::snapshot).toList();
		CoachContext context = new CoachContext(CoachThresholds.DEFAULTS, Map.of(), Set.of(), Set.of(),
				Instant.parse("2026-02-01T00:00:00Z"));
		assertThat(Coach.review(all, List.of(), context))
			.noneMatch(f -> f.severity() == Finding.Severity.ERROR || f.severity() == Finding.Severity.WARNING);
	}

	private static ObjectiveSnapshot snapshot(OkrTemplate t) {
		List<KeyResultSnapshot> krs = new ArrayList<>();
		for (int i = 0; i < t.keyResults().size(); i++) {
			OkrTemplate.KeyResult kr = t.keyResults().get(i);
			krs.add(new KeyResultSnapshot(t.key() + ".keyResults[" + i + "]", kr.title(), kr.type(), kr.start(),
					kr.target(), kr.min(), kr.max(), END, null));
		}
		return new ObjectiveSnapshot(t.key(), "library", t.title(), t.level(), t.type(), null, null, START, END, krs);
	}
}
