package app.tandem.okr;

import java.util.Map;

/**
 * The KPIs a key result may be measured by, as a form offers them: implemented by the kpi module, which is built on
 * this one (so this one cannot call it directly). Without an implementation a form offers none.
 */
public interface KpiChoices {

	/** Every KPI by id, named as a person picks it ("Name (key)"), in the order of their names. */
	Map<String, String> byName();
}
