package app.tandem.identity.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.TeamCommands;
import app.tandem.identity.Teams;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;

/**
 * The team tree for admins, each team with its members and their roles, and the form to add a team. Changing a
 * team ({@link TeamEditPages}) or its members ({@link MembershipPages}) happens in its row.
 */
@Controller
class TeamPages {

	private final Teams teams;

	private final IdentityApi identity;

	private final TeamTreePage page;

	private final Texts texts;

	TeamPages(Teams teams, IdentityApi identity, TeamTreePage page, Texts texts) {
		this.teams = teams;
		this.identity = identity;
		this.page = page;
		this.texts = texts;
	}

	@GetMapping("/admin/teams")
	String list(@RequestParam(required = false) String open, Model model) {
		identity.requireAdmin();
		return page.page(model, Map.of(), open == null ? "" : open);
	}

	/** The next teams of the tree, after "Show more". */
	@GetMapping("/admin/teams/more")
	String more(@RequestParam(defaultValue = "0") int offset, Model model) {
		identity.requireAdmin();
		return page.more(model, offset);
	}

	/** A team's row with its forms open (htmx), or the page with that row open. */
	@GetMapping("/admin/teams/{id}/row")
	String row(@PathVariable String id, Model model, jakarta.servlet.http.HttpServletRequest request) {
		identity.requireAdmin();
		return page.opened(request, model, id);
	}

	@PostMapping("/admin/teams")
	String create(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
			@RequestParam(required = false) String parent, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		identity.requireAdmin();
		Map<String, String> errors = new HashMap<>();
		String slug = nz(key).strip();
		// the key is optional, as the form says: a team without one is named by its id in files and the API
		if (!slug.isEmpty() && (slug.length() > 100 || !slug.matches(TeamCommands.KEY))) {
			errors.put("key", texts.get("admin.teams.error.key"));
		}
		if (nz(name).isBlank() || name.strip().length() > 200) {
			errors.put("name", texts.get("admin.teams.error.name"));
		}
		if (errors.isEmpty()) {
			try {
				teams.create(new TeamCommands.CreateTeam(name.strip(), nz(parent).isBlank() ? null : parent.strip(),
						slug.isEmpty() ? null : slug));
				redirect.addFlashAttribute("notice", texts.get("admin.teams.added", name.strip()));
				return "redirect:/admin/teams";
			}
			catch (ConflictException e) {
				errors.put("key", texts.get("admin.teams.error.taken", slug));
			}
			catch (InvalidInputException e) {
				errors.put("parent", texts.get("admin.teams.error.parent"));
			}
		}
		response.setStatus(422);
		model.addAttribute("form", Map.of("key", nz(key), "name", nz(name), "parent", nz(parent)));
		return page.page(model, errors);
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}
}
