package app.tandem.kpi;

import java.util.LinkedHashMap;
import java.util.Map;

import app.tandem.okr.KpiChoices;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The KPIs the key-result forms offer: every KPI (none is private), by name. */
@Component
class KpiChoicesForKeyResults implements KpiChoices {

	private final JdbcClient jdbc;

	KpiChoicesForKeyResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> byName() {
		Map<String, String> choices = new LinkedHashMap<>();
		jdbc.sql("select id, kpi_key, name from kpi order by lower(name), kpi_key")
			.query(rs -> {
				choices.put(Sql.uuid(rs, "id").toString(), rs.getString("name") + " (" + rs.getString("kpi_key") + ")");
			});
		return choices;
	}
}
