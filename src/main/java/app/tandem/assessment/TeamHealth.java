package app.tandem.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.tandem.assessment.domain.Health;
import app.tandem.identity.Caller;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Finding;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's health in a cycle ({@link Health}) from the okr and kpi modules' reads: the team's objectives the caller
 * may see, with their key results and the coach's findings they carry, and the team's KPIs. Without a team: every
 * objective of the cycle and every KPI.
 */
@Service
@Transactional(readOnly = true)
class TeamHealth {

	private final Objectives objectives;

	private final KpiViews kpis;

	private final MessageSource messages;

	private final Clock clock;

	TeamHealth(Objectives objectives, KpiViews kpis, MessageSource messages, Clock clock) {
		this.objectives = objectives;
		this.kpis = kpis;
		this.messages = messages;
		this.clock = clock;
	}

	/** The health score with each part's sentence (in {@code locale}) and the weights it was computed with. */
	record View(String cycleId, String teamId, Instant at, Integer overall, List<PartView> parts) {
	}

	/**
	 * One part: {@code count} of {@code of} as a score 0–100 (null with nothing to count), its weight in the overall
	 * score, and a sentence that explains it in numbers.
	 */
	record PartView(String kind, Integer score, int weight, int count, int of, String explanation) {
	}

	View of(OkrViews.CycleView cycle, UUID teamId, Caller caller, Locale locale) {
		Instant now = Instant.now(clock);
		String team = teamId == null ? null : teamId.toString();
		List<Health.ObjectiveFacts> objectiveFacts = new ArrayList<>();
		List<Health.KeyResultFacts> keyResultFacts = new ArrayList<>();
		for (OkrViews.ObjectiveView o : objectives.inCycle(UUID.fromString(cycle.id()), teamId, caller)) {
			int serious = (int) o.findings().stream().filter(f -> f.severity() != Finding.Severity.INFO).count();
			objectiveFacts.add(new Health.ObjectiveFacts(o.level() == app.tandem.okr.domain.Level.COMPANY,
					o.parentId() != null || o.parentKeyResultId() != null, serious));
			o.keyResults().forEach(kr -> keyResultFacts.add(new Health.KeyResultFacts(kr.lastCheckInAt(), kr.confidence())));
		}
		List<Health.KpiFacts> kpiFacts = new ArrayList<>();
		for (KpiView k : kpis.list(null, Integer.MAX_VALUE)) {
			if (team == null || team.equals(k.teamId())) {
				kpiFacts.add(new Health.KpiFacts(k.latestAt() != null, Boolean.TRUE.equals(k.stale())));
			}
		}
		Health.Score score = Health.of(objectiveFacts, keyResultFacts, kpiFacts, now);
		List<PartView> parts = score.parts().stream()
			.map(p -> new PartView(p.kind().name(), p.score(), p.weight(), p.count(), p.of(), sentence(p, locale)))
			.toList();
		return new View(cycle.id(), team, now, score.overall(), parts);
	}

	private String sentence(Health.Part part, Locale locale) {
		String key = "health.part." + part.kind().name() + (part.of() == 0 ? ".none" : ".sentence");
		List<Object> args = new ArrayList<>(List.of(part.count(), part.of()));
		args.addAll(part.besides());
		return messages.getMessage(key, args.toArray(), locale);
	}
}
