package app.tandem.shared;

import java.util.List;
import java.util.function.Function;

/** A page of a list as SPEC §2 has it: {@code {"items": [...], "next": cursor | null}}. */
public record ListPage<T>(List<T> items, String next) {

	public static final int DEFAULT_LIMIT = 100;

	public static final int MAX_LIMIT = 1000;

	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return requested;
	}

	/** Rows were fetched with {@code limit + 1}: one more than asked means there is a next page. */
	public static <T> ListPage<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
		if (rows.size() <= limit) {
			return new ListPage<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		return new ListPage<>(List.copyOf(page), cursorOf.apply(page.get(limit - 1)));
	}
}
