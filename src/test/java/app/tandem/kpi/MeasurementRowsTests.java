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
				new MeasurementRow(2, "k", "2026-11-02T10:00:00Z", "12"),
				MeasurementRow.flawed(3, "row", "is not an object {kpi, at, value}"),
				MeasurementRow.flawed(4, "kpi", "is not text: an object"),
				MeasurementRow.flawed(5, "value", "is not a number: an array"));
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

	private static List<MeasurementRow> csv(String body) {
		return MeasurementRows.csv(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), false);
	}

	@Test
	void aCsvRowWithMoreValuesThanColumnsIsFlawedAndOnlyDecimalNumbersAreNumbers() {
		assertThat(csv("at,value\n2026-12-02T09:00:00Z,4,2\n2026-12-03,\"4,2\"\n2026-12-04,0x1p3\n2026-12-05,4d\n"
				+ "2026-12-06,-1.5e3\n2026-12-07,NaN\n2026-12-08,\n")).containsExactly(
				MeasurementRow.flawed(2, "row",
						"has 3 values where the header has 2 columns (a decimal comma? write 4.2, or quote the value)"),
				new MeasurementRow(3, null, "2026-12-03", "4,2"), new MeasurementRow(4, null, "2026-12-04", "0x1p3"),
				new MeasurementRow(5, null, "2026-12-05", "4d"), new MeasurementRow(6, null, "2026-12-06", -1500.0),
				new MeasurementRow(7, null, "2026-12-07", "NaN"), new MeasurementRow(8, null, "2026-12-08", null));
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheHeader() {
		assertThat(csv("\uFEFFat,value\n2026-12-02,4\n")).containsExactly(new MeasurementRow(2, null, "2026-12-02", 4.0));
	}

	@Test
	void brokenCsvIsToldByLine() {
		assertThatThrownBy(() -> csv("at,value\n\"2026-12-02,4\n")).isInstanceOf(InvalidInputException.class)
			.hasMessage("line 2: a quoted value that starts on line 2 is never closed: a \" is missing");
	}

	@Test
	void jacksonsMessagesLoseTheNamesOfItsSettings() {
		assertThatThrownBy(() -> read("[" + "[".repeat(1100) + "]".repeat(1100) + "]", false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage(": not valid JSON: Document nesting depth (501) exceeds the maximum allowed (500)");
	}
}
