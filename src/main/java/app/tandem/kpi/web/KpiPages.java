package app.tandem.kpi.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiSelection;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.Kpis;
import app.tandem.kpi.KpisDue;
import app.tandem.kpi.RecoveryOkr;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KeyResults;
import app.tandem.okr.MeasuredKeyResult;
import app.tandem.okr.MeasuredKeyResults;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import tools.jackson.databind.ObjectMapper;

/**
 * The KPI pages: a board of cards (value, status, sparkline, trend) grouped by balanced-scorecard perspective and
 * filtered by team, perspective and kind, and a KPI with its series, context, findings, linked key results, latest
 * values and, when it is red, the recovery objective Tandem proposes, which one click creates.
 */
@Controller
class KpiPages {

	/** Periods a sparkline shows. */
	private static final int SPARK = 12;

	/** Rows of the table of latest values. */
	private static final int LATEST = 12;

	static final List<String> PERSPECTIVES = List.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS",
			"LEARNING_AND_GROWTH");

	private final KpiViews views;

	private final RecoveryOkr recovery;

	private final CycleReads okr;

	private final MeasuredKeyResults measured;

	private final KeyResults keyResults;

	private final Objectives objectives;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final KpiCharts charts;

	private final Clock clock;

	private final Kpis kpis;

	private final KpisDue due;

	private final KpiTreePage.KpiTrees trees;

	private final KpiSelection selection;

	KpiPages(KpiViews views, RecoveryOkr recovery, CycleReads okr, MeasuredKeyResults measured, KeyResults keyResults, Objectives objectives,
			IdentityApi identity, MessageSource messages, ObjectMapper json, Clock clock, Kpis kpis, KpisDue due,
			KpiTreePage.KpiTrees trees, KpiSelection selection) {
		this.selection = selection;
		this.trees = trees;
		this.kpis = kpis;
		this.due = due;
		this.views = views;
		this.recovery = recovery;
		this.okr = okr;
		this.measured = measured;
		this.keyResults = keyResults;
		this.objectives = objectives;
		this.identity = identity;
		this.messages = messages;
		this.charts = new KpiCharts(json);
		this.clock = clock;
	}

	/** A card of the board. */
	record Card(KpiView kpi, String sparkline, KpiTrend trend) {
	}

	/**
	 * A perspective of the board with its first cards and how many it has; perspective null for KPIs without one;
	 * {@code moreUrl} the next part's, null when all are shown.
	 */
	record Group(String perspective, List<Card> cards, long count, String moreUrl, long left, long nextCount) {
	}

	/** Cards a perspective shows at once, and each "Show more" adds. */
	static final int BOARD_PART = 24;

	@GetMapping("/kpis")
	String board(@RequestParam(required = false) String teamId, @RequestParam(required = false) String perspective,
			@RequestParam(required = false) String indicator, Model model) {
		KpiSelection.Filter filter = boardFilter(teamId, perspective, indicator);
		KpiSelection.Counts counts = selection.counts(filter);
		List<Group> groups = new ArrayList<>();
		List<String> order = new ArrayList<>(PERSPECTIVES);
		order.add("");
		for (String group : order) {
			long count = counts.of(group);
			if (count > 0) {
				groups.add(group(filter.inPerspective(group), 0, count, teamId, indicator));
			}
		}
		model.addAttribute("section", "kpis");
		model.addAttribute("groups", groups);
		model.addAttribute("teams", teamNames(groups));
		model.addAttribute("teamChoices", identity.teamsOffered(blank(teamId) ? List.of() : List.of(teamId)));
		model.addAttribute("perspectives", PERSPECTIVES);
		model.addAttribute("mayDefine", kpis.mayDefine(identity.caller()));
		model.addAttribute("filter", Map.of("teamId", nz(teamId), "perspective", nz(perspective), "indicator",
				nz(indicator)));
		model.addAttribute("n", KpiNumbers.INSTANCE);
		return "kpi/board";
	}

	/** A perspective's next cards, after "Show more" ({@code group}: the perspective, or "none"). */
	@GetMapping("/kpi-board/more")
	String moreCards(@RequestParam(required = false) String teamId, @RequestParam(required = false) String indicator,
			@RequestParam String group, @RequestParam int offset, Model model) {
		String perspective = "none".equals(group) ? "" : group;
		KpiSelection.Filter filter = boardFilter(teamId, perspective, indicator).inPerspective(perspective);
		Group part = group(filter, Math.max(0, offset), selection.counts(filter).of(perspective), teamId, indicator);
		model.addAttribute("g", part);
		model.addAttribute("teams", teamNames(List.of(part)));
		model.addAttribute("n", KpiNumbers.INSTANCE);
		return "kpi/board :: cards";
	}

	/** The board's filter as the form sends it: blank is any; a team that is not an id selects none. */
	private static KpiSelection.Filter boardFilter(String teamId, String perspective, String indicator) {
		java.util.Set<UUID> teams = blank(teamId) ? java.util.Set.of()
				: java.util.Set.of(java.util.Objects.requireNonNullElse(Ids.tryParse(teamId), new UUID(0, 0)));
		return new KpiSelection.Filter(teams, blank(perspective) ? null : perspective,
				blank(indicator) ? null : indicator);
	}

	/** The cards of one perspective from {@code offset} on, with their sparklines, and the button for the rest. */
	private Group group(KpiSelection.Filter filter, int offset, long count, String teamId, String indicator) {
		List<KpiView> shown = selection.part(filter, KpiSelection.Order.NAME, offset, BOARD_PART);
		Map<String, List<BucketValue>> recent = selection.recent(shown, SPARK);
		List<Card> cards = shown.stream()
			.map(k -> new Card(k, charts.sparkline(recent.getOrDefault(k.id(), List.of())), KpiTrend.of(k)))
			.toList();
		String perspective = filter.perspective().isEmpty() ? null : filter.perspective();
		long end = offset + shown.size();
		String moreUrl = end >= count ? null
				: org.springframework.web.util.UriComponentsBuilder.fromPath("/kpi-board/more")
					.queryParam("teamId", nz(teamId))
					.queryParam("indicator", nz(indicator))
					.queryParam("group", perspective == null ? "none" : perspective)
					.queryParam("offset", end)
					.build()
					.toUriString();
		return new Group(perspective, cards, count, moreUrl, count - end, Math.min(BOARD_PART, count - end));
	}

	private Map<String, String> teamNames(List<Group> groups) {
		List<String> shownTeams = new ArrayList<>();
		groups.forEach(g -> g.cards().forEach(c -> {
			if (c.kpi().teamId() != null) {
				shownTeams.add(c.kpi().teamId());
			}
		}));
		return identity.teamNamesOf(shownTeams);
	}

	/** A row of the table of latest values: a bucket's first and last day (UTC), value and measurements. */
	record Latest(LocalDate first, LocalDate last, double value, int count) {
	}

	@GetMapping("/kpis/{key}")
	String kpi(@PathVariable String key, @RequestParam(required = false) String bucket, Model model) {
		Caller caller = identity.caller();
		KpiView kpi = views.get(key);
		Bucket own = Frequency.valueOf(kpi.frequency()).bucket();
		Bucket shown = Arrays.stream(Bucket.values()).filter(b -> b.name().equals(bucket)).findFirst().orElse(own);
		Instant to = Instant.now(clock);
		if (kpi.latestAt() != null && kpi.latestAt().isBefore(back(shown, shown.startOf(to), periods(shown)))) {
			to = shown.next(kpi.latestAt());
		}
		Instant from = back(shown, shown.startOf(to), periods(shown));
		KpiViews.SeriesView series = views.series(kpi.id(), shown, from, to);
		List<Latest> latest = new ArrayList<>();
		for (int i = series.items().size() - 1; i >= 0 && latest.size() < LATEST; i--) {
			BucketValue v = series.items().get(i);
			if (v.value() != null) {
				latest.add(new Latest(day(v.start()), day(v.end()).minusDays(1), v.value(), v.count()));
			}
		}
		model.addAttribute("section", "kpis");
		model.addAttribute("kpi", kpi);
		model.addAttribute("trend", KpiTrend.of(kpi));
		model.addAttribute("buckets", Bucket.values());
		model.addAttribute("bucket", shown);
		model.addAttribute("ownBucket", own);
		model.addAttribute("chart", charts.series(kpi, shown, series.items(), series.to(),
				word -> messages.getMessage("kpis.chart." + word, null, LocaleContextHolder.getLocale())));
		model.addAttribute("latest", latest);
		model.addAttribute("linked", linked(kpi, caller));
		// a formula KPI draws what it is made of, down to the key results its parts measure
		if (!kpi.inputs().isEmpty()) {
			var around = trees.around(kpi, caller);
			model.addAttribute("treeChart", trees.chart(kpi.name(), around.children()));
			model.addAttribute("treeHeight", trees.height(around.children()));
		}
		model.addAttribute("people", identity.namesOf(kpi.ownerId() == null ? List.of() : List.of(kpi.ownerId())));
		model.addAttribute("n", KpiNumbers.INSTANCE);
		model.addAttribute("reviewDueSince", due.reviewDueSince(kpi));
		model.addAttribute("mayReview", kpis.mayMarkReviewed(kpi, caller));
		model.addAttribute("mayChange", kpis.mayChange(kpi, caller));
		if (kpi.status() == KpiStatus.RED) {
			try {
				OkrCommands.CreateObjective draft = recovery.propose(kpi.id(), caller);
				model.addAttribute("recovery", draft);
				model.addAttribute("recoveryCycle", okr.cycle(UUID.fromString(draft.cycleId())));
				model.addAttribute("mayCreate", mayCreate(draft, identity.rightsOf(caller)));
			}
			catch (ConflictException e) {
				model.addAttribute("recoveryUnavailable", true);
			}
		}
		List<String> teams = new ArrayList<>();
		teams.add(kpi.teamId());
		if (model.getAttribute("recovery") instanceof OkrCommands.CreateObjective draft) {
			teams.add(draft.teamId());
		}
		model.addAttribute("teams", identity.teamNamesOf(teams.stream().filter(t -> t != null).toList()));
		return "kpi/kpi";
	}

	/** Creates the proposed recovery objective as it is, and shows it. */
	@PostMapping("/kpis/{key}/recovery-okr")
	String createRecovery(@PathVariable String key) {
		Caller caller = identity.caller();
		OkrViews.ObjectiveView created = objectives.create(recovery.propose(key, caller), caller);
		return "redirect:/okrs/objectives/" + created.id();
	}

	/** Marks the KPI reviewed now, and shows it again (a refusal is the 403 page). */
	@PostMapping("/kpis/{key}/review")
	String review(@PathVariable String key) {
		KpiView kpi = kpis.markReviewed(key, identity.caller());
		return "redirect:/kpis/" + kpi.key() + "?reviewed";
	}

	/** As the objectives' rules have it: a lead of the team (or an admin), or the owner of an individual one. */
	private static boolean mayCreate(OkrCommands.CreateObjective draft, Rights rights) {
		return draft.level() == Level.TEAM ? rights.leads(Ids.tryParse(draft.teamId()))
				: rights.contributes() && rights.userId().equals(Ids.tryParse(draft.ownerId()));
	}

	/** How many buckets the detail's chart shows: a quarter of days, a year of weeks, two of months, three of quarters. */
	private static int periods(Bucket bucket) {
		return switch (bucket) {
			case DAY -> 92;
			case WEEK -> 53;
			case MONTH -> 24;
			case QUARTER -> 12;
		};
	}

	/** The start of the bucket {@code count - 1} buckets before the one starting at {@code start}. */
	private static Instant back(Bucket bucket, Instant start, int count) {
		Instant from = start;
		for (int i = 1; i < count; i++) {
			from = bucket.startOf(from.minusSeconds(1));
		}
		return from;
	}

	/** The key results in open cycles the KPI measures, those the caller may see. */
	private List<OkrViews.KeyResultView> linked(KpiView kpi, Caller caller) {
		List<OkrViews.KeyResultView> linked = new ArrayList<>();
		for (MeasuredKeyResult measured : this.measured.by(List.of(UUID.fromString(kpi.id())))) {
			try {
				linked.add(keyResults.get(measured.keyResultId(), null, caller));
			}
			catch (NotFoundException | AccessDeniedException e) {
				// a key result of a private objective the caller may not see
			}
		}
		return linked;
	}



	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
