package app.tandem.interchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders items of a tree (teams, aligned objectives) so that each comes after its parent, keeping
 * the given order otherwise. A parent that is not among the items counts as placed already.
 */
record ParentsFirst<T>(List<T> ordered, List<T> inLoops) {

	static <T, K> ParentsFirst<T> order(List<T> items, Function<T, K> key, Function<T, K> parent) {
		Set<K> keys = new HashSet<>();
		items.forEach(item -> keys.add(key.apply(item)));
		List<T> ordered = new ArrayList<>(items.size());
		Set<K> placed = new HashSet<>();
		List<T> pending = new ArrayList<>(items);
		while (!pending.isEmpty()) {
			int before = pending.size();
			for (var it = pending.iterator(); it.hasNext();) {
				T item = it.next();
				K up = parent.apply(item);
				if (up == null || !keys.contains(up) || placed.contains(up) || Objects.equals(up, key.apply(item))) {
					ordered.add(item);
					placed.add(key.apply(item));
					it.remove();
				}
			}
			if (pending.size() == before) {
				break;
			}
		}
		return new ParentsFirst<>(ordered, pending);
	}
}
