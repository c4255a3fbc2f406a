package org.izhsim.analysis.polychronous;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The summary of a search: the number of groups and the distributions of their size (distinct
 * neurons), length (longest path, in links) and time span (first to last spike, ms).
 */
public record GroupStatistics(int count, Distribution size, Distribution longestPath, Distribution timeSpanMs) {

    /**
     * A distribution of whole numbers: {@code counts[i]} groups have the value {@code min + i}.
     * Empty (count 0) when there are no groups: then min, max, mean and median are NaN-free zeros
     * and counts is empty.
     */
    public record Distribution(int min, int max, double mean, double median, int[] counts) {
        static Distribution of(int[] values) {
            if (values.length == 0) return new Distribution(0, 0, 0, 0, new int[0]);
            int[] sorted = values.clone();
            Arrays.sort(sorted);
            int min = sorted[0], max = sorted[sorted.length - 1];
            int[] counts = new int[max - min + 1];
            long sum = 0;
            for (int x : sorted) {
                counts[x - min]++;
                sum += x;
            }
            int h = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2.0;
            return new Distribution(min, max, (double) sum / sorted.length, median, counts);
        }
    }

    public static GroupStatistics of(List<PolychronousGroup> groups) {
        return new GroupStatistics(groups.size(), dist(groups, PolychronousGroup::size),
                dist(groups, PolychronousGroup::longestPath), dist(groups, PolychronousGroup::timeSpanMs));
    }

    private static Distribution dist(List<PolychronousGroup> groups, ToIntFunction<PolychronousGroup> f) {
        return Distribution.of(groups.stream().mapToInt(f).toArray());
    }
}
