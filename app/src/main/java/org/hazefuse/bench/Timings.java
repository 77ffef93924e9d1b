package org.hazefuse.bench;

import java.util.Arrays;
import java.util.Locale;

/** Repeated measurements of one thing, in seconds, summarised by their median (robust to a busy machine). */
public record Timings(double[] seconds) {
    public Timings {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        seconds = seconds.clone();
    }

    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    public int count() {
        return seconds.length;
    }

    /** "1.234 s (1.200-1.300, n = 5)" (ASCII: consoles without a UTF-8 locale print it too). */
    public String describe() {
        return String.format(Locale.ROOT, "%.3f s (%.3f-%.3f, n = %d)", median(), min(), max(), count());
    }
}
