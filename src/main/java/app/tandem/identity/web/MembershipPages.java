package app.tandem.identity.web;

import static app.tandem.identity.web.TeamPages.nz;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.Role;
import app.tandem.identity.Teams;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * Who belongs to a team, in which role: adding a person, changing a member's role, removing a member. Each change
 * carries the team's version the page showed (memberships move the team's version on), so a stale page is told, not
 * obeyed. htmx swaps the team's row with the change and its message; a whole page is redirected with a flash.
 */
@Controller
class MembershipPages {

	private final Teams teams;

	private final IdentityApi identity;

	private final TeamTreePage page;

	private final Texts texts;

	MembershipPages(Teams teams, IdentityApi identity, TeamTreePage page, Texts texts) {
		this.teams = teams;
		this.identity = identity;
		this.page = page;
		this.texts = texts;
	}

	/** Adds a person to the team or changes their role. */
	@PostMapping("/admin/teams/{id}/members")
	String put(@PathVariable String id, @RequestParam(required = false) String user,
			@RequestParam(required = false) String role, @RequestParam(required = false) Long version, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID teamId = Ids.parse(id, "team");
		Teams.TeamView team = teams.get(teamId);
		Map<String, String> errors = new HashMap<>();
		UUID userId = Ids.tryParse(nz(user));
		if (userId == null) {
			errors.put(team.id() + ".user", texts.get("admin.teams.error.user"));
		}
		Role chosen = role(role);
		if (chosen == null) {
			errors.put(team.id() + ".role", texts.get("admin.teams.error.role"));
		}
		if (errors.isEmpty()) {
			try {
				teams.putMember(teamId, userId, chosen, new Versions(version, false));
				return done(request, model, redirect, team, texts.get("admin.teams.memberSaved", team.name()));
			}
			catch (StaleVersionException e) {
				return page.refused(request, response, model, texts.get("admin.teams.error.stale", team.name()));
			}
			catch (NotFoundException e) {
				errors.put(team.id() + ".user", texts.get("admin.teams.error.user"));
			}
		}
		response.setStatus(422);
		model.addAttribute("memberForm", Map.of("team", team.id(), "user", nz(user), "role", nz(role)));
		return page.answer(request, model, team.id(), errors);
	}

	/** Removes a member from the team; the person stays, with their other memberships. */
	@PostMapping("/admin/teams/{id}/members/{userId}/remove")
	String remove(@PathVariable String id, @PathVariable String userId, @RequestParam(required = false) Long version,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID teamId = Ids.parse(id, "team");
		UUID memberId = Ids.parse(userId, "user");
		Teams.TeamView team = teams.get(teamId);
		String name = team.members().stream().filter(m -> m.userId().equals(memberId.toString()))
			.map(Teams.MemberView::name).findFirst().orElse(null);
		if (name == null) {
			// Someone removed them meanwhile: nothing to do, and nothing the page could be wrong about but that.
			return done(request, model, redirect, team, texts.get("admin.teams.notMember", team.name()));
		}
		try {
			teams.removeMember(teamId, memberId, new Versions(version, false));
			return done(request, model, redirect, team, texts.get("admin.teams.removed", name, team.name()));
		}
		catch (StaleVersionException e) {
			return page.refused(request, response, model, texts.get("admin.teams.error.stale", team.name()));
		}
	}

	private String done(HttpServletRequest request, Model model, RedirectAttributes redirect, Teams.TeamView team,
			String notice) {
		if (!TeamTreePage.htmx(request)) {
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/admin/teams";
		}
		model.addAttribute("rowMessage", new TeamTreePage.RowMessage(team.id(), notice));
		return page.answer(request, model, team.id(), Map.of());
	}

	private static Role role(String typed) {
		try {
			return typed == null ? null : Role.valueOf(typed);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
