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

import app.tandem.identity.IdentityApi;
import app.tandem.identity.TeamCommands;
import app.tandem.identity.Teams;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/**
 * Editing the tree: renaming a team, moving it under another (never below itself: {@link Teams#update} refuses a
 * cycle) and deleting one that nothing depends on. A refused edit comes back in the team's row with what was typed;
 * a done one reloads the whole tree, whose shape may have changed.
 */
@Controller
class TeamEditPages {

	private final Teams teams;

	private final IdentityApi identity;

	private final TeamTreePage page;

	private final Texts texts;

	TeamEditPages(Teams teams, IdentityApi identity, TeamTreePage page, Texts texts) {
		this.teams = teams;
		this.identity = identity;
		this.page = page;
		this.texts = texts;
	}

	/** Renames the team and puts it under the parent chosen (empty: the top), from the version the page showed. */
	@PostMapping("/admin/teams/{id}")
	String update(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String parent, @RequestParam(required = false) Long version, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		identity.requireAdmin();
		UUID teamId = Ids.parse(id, "team");
		Teams.TeamView team = teams.get(teamId);
		Map<String, String> errors = new HashMap<>();
		if (nz(name).isBlank() || name.strip().length() > 200) {
			errors.put(team.id() + ".name", texts.get("admin.teams.error.name"));
		}
		String parentId = nz(parent).strip();
		UUID parentUuid = Ids.tryParse(parentId);
		if (!parentId.isEmpty() && parentUuid == null) {
			errors.put(team.id() + ".parent", texts.get("admin.teams.error.parent"));
		}
		if (errors.isEmpty()) {
			try {
				Teams.TeamView saved = teams.update(teamId, new TeamCommands.UpdateTeam(name.strip(),
						parentUuid == null ? "" : parentUuid.toString(), null, null), new Versions(version, false));
				return page.reload(request, response, texts.get("admin.teams.saved", saved.name()));
			}
			catch (StaleVersionException e) {
				return page.refused(request, response, model, texts.get("admin.teams.error.staleEdit", team.name()));
			}
			catch (InvalidInputException e) {
				// The service names the parent: one that is gone, or one at or below the team itself.
				errors.put(team.id() + ".parent", identity.teamExists(parentUuid)
						? texts.get("admin.teams.error.cycle", team.name()) : texts.get("admin.teams.error.parent"));
			}
		}
		response.setStatus(422);
		model.addAttribute("editForm", Map.of("team", team.id(), "name", nz(name), "parent", parentId, "version",
				version == null ? "" : version.toString()));
		return page.answer(request, model, team.id(), errors);
	}

	/** Deletes a team with its memberships, unless sub-teams, objectives or KPIs still belong to it. */
	@PostMapping("/admin/teams/{id}/delete")
	String delete(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
		identity.requireAdmin();
		UUID teamId = Ids.parse(id, "team");
		Teams.TeamView team = teams.get(teamId);
		try {
			teams.delete(teamId);
			return page.reload(request, response, texts.get("admin.teams.deleted", team.name()));
		}
		catch (ConflictException e) {
			boolean hasChildren = identity.allTeams().stream().anyMatch(t -> teamId.equals(t.parentId()));
			return page.refused(request, response, model,
					texts.get(hasChildren ? "admin.teams.error.hasChildren" : "admin.teams.error.inUse", team.name()));
		}
	}
}
