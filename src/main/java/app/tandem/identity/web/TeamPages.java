package app.tandem.identity.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.Role;
import app.tandem.identity.TeamCommands;
import app.tandem.identity.Teams;
import app.tandem.identity.Users;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * The team tree for admins, each team with its members and their roles; forms to add a team and to add or change a
 * membership. A membership change carries the team's version the page showed, so a stale page is told, not obeyed.
 */
@Controller
class TeamPages {

	private final Teams teams;

	private final Users users;

	private final IdentityApi identity;

	private final Texts texts;

	TeamPages(Teams teams, Users users, IdentityApi identity, Texts texts) {
		this.teams = teams;
		this.users = users;
		this.identity = identity;
		this.texts = texts;
	}

	/** A team at its depth in the tree (0 at the top). */
	record Node(Teams.TeamView team, int depth) {
	}

	@GetMapping("/admin/teams")
	String list(Model model) {
		identity.requireAdmin();
		page(model, Map.of("key", "", "name", "", "parent", ""), Map.of());
		return "admin/teams";
	}

	@PostMapping("/admin/teams")
	String create(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
			@RequestParam(required = false) String parent, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		identity.requireAdmin();
		Map<String, String> errors = new HashMap<>();
		String slug = nz(key).strip();
		if (slug.isEmpty() || slug.length() > 100 || !slug.matches(TeamCommands.KEY)) {
			errors.put("key", texts.get("admin.teams.error.key"));
		}
		if (nz(name).isBlank() || name.strip().length() > 200) {
			errors.put("name", texts.get("admin.teams.error.name"));
		}
		if (errors.isEmpty()) {
			try {
				teams.create(new TeamCommands.CreateTeam(name.strip(), nz(parent).isBlank() ? null : parent.strip(), slug));
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
		page(model, Map.of("key", nz(key), "name", nz(name), "parent", nz(parent)), errors);
		return "admin/teams";
	}

	/** Adds a person to the team or changes their role, from the team's version the page showed. */
	@PostMapping("/admin/teams/{id}/members")
	String member(@PathVariable String id, @RequestParam(required = false) String user,
			@RequestParam(required = false) String role, @RequestParam(required = false) Long version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID teamId = Ids.parse(id, "team");
		Teams.TeamView team = teams.get(teamId);
		Map<String, String> errors = new HashMap<>();
		UUID userId = Ids.tryParse(nz(user));
		if (userId == null) {
			errors.put(id + ".user", texts.get("admin.teams.error.user"));
		}
		Role chosen = role(role);
		if (chosen == null) {
			errors.put(id + ".role", texts.get("admin.teams.error.role"));
		}
		if (errors.isEmpty()) {
			try {
				teams.putMember(teamId, userId, chosen, new Versions(version, false));
				redirect.addFlashAttribute("notice", texts.get("admin.teams.memberSaved", team.name()));
				return "redirect:/admin/teams";
			}
			catch (StaleVersionException e) {
				response.setStatus(409);
				model.addAttribute("alert", texts.get("admin.teams.error.stale", team.name()));
				page(model, Map.of("key", "", "name", "", "parent", ""), Map.of());
				return "admin/teams";
			}
			catch (NotFoundException e) {
				errors.put(id + ".user", texts.get("admin.teams.error.user"));
			}
		}
		response.setStatus(422);
		model.addAttribute("memberForm", Map.of("team", id, "user", nz(user), "role", nz(role)));
		page(model, Map.of("key", "", "name", "", "parent", ""), errors);
		return "admin/teams";
	}

	private void page(Model model, Map<String, String> form, Map<String, String> errors) {
		List<Teams.TeamView> all = teams.list(null, 10_000).stream().map(t -> teams.get(UUID.fromString(t.id()))).toList();
		Map<String, List<Teams.TeamView>> children = new HashMap<>();
		all.forEach(t -> children.computeIfAbsent(t.parentId() == null ? "" : t.parentId(), k -> new ArrayList<>()).add(t));
		children.values().forEach(list -> list.sort(Comparator.comparing(Teams.TeamView::name, String.CASE_INSENSITIVE_ORDER)));
		List<Node> tree = new ArrayList<>();
		walk("", 0, children, tree);
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "teams");
		model.addAttribute("tree", tree);
		model.addAttribute("people", users.list(null, 10_000).stream().filter(Users.UserView::active)
			.sorted(Comparator.comparing(Users.UserView::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("memberForm")) {
			model.addAttribute("memberForm", Map.of("team", "", "user", "", "role", ""));
		}
	}

	private static void walk(String parent, int depth, Map<String, List<Teams.TeamView>> children, List<Node> into) {
		for (Teams.TeamView team : children.getOrDefault(parent, List.of())) {
			into.add(new Node(team, depth));
			if (depth < 50) {
				walk(team.id(), depth + 1, children, into);
			}
		}
	}

	private static Role role(String typed) {
		try {
			return typed == null ? null : Role.valueOf(typed);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
