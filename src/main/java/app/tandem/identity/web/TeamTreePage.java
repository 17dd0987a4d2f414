package app.tandem.identity.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.RequestContextUtils;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.Role;
import app.tandem.identity.Teams;

/**
 * The team tree page for the controllers that change it: the whole page, or one team's row when htmx asked (its
 * forms swap their own row), and the answers every change shares (done, stale).
 */
@Component
class TeamTreePage {

	static final String PAGE = "admin/teams";

	private static final String ROW = "admin/team-row :: teamRow";

	private final Teams teams;

	private final IdentityApi identity;

	TeamTreePage(Teams teams, IdentityApi identity) {
		this.identity = identity;
		this.teams = teams;
	}

	/** A team at its depth in the tree (0 at the top). */
	record Node(Teams.TeamView team, int depth) {
	}

	/** A message shown in one team's row after an htmx change there. */
	record RowMessage(String team, String text) {
	}

	/** The whole page, with the forms as the model holds them (empty unless a refused form put them there). */
	String page(Model model, Map<String, String> errors) {
		return page(model, errors, "");
	}

	/**
	 * The whole page; {@code open} names the team whose row shows its forms (rename, move, add a person), as does a
	 * row whose form was refused. The others show a button that opens them: every row's forms offer every team and
	 * every person, which made the page grow as teams × (teams + people).
	 */
	String page(Model model, Map<String, String> errors, String open) {
		List<Node> tree = tree();
		defaults(model, "form", Map.of("key", "", "name", "", "parent", ""));
		defaults(model, "memberForm", Map.of("team", "", "user", "", "role", ""));
		defaults(model, "editForm", Map.of("team", "", "name", "", "parent", "", "version", ""));
		defaults(model, "rowMessage", new RowMessage("", ""));
		Set<String> opened = new HashSet<>();
		opened.add(open);
		opened.add(String.valueOf(((Map<?, ?>) model.getAttribute("memberForm")).get("team")));
		opened.add(String.valueOf(((Map<?, ?>) model.getAttribute("editForm")).get("team")));
		opened.remove("");
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "teams");
		model.addAttribute("tree", tree);
		rows(tree, 0, opened, model);
		model.addAttribute("opened", opened);
		model.addAttribute("below", selfAndBelow(tree, opened));
		String chosen = String.valueOf(((Map<?, ?>) model.getAttribute("memberForm")).get("user"));
		model.addAttribute("people", opened.isEmpty() ? Map.of() : identity.peopleToChoose(List.of(chosen)));
		String parent = String.valueOf(((Map<?, ?>) model.getAttribute("form")).get("parent"));
		model.addAttribute("teamChoices", identity.teamsOffered(List.of(parent)));
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", errors);
		return PAGE;
	}

	/** How many teams the page shows at once, and each "Show more" adds. */
	static final int ROWS = 100;

	/**
	 * The rows of the tree from {@code offset} on, a page of them, and the button for the rest; the page's first part
	 * also holds every row that is open (a refused form's), wherever it is in the tree.
	 */
	void rows(List<Node> tree, int offset, Set<String> opened, Model model) {
		int end = Math.min(tree.size(), offset + ROWS);
		List<Node> shown = new ArrayList<>(tree.subList(Math.min(offset, end), end));
		if (offset == 0) {
			tree.subList(end, tree.size()).stream().filter(n -> opened.contains(n.team().id())).forEach(shown::add);
		}
		model.addAttribute("shown", shown);
		boolean more = end < tree.size();
		model.addAttribute("moreUrl", more ? "/admin/teams/more?offset=" + end : null);
		model.addAttribute("left", tree.size() - end);
		model.addAttribute("nextCount", Math.min(ROWS, tree.size() - end));
	}

	/** The next rows of the tree, after "Show more". */
	String more(Model model, int offset) {
		page(model, Map.of(), "");
		@SuppressWarnings("unchecked")
		List<Node> tree = (List<Node>) model.getAttribute("tree");
		rows(tree, Math.max(0, offset), Set.of(), model);
		return "admin/teams :: rows";
	}

	/** One team's row with its forms open, for htmx (the button on a closed row), else the page with it open. */
	String opened(HttpServletRequest request, Model model, String teamId) {
		String page = page(model, Map.of(), teamId);
		if (!htmx(request)) {
			return page;
		}
		@SuppressWarnings("unchecked")
		List<Node> tree = (List<Node>) model.getAttribute("tree");
		model.addAttribute("n", tree.stream().filter(n -> n.team().id().equals(teamId)).findFirst()
			.orElseThrow(() -> new app.tandem.shared.NotFoundException("team", teamId)));
		return ROW;
	}

	/** One team's row for htmx, else the whole page. */
	String answer(HttpServletRequest request, Model model, String teamId, Map<String, String> errors) {
		String page = page(model, errors, teamId);
		if (!htmx(request)) {
			return page;
		}
		@SuppressWarnings("unchecked")
		List<Node> tree = (List<Node>) model.getAttribute("tree");
		model.addAttribute("n", tree.stream().filter(n -> n.team().id().equals(teamId)).findFirst().orElseThrow());
		return ROW;
	}

	/**
	 * The tree changed shape (a team moved, went, or was renamed): the whole page again, with the notice.
	 * htmx is sent there too, since more than its row may have changed.
	 */
	String reload(HttpServletRequest request, HttpServletResponse response, String notice) {
		RequestContextUtils.getOutputFlashMap(request).put("notice", notice);
		if (!htmx(request)) {
			return "redirect:/admin/teams";
		}
		RequestContextUtils.saveOutputFlashMap("/admin/teams", request, response);
		response.setHeader("HX-Redirect", request.getContextPath() + "/admin/teams");
		return "admin/team-row :: nothing";
	}

	/**
	 * Refused with nothing changed (a stale page, a team that cannot go): 409. A whole page is told at its top and shows
	 * the tree as it is now; htmx does not swap a 409, so it is sent to the page as it is now with the same alert.
	 */
	String refused(HttpServletRequest request, HttpServletResponse response, Model model, String alert) {
		response.setStatus(409);
		if (htmx(request)) {
			RequestContextUtils.getOutputFlashMap(request).put("alert", alert);
			RequestContextUtils.saveOutputFlashMap("/admin/teams", request, response);
			response.setHeader("HX-Redirect", request.getContextPath() + "/admin/teams");
			return "admin/team-row :: nothing";
		}
		model.addAttribute("alert", alert);
		return page(model, Map.of());
	}

	static boolean htmx(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null;
	}

	private List<Node> tree() {
		List<Teams.TeamView> all = teams.allWithMembers();
		Map<String, List<Teams.TeamView>> children = new HashMap<>();
		all.forEach(t -> children.computeIfAbsent(t.parentId() == null ? "" : t.parentId(), k -> new ArrayList<>()).add(t));
		children.values().forEach(list -> list.sort(Comparator.comparing(Teams.TeamView::name, String.CASE_INSENSITIVE_ORDER)));
		List<Node> tree = new ArrayList<>();
		walk("", 0, children, tree);
		return tree;
	}

	private static void walk(String parent, int depth, Map<String, List<Teams.TeamView>> children, List<Node> into) {
		for (Teams.TeamView team : children.getOrDefault(parent, List.of())) {
			into.add(new Node(team, depth));
			if (depth < 50) {
				walk(team.id(), depth + 1, children, into);
			}
		}
	}

	/**
	 * Each opened team with itself and every team below it: the parents its edit form must not offer. In the walked
	 * tree a team's descendants are the deeper rows that follow it.
	 */
	private static Map<String, Set<String>> selfAndBelow(List<Node> tree, Set<String> opened) {
		Map<String, Set<String>> below = new HashMap<>();
		for (int i = 0; i < tree.size(); i++) {
			if (!opened.contains(tree.get(i).team().id())) {
				continue;
			}
			Set<String> ids = new HashSet<>();
			ids.add(tree.get(i).team().id());
			for (int j = i + 1; j < tree.size() && tree.get(j).depth() > tree.get(i).depth(); j++) {
				ids.add(tree.get(j).team().id());
			}
			below.put(tree.get(i).team().id(), ids);
		}
		return below;
	}

	private static void defaults(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}
}
