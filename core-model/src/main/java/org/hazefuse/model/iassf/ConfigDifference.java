package org.hazefuse.model.iassf;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** The first field in which two configurations differ, named as a user reads it ("stage 2 heads: 4, not 2"). */
final class ConfigDifference {
    private ConfigDifference() {}

    /** Null when equal; else the first difference, {@code actual}'s value against {@code expected}'s. */
    static String first(Record expected, Record actual) {
        return first("", expected, actual);
    }

    private static String first(String prefix, Record expected, Record actual) {
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            Object e = value(c, expected);
            Object a = value(c, actual);
            String field = prefix + c.getName();
            if (e instanceof List<?> le && a instanceof List<?> la) {
                if (le.size() != la.size()) {
                    return field + ": " + la.size() + " entries, not " + le.size();
                }
                for (int i = 0; i < le.size(); i++) {
                    String d = le.get(i) instanceof Record re && la.get(i) instanceof Record ra
                            ? first(field + " " + (i + 1) + " ", re, ra)
                            : le.get(i).equals(la.get(i)) ? null : field + " " + (i + 1) + ": " + la.get(i) + ", not "
                                    + le.get(i);
                    if (d != null) {
                        return d;
                    }
                }
            } else if (!java.util.Objects.equals(e, a)) {
                return field + " " + a + ", not " + e;
            }
        }
        return null;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is public", e);
        }
    }
}
