package qc.esac.kit.web;

import java.util.List;

/**
 * One page of a list, the shape every list endpoint of the platform answers with.
 *
 * @param page       zero-based page number
 * @param totalItems items in the whole list
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The page {@code page} of size {@code size} of a list held in memory. */
    public static <T> PageView<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        int totalPages = size == 0 ? 0 : (all.size() + size - 1) / size;
        return new PageView<>(List.copyOf(all.subList(from, to)), page, size, all.size(), totalPages);
    }
}
