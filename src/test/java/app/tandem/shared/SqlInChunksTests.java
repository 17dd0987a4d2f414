package app.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Long {@code in (…)} lists are asked a thousand at a time; the answers come back in order. */
class SqlInChunksTests {

	@Test
	void aCycleOfKeyResultsIsAskedForAThousandAtATimeInOrder() {
		List<Integer> ids = IntStream.range(0, 2_500).boxed().toList();
		List<Integer> sizes = new ArrayList<>();

		List<String> rows = Sql.inChunks(ids, chunk -> {
			sizes.add(chunk.size());
			return chunk.stream().map(i -> "row " + i).toList();
		});

		assertThat(sizes).containsExactly(1_000, 1_000, 500);
		assertThat(rows).hasSize(2_500).startsWith("row 0", "row 1").endsWith("row 2499");
	}

	@Test
	void nothingToAskForAsksNothing() {
		List<Integer> sizes = new ArrayList<>();
		assertThat(Sql.inChunks(Set.<Integer>of(), chunk -> {
			sizes.add(chunk.size());
			return List.<String>of();
		})).isEmpty();
		assertThat(sizes).isEmpty();
	}

	@Test
	void aSetOfAThousandIsOneQuery() {
		Set<Integer> ids = new java.util.HashSet<>(IntStream.range(0, 1_000).boxed().toList());
		List<Integer> sizes = new ArrayList<>();
		Sql.inChunks(ids, chunk -> {
			sizes.add(chunk.size());
			return chunk;
		});
		assertThat(sizes).containsExactly(1_000);
	}
}
