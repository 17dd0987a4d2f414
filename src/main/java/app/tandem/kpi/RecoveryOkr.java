package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KeyResults;
import app.tandem.okr.MeasuredKeyResult;
import app.tandem.okr.MeasuredKeyResults;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The objective Tandem proposes for a KPI off target: "Bring {name} back on target", for the KPI's team, in the
 * current cycle, with two key results: from the current value to the target (for a range, to its nearer bound),
 * measured by the KPI; and the milestone of finding and fixing what put it off target, due within
 * {@value #ROOT_CAUSE_WEEKS} weeks. It is aligned to the key result the KPI already measures, when the caller sees
 * one: the recovery serves what that key result serves. A draft: POST it to /api/v1/objectives as is.
 */
@Service
public class RecoveryOkr {

	/** A root cause found within a sprint or two, or the cycle's end if that comes first. */
	static final int ROOT_CAUSE_WEEKS = 2;

	private final KpiCatalog catalog;

	private final KpiReadings readings;

	private final CycleReads okr;

	private final MeasuredKeyResults measured;

	private final KeyResults keyResults;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	RecoveryOkr(KpiCatalog catalog, KpiReadings readings, CycleReads okr, MeasuredKeyResults measured,
			KeyResults keyResults, Clock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.measured = measured;
		this.catalog = catalog;
		this.readings = readings;
		this.okr = okr;
		this.keyResults = keyResults;
		this.clock = clock;
	}

	/** {@code caller}: whose draft it is; it is aligned only to what they may see. */
	public OkrCommands.CreateObjective propose(String idOrKey, Caller caller) {
		KpiDefinition kpi = catalog.get(idOrKey);
		Instant now = Instant.now(clock);
		KpiReadings.Reading reading = readings.read(kpi, now);
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
		OkrViews.CycleView cycle = okr.currentCycle()
			.orElseThrow(() -> new ConflictException("There is no cycle to put a recovery objective in"));
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String owner = Ids.str(kpi.ownerId());
		// in the words of whoever asks (the page's language; the API's, English)
		String level = number(current) + (kpi.unit() == null ? "" : " " + kpi.unit());
		var recover = new OkrCommands.CreateKeyResult(say("kpis.recovery.draft.recover", kpi.name(), number(current),
				number(target)), type, kpi.unit(), null, owner, null, current, target, null, null, kpi.id().toString());
		var rootCause = new OkrCommands.CreateKeyResult(say("kpis.recovery.draft.rootCause", kpi.name(), level),
				KeyResultType.MILESTONE, null, null, owner, rootCauseDue(today, cycle), null, null, null, null, null);
		OkrViews.KeyResultView served = servedKeyResult(kpi, today, caller);
		return new OkrCommands.CreateObjective(cycle.id(), say("kpis.recovery.draft.title", kpi.name()),
				say("kpis.recovery.draft.description", kpi.name(), say("kpis.recovery.draft.status." + reading.status()),
						level),
				kpi.teamId() != null ? Level.TEAM : Level.INDIVIDUAL, Ids.str(kpi.teamId()), owner,
				served == null ? null : served.objectiveId(), served == null ? null : served.id(),
				ObjectiveType.COMMITTED, null, null, List.of(recover, rootCause));
	}

	/**
	 * The key result the KPI measures that the caller may see: one in a cycle that holds today before one in
	 * another open cycle, then the oldest (the one set before any recovery objective took the KPI too). Null
	 * when there is none.
	 */
	private OkrViews.KeyResultView servedKeyResult(KpiDefinition kpi, LocalDate today, Caller caller) {
		List<OkrViews.KeyResultView> now = new ArrayList<>();
		List<OkrViews.KeyResultView> later = new ArrayList<>();
		for (MeasuredKeyResult measured : this.measured.by(List.of(kpi.id()))) {
			OkrViews.KeyResultView kr = visible(measured.keyResultId(), caller);
			if (kr != null) {
				boolean current = !today.isBefore(measured.cycleStart()) && !today.isAfter(measured.cycleEnd());
				(current ? now : later).add(kr);
			}
		}
		Comparator<OkrViews.KeyResultView> oldest = Comparator.comparing(OkrViews.KeyResultView::createdAt)
			.thenComparing(OkrViews.KeyResultView::id);
		return (now.isEmpty() ? later : now).stream().min(oldest).orElse(null);
	}

	/** {@value #ROOT_CAUSE_WEEKS} weeks from today, within the cycle (a cycle yet to start: from its start). */
	private static LocalDate rootCauseDue(LocalDate today, OkrViews.CycleView cycle) {
		LocalDate due = (today.isBefore(cycle.startDate()) ? cycle.startDate() : today).plusWeeks(ROOT_CAUSE_WEEKS);
		return due.isAfter(cycle.endDate()) ? cycle.endDate() : due;
	}

	private OkrViews.KeyResultView visible(UUID id, Caller caller) {
		try {
			return keyResults.get(id, null, caller);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	/** A value as the reader's language writes it, with at most two decimals: 73.8, or 73,8 in German. */
	private static String number(double value) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(locale)).format(value);
	}

	private String say(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}
}
