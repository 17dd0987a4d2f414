package app.tandem.interchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.DemoSignIn;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.MeasurementRow;
import app.tandem.kpi.Measurements;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.Frequency;
import app.tandem.okr.Cycles;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.ExpectedProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code tandem.demo=true} on an instance without cycles: the example organisation (Acme Health)
 * with a few weeks of plausible check-ins and a year of KPI values, so that the first run shows
 * something real.
 */
@Component
@Order(10)
@EnableConfigurationProperties(InterchangeProperties.class)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private static final Duration HISTORY = Duration.ofDays(42);

	/** The demo KPI that goes red: customer satisfaction, linked to a key result of the support team. */
	static final String DRIFTING = "csat";

	private static final List<String> NOTES = List.of("Steady week", "Blocked on review, unblocked Thursday",
			"Good traction after the launch", "Slower than hoped", "On plan", "Picked up after the retro");

	private final boolean enabled;

	private final OkrFileImport importer;

	private final IdentityApi identity;

	private final Cycles cycles;

	private final Objectives objectives;

	private final KeyResults keyResults;

	private final Clock clock;

	private final KpiCatalog kpis;

	private final Measurements measurements;

	private final DemoSignIn demoSignIn;

	DemoOrganisation(InterchangeProperties properties, OkrFileImport importer, IdentityApi identity,
			Cycles cycles, Objectives objectives, KeyResults keyResults, Clock clock, KpiCatalog kpis,
			Measurements measurements, DemoSignIn demoSignIn) {
		this.demoSignIn = demoSignIn;
		this.kpis = kpis;
		this.measurements = measurements;
		this.enabled = properties.demo();
		this.importer = importer;
		this.identity = identity;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled || !cycles.list(null, 1).isEmpty()) {
			return;
		}
		UUID adminId = identity.userIdByUsername("admin").orElseThrow();
		Caller admin = new Caller(adminId, "admin", true);
		String yaml = new ClassPathResource("demo/acme-health.yaml").getContentAsString(StandardCharsets.UTF_8);
		var report = importer.importFile(yaml, admin);
		log.info("Demo: imported Acme Health ({} teams, {} people, {} objectives, {} key results)", report.teams(),
				report.people(), report.objectives(), report.keyResults());
		demoSignIn.openTo(identity.allPeople().stream().filter(p -> !p.admin()).map(IdentityApi.PersonEntry::username)
			.toList());
		log.info("Demo: its people sign in with the password '{}' (the sign-in page lists them)", DemoSignIn.PASSWORD);
		Random random = new Random(2026);
		int checkIns = 0;
		for (OkrViews.CycleView cycle : cycles.list(null, 100)) {
			for (OkrViews.ObjectiveView objective : objectives.inCycle(UUID.fromString(cycle.id()))) {
				for (OkrViews.KeyResultView kr : objective.keyResults()) {
					checkIns += history(kr, cycle, admin, random);
				}
			}
		}
		log.info("Demo: recorded {} check-ins over the last {} days", checkIns, HISTORY.toDays());
		int measurements = 0;
		for (KpiDefinition kpi : kpis.all()) {
			if (kpi.formula() == null) {
				measurements += kpiHistory(kpi, random);
			}
		}
		log.info("Demo: recorded {} KPI measurements over the last year ({} drifts into red)", measurements, DRIFTING);
	}

	/**
	 * A year of values at the KPI's frequency, wandering around its target; one KPI slides
	 * from green into red over its last two months, so the dashboard has something to say.
	 */
	private int kpiHistory(KpiDefinition kpi, Random random) {
		Instant now = Instant.now(clock);
		Frequency frequency = Frequency.valueOf(kpi.frequency());
		Bucket bucket = frequency.bucket();
		List<MeasurementRow> rows = new ArrayList<>();
		Instant last = bucket.startOf(now).minus(Duration.ofHours(1));
		List<Instant> instants = new ArrayList<>();
		for (Instant at = last; at.isAfter(now.minus(Duration.ofDays(365))); at = bucket.startOf(at).minus(Duration.ofHours(1))) {
			instants.add(0, at);
		}
		boolean range = kpi.direction().equals("WITHIN_RANGE");
		double centre = range ? (kpi.lowerBound() + kpi.upperBound()) / 2 : kpi.target() != null ? kpi.target() : 100;
		// values wander within about the distance from the target to the warning line: mostly green, amber now and
		// then, as a healthy business's numbers do
		double band = range ? (kpi.upperBound() - kpi.lowerBound()) / 2
				: kpi.target() != null && kpi.warningThreshold() != null ? Math.abs(kpi.target() - kpi.warningThreshold())
						: Math.abs(centre) * 0.06 + 0.5;
		double spread = band * 0.7;
		for (int i = 0; i < instants.size(); i++) {
			double value = centre + (random.nextDouble() - 0.5) * 2 * spread;
			if (kpi.direction().equals("HIGHER_IS_BETTER")) {
				value += spread * 0.4;
			}
			else if (kpi.direction().equals("LOWER_IS_BETTER")) {
				value -= spread * 0.4;
			}
			if (kpi.key().equals(DRIFTING)) {
				long daysLeft = Duration.between(instants.get(i), now).toDays();
				if (daysLeft < 60) {
					value = centre - (60 - daysLeft) / 60.0 * centre * 0.18;
				}
			}
			rows.add(new MeasurementRow(i + 1, null, instants.get(i).toString(), DemoNumbers.plausible(value, kpi.unit())));
		}
		return rows.isEmpty() ? 0 : measurements.ingest(kpi.key(), rows).accepted();
	}

	/** Weekly check-ins over the last six weeks of the cycle so far, each KR at its own pace. */
	private int history(OkrViews.KeyResultView kr, OkrViews.CycleView cycle, Caller admin, Random random) {
		Instant now = Instant.now(clock);
		Instant cycleStart = cycle.startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant cycleEnd = cycle.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
		Instant last = now.isBefore(cycleEnd) ? now.minus(Duration.ofHours(1)) : cycleEnd;
		Instant first = last.minus(HISTORY).isAfter(cycleStart) ? last.minus(HISTORY) : cycleStart.plus(Duration.ofHours(9));
		if (last.isBefore(first)) {
			return 0;
		}
		double pace = 0.5 + random.nextDouble() * 0.8;
		boolean milestoneDone = random.nextInt(3) == 0;
		int count = 0;
		for (Instant at = first; !at.isAfter(last); at = at.plus(Duration.ofDays(7))) {
			LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
			double expected = ExpectedProgress.at(at, cycle.startDate(), kr.dueDate());
			double progress = Math.max(0, Math.min(1.1, expected * pace + (random.nextDouble() - 0.5) * 0.08));
			boolean lastOne = !at.plus(Duration.ofDays(7)).isBefore(last);
			Double value = switch (kr.type()) {
				case INCREASE, DECREASE -> kr.startValue() + (kr.targetValue() - kr.startValue()) * progress;
				case THRESHOLD -> random.nextInt(5) == 0 ? kr.minValue() - 1 - random.nextInt(3)
						: kr.minValue() + (kr.maxValue() - kr.minValue()) * random.nextDouble();
				case BASELINE -> lastOne ? 2 + random.nextDouble() * 3 : null;
				case MILESTONE -> null;
			};
			value = value == null ? null : DemoNumbers.plausible(value, kr.unit());
			if (kr.type() == app.tandem.okr.domain.KeyResultType.BASELINE && value == null) {
				continue;
			}
			Boolean achieved = kr.type() == app.tandem.okr.domain.KeyResultType.MILESTONE ? milestoneDone && lastOne : null;
			keyResults.checkIn(UUID.fromString(kr.id()), new OkrCommands.RecordCheckIn(value, achieved,
					5 + random.nextInt(5), NOTES.get(random.nextInt(NOTES.size())) + " (" + day + ")", at), admin);
			count++;
		}
		return count;
	}

}
