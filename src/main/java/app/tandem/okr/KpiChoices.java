package app.tandem.okr;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The KPIs a key result may be measured by, as a form offers them: implemented by the kpi module, which is built on
 * this one (so this one cannot call it directly). Without an implementation a form offers none.
 */
public interface KpiChoices {

	/** How many KPIs a choice offers before the search beside it is needed. */
	int FIRST = 30;

	/**
	 * The first {@link #FIRST} KPIs whose name or key holds every word, and the chosen ones: by id, named as a person
	 * picks them ("Name (key)"), in the order of their names. Empty when there is no KPI at all.
	 */
	Map<String, String> choose(Collection<String> chosen, List<String> words);

	/** These KPIs (those that exist) named "Name (key)", by id. */
	Map<String, String> namesOf(Collection<String> ids);
}
