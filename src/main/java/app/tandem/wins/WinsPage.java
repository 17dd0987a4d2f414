package app.tandem.wins;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;

/**
 * {@code /wins}: the cycle's wins, newest first, each with its kudos and a form for one more, which answers the win
 * again in place (htmx); a note left empty or too long comes back beside the field with what was typed (422).
 */
@Controller
class WinsPage {

	/** A page shows the newest this many; the API pages through all of them. */
	static final int SHOWN = 50;

	private final Wins wins;

	private final CycleReads okr;

	private final IdentityApi identity;

	WinsPage(Wins wins, CycleReads okr, IdentityApi identity) {
		this.wins = wins;
		this.okr = okr;
		this.identity = identity;
	}

	@GetMapping("/wins")
	String feed(@RequestParam(required = false) String cycleId, Model model) {
		return page(okr.cycleOrCurrent(cycleId), identity.caller(), model);
	}

	@PostMapping("/wins/{id}/kudos")
	String kudos(@PathVariable String id, @RequestParam(required = false) String note,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		Caller caller = identity.caller();
		UUID winId = Ids.parse(id, "win");
		String typed = note == null ? "" : note;
		Wins.WinView win;
		try {
			win = wins.giveKudos(winId, typed, caller);
			model.addAttribute("saved", true);
			typed = "";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			win = wins.get(winId, caller);
			model.addAttribute("problem", typed.isBlank() ? "wins.kudos.required" : "wins.kudos.tooLong");
		}
		model.addAttribute("formFor", win.id());
		model.addAttribute("typed", typed);
		if (htmx == null) {
			// A form posted without htmx: back to the feed (at the win) once saved, else the feed with the problem.
			return typed.isEmpty() && model.containsAttribute("saved")
					? "redirect:/wins?cycleId=" + win.cycleId() + "#win-" + win.id()
					: page(okr.cycle(UUID.fromString(win.cycleId())), caller, model);
		}
		model.addAttribute("w", win);
		return "wins/parts :: winCard";
	}

	private String page(OkrViews.CycleView cycle, Caller caller, Model model) {
		List<Wins.WinView> shown = cycle == null ? List.of()
				: wins.list(UUID.fromString(cycle.id()), null, null, SHOWN, caller).items();
		model.addAttribute("section", "home");
		model.addAttribute("cycle", cycle);
		model.addAttribute("wins", shown);
		return "wins/wins";
	}
}
