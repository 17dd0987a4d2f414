package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.tandem.kpi.domain.KpiStatus;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrReads;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import org.springframework.stereotype.Service;

/**
 * The objective Tandem proposes for a KPI off target: "Bring {name} back on target", with one key
 * result from the current value to the target (for a range, to its nearer bound), measured by the
 * KPI, for the KPI's team, in the current cycle. A draft: POST it to /api/v1/objectives as is.
 */
@Service
public class RecoveryOkr {

	private final KpiCatalog catalog;

	private final KpiReadings readings;

	private final OkrReads okr;

	private final Clock clock;

	RecoveryOkr(KpiCatalog catalog, KpiReadings readings, OkrReads okr, Clock clock) {
		this.catalog = catalog;
		this.readings = readings;
		this.okr = okr;
		this.clock = clock;
	}

	public OkrCommands.CreateObjective propose(String idOrKey) {
		KpiDefinition kpi = catalog.get(idOrKey);
		KpiReadings.Reading reading = readings.read(kpi, Instant.now(clock));
		if (reading.status() == KpiStatus.NO_DATA) {
			throw new ConflictException("KPI " + kpi.key() + " has no value (or no target) yet: nothing to recover");
		}
		if (reading.status() == KpiStatus.GREEN) {
			throw new ConflictException("KPI " + kpi.key() + " is on target: no recovery needed");
		}
		double current = reading.latestValue();
		double target = switch (kpi.direction()) {
			case "WITHIN_RANGE" -> current < kpi.lowerBound() ? kpi.lowerBound() : kpi.upperBound();
			default -> kpi.target();
		};
		KeyResultType type = target > current ? KeyResultType.INCREASE : KeyResultType.DECREASE;
		String cycleId = okr.currentCycle()
			.orElseThrow(() -> new ConflictException("There is no cycle to put a recovery objective in"))
			.id();
		var keyResult = new OkrCommands.CreateKeyResult(kpi.name() + " from " + number(current) + " to "
				+ number(target), type, kpi.unit(), null, Ids.str(kpi.ownerId()), null, current, target, null, null,
				kpi.id().toString());
		return new OkrCommands.CreateObjective(cycleId, "Bring " + kpi.name() + " back on target",
				"Proposed by Tandem: " + kpi.name() + " is " + reading.status() + " at " + number(current)
						+ (kpi.unit() == null ? "" : " " + kpi.unit()) + ".",
				kpi.teamId() != null ? Level.TEAM : Level.INDIVIDUAL, Ids.str(kpi.teamId()), Ids.str(kpi.ownerId()), null,
				null, ObjectiveType.COMMITTED, null, null, List.of(keyResult));
	}

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
				: Double.toString(Math.round(value * 100) / 100.0);
	}
}
