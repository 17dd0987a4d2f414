package app.tandem.kpi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import app.tandem.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON reader of ingestion bodies: what each row becomes, and which bodies are refused whole. */
class MeasurementRowsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static List<MeasurementRow> read(String body, boolean withKpi) {
		return MeasurementRows.json(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), JSON, withKpi);
	}

	@Test
	void rowsKeepWhatWasSentNumberedFromOne() {
		var rows = read("""
				[{"kpi":"leads","at":"2026-11-01","value":12.5,"note":{"ignored":[1,2]}},
				 {"at":"2026-11-02T10:00:00Z","value":"12","kpi":"k"},
				 7,
				 {"kpi":{"id":1},"value":null},
				 {"kpi":"leads","at":"2026-11-03","value":[1]}]""", true);
		assertThat(rows).containsExactly(new MeasurementRow(1, "leads", "2026-11-01", 12.5),
				new MeasurementRow(2, "k", "2026-11-02T10:00:00Z", "12"), new MeasurementRow(3, null, null, "not an object"),
				new MeasurementRow(4, "{\"id\":1}", null, null), new MeasurementRow(5, "leads", "2026-11-03", "[1]"));
	}

	@Test
	void theKpiOfARowIsIgnoredWhenTheUrlNamesIt() {
		assertThat(read("[{\"kpi\":\"x\",\"at\":\"2026-11-01\",\"value\":1}]", false))
			.containsExactly(new MeasurementRow(1, null, "2026-11-01", 1.0));
	}

	@Test
	void bodiesThatAreNotOneArrayAreRefused() {
		for (String body : List.of("", "{}", "[{\"at\":\"2026-11-01\"}", "[] []", "[{\"at\":}]")) {
			assertThatThrownBy(() -> read(body, true)).as(body).isInstanceOf(InvalidInputException.class);
		}
	}
}
