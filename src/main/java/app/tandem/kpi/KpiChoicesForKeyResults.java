package app.tandem.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import app.tandem.okr.KpiChoices;
import app.tandem.shared.Ids;
import app.tandem.shared.SearchWords;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The KPIs the key-result forms offer (none is private): the first few by name, those whose name or key holds the
 * words searched, and the ones already chosen. An organisation with a thousand KPIs cannot offer all in every row.
 */
@Component
class KpiChoicesForKeyResults implements KpiChoices {

	private final JdbcClient jdbc;

	KpiChoicesForKeyResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> choose(Collection<String> chosen, List<String> typed) {
		// a choice reads "Name (key)": the words may be copied from one, brackets and all
		List<String> words = typed.stream().map(w -> w.replace("(", "").replace(")", "")).filter(w -> !w.isEmpty())
			.toList();
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			conditions.add("(lower(name) like :w" + i + " escape '!' or lower(kpi_key) like :w" + i + " escape '!')");
			params.put("w" + i, SearchWords.containing(words.get(i)));
		}
		params.put("first", FIRST);
		// sorted as the select shows them: by name, then key
		TreeMap<String, String[]> byName = new TreeMap<>();
		jdbc.sql("select id, kpi_key, name from kpi" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
				+ " order by lower(name), kpi_key limit :first")
			.params(params)
			.query(rs -> {
				add(byName, Sql.uuid(rs, "id").toString(), rs.getString("kpi_key"), rs.getString("name"));
			});
		namesAndKeys(chosen).forEach((id, nameAndKey) -> add(byName, id, nameAndKey[1], nameAndKey[0]));
		Map<String, String> choices = new LinkedHashMap<>();
		byName.values().forEach(c -> choices.put(c[0], c[1]));
		return choices;
	}

	@Override
	public Map<String, String> namesOf(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		namesAndKeys(ids).forEach((id, nameAndKey) -> names.put(id, nameAndKey[0] + " (" + nameAndKey[1] + ")"));
		return names;
	}

	private static void add(TreeMap<String, String[]> byName, String id, String key, String name) {
		byName.put(name.toLowerCase(java.util.Locale.ROOT) + "\u0000" + key,
				new String[] { id, name + " (" + key + ")" });
	}

	/** Name and key of each of these KPIs that exists, by id. */
	private Map<String, String[]> namesAndKeys(Collection<String> ids) {
		List<UUID> uuids = ids.stream().filter(Objects::nonNull).map(Ids::tryParse).filter(Objects::nonNull).distinct()
			.toList();
		Map<String, String[]> found = new HashMap<>();
		if (!uuids.isEmpty()) {
			jdbc.sql("select id, kpi_key, name from kpi where id in (:ids)").param("ids", uuids).query(rs -> {
				found.put(Sql.uuid(rs, "id").toString(), new String[] { rs.getString("name"), rs.getString("kpi_key") });
			});
		}
		return found;
	}
}
