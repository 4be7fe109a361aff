package io.ternmq.broker.store.retention;

import java.util.HashSet;
import java.util.Set;

/** The {@code deleteWhen} setting: hours of the day ("04", "04;16") when expired segments may be deleted. */
final class DeleteWhen {
    private final Set<Integer> hours = new HashSet<>();

    DeleteWhen(String spec) {
        if (spec == null) {
            return;
        }
        for (String part : spec.split(";")) {
            String hour = part.trim();
            if (!hour.isEmpty()) {
                int h = Integer.parseInt(hour);
                if (h < 0 || h > 23) {
                    throw new IllegalArgumentException("deleteWhen hour out of range: " + hour);
                }
                hours.add(h);
            }
        }
    }

    boolean includes(int hourOfDay) {
        return hours.contains(hourOfDay);
    }
}
