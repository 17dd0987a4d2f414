package app.tandem.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCatalog;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;

/**
 * Search by title: the objectives and key results of the cycle shown (those the reader may see) and every KPI by
 * name or key, each a link. Words match anywhere in a title, in any case.
 */
@Controller
class SearchPage {

	/** Hits shown per kind. */
	private static final int SHOWN = 50;

	private final IdentityApi identity;

	private final CycleReads okr;

	private final Objectives objectives;

	private final KpiCatalog kpis;

	SearchPage(IdentityApi identity, CycleReads okr, Objectives objectives, KpiCatalog kpis) {
		this.identity = identity;
		this.okr = okr;
		this.objectives = objectives;
		this.kpis = kpis;
	}

	/** A hit: what it is, its title, where it is shown, and what it belongs to. */
	record Hit(String kind, String title, String link, String context) {
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String cycleId,
			Model model) {
		String query = q == null ? "" : q.strip();
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		List<Hit> hits = new ArrayList<>();
		if (!query.isEmpty()) {
			List<String> words = app.tandem.shared.SearchWords.of(query);
			if (cycle != null) {
				UUID id = UUID.fromString(cycle.id());
				objectives.titlesWith(id, words, false, SHOWN, identity.caller())
					.forEach(o -> hits.add(new Hit("objective", o.title(), "/okrs/objectives/" + o.id(), cycle.name())));
				objectives.titlesWith(id, words, true, SHOWN, identity.caller())
					.forEach(kr -> hits.add(new Hit("keyResult", kr.title(), "/okrs/objectives/" + kr.objectiveId()
							+ "#kr-" + kr.id(), kr.objectiveTitle())));
			}
			kpis.rowViews(null, 1000).stream()
				.filter(k -> matches(k.name() + " " + k.key(), words))
				.forEach(k -> hits.add(new Hit("kpi", k.name(), "/kpis/" + k.key(), k.key())));
		}
		model.addAttribute("section", "");
		model.addAttribute("cycle", cycle);
		model.addAttribute("query", query);
		model.addAttribute("objectives", first(hits, "objective"));
		model.addAttribute("keyResults", first(hits, "keyResult"));
		model.addAttribute("kpis", first(hits, "kpi"));
		model.addAttribute("total", hits.size());
		return "dashboard/search";
	}

	private static List<Hit> first(List<Hit> hits, String kind) {
		return hits.stream().filter(h -> h.kind().equals(kind)).limit(SHOWN).toList();
	}

	private static boolean matches(String title, List<String> words) {
		String text = title == null ? "" : title.toLowerCase(Locale.ROOT);
		return words.stream().allMatch(text::contains);
	}
}
